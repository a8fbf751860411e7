package org.freelanceisland.jobs.internal.model;

/** Where a skill-share exchange stands: {@code AGREED → COMPLETED}, or {@code AGREED → CANCELLED}. */
public enum ExchangeStatus {
    /** The two freelancers agreed to the exchange. */
    AGREED,
    /** The exchange took place. */
    COMPLETED,
    /** It did not take place. */
    CANCELLED
}
