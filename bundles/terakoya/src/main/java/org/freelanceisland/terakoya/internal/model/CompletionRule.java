package org.freelanceisland.terakoya.internal.model;

/**
 * What a participant must do to complete a course. "Attended" means {@link AttendanceStatus#PRESENT}
 * or {@link AttendanceStatus#LATE}: arriving late still counts as attending the session;
 * {@link AttendanceStatus#EXCUSED} and {@link AttendanceStatus#ABSENT} do not.
 */
public enum CompletionRule {
    /** Attend at least N of the course's sessions. */
    ATTENDANCE,
    /** Submit the final assignment. */
    ASSIGNMENT,
    /** Attend at least N sessions, or submit the final assignment. */
    ATTENDANCE_OR_ASSIGNMENT,
    /** Attend at least N sessions and submit the final assignment. */
    ATTENDANCE_AND_ASSIGNMENT;

    /**
     * Whether the rule counts sessions attended (and so needs a minimum).
     *
     * @return {@code true} unless the rule is the assignment alone
     */
    public boolean usesAttendance() {
        return this != ASSIGNMENT;
    }

    /**
     * Whether a participant meets the rule.
     *
     * @param attended sessions attended (present or late)
     * @param minSessions the minimum for the rules that count sessions
     * @param assignmentSubmitted whether the final assignment was submitted
     * @return {@code true} when the participant completes the course
     */
    public boolean isMet(int attended, Integer minSessions, boolean assignmentSubmitted) {
        boolean enough = minSessions != null && attended >= minSessions;
        return switch (this) {
            case ATTENDANCE -> enough;
            case ASSIGNMENT -> assignmentSubmitted;
            case ATTENDANCE_OR_ASSIGNMENT -> enough || assignmentSubmitted;
            case ATTENDANCE_AND_ASSIGNMENT -> enough && assignmentSubmitted;
        };
    }
}
