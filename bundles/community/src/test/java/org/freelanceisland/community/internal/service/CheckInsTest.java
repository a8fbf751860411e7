package org.freelanceisland.community.internal.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;

import org.freelanceisland.community.internal.model.Event;
import org.freelanceisland.community.internal.model.EventKind;
import org.freelanceisland.community.internal.model.EventStatus;
import org.freelanceisland.community.internal.model.Registration;
import org.freelanceisland.community.internal.model.Visibility;
import org.freelanceisland.platform.rest.ProblemException;
import org.junit.jupiter.api.Test;

/** The check-in rules: codes, the attendee's window, staff's window, cancelled and waitlisted registrations. */
class CheckInsTest {

    private static final LocalDateTime START = LocalDateTime.parse("2025-06-14T19:00");
    private static final LocalDateTime END = LocalDateTime.parse("2025-06-14T21:00");
    private final CheckIns rules = new CheckIns(Duration.ofMinutes(60), Duration.ofDays(30));

    private static Event event() {
        Event e = new Event(LocalDateTime.parse("2025-06-01T00:00"));
        e.update(new Event.Details("島フリーランス交流会", null, null, null, EventKind.EXCHANGE_MEETING, START, END, "WorkStyle Lab Inno",
                null, 20, true, Visibility.PUBLIC), LocalDateTime.parse("2025-06-01T00:00"));
        return e;
    }

    private static Registration registration(boolean place) {
        Registration r = new Registration(1, "p-1", CheckIns.newCode());
        r.register(1, place, false, null, LocalDateTime.parse("2025-06-01T00:00"));
        return r;
    }

    @Test
    void codesAreShortUnambiguousAndRandom() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = CheckIns.newCode();
            assertEquals(8, code.length());
            assertTrue(code.chars().allMatch(c -> CheckIns.ALPHABET.indexOf(c) >= 0), code);
            assertFalse(code.matches(".*[01IO].*"), code);
            seen.add(code);
        }
        assertTrue(seen.size() > 1990, "40 random bits hardly ever repeat in 2000 draws: " + seen.size());
        assertEquals("ABCD-EFGH", CheckIns.display("ABCDEFGH"));
    }

    @Test
    void typedCodesAreNormalisedAndLookAlikesRefused() {
        assertEquals("ABCDEFGH", CheckIns.normalise(" abcd-efgh "));
        assertEquals("ABCDEFGH", CheckIns.normalise("ABCD ーEFGH"));
        assertNull(CheckIns.normalise("ABCD-EFG"), "too short");
        assertNull(CheckIns.normalise("ABCD-EFG0"), "0 is not in the alphabet");
        assertNull(CheckIns.normalise(null));
    }

    @Test
    void theAttendeeChecksInOnlyWithinTheEventsWindow() {
        Event e = event();
        Registration r = registration(true);
        ProblemException early = assertThrows(ProblemException.class, () -> rules.requireSelf(e, r, START.minusMinutes(61)));
        assertEquals(422, early.status());
        assertDoesNotThrow(() -> rules.requireSelf(e, r, START.minusMinutes(60)));
        assertDoesNotThrow(() -> rules.requireSelf(e, r, END));
        assertEquals(422, assertThrows(ProblemException.class, () -> rules.requireSelf(e, r, END.plusSeconds(1))).status());
        assertEquals(422, assertThrows(ProblemException.class, () -> rules.requireSelf(e, r, START.minusDays(1))).status(),
                "not on another day");
        assertTrue(rules.selfCheckInOpen(e, START));
        assertFalse(rules.selfCheckInOpen(e, END.plusMinutes(1)));
    }

    @Test
    void staffMayRecordAttendanceAfterTheEventButNotBeforeItOpens() {
        Event e = event();
        Registration r = registration(true);
        assertEquals(422, assertThrows(ProblemException.class, () -> rules.requireStaff(e, r, START.minusHours(2))).status());
        assertDoesNotThrow(() -> rules.requireStaff(e, r, END.plusDays(29)));
        assertDoesNotThrow(() -> rules.requireStaff(e, null, START), "a walk-in");
        assertEquals(422, assertThrows(ProblemException.class, () -> rules.requireStaff(e, r, END.plusDays(31))).status());
    }

    @Test
    void nobodyChecksInToACancelledEventOrWithACancelledRegistration() {
        Event e = event();
        Registration r = registration(true);
        r.cancel(LocalDateTime.parse("2025-06-02T00:00"));
        assertEquals(409, assertThrows(ProblemException.class, () -> rules.requireSelf(e, r, START)).status());
        assertEquals(409, assertThrows(ProblemException.class, () -> rules.requireStaff(e, r, START)).status());
        Event cancelled = event();
        cancelled.status(EventStatus.CANCELLED, LocalDateTime.parse("2025-06-02T00:00"));
        assertEquals(409, assertThrows(ProblemException.class, () -> rules.requireSelf(cancelled, registration(true), START)).status());
        assertFalse(rules.selfCheckInOpen(cancelled, START));
    }

    @Test
    void aWaitlistedAttendeeCannotUseTheCodeButStaffCanLetThemIn() {
        Event e = event();
        Registration waiting = registration(false);
        assertEquals(409, assertThrows(ProblemException.class, () -> rules.requireSelf(e, waiting, START)).status());
        assertDoesNotThrow(() -> rules.requireStaff(e, waiting, START));
    }
}
