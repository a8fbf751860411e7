package org.freelanceisland.platform.api.people;

import org.freelanceisland.platform.api.LocalizedText;

/**
 * The purposes a person may consent to. Withdrawing a consent stops that use from then on.
 */
public enum ConsentPurpose {
    /** Taking part in programs: enrolment, entries, registrations, consultations. */
    PROGRAM_ADMINISTRATION(LocalizedText.of("事業の運営", "Program administration")),
    /** Being counted in statistics and reports (aggregates only). */
    STATISTICS(LocalizedText.of("統計・報告", "Statistics")),
    /** Being shown publicly as a role model of an island freelancer. */
    ROLE_MODEL(LocalizedText.of("ロールモデルとしての紹介", "Shown as a role model")),
    /** Being contacted with job offers and matched to jobs. */
    JOB_OFFERS(LocalizedText.of("仕事の紹介", "Job offers"));

    private final LocalizedText label;

    ConsentPurpose(LocalizedText label) {
        this.label = label;
    }

    /**
     * The purpose's name for people.
     *
     * @return the label in Japanese and English
     */
    public LocalizedText label() {
        return label;
    }
}
