package org.freelanceisland.people.internal.model;

import org.freelanceisland.platform.api.LocalizedText;

/** Where a yearly income figure comes from. */
public enum IncomeSource {
    /** Reported by the person. */
    SELF_REPORT(LocalizedText.of("自己申告", "Self-report")),
    /** Added up from contract records. */
    CONTRACT_RECORDS(LocalizedText.of("契約実績", "Contract records"));

    private final LocalizedText label;

    IncomeSource(LocalizedText label) {
        this.label = label;
    }

    /**
     * The name for people.
     *
     * @return the label
     */
    public LocalizedText label() {
        return label;
    }
}
