package org.freelanceisland.jobs.internal.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.freelanceisland.jobs.internal.model.IntroductionAction;
import org.freelanceisland.jobs.internal.model.IntroductionStatus;
import org.freelanceisland.jobs.internal.model.JobStatus;
import org.junit.jupiter.api.Test;

/** The introduction and job state machines as tables. */
class StateMachineTest {

    @Test
    void introductionsMoveOnlyAlongTheirTable() {
        assertEquals(Optional.of(IntroductionStatus.ACCEPTED), IntroductionStatus.OFFERED.after(IntroductionAction.ACCEPT));
        assertEquals(Optional.of(IntroductionStatus.DECLINED), IntroductionStatus.OFFERED.after(IntroductionAction.DECLINE));
        assertEquals(Optional.of(IntroductionStatus.PROPOSED), IntroductionStatus.OFFERED.after(IntroductionAction.PROPOSE));
        assertEquals(Optional.of(IntroductionStatus.PROPOSED), IntroductionStatus.PROPOSED.after(IntroductionAction.PROPOSE));
        assertEquals(Optional.of(IntroductionStatus.ACCEPTED), IntroductionStatus.PROPOSED.after(IntroductionAction.ACCEPT_PROPOSAL));
        assertEquals(Optional.of(IntroductionStatus.OFFERED), IntroductionStatus.PROPOSED.after(IntroductionAction.REJECT_PROPOSAL));
        assertEquals(Optional.of(IntroductionStatus.CONTRACTED), IntroductionStatus.ACCEPTED.after(IntroductionAction.CONTRACT));
        assertEquals(Optional.of(IntroductionStatus.WITHDRAWN), IntroductionStatus.ACCEPTED.after(IntroductionAction.WITHDRAW));

        // illegal moves
        assertTrue(IntroductionStatus.OFFERED.after(IntroductionAction.ACCEPT_PROPOSAL).isEmpty(), "no proposal to accept");
        assertTrue(IntroductionStatus.OFFERED.after(IntroductionAction.CONTRACT).isEmpty(), "not accepted yet");
        assertTrue(IntroductionStatus.PROPOSED.after(IntroductionAction.ACCEPT).isEmpty(), "the coordinator decides a proposal");
        assertTrue(IntroductionStatus.ACCEPTED.after(IntroductionAction.PROPOSE).isEmpty());
        for (IntroductionStatus last : new IntroductionStatus[] { IntroductionStatus.DECLINED, IntroductionStatus.WITHDRAWN,
                IntroductionStatus.CONTRACTED }) {
            for (IntroductionAction a : IntroductionAction.values()) {
                assertTrue(last.after(a).isEmpty(), last + " is final, " + a);
            }
            assertTrue(last.allowedActions().isEmpty());
        }
        for (IntroductionStatus s : IntroductionStatus.values()) {
            assertTrue(s.after(IntroductionAction.OFFER).isEmpty(), "an offer only starts an introduction");
        }
    }

    @Test
    void jobsMoveForwardWithTheirWork() {
        assertTrue(JobStatus.OPEN.canMoveTo(JobStatus.INTRODUCED));
        assertTrue(JobStatus.INTRODUCED.canMoveTo(JobStatus.CONTRACTED));
        assertTrue(JobStatus.CONTRACTED.canMoveTo(JobStatus.DELIVERED));
        assertTrue(JobStatus.DELIVERED.canMoveTo(JobStatus.PAID));
        assertTrue(JobStatus.PAID.canMoveTo(JobStatus.CLOSED));
        assertTrue(JobStatus.OPEN.canMoveTo(JobStatus.CLOSED), "nobody took it");
        assertTrue(JobStatus.CONTRACTED.canMoveTo(JobStatus.INTRODUCED), "the only contract was cancelled");
        assertFalse(JobStatus.OPEN.canMoveTo(JobStatus.CONTRACTED));
        assertFalse(JobStatus.CONTRACTED.canMoveTo(JobStatus.CLOSED), "work in progress");
        assertFalse(JobStatus.DELIVERED.canMoveTo(JobStatus.CLOSED), "unpaid");
        assertFalse(JobStatus.PAID.canMoveTo(JobStatus.OPEN));
        for (JobStatus s : JobStatus.values()) {
            assertFalse(JobStatus.CLOSED.canMoveTo(s));
            assertFalse(s.canMoveTo(s));
        }
    }
}
