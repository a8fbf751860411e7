package org.freelanceisland.terakoya.internal.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an application to a course stands.
 *
 * <pre>
 *  apply ──► APPLIED (holds a seat) ──accept──► ACCEPTED (enrolled; may complete)
 *    │          │ decline / withdraw               │ withdraw
 *    │          ▼                                  ▼
 *    │       DECLINED / WITHDRAWN ◄────────── (seat freed: first on the waitlist is promoted)
 *    └─(full)► WAITLISTED ──promoted when a seat frees──► APPLIED
 * </pre>
 */
public enum EnrolmentStatus {
    /** Applied and holding a seat, waiting for staff to accept. */
    APPLIED,
    /** Accepted by staff: enrolled in the course. */
    ACCEPTED,
    /** Applied when the course was full; waits in order for a seat. */
    WAITLISTED,
    /** Turned down by staff. */
    DECLINED,
    /** Withdrawn by the person or by staff on their behalf. */
    WITHDRAWN;

    /** The statuses that hold one of the course's seats. */
    public static final Set<EnrolmentStatus> HOLDING_SEAT = EnumSet.of(APPLIED, ACCEPTED);

    /** The statuses of a live application (a second one for the same person is refused). */
    public static final Set<EnrolmentStatus> ACTIVE = EnumSet.of(APPLIED, ACCEPTED, WAITLISTED);
}
