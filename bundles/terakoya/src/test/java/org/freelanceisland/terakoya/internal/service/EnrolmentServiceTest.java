package org.freelanceisland.terakoya.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.rest.ProblemException;
import org.freelanceisland.terakoya.internal.Fixture;
import org.freelanceisland.terakoya.internal.model.CompletionRule;
import org.freelanceisland.terakoya.internal.model.EnrolmentStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Applications, acceptance, the waitlist and its promotion, on in-memory H2. */
class EnrolmentServiceTest {

    private Fixture f;
    private long course;

    @BeforeEach
    void setUp() {
        f = new Fixture();
        for (int i = 1; i <= 40; i++) {
            f.directory.add("p-" + i, "受講者" + i);
        }
        course = f.courses.create(Fixture.course(2, CompletionRule.ATTENDANCE, 1)).id();
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void fullCourseWaitlistsInOrderAndPromotesWhenASeatFrees() {
        Dto.EnrolmentView a = f.enrolments.apply(course, "p-1", null);
        Dto.EnrolmentView b = f.enrolments.apply(course, "p-2", "紹介: 商工会");
        Dto.EnrolmentView c = f.enrolments.apply(course, "p-3", null);
        Dto.EnrolmentView d = f.enrolments.apply(course, "p-4", null);
        assertEquals(EnrolmentStatus.APPLIED, a.status());
        assertEquals(EnrolmentStatus.APPLIED, b.status());
        assertEquals(EnrolmentStatus.WAITLISTED, c.status());
        assertEquals(1, c.waitlistPosition());
        assertEquals(2, d.waitlistPosition());

        f.enrolments.accept(course, a.id());
        f.enrolments.withdraw(course, a.id(), "仕事の都合");
        assertEquals(EnrolmentStatus.APPLIED, f.enrolments.get(course, c.id()).status(), "first in line gets the seat");
        assertEquals(1, f.enrolments.get(course, d.id()).waitlistPosition());

        f.enrolments.decline(course, b.id(), null);
        assertEquals(EnrolmentStatus.APPLIED, f.enrolments.get(course, d.id()).status());
        Dto.SeatsView seats = f.courses.get(course).seats();
        assertEquals(2, seats.applied());
        assertEquals(0, seats.waitlisted());
        assertEquals(0, seats.free());
    }

    @Test
    void raisingTheCapacityPromotesAndLoweringBelowTheTakenSeatsIsRefused() {
        f.enrolments.apply(course, "p-1", null);
        f.enrolments.apply(course, "p-2", null);
        Dto.EnrolmentView third = f.enrolments.apply(course, "p-3", null);
        Dto.CourseView view = f.courses.get(course);

        ProblemException lowered = assertThrows(ProblemException.class,
                () -> f.courses.update(course, withCapacity(1, view.version())));
        assertEquals(409, lowered.status());
        assertTrue(lowered.getMessage().contains("below the 2 seats"), lowered.getMessage());
        assertEquals(2, f.courses.get(course).seats().capacity(), "nothing half-saved");

        f.courses.update(course, withCapacity(3, view.version()));
        assertEquals(EnrolmentStatus.APPLIED, f.enrolments.get(course, third.id()).status());

        ProblemException stale = assertThrows(ProblemException.class,
                () -> f.courses.update(course, withCapacity(4, view.version())));
        assertEquals(409, stale.status());
    }

    @Test
    void acceptRecordsTheLedgerOnceWithFiscalYearAndPerson() {
        Dto.EnrolmentView a = f.enrolments.apply(course, "p-1", null);
        f.enrolments.accept(course, a.id());
        f.enrolments.accept(course, a.id());
        List<ActivityEvent> events = f.ledger.ofType(EnrolmentService.ENROLLED);
        assertEquals(1, events.size());
        ActivityEvent e = events.get(0);
        assertEquals("terakoya:enrolment:" + a.id() + ":enrolled", e.id());
        assertEquals("p-1", e.personId());
        assertEquals(2025, e.fiscalYear().startYear());
        assertEquals(Long.toString(course), e.attributes().get("course"));
        assertEquals("writing", e.attributes().get("category"));
    }

    @Test
    void edgeCasesAreClearProblemsAndChangeNothing() {
        Dto.EnrolmentView a = f.enrolments.apply(course, "p-1", null);
        assertEquals(409, assertThrows(ProblemException.class, () -> f.enrolments.apply(course, "p-1", null)).status());

        assertEquals(422, assertThrows(ProblemException.class, () -> f.enrolments.apply(course, "nobody", null)).status());
        f.directory.put("p-5", "休止中", false, EnumSet.allOf(ConsentPurpose.class));
        assertEquals(422, assertThrows(ProblemException.class, () -> f.enrolments.apply(course, "p-5", null)).status());
        f.directory.withdrawConsent("p-6");
        ProblemException consent = assertThrows(ProblemException.class, () -> f.enrolments.apply(course, "p-6", null));
        assertEquals(422, consent.status());
        assertTrue(consent.getMessage().contains("consent"), consent.getMessage());

        f.directory.withdrawConsent("p-1");
        assertEquals(422, assertThrows(ProblemException.class, () -> f.enrolments.accept(course, a.id())).status());
        assertEquals(EnrolmentStatus.APPLIED, f.enrolments.get(course, a.id()).status());

        f.clock.set(LocalDate.of(2025, 6, 1));
        ProblemException closed = assertThrows(ProblemException.class, () -> f.enrolments.apply(course, "p-2", null));
        assertEquals(422, closed.status());
        assertTrue(closed.getMessage().contains("closed on 2025-05-31"), closed.getMessage());
        f.clock.set(LocalDate.of(2025, 4, 1));
        assertEquals(422, assertThrows(ProblemException.class, () -> f.enrolments.apply(course, "p-2", null)).status());

        assertEquals(1, f.enrolments.list(course, null, PageRequest.first()).total(), "nothing half-saved");
        assertEquals(404, assertThrows(ProblemException.class, () -> f.enrolments.apply(999, "p-2", null)).status());
        assertEquals(404, assertThrows(ProblemException.class, () -> f.enrolments.accept(course, 999)).status());
    }

    @Test
    void waitlistedCannotBeAcceptedAndWithdrawnCanApplyAgainAtTheEnd() {
        Dto.EnrolmentView a = f.enrolments.apply(course, "p-1", null);
        f.enrolments.apply(course, "p-2", null);
        Dto.EnrolmentView c = f.enrolments.apply(course, "p-3", null);
        Dto.EnrolmentView d = f.enrolments.apply(course, "p-4", null);
        assertEquals(409, assertThrows(ProblemException.class, () -> f.enrolments.accept(course, c.id())).status());
        f.enrolments.withdraw(course, c.id(), null);
        assertEquals(1, f.enrolments.get(course, d.id()).waitlistPosition());
        Dto.EnrolmentView again = f.enrolments.apply(course, "p-3", null);
        assertEquals(c.id(), again.id(), "the same row is reused");
        assertEquals(2, again.waitlistPosition(), "joins the end of the line");
        f.enrolments.accept(course, a.id());
        assertEquals(409, assertThrows(ProblemException.class, () -> f.enrolments.decline(course, a.id(), null)).status());
        f.enrolments.withdraw(course, d.id(), null);
        assertEquals(409, assertThrows(ProblemException.class, () -> f.enrolments.withdraw(course, d.id(), null)).status());
    }

    @Test
    void concurrentApplicationsNeverExceedTheCapacityAndKeepTheWaitlistOrder() throws Exception {
        int people = 30;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Dto.EnrolmentView>> results = new ArrayList<>();
        for (int i = 1; i <= people; i++) {
            String person = "p-" + i;
            results.add(pool.submit(() -> {
                start.await();
                return f.enrolments.apply(course, person, null);
            }));
        }
        start.countDown();
        List<Dto.EnrolmentView> views = new ArrayList<>();
        for (Future<Dto.EnrolmentView> r : results) {
            views.add(r.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(2, views.stream().filter(v -> v.status() == EnrolmentStatus.APPLIED).count());
        List<Integer> positions = new ArrayList<>(views.stream().filter(v -> v.status() == EnrolmentStatus.WAITLISTED)
                .map(Dto.EnrolmentView::waitlistPosition).toList());
        Collections.sort(positions);
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= people - 2; i++) {
            expected.add(i);
        }
        assertEquals(expected, positions, "each place in line handed out once");
        List<Dto.EnrolmentView> waitlist = f.enrolments.list(course, EnrolmentStatus.WAITLISTED, new PageRequest(0, 100)).items();
        for (int i = 0; i < waitlist.size(); i++) {
            assertEquals(i + 1, waitlist.get(i).waitlistPosition());
        }
        Dto.SeatsView seats = f.courses.get(course).seats();
        assertEquals(2, seats.applied() + seats.accepted());
        assertEquals(people - 2, seats.waitlisted());
    }

    private static Dto.CourseInput withCapacity(int capacity, long version) {
        Dto.CourseInput c = Fixture.course(capacity, CompletionRule.ATTENDANCE, 1);
        return new Dto.CourseInput(c.fiscalYear(), c.title(), c.description(), c.category(), c.instructors(), c.capacity(),
                c.format(), c.location(), c.applicationOpens(), c.applicationCloses(), c.completion(), version);
    }
}
