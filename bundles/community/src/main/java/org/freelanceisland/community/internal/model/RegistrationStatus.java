package org.freelanceisland.community.internal.model;

/** Where a registration to an event stands. */
public enum RegistrationStatus {
    /** Holds a place. */
    REGISTERED,
    /** Waits for a place, in order of arrival. */
    WAITLISTED,
    /** Cancelled by the person or staff; frees the place. */
    CANCELLED
}
