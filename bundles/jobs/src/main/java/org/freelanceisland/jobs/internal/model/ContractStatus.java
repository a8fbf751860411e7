package org.freelanceisland.jobs.internal.model;

import org.freelanceisland.platform.api.LocalizedText;

/** Where a contract stands: {@code ACTIVE → DELIVERED → PAID}, or {@code ACTIVE → CANCELLED}. */
public enum ContractStatus {
    /** Being worked on. */
    ACTIVE(LocalizedText.of("作業中", "In progress")),
    /** Delivered; payment is due. */
    DELIVERED(LocalizedText.of("納品済", "Delivered")),
    /** Paid. */
    PAID(LocalizedText.of("支払済", "Paid")),
    /** Cancelled before delivery. */
    CANCELLED(LocalizedText.of("解約", "Cancelled"));

    private final LocalizedText label;

    ContractStatus(LocalizedText label) {
        this.label = label;
    }

    /** @return the label in Japanese and English */
    public LocalizedText label() {
        return label;
    }
}
