package org.freelanceisland.terakoya.internal.model;

/** Where a course's sessions take place. */
public enum CourseFormat {
    /** At the hub or another place on the island. */
    ON_SITE,
    /** Online only. */
    ONLINE,
    /** On site with an online option. */
    HYBRID
}
