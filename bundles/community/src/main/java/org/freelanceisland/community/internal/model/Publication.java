package org.freelanceisland.community.internal.model;

/** Whether content staff prepare is public yet. */
public enum Publication {
    /** Being prepared; staff only. */
    DRAFT,
    /** Shown on the public endpoints. */
    PUBLISHED
}
