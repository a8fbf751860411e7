package org.freelanceisland.community.internal.model;

import org.freelanceisland.platform.api.LocalizedText;

/** What a consultation at the desk was about. */
public enum ConsultationTopic {
    /** Starting out as a freelancer. */
    STARTING_OUT(LocalizedText.of("開業・はじめの一歩", "Starting out")),
    /** Taxes and filing (確定申告). */
    TAXES_AND_FILING(LocalizedText.of("税金・確定申告", "Taxes and filing")),
    /** Contracts and invoices. */
    CONTRACTS(LocalizedText.of("契約", "Contracts")),
    /** Moving to the island. */
    MIGRATION(LocalizedText.of("移住", "Migration")),
    /** Combining child-rearing and work. */
    CHILD_REARING_AND_WORK(LocalizedText.of("子育てと仕事", "Child-rearing and work")),
    /** Skills and learning. */
    SKILLS(LocalizedText.of("スキル", "Skills")),
    /** Anything else. */
    OTHER(LocalizedText.of("その他", "Other"));

    private final LocalizedText label;

    ConsultationTopic(LocalizedText label) {
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
