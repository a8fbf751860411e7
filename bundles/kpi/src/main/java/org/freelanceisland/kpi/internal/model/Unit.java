package org.freelanceisland.kpi.internal.model;

import java.util.Locale;

import org.freelanceisland.platform.api.LocalizedText;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What an indicator's figures count. */
public enum Unit {
    /** People (a head count). */
    PEOPLE(LocalizedText.of("人", "people")),
    /** A percentage. */
    PERCENT(LocalizedText.of("%", "%")),
    /** Yen. */
    YEN(LocalizedText.of("円", "yen")),
    /** Occurrences (events, sessions, visits). */
    EVENTS(LocalizedText.of("件", "events"));

    private final LocalizedText label;

    Unit(LocalizedText label) {
        this.label = label;
    }

    /**
     * The unit's label.
     *
     * @return Japanese and English
     */
    public LocalizedText label() {
        return label;
    }

    /**
     * The name used in JSON and CSV.
     *
     * @return {@code people}, {@code percent}, {@code yen} or {@code events}
     */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a unit in any case.
     *
     * @param code the name
     * @return the unit
     */
    @JsonCreator
    public static Unit of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
