package org.freelanceisland.platform.api.people;

import org.freelanceisland.platform.api.LocalizedText;

/**
 * Circumstances that shape when and how a freelancer can work. Sensitive personal data: only
 * staff and coordinators see them, and matching uses them only with consent to job offers.
 */
public enum LifestyleConstraint {
    /** Raising children. */
    CHILD_REARING(LocalizedText.of("子育て中", "Child-rearing")),
    /** Caring for a family member. */
    CAREGIVING(LocalizedText.of("介護中", "Caregiving")),
    /** Works freelance beside a main employer. */
    SIDE_JOB(LocalizedText.of("副業", "Side job")),
    /** Can only work remotely. */
    REMOTE_ONLY(LocalizedText.of("リモートのみ", "Remote only"));

    private final LocalizedText label;

    LifestyleConstraint(LocalizedText label) {
        this.label = label;
    }

    /**
     * The constraint's name for people.
     *
     * @return the label in Japanese and English
     */
    public LocalizedText label() {
        return label;
    }
}
