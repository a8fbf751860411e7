package org.freelanceisland.jobs.internal.model;

import org.freelanceisland.platform.api.LocalizedText;

/** Where a job's work is done. */
public enum WorkMode {
    /** Entirely remote: from home, the hub or anywhere. */
    REMOTE(LocalizedText.of("リモート", "Remote")),
    /** Partly on site (a shoot, an interview, a meeting) and partly remote. */
    HYBRID(LocalizedText.of("一部現地", "Partly on site")),
    /** On site. */
    ON_SITE(LocalizedText.of("現地", "On site"));

    private final LocalizedText label;

    WorkMode(LocalizedText label) {
        this.label = label;
    }

    /** @return the label in Japanese and English */
    public LocalizedText label() {
        return label;
    }
}
