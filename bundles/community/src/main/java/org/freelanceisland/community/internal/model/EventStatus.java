package org.freelanceisland.community.internal.model;

/** Whether an event takes place. */
public enum EventStatus {
    /** Planned or held. */
    SCHEDULED,
    /** Called off; stays in the feed as cancelled so that subscribed calendars update. */
    CANCELLED
}
