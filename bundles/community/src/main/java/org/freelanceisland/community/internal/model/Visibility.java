package org.freelanceisland.community.internal.model;

/** Who may see an event. */
public enum Visibility {
    /** Listed in the public calendar feed and the public list of events. */
    PUBLIC,
    /** Staff only (internal meetings, invitation-only gatherings). */
    INTERNAL
}
