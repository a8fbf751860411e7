package org.freelanceisland.contest.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.ProblemException;
import org.junit.jupiter.api.Test;

/** The order of a contest's windows. */
class WindowsTest {

    private static Instant day(int d) {
        return Instant.parse("2025-09-01T00:00:00Z").plusSeconds(86_400L * d);
    }

    private static List<String> fields(Windows w) {
        return w.violations().stream().map(FieldError::field).toList();
    }

    @Test
    void entriesThenJudgingWithVotingOverlappingJudgingIsFine() {
        assertEquals(List.of(), fields(new Windows(day(0), day(30), day(30), day(60), day(45), day(50))));
        assertEquals(List.of(), fields(new Windows(day(0), day(30), day(31), day(60), day(55), day(70))), "voting may outlast judging");
        assertEquals(List.of(), fields(new Windows(day(0), day(30), day(40), day(60), day(30), day(35))), "voting may come before judging");
    }

    @Test
    void eachWindowMustCloseAfterItOpens() {
        assertEquals(List.of("entryWindow.closes"), fields(new Windows(day(5), day(5), day(30), day(60), day(45), day(50))));
        assertEquals(List.of("judgingWindow.closes"), fields(new Windows(day(0), day(30), day(40), day(35), day(45), day(50))));
        assertEquals(List.of("votingWindow.closes"), fields(new Windows(day(0), day(30), day(30), day(60), day(50), day(45))));
    }

    @Test
    void judgingAndVotingOpenOnlyWhenEntriesHaveClosed() {
        assertEquals(List.of("judgingWindow.opens"), fields(new Windows(day(0), day(30), day(29), day(60), day(45), day(50))));
        assertEquals(List.of("votingWindow.opens"), fields(new Windows(day(0), day(30), day(30), day(60), day(10), day(50))));
        ProblemException p = assertThrows(ProblemException.class,
                () -> new Windows(day(0), day(30), day(10), day(5), day(10), day(50)).check());
        assertEquals(422, p.status());
        assertEquals(List.of("judgingWindow.closes", "judgingWindow.opens", "votingWindow.opens"),
                p.toProblem().errors().stream().map(FieldError::field).toList());
    }

    @Test
    void phases() {
        assertEquals("BEFORE", Windows.phase(day(1), day(2), day(0)));
        assertEquals("OPEN", Windows.phase(day(1), day(2), day(1)));
        assertEquals("CLOSED", Windows.phase(day(1), day(2), day(2)));
    }
}
