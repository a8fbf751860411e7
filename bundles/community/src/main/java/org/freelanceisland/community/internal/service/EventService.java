package org.freelanceisland.community.internal.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

import org.freelanceisland.community.internal.model.Event;
import org.freelanceisland.community.internal.model.EventKind;
import org.freelanceisland.community.internal.model.EventStatus;
import org.freelanceisland.community.internal.model.Registration;
import org.freelanceisland.community.internal.model.RegistrationStatus;
import org.freelanceisland.community.internal.model.Visibility;
import org.freelanceisland.community.internal.service.Dto.AttendanceView;
import org.freelanceisland.community.internal.service.Dto.EventView;
import org.freelanceisland.community.internal.service.Dto.PublicEventView;
import org.freelanceisland.community.internal.service.Dto.RegistrationView;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.persistence.Tx;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * Events and exchange meetings: planning, registrations with an optional waitlist, check-in by
 * staff or by the attendee with a code, and attendance counts.
 *
 * <p>Every change to who holds a place locks the event's row first ({@code SELECT ... FOR UPDATE}),
 * so registrations arriving together never exceed the capacity; a unique index on (event, person)
 * backs the check against registering twice. A check-in records {@code community.event.attended}
 * in the ledger in the same transaction.
 */
public final class EventService {

    /** Ledger type of a check-in. */
    public static final String ATTENDED = "community.event.attended";
    /** Who checked in when the attendee used their code. */
    public static final String SELF = "self";

    private final Tx tx;
    private final People people;
    private final ActivityLedger ledger;
    private final CheckIns rules;

    /**
     * Creates the service.
     *
     * @param tx the unit-of-work runner
     * @param people the people registry
     * @param ledger the activity ledger
     * @param rules the check-in rules
     */
    public EventService(Tx tx, People people, ActivityLedger ledger, CheckIns rules) {
        this.tx = tx;
        this.people = people;
        this.ledger = ledger;
        this.rules = rules;
    }

    // ---- events

    /**
     * Lists events by start time.
     *
     * @param from first day (island), or {@code null}
     * @param to last day (island), or {@code null}
     * @param kind a kind, or {@code null}
     * @param visibility a visibility, or {@code null}
     * @param page the window
     * @return the page
     */
    public Page<EventView> list(LocalDate from, LocalDate to, EventKind kind, Visibility visibility, PageRequest page) {
        return tx.read(em -> {
            Query q = filter(from, to, kind, visibility, null);
            List<Event> items = q.select(em, page);
            Map<Long, AttendanceView> attendance = attendance(em, items);
            List<EventView> views = new ArrayList<>();
            for (Event e : items) {
                views.add(view(e, attendance.get(e.id())));
            }
            return new Page<>(views, q.count(em), page.offset(), page.limit());
        });
    }

    /**
     * One event.
     *
     * @param id the event
     * @return the event
     */
    public EventView get(long id) {
        return tx.read(em -> view(em, find(em, id)));
    }

    /**
     * Plans an event.
     *
     * @param in the event
     * @return the event
     */
    public EventView create(Dto.EventInput in) {
        Event.Details d = details(in);
        return tx.write(em -> {
            Event e = new Event(tx.now());
            e.update(d, tx.now());
            em.persist(e);
            em.flush();
            return view(em, e);
        });
    }

    /**
     * Changes an event. A larger capacity gives places to the waitlist; a capacity below the
     * places taken is refused.
     *
     * @param id the event
     * @param in all fields
     * @return the event
     */
    public EventView update(long id, Dto.EventInput in) {
        Event.Details d = details(in);
        return tx.write(em -> {
            Event e = lock(em, id);
            Support.version("event", id, in.version(), e.version());
            int held = count(em, id, RegistrationStatus.REGISTERED);
            if (d.capacity() != null && d.capacity() < held) {
                throw ProblemException.conflict("Event " + id + " has " + held + " registrations holding a place; the capacity cannot be "
                        + d.capacity());
            }
            e.update(d, tx.now());
            em.flush();
            fill(em, e);
            em.flush();
            return view(em, e);
        });
    }

    /**
     * Calls an event off, or back on.
     *
     * @param id the event
     * @param status the new status
     * @return the event
     */
    public EventView status(long id, EventStatus status) {
        return tx.write(em -> {
            Event e = lock(em, id);
            e.status(status, tx.now());
            em.flush();
            return view(em, e);
        });
    }

    /**
     * Deletes an event nobody registered for.
     *
     * @param id the event
     */
    public void delete(long id) {
        tx.write(em -> {
            Event e = lock(em, id);
            long registrations = em.createQuery("SELECT COUNT(r) FROM Registration r WHERE r.eventId = :e", Long.class)
                    .setParameter("e", id).getSingleResult();
            if (registrations > 0) {
                throw ProblemException.conflict("Event " + id + " has registrations; cancel it instead of deleting it");
            }
            em.remove(e);
            return null;
        });
    }

    /**
     * Sets the head count of visitors who came without registering.
     *
     * @param id the event
     * @param count the count
     * @return the event
     */
    public EventView visitors(long id, int count) {
        return tx.write(em -> {
            Event e = lock(em, id);
            if (islandNow().isBefore(rules.opens(e))) {
                throw ProblemException.unprocessable("count", "event " + id + " has not begun yet");
            }
            e.unregisteredVisitors(count, tx.now());
            em.flush();
            return view(em, e);
        });
    }

    // ---- registrations

    /**
     * Registers a person. With a free place (or no capacity) the registration holds a place;
     * when the event is full the person waits in line if the event keeps a waitlist.
     *
     * @param eventId the event
     * @param personId the person
     * @param note staff's note or {@code null}
     * @return the registration, with its check-in code
     */
    public RegistrationView register(long eventId, String personId, String note) {
        String person = personId.strip();
        tx.read(em -> find(em, eventId));
        people.requireParticipant("personId", person);
        return tx.write(em -> {
            Event e = lock(em, eventId);
            if (e.status() == EventStatus.CANCELLED) {
                throw ProblemException.conflict("Event " + eventId + " is cancelled");
            }
            if (islandNow().isAfter(e.endsAt())) {
                throw ProblemException.unprocessable("eventId", "event " + eventId + " is over");
            }
            Registration r = existing(em, eventId, person);
            if (r != null && r.status() != RegistrationStatus.CANCELLED) {
                throw ProblemException.conflict("Person " + person + " is already registered for event " + eventId
                        + " (registration " + r.id() + ", " + r.status() + ")");
            }
            boolean place = e.capacity() == null || count(em, eventId, RegistrationStatus.REGISTERED) < e.capacity();
            if (!place && !e.waitlist()) {
                throw ProblemException.conflict("Event " + eventId + " is full (" + e.capacity() + " places) and keeps no waitlist");
            }
            if (r == null) {
                r = new Registration(eventId, person, uniqueCode(em, eventId));
                r.register(nextQueueNo(em, eventId), place, false, Support.blank(note), tx.now());
                em.persist(r);
            } else {
                r.register(nextQueueNo(em, eventId), place, false, Support.blank(note), tx.now());
            }
            em.flush();
            return view(em, r, people.names(List.of(person)).get(person));
        });
    }

    /**
     * Cancels a registration; its place goes to the first in line.
     *
     * @param eventId the event
     * @param registrationId the registration
     * @return the registration
     */
    public RegistrationView cancel(long eventId, long registrationId) {
        return tx.write(em -> {
            Event e = lock(em, eventId);
            Registration r = registration(em, eventId, registrationId);
            if (r.status() == RegistrationStatus.CANCELLED) {
                throw ProblemException.conflict("Registration " + registrationId + " is already cancelled");
            }
            if (r.checkedInAt() != null) {
                throw ProblemException.conflict("Registration " + registrationId + " is checked in; attendance stays recorded");
            }
            r.cancel(tx.now());
            em.flush();
            fill(em, e);
            em.flush();
            return view(em, r, null);
        });
    }

    /**
     * One registration.
     *
     * @param eventId the event
     * @param registrationId the registration
     * @return the registration with the person's name
     */
    public RegistrationView registration(long eventId, long registrationId) {
        return tx.read(em -> {
            Registration r = registration(em, eventId, registrationId);
            return view(em, r, people.names(List.of(r.personId())).get(r.personId()));
        });
    }

    /**
     * The registrations of an event in order of arrival.
     *
     * @param eventId the event
     * @param status only this status, or {@code null}
     * @param checkedIn only those checked in ({@code true}) or not ({@code false}), or {@code null}
     * @param page the window
     * @return the page, with names
     */
    public Page<RegistrationView> registrations(long eventId, RegistrationStatus status, Boolean checkedIn, PageRequest page) {
        return tx.read(em -> {
            find(em, eventId);
            String where = " WHERE r.eventId = :e" + (status == null ? "" : " AND r.status = :s")
                    + (checkedIn == null ? "" : checkedIn ? " AND r.checkedInAt IS NOT NULL" : " AND r.checkedInAt IS NULL");
            TypedQuery<Registration> q = em.createQuery("SELECT r FROM Registration r" + where + " ORDER BY r.queueNo", Registration.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(r) FROM Registration r" + where, Long.class);
            q.setParameter("e", eventId);
            count.setParameter("e", eventId);
            if (status != null) {
                q.setParameter("s", status);
                count.setParameter("s", status);
            }
            List<Registration> items = q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
            Map<String, String> names = people.names(items.stream().map(Registration::personId).toList());
            Map<Long, Integer> positions = positions(em, eventId);
            List<RegistrationView> views = new ArrayList<>();
            for (Registration r : items) {
                views.add(view(r, positions.get(r.id()), names.get(r.personId())));
            }
            return new Page<>(views, count.getSingleResult(), page.offset(), page.limit());
        });
    }

    // ---- check-in

    /**
     * Staff check a person in. A registered person is checked in; a person on the waitlist gets
     * the place (they came); a person who did not register is registered at the door (a walk-in,
     * even beyond the capacity: they are there). Checking in twice changes nothing.
     *
     * @param eventId the event
     * @param personId the person
     * @param staff the staff account
     * @return the registration
     */
    public RegistrationView checkIn(long eventId, String personId, String staff) {
        String person = personId.strip();
        Registration before = tx.read(em -> {
            find(em, eventId);
            return existing(em, eventId, person);
        });
        if (before == null || before.checkedInAt() == null) {
            people.requireParticipant("personId", person);
        }
        return tx.write(em -> {
            Event e = lock(em, eventId);
            Registration r = existing(em, eventId, person);
            if (r != null && r.checkedInAt() != null) {
                return view(em, r, null);
            }
            rules.requireStaff(e, r, islandNow());
            if (r == null) {
                r = new Registration(eventId, person, uniqueCode(em, eventId));
                r.register(nextQueueNo(em, eventId), true, true, null, tx.now());
                em.persist(r);
            } else if (r.status() == RegistrationStatus.WAITLISTED) {
                r.promote();
            }
            r.checkIn(staff, tx.now());
            em.flush();
            attended(e, r);
            return view(em, r, people.names(List.of(person)).get(person));
        });
    }

    /**
     * The attendee checks in with the code of their registration, within the event's window.
     *
     * @param eventId the event
     * @param typedCode the code as typed
     * @return what happened, nothing about the person
     * @throws ProblemException 422 when the code is not valid for the event (the same answer for an
     *         unknown event, so the endpoint reveals nothing)
     */
    public Dto.SelfCheckInView selfCheckIn(long eventId, String typedCode) {
        String code = CheckIns.normalise(typedCode);
        ProblemException invalid = ProblemException.unprocessable("code", "this code is not valid for event " + eventId);
        if (code == null) {
            throw invalid;
        }
        return tx.write(em -> {
            Event e = em.find(Event.class, eventId, LockModeType.PESSIMISTIC_WRITE);
            if (e == null) {
                throw invalid;
            }
            List<Registration> found = em.createQuery(
                    "SELECT r FROM Registration r WHERE r.eventId = :e AND r.checkInCode = :c", Registration.class)
                    .setParameter("e", eventId).setParameter("c", code).getResultList();
            if (found.isEmpty()) {
                throw invalid;
            }
            Registration r = found.get(0);
            LocalizedText title = LocalizedText.of(e.titleJa(), e.titleEn());
            if (r.checkedInAt() != null) {
                return new Dto.SelfCheckInView(eventId, title, Support.instant(r.checkedInAt()), true);
            }
            rules.requireSelf(e, r, islandNow());
            r.checkIn(SELF, tx.now());
            em.flush();
            attended(e, r);
            return new Dto.SelfCheckInView(eventId, title, Support.instant(r.checkedInAt()), false);
        });
    }

    private void attended(Event e, Registration r) {
        ledger.record(ActivityEvent.builder("community:registration:" + r.id() + ":attended", ATTENDED,
                Support.instant(r.checkedInAt()))
                .person(r.personId())
                .fiscalYear(FiscalYear.of(e.startsAt().toLocalDate()))
                .attribute("event", Long.toString(e.id()))
                .attribute("kind", e.kind().name())
                .build());
    }

    // ---- attendance

    /**
     * Attendance of a fiscal year's events (cancelled events left out), by kind.
     *
     * @param fiscalYear the fiscal year, the current one when {@code null}
     * @return the summary
     */
    public Dto.AttendanceSummary attendance(FiscalYear fiscalYear) {
        FiscalYear year = fiscalYear == null ? FiscalYear.of(tx.today()) : fiscalYear;
        return tx.read(em -> {
            LocalDateTime from = year.firstDay().atStartOfDay();
            LocalDateTime to = year.lastDay().plusDays(1).atStartOfDay();
            List<Event> events = em.createQuery("SELECT e FROM Event e WHERE e.startsAt >= :f AND e.startsAt < :t AND e.status = :s",
                    Event.class).setParameter("f", from).setParameter("t", to).setParameter("s", EventStatus.SCHEDULED)
                    .getResultList();
            Map<Long, Integer> checkedIn = new HashMap<>();
            for (Object[] row : em.createQuery("SELECT r.eventId, COUNT(r) FROM Registration r, Event e WHERE e.id = r.eventId"
                    + " AND e.startsAt >= :f AND e.startsAt < :t AND r.checkedInAt IS NOT NULL GROUP BY r.eventId", Object[].class)
                    .setParameter("f", from).setParameter("t", to).getResultList()) {
                checkedIn.put(((Number) row[0]).longValue(), ((Number) row[1]).intValue());
            }
            Map<EventKind, int[]> byKind = new EnumMap<>(EventKind.class);
            for (EventKind k : EventKind.values()) {
                byKind.put(k, new int[3]);
            }
            for (Event e : events) {
                int[] c = byKind.get(e.kind());
                c[0]++;
                c[1] += checkedIn.getOrDefault(e.id(), 0);
                c[2] += e.unregisteredVisitors();
            }
            List<Dto.KindAttendance> rows = new ArrayList<>();
            int total = 0;
            for (var entry : byKind.entrySet()) {
                int[] c = entry.getValue();
                rows.add(new Dto.KindAttendance(entry.getKey(), entry.getKey().label(), c[0], c[1], c[2], c[1] + c[2]));
                total += c[1] + c[2];
            }
            return new Dto.AttendanceSummary(year.startYear(), year.label(), rows, events.size(), total);
        });
    }

    // ---- public

    /**
     * Public events from a day on (cancelled ones included, marked so).
     *
     * @param from first day (island), today when {@code null}
     * @param to last day, or {@code null}
     * @param kind a kind or {@code null}
     * @param page the window
     * @return the page, without any person
     */
    public Page<PublicEventView> publicList(LocalDate from, LocalDate to, EventKind kind, PageRequest page) {
        LocalDate first = from == null ? tx.today() : from;
        return tx.read(em -> {
            Query q = filter(first, to, kind, Visibility.PUBLIC, null);
            List<Event> items = q.select(em, page);
            Map<Long, AttendanceView> attendance = attendance(em, items);
            List<PublicEventView> views = new ArrayList<>();
            for (Event e : items) {
                views.add(publicView(e, attendance.get(e.id()).placesLeft()));
            }
            return new Page<>(views, q.count(em), page.offset(), page.limit());
        });
    }

    /**
     * One public event.
     *
     * @param id the event
     * @return the event
     * @throws ProblemException 404 for an unknown or internal event
     */
    public PublicEventView publicGet(long id) {
        return tx.read(em -> {
            Event e = em.find(Event.class, id);
            if (e == null || e.visibility() != Visibility.PUBLIC) {
                throw ProblemException.notFound("event", id);
            }
            return publicView(em, e);
        });
    }

    /**
     * The public events of the calendar feed: those that end {@code daysBack} days ago or later, at
     * most {@code max}.
     *
     * @param daysBack how many past days the feed keeps
     * @param kind a kind or {@code null}
     * @param max the most events
     * @return the events by start
     */
    public List<Event> feed(int daysBack, EventKind kind, int max) {
        LocalDate from = tx.today().minusDays(daysBack);
        return tx.read(em -> filter(from, null, kind, Visibility.PUBLIC, null).select(em, new PageRequest(0, max)));
    }

    // ---- helpers

    private Event.Details details(Dto.EventInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (!in.endsAt().isAfter(in.startsAt())) {
            errors.add(new FieldError("endsAt", "must be after startsAt"));
        } else if (in.endsAt().isAfter(in.startsAt().plusDays(14))) {
            errors.add(new FieldError("endsAt", "an event lasts at most 14 days"));
        }
        String place = Support.blank(in.place());
        String url = Support.blank(in.onlineUrl());
        if (place == null && url == null) {
            errors.add(new FieldError("place", "give a place, an online URL or both"));
        }
        if (url != null && !isWebUrl(url)) {
            errors.add(new FieldError("onlineUrl", "must be an http or https URL"));
        }
        String descJa = in.description() == null ? null : Support.blank(in.description().ja());
        String descEn = in.description() == null ? null : Support.blank(in.description().en());
        Support.japaneseFirst("description", descJa, descEn, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Event.Details(in.title().ja().strip(), Support.blank(in.title().en()), descJa, descEn, in.kind(),
                in.startsAt().withNano(0), in.endsAt().withNano(0), place, url, in.capacity(),
                in.waitlist() == null || in.waitlist(), in.visibility() == null ? Visibility.PUBLIC : in.visibility());
    }

    static boolean isWebUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private LocalDateTime islandNow() {
        return LocalDateTime.now(tx.clock().withZone(FiscalYear.ISLAND_ZONE));
    }

    static Event find(EntityManager em, long id) {
        Event e = em.find(Event.class, id);
        if (e == null) {
            throw ProblemException.notFound("event", id);
        }
        return e;
    }

    private static Event lock(EntityManager em, long id) {
        Event e = em.find(Event.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw ProblemException.notFound("event", id);
        }
        return e;
    }

    private static Registration registration(EntityManager em, long eventId, long registrationId) {
        Registration r = em.find(Registration.class, registrationId);
        if (r == null || r.eventId() != eventId) {
            find(em, eventId);
            throw ProblemException.notFound("registration", registrationId);
        }
        return r;
    }

    private static Registration existing(EntityManager em, long eventId, String personId) {
        List<Registration> found = em.createQuery("SELECT r FROM Registration r WHERE r.eventId = :e AND r.personId = :p",
                Registration.class).setParameter("e", eventId).setParameter("p", personId).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private static String uniqueCode(EntityManager em, long eventId) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String code = CheckIns.newCode();
            long taken = em.createQuery("SELECT COUNT(r) FROM Registration r WHERE r.eventId = :e AND r.checkInCode = :c", Long.class)
                    .setParameter("e", eventId).setParameter("c", code).getSingleResult();
            if (taken == 0) {
                return code;
            }
        }
        throw new IllegalStateException("No free check-in code after 20 attempts");
    }

    private static long nextQueueNo(EntityManager em, long eventId) {
        Long max = em.createQuery("SELECT MAX(r.queueNo) FROM Registration r WHERE r.eventId = :e", Long.class)
                .setParameter("e", eventId).getSingleResult();
        return max == null ? 1 : max + 1;
    }

    private static int count(EntityManager em, long eventId, RegistrationStatus status) {
        return em.createQuery("SELECT COUNT(r) FROM Registration r WHERE r.eventId = :e AND r.status = :s", Long.class)
                .setParameter("e", eventId).setParameter("s", status).getSingleResult().intValue();
    }

    /** Gives free places to the waitlist, first come first served. The caller holds the event's lock. */
    private static void fill(EntityManager em, Event e) {
        if (e.capacity() == null && !e.waitlist()) {
            return;
        }
        int free = e.capacity() == null ? Integer.MAX_VALUE : e.capacity() - count(em, e.id(), RegistrationStatus.REGISTERED);
        if (free <= 0) {
            return;
        }
        List<Registration> waiting = em.createQuery("SELECT r FROM Registration r WHERE r.eventId = :e AND r.status = :s ORDER BY r.queueNo",
                Registration.class).setParameter("e", e.id()).setParameter("s", RegistrationStatus.WAITLISTED)
                .setMaxResults(Math.min(free, 10_000)).getResultList();
        waiting.forEach(Registration::promote);
    }

    private static Map<Long, Integer> positions(EntityManager em, long eventId) {
        Map<Long, Integer> positions = new HashMap<>();
        List<Long> ids = em.createQuery("SELECT r.id FROM Registration r WHERE r.eventId = :e AND r.status = :s ORDER BY r.queueNo",
                Long.class).setParameter("e", eventId).setParameter("s", RegistrationStatus.WAITLISTED).getResultList();
        for (int i = 0; i < ids.size(); i++) {
            positions.put(ids.get(i), i + 1);
        }
        return positions;
    }

    private static AttendanceView attendance(EntityManager em, Event e) {
        return attendance(em, List.of(e)).get(e.id());
    }

    /**
     * The attendance of several events in two queries (a list page's events at once, not two
     * queries per event).
     */
    private static Map<Long, AttendanceView> attendance(EntityManager em, List<Event> events) {
        Map<Long, AttendanceView> out = new HashMap<>();
        if (events.isEmpty()) {
            return out;
        }
        List<Long> ids = events.stream().map(Event::id).toList();
        Map<Long, Map<RegistrationStatus, Integer>> counts = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT r.eventId, r.status, COUNT(r) FROM Registration r WHERE r.eventId IN :ids"
                + " GROUP BY r.eventId, r.status", Object[].class).setParameter("ids", ids).getResultList()) {
            counts.computeIfAbsent((Long) row[0], k -> new EnumMap<>(RegistrationStatus.class))
                    .put((RegistrationStatus) row[1], ((Number) row[2]).intValue());
        }
        Map<Long, Integer> checkedIn = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT r.eventId, COUNT(r) FROM Registration r WHERE r.eventId IN :ids"
                + " AND r.checkedInAt IS NOT NULL GROUP BY r.eventId", Object[].class).setParameter("ids", ids).getResultList()) {
            checkedIn.put((Long) row[0], ((Number) row[1]).intValue());
        }
        for (Event e : events) {
            Map<RegistrationStatus, Integer> c = counts.getOrDefault(e.id(), Map.of());
            int registered = c.getOrDefault(RegistrationStatus.REGISTERED, 0);
            int in = checkedIn.getOrDefault(e.id(), 0);
            Integer left = e.capacity() == null ? null : Math.max(0, e.capacity() - registered);
            out.put(e.id(), new AttendanceView(registered, c.getOrDefault(RegistrationStatus.WAITLISTED, 0),
                    c.getOrDefault(RegistrationStatus.CANCELLED, 0), in, e.unregisteredVisitors(), in + e.unregisteredVisitors(),
                    left));
        }
        return out;
    }

    private static EventView view(EntityManager em, Event e) {
        return view(e, attendance(em, e));
    }

    private static EventView view(Event e, AttendanceView attendance) {
        return new EventView(e.id(), LocalizedText.of(e.titleJa(), e.titleEn()), Support.text(e.descriptionJa(), e.descriptionEn()),
                e.kind(), e.kind().label(), e.startsAt(), e.endsAt(), e.place(), e.onlineUrl(), e.capacity(), e.waitlist(),
                e.visibility(), e.status(), FiscalYear.of(e.startsAt().toLocalDate()).startYear(), attendance,
                Support.instant(e.updatedAt()), e.version());
    }

    private static PublicEventView publicView(EntityManager em, Event e) {
        Integer left = null;
        if (e.capacity() != null) {
            left = Math.max(0, e.capacity() - count(em, e.id(), RegistrationStatus.REGISTERED));
        }
        return publicView(e, left);
    }

    private static PublicEventView publicView(Event e, Integer left) {
        return new PublicEventView(e.id(), LocalizedText.of(e.titleJa(), e.titleEn()), Support.text(e.descriptionJa(), e.descriptionEn()),
                e.kind(), e.kind().label(), e.startsAt(), e.endsAt(), e.place(), e.onlineUrl(), e.status(), left);
    }

    private static RegistrationView view(EntityManager em, Registration r, String name) {
        Integer position = null;
        if (r.status() == RegistrationStatus.WAITLISTED) {
            position = em.createQuery("SELECT COUNT(x) FROM Registration x WHERE x.eventId = :e AND x.status = :s AND x.queueNo <= :q",
                    Long.class).setParameter("e", r.eventId()).setParameter("s", RegistrationStatus.WAITLISTED)
                    .setParameter("q", r.queueNo()).getSingleResult().intValue();
        }
        return view(r, position, name);
    }

    private static RegistrationView view(Registration r, Integer position, String name) {
        return new RegistrationView(r.id(), r.eventId(), r.personId(), name, r.status(), position, CheckIns.display(r.checkInCode()),
                r.walkIn(), Support.instant(r.registeredAt()), Support.instant(r.cancelledAt()), r.checkedInAt() != null,
                Support.instant(r.checkedInAt()), r.checkedInBy(), r.note());
    }

    private static Query filter(LocalDate from, LocalDate to, EventKind kind, Visibility visibility, EventStatus status) {
        return new Query(from, to, kind, visibility, status);
    }

    /** The filters of an event list. */
    private record Query(LocalDate from, LocalDate to, EventKind kind, Visibility visibility, EventStatus status) {

        private String where() {
            StringBuilder w = new StringBuilder(" WHERE 1 = 1");
            if (from != null) {
                w.append(" AND e.endsAt >= :from");
            }
            if (to != null) {
                w.append(" AND e.startsAt < :to");
            }
            if (kind != null) {
                w.append(" AND e.kind = :kind");
            }
            if (visibility != null) {
                w.append(" AND e.visibility = :visibility");
            }
            if (status != null) {
                w.append(" AND e.status = :status");
            }
            return w.toString();
        }

        private <T> TypedQuery<T> bind(TypedQuery<T> q) {
            if (from != null) {
                q.setParameter("from", from.atStartOfDay());
            }
            if (to != null) {
                q.setParameter("to", to.plusDays(1).atStartOfDay());
            }
            if (kind != null) {
                q.setParameter("kind", kind);
            }
            if (visibility != null) {
                q.setParameter("visibility", visibility);
            }
            if (status != null) {
                q.setParameter("status", status);
            }
            return q;
        }

        List<Event> select(EntityManager em, PageRequest page) {
            return bind(em.createQuery("SELECT e FROM Event e" + where() + " ORDER BY e.startsAt, e.id", Event.class))
                    .setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
        }

        long count(EntityManager em) {
            return bind(em.createQuery("SELECT COUNT(e) FROM Event e" + where(), Long.class)).getSingleResult();
        }
    }
}
