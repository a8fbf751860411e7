package org.freelanceisland.jobs.internal.model;

/** Whether a skill-share listing offers a skill or asks for one. */
public enum ListingKind {
    /** The freelancer can teach or do this for others. */
    OFFER,
    /** The freelancer wants to learn this or have it done. */
    REQUEST
}
