package org.freelanceisland.platform.api.people;

import org.freelanceisland.platform.api.LocalizedText;

/** Parts of the day in which a person can work. */
public enum TimeWindow {
    /** 6:00–9:00. */
    EARLY_MORNING(LocalizedText.of("早朝", "Early morning")),
    /** 9:00–12:00. */
    MORNING(LocalizedText.of("午前", "Morning")),
    /** 12:00–17:00. */
    AFTERNOON(LocalizedText.of("午後", "Afternoon")),
    /** 17:00–21:00. */
    EVENING(LocalizedText.of("夕方・夜", "Evening")),
    /** After 21:00. */
    NIGHT(LocalizedText.of("深夜", "Night"));

    private final LocalizedText label;

    TimeWindow(LocalizedText label) {
        this.label = label;
    }

    /**
     * The window's name for people.
     *
     * @return the label in Japanese and English
     */
    public LocalizedText label() {
        return label;
    }
}
