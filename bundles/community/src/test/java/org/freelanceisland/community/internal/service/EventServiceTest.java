package org.freelanceisland.community.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.freelanceisland.community.internal.Fixture;
import org.freelanceisland.community.internal.model.EventKind;
import org.freelanceisland.community.internal.model.EventStatus;
import org.freelanceisland.community.internal.model.RegistrationStatus;
import org.freelanceisland.community.internal.model.Visibility;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.rest.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events on H2: places and the waitlist, check-in by staff and with the code, the ledger, attendance. */
class EventServiceTest {

    private Fixture f;
    private EventService events;

    @BeforeEach
    void start() {
        f = new Fixture();
        for (int i = 1; i <= 30; i++) {
            f.directory.add("p-" + i, "参加者 " + i);
        }
        events = f.services.events();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    static Dto.EventInput meeting(Integer capacity, boolean waitlist) {
        return new Dto.EventInput(new Dto.Text("島フリーランス交流会", "Island freelancers' meetup"), null, EventKind.EXCHANGE_MEETING,
                LocalDateTime.parse("2025-06-14T19:00"), LocalDateTime.parse("2025-06-14T21:00"), "WorkStyle Lab Inno", null, capacity,
                waitlist, Visibility.PUBLIC, null);
    }

    @Test
    void aListShowsEachEventsOwnAttendance() {
        long full = events.create(meeting(2, true)).id();
        long open = events.create(meeting(10, false)).id();
        long empty = events.create(meeting(null, false)).id();
        for (int i = 1; i <= 3; i++) {
            events.register(full, "p-" + i, null);
        }
        events.register(open, "p-9", null);
        java.util.Map<Long, Dto.AttendanceView> listed = new java.util.HashMap<>();
        events.list(null, null, null, null, org.freelanceisland.platform.api.PageRequest.first()).items()
                .forEach(v -> listed.put(v.id(), v.attendance()));
        assertEquals(events.get(full).attendance(), listed.get(full));
        assertEquals(2, listed.get(full).registered());
        assertEquals(1, listed.get(full).waitlisted());
        assertEquals(0, listed.get(full).placesLeft());
        assertEquals(1, listed.get(open).registered());
        assertEquals(9, listed.get(open).placesLeft());
        assertEquals(0, listed.get(empty).registered());
        assertNull(listed.get(empty).placesLeft());
        java.util.Map<Long, Integer> publicLeft = new java.util.HashMap<>();
        events.publicList(java.time.LocalDate.parse("2025-01-01"), null, null, org.freelanceisland.platform.api.PageRequest.first())
                .items().forEach(v -> publicLeft.put(v.id(), v.placesLeft()));
        assertEquals(0, publicLeft.get(full));
        assertEquals(9, publicLeft.get(open));
        assertNull(publicLeft.get(empty));
    }

    @Test
    void aFullEventPutsPeopleOnTheWaitlistAndACancellationGivesThePlaceToTheFirstInLine() {
        long id = events.create(meeting(2, true)).id();
        Dto.RegistrationView a = events.register(id, "p-1", null);
        events.register(id, "p-2", "車いす");
        Dto.RegistrationView c = events.register(id, "p-3", null);
        Dto.RegistrationView d = events.register(id, "p-4", null);
        assertEquals(RegistrationStatus.REGISTERED, a.status());
        assertEquals(RegistrationStatus.WAITLISTED, c.status());
        assertEquals(1, c.waitlistPosition());
        assertEquals(2, d.waitlistPosition());
        assertTrue(a.checkInCode().matches("[2-9A-Z]{4}-[2-9A-Z]{4}"), a.checkInCode());
        assertEquals(409, assertThrows(ProblemException.class, () -> events.register(id, "p-1", null)).status());

        events.cancel(id, a.id());
        assertEquals(RegistrationStatus.REGISTERED, events.registration(id, c.id()).status());
        assertEquals(1, events.registration(id, d.id()).waitlistPosition());
        Dto.AttendanceView counts = events.get(id).attendance();
        assertEquals(2, counts.registered());
        assertEquals(1, counts.waitlisted());
        assertEquals(1, counts.cancelled());
        assertEquals(0, counts.placesLeft());

        // raising the capacity serves the waitlist; lowering it below the places taken is refused
        Dto.EventInput bigger = meeting(5, true);
        events.update(id, bigger);
        assertEquals(RegistrationStatus.REGISTERED, events.registration(id, d.id()).status());
        assertEquals(409, assertThrows(ProblemException.class, () -> events.update(id, meeting(1, true))).status());
        // registering again after cancelling reuses the registration and its code
        Dto.RegistrationView again = events.register(id, "p-1", null);
        assertEquals(a.id(), again.id());
        assertEquals(a.checkInCode(), again.checkInCode());
    }

    @Test
    void withoutAWaitlistAFullEventRefusesAndConsentIsRequired() {
        long id = events.create(meeting(1, false)).id();
        events.register(id, "p-1", null);
        assertEquals(409, assertThrows(ProblemException.class, () -> events.register(id, "p-2", null)).status());
        f.directory.withdraw("p-3", ConsentPurpose.PROGRAM_ADMINISTRATION);
        long open = events.create(meeting(null, false)).id();
        assertEquals(422, assertThrows(ProblemException.class, () -> events.register(open, "p-3", null)).status());
        assertEquals(422, assertThrows(ProblemException.class, () -> events.register(open, "nobody", null)).status());
        f.registryUp.set(false);
        assertEquals(503, assertThrows(ProblemException.class, () -> events.register(open, "p-4", null)).status());
    }

    @Test
    void theAttendeeChecksInWithTheCodeOnlyDuringTheEventAndTheLedgerRecordsItOnce() {
        long id = events.create(meeting(10, true)).id();
        Dto.RegistrationView r = events.register(id, "p-1", null);
        long other = events.create(meeting(10, true)).id();

        f.clock.set(LocalDateTime.parse("2025-06-14T17:30"));
        assertEquals(422, assertThrows(ProblemException.class, () -> events.selfCheckIn(id, r.checkInCode())).status(), "too early");
        f.clock.set(LocalDateTime.parse("2025-06-14T18:30"));
        assertEquals(422, assertThrows(ProblemException.class, () -> events.selfCheckIn(other, r.checkInCode())).status(),
                "the code of another event");
        assertEquals(422, assertThrows(ProblemException.class, () -> events.selfCheckIn(999_999, r.checkInCode())).status(),
                "an unknown event answers the same");
        assertEquals(422, assertThrows(ProblemException.class, () -> events.selfCheckIn(id, "2222-2222")).status());

        Dto.SelfCheckInView in = events.selfCheckIn(id, r.checkInCode().toLowerCase().replace("-", " "));
        assertFalse(in.alreadyCheckedIn());
        assertEquals("島フリーランス交流会", in.event().ja());
        assertTrue(events.selfCheckIn(id, r.checkInCode()).alreadyCheckedIn(), "twice is harmless");

        List<ActivityEvent> attended = f.ledger.ofType(EventService.ATTENDED);
        assertEquals(1, attended.size());
        ActivityEvent e = attended.get(0);
        assertEquals("community:registration:" + r.id() + ":attended", e.id());
        assertEquals("p-1", e.personId());
        assertEquals(Long.toString(id), e.attributes().get("event"));
        assertEquals("EXCHANGE_MEETING", e.attributes().get("kind"));
        assertEquals(FiscalYear.of(2025), e.fiscalYear());
        assertEquals("self", events.registration(id, r.id()).checkedInBy());

        Dto.RegistrationView late = events.register(other, "p-2", null);
        f.clock.set(LocalDateTime.parse("2025-06-14T21:01"));
        assertEquals(422, assertThrows(ProblemException.class, () -> events.register(other, "p-3", null)).status(),
                "registration closes when the event is over");
        assertEquals(422, assertThrows(ProblemException.class, () -> events.selfCheckIn(other, late.checkInCode())).status(),
                "after the end");
    }

    @Test
    void staffCheckInWalkInsAndWaitlistedPeopleAndCountVisitors() {
        long id = events.create(meeting(1, true)).id();
        events.register(id, "p-1", null);
        Dto.RegistrationView waiting = events.register(id, "p-2", null);
        assertEquals(422, assertThrows(ProblemException.class, () -> events.checkIn(id, "p-1", "sato")).status(), "not open yet");

        f.clock.set(LocalDateTime.parse("2025-06-14T19:10"));
        assertEquals("sato", events.checkIn(id, "p-1", "sato").checkedInBy());
        Dto.RegistrationView promoted = events.checkIn(id, "p-2", "sato");
        assertEquals(waiting.id(), promoted.id());
        assertEquals(RegistrationStatus.REGISTERED, promoted.status(), "they came: they have the place");
        Dto.RegistrationView walkIn = events.checkIn(id, "p-3", "sato");
        assertTrue(walkIn.walkIn());
        assertTrue(walkIn.checkedIn());
        events.visitors(id, 12);

        Dto.AttendanceView counts = events.get(id).attendance();
        assertEquals(3, counts.checkedIn());
        assertEquals(12, counts.unregisteredVisitors());
        assertEquals(15, counts.attendance());
        assertEquals(3, f.ledger.ofType(EventService.ATTENDED).size());
        assertEquals(409, assertThrows(ProblemException.class, () -> events.cancel(id, walkIn.id())).status(),
                "attendance stays recorded");

        assertEquals(2, events.registrations(id, null, true, new PageRequest(0, 2)).items().size());
        assertEquals(3, events.registrations(id, null, true, new PageRequest(0, 2)).total());

        Dto.AttendanceSummary year = events.attendance(FiscalYear.of(2025));
        assertEquals(1, year.events());
        assertEquals(15, year.attendance());
        assertEquals(15, year.byKind().stream().filter(k -> k.kind() == EventKind.EXCHANGE_MEETING).findFirst().orElseThrow().attendance());
        assertEquals(0, events.attendance(FiscalYear.of(2024)).events());
    }

    @Test
    void eventsAreValidatedAndCancelledEventsTakeNoOne() {
        ProblemException bad = assertThrows(ProblemException.class, () -> events.create(new Dto.EventInput(new Dto.Text("x", null),
                new Dto.LongText(null, "English only"), EventKind.STUDY_SESSION, LocalDateTime.parse("2025-06-14T19:00"),
                LocalDateTime.parse("2025-06-14T18:00"), null, "ftp://example.jp", null, null, null, null)));
        assertEquals(400, bad.status());
        assertEquals(List.of("endsAt", "onlineUrl", "description.ja"),
                bad.toProblem().errors().stream().map(e -> e.field()).toList());

        long id = events.create(meeting(null, true)).id();
        assertNull(events.get(id).attendance().placesLeft(), "no limit");
        events.status(id, EventStatus.CANCELLED);
        assertEquals(409, assertThrows(ProblemException.class, () -> events.register(id, "p-1", null)).status());
        assertEquals(EventStatus.CANCELLED, events.publicGet(id).status());
        Dto.EventInput internal = new Dto.EventInput(new Dto.Text("スタッフ会議", null), null, EventKind.STUDY_SESSION,
                LocalDateTime.parse("2025-06-20T10:00"), LocalDateTime.parse("2025-06-20T11:00"), "事務所", null, null, null,
                Visibility.INTERNAL, null);
        long hidden = events.create(internal).id();
        assertEquals(404, assertThrows(ProblemException.class, () -> events.publicGet(hidden)).status());
        assertEquals(1, events.publicList(java.time.LocalDate.parse("2025-06-01"), null, null, new PageRequest(0, 50)).total());
        events.register(hidden, "p-1", null);
        assertEquals(409, assertThrows(ProblemException.class, () -> events.delete(hidden)).status());
    }

    @Test
    void simultaneousRegistrationsNeverExceedTheCapacity() throws Exception {
        long id = events.create(meeting(5, true)).id();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Dto.RegistrationView>> results = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            String person = "p-" + i;
            results.add(pool.submit(() -> events.register(id, person, null)));
        }
        int registered = 0;
        for (Future<Dto.RegistrationView> r : results) {
            if (r.get().status() == RegistrationStatus.REGISTERED) {
                registered++;
            }
        }
        pool.shutdown();
        assertEquals(5, registered);
        assertEquals(25, events.get(id).attendance().waitlisted());
    }
}
