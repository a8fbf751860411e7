package org.freelanceisland.community.internal.model;

import org.freelanceisland.platform.api.LocalizedText;

/** The kinds of survey question. */
public enum QuestionType {
    /** A rating from 1 (not at all) to 5 (very much). */
    LIKERT_1_5(LocalizedText.of("5段階評価", "Rating 1 to 5")),
    /** One of a list of options. */
    CHOICE(LocalizedText.of("選択式", "Choice")),
    /** Free text; never leaves the survey (not in the ledger, not in aggregates). */
    FREE_TEXT(LocalizedText.of("自由記述", "Free text"));

    private final LocalizedText label;

    QuestionType(LocalizedText label) {
        this.label = label;
    }

    /**
     * The name for people.
     *
     * @return the label in Japanese and English
     */
    public LocalizedText label() {
        return label;
    }
}
