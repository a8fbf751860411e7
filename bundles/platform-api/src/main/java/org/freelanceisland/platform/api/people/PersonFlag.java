package org.freelanceisland.platform.api.people;

import org.freelanceisland.platform.api.LocalizedText;

/**
 * Statuses of a person that the plan's indicators count. Each change is recorded in the activity
 * ledger ({@code people.flag.set} / {@code people.flag.cleared} with the attribute {@code flag}).
 */
public enum PersonFlag {
    /** A freelancer who is raising children. */
    CHILD_REARING_FREELANCER(LocalizedText.of("子育てフリーランス", "Child-rearing freelancer")),
    /** A freelancer who works freelance beside a main job. */
    SIDE_JOB_FREELANCER(LocalizedText.of("副業フリーランス", "Side-job freelancer")),
    /** A leader of a community or activity. */
    COMMUNITY_LEADER(LocalizedText.of("コミュニティリーダー", "Community leader"));

    private final LocalizedText label;

    PersonFlag(LocalizedText label) {
        this.label = label;
    }

    /**
     * The flag's name for people.
     *
     * @return the label in Japanese and English
     */
    public LocalizedText label() {
        return label;
    }
}
