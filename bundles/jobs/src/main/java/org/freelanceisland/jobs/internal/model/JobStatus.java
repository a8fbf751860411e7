package org.freelanceisland.jobs.internal.model;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.freelanceisland.platform.api.LocalizedText;

/**
 * Where a job stands. It moves forward with the work: {@code OPEN → INTRODUCED → CONTRACTED →
 * DELIVERED → PAID → CLOSED}. A job nobody took can be closed while open or introduced; a job whose
 * only contract was cancelled goes back from contracted to introduced. Everything else is refused.
 */
public enum JobStatus {
    /** Taken from a partner, not introduced to anyone yet. */
    OPEN(LocalizedText.of("募集中", "Open")),
    /** Introduced to one or more freelancers. */
    INTRODUCED(LocalizedText.of("紹介中", "Introduced")),
    /** At least one contract is being worked on. */
    CONTRACTED(LocalizedText.of("契約済", "Contracted")),
    /** Every contract is delivered (some may be paid). */
    DELIVERED(LocalizedText.of("納品済", "Delivered")),
    /** Every contract is paid. */
    PAID(LocalizedText.of("支払済", "Paid")),
    /** Finished or cancelled; nothing changes any more. */
    CLOSED(LocalizedText.of("終了", "Closed"));

    private static final Map<JobStatus, Set<JobStatus>> NEXT = Map.of(
            OPEN, EnumSet.of(INTRODUCED, CLOSED),
            INTRODUCED, EnumSet.of(CONTRACTED, CLOSED),
            CONTRACTED, EnumSet.of(DELIVERED, INTRODUCED),
            DELIVERED, EnumSet.of(PAID),
            PAID, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(JobStatus.class));

    private final LocalizedText label;

    JobStatus(LocalizedText label) {
        this.label = label;
    }

    /** @return the label in Japanese and English */
    public LocalizedText label() {
        return label;
    }

    /**
     * Whether a job may move from this status to another.
     *
     * @param target the status wanted
     * @return {@code true} when the move is allowed (staying is not a move)
     */
    public boolean canMoveTo(JobStatus target) {
        return NEXT.get(this).contains(target);
    }

    /**
     * Whether freelancers may still be introduced to a job in this status.
     *
     * @return {@code true} while open or introduced
     */
    public boolean introducible() {
        return this == OPEN || this == INTRODUCED;
    }
}
