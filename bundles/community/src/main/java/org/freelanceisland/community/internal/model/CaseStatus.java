package org.freelanceisland.community.internal.model;

import org.freelanceisland.platform.api.LocalizedText;

/** Where a consultation case stands. */
public enum CaseStatus {
    /** Logged, nothing more planned yet. */
    OPEN(LocalizedText.of("対応中", "Open")),
    /** A follow-up is planned on the follow-up date. */
    FOLLOW_UP(LocalizedText.of("フォロー予定", "Follow-up")),
    /** Done. */
    CLOSED(LocalizedText.of("完了", "Closed"));

    private final LocalizedText label;

    CaseStatus(LocalizedText label) {
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
