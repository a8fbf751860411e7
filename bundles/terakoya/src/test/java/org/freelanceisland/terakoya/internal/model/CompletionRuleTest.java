package org.freelanceisland.terakoya.internal.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CompletionRuleTest {

    @Test
    void attendanceNeedsAtLeastNSessions() {
        assertFalse(CompletionRule.ATTENDANCE.isMet(5, 6, true));
        assertTrue(CompletionRule.ATTENDANCE.isMet(6, 6, false));
        assertTrue(CompletionRule.ATTENDANCE.isMet(8, 6, false));
    }

    @Test
    void assignmentAloneIgnoresAttendance() {
        assertTrue(CompletionRule.ASSIGNMENT.isMet(0, null, true));
        assertFalse(CompletionRule.ASSIGNMENT.isMet(10, null, false));
        assertFalse(CompletionRule.ASSIGNMENT.usesAttendance());
    }

    @Test
    void eitherOrBoth() {
        assertTrue(CompletionRule.ATTENDANCE_OR_ASSIGNMENT.isMet(2, 6, true));
        assertTrue(CompletionRule.ATTENDANCE_OR_ASSIGNMENT.isMet(6, 6, false));
        assertFalse(CompletionRule.ATTENDANCE_OR_ASSIGNMENT.isMet(5, 6, false));
        assertFalse(CompletionRule.ATTENDANCE_AND_ASSIGNMENT.isMet(6, 6, false));
        assertFalse(CompletionRule.ATTENDANCE_AND_ASSIGNMENT.isMet(5, 6, true));
        assertTrue(CompletionRule.ATTENDANCE_AND_ASSIGNMENT.isMet(6, 6, true));
    }

    @Test
    void lateCountsAsAttendedExcusedDoesNot() {
        assertTrue(AttendanceStatus.PRESENT.attended());
        assertTrue(AttendanceStatus.LATE.attended());
        assertFalse(AttendanceStatus.EXCUSED.attended());
        assertFalse(AttendanceStatus.ABSENT.attended());
    }

    @Test
    void readsStatusesAsStaffTypeThem() {
        assertEquals(AttendanceStatus.PRESENT, AttendanceStatus.parse("出席"));
        assertEquals(AttendanceStatus.PRESENT, AttendanceStatus.parse(" p "));
        assertEquals(AttendanceStatus.LATE, AttendanceStatus.parse("遅刻"));
        assertEquals(AttendanceStatus.LATE, AttendanceStatus.parse("late"));
        assertEquals(AttendanceStatus.ABSENT, AttendanceStatus.parse("×"));
        assertEquals(AttendanceStatus.EXCUSED, AttendanceStatus.parse("公欠"));
        assertEquals(AttendanceStatus.EXCUSED, AttendanceStatus.parse("E"));
        assertNull(AttendanceStatus.parse("maybe"));
        assertNull(AttendanceStatus.parse(""));
    }
}
