package org.freelanceisland.jobs.internal.model;

/** How a freelancer's answer reached the coordinator who records it. */
public enum Channel {
    /** By phone. */
    PHONE,
    /** By e-mail. */
    EMAIL,
    /** By a chat message (LINE, Slack, ...). */
    MESSAGE,
    /** In person (at the hub, at an event). */
    IN_PERSON,
    /** Some other way. */
    OTHER
}
