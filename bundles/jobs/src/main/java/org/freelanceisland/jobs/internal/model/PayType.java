package org.freelanceisland.jobs.internal.model;

import org.freelanceisland.platform.api.LocalizedText;

/** How a job pays. */
public enum PayType {
    /** One amount for the whole job. */
    FIXED(LocalizedText.of("固定報酬", "Fixed")),
    /** An amount per unit of the volume (per article, per photo). */
    PER_UNIT(LocalizedText.of("単価", "Per unit"));

    private final LocalizedText label;

    PayType(LocalizedText label) {
        this.label = label;
    }

    /** @return the label in Japanese and English */
    public LocalizedText label() {
        return label;
    }
}
