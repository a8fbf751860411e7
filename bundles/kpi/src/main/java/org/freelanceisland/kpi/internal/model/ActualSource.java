package org.freelanceisland.kpi.internal.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where an indicator's actual figure comes from. */
public enum ActualSource {
    /** Taken from the plan's reports (stages 1 and 2). */
    REPORTED,
    /** Counted live from the activity ledger. */
    COMPUTED;

    /**
     * The name used in JSON and CSV.
     *
     * @return {@code reported} or {@code computed}
     */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a source in any case.
     *
     * @param code the name
     * @return the source
     */
    @JsonCreator
    public static ActualSource of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
