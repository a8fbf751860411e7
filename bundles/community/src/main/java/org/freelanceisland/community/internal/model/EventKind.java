package org.freelanceisland.community.internal.model;

import org.freelanceisland.platform.api.LocalizedText;

/** What kind of gathering an event is. */
public enum EventKind {
    /** 島フリーランス交流会: an exchange meeting of island freelancers. */
    EXCHANGE_MEETING(LocalizedText.of("交流会", "Exchange meeting")),
    /** A study session (勉強会). */
    STUDY_SESSION(LocalizedText.of("勉強会", "Study session")),
    /** The freelancer cafe (フリーランスカフェ). */
    FREELANCER_CAFE(LocalizedText.of("フリーランスカフェ", "Freelancer cafe")),
    /** A market day (マルシェ・販売会). */
    MARKET_DAY(LocalizedText.of("マルシェ・販売会", "Market day"));

    private final LocalizedText label;

    EventKind(LocalizedText label) {
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
