package org.freelanceisland.community.internal.model;

import org.freelanceisland.platform.api.LocalizedText;

/** The phases of a would-be migrant's relation to the island (stage 3 informs them by phase). */
public enum MigrantPhase {
    /** Interested in the island. */
    INTERESTED(LocalizedText.of("関心あり", "Interested")),
    /** Visiting the island. */
    VISITING(LocalizedText.of("訪問", "Visiting")),
    /** Staying on trial (お試し移住). */
    TRIAL_STAY(LocalizedText.of("お試し滞在", "Trial stay")),
    /** Has moved to the island. */
    MOVED(LocalizedText.of("移住済み", "Moved"));

    private final LocalizedText label;

    MigrantPhase(LocalizedText label) {
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
