package org.freelanceisland.terakoya.internal.service;

import org.freelanceisland.platform.persistence.Tx;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.rest.ProblemException;
import org.freelanceisland.terakoya.internal.model.Course;
import org.freelanceisland.terakoya.internal.model.Enrolment;
import org.freelanceisland.terakoya.internal.model.EnrolmentStatus;
import org.freelanceisland.terakoya.internal.service.Dto.EnrolmentView;

/**
 * Applications to courses: apply, accept, decline, withdraw, the waitlist and the final assignment.
 *
 * <p>Every change to who holds a seat locks the course's row first, so applications arriving at
 * the same moment are served one after another: the first ones get the free seats, the rest join
 * the waitlist in the order they got the lock, and no course ever holds more applications than
 * seats. A unique constraint on (course, person) backs the check against applying twice.
 */
public final class EnrolmentService {

    /** Ledger type of an accepted enrolment. */
    public static final String ENROLLED = "terakoya.enrolled";

    private final Tx tx;
    private final People people;
    private final ActivityLedger ledger;

    /**
     * Creates the service.
     *
     * @param tx the unit-of-work runner
     * @param people the people registry
     * @param ledger the activity ledger
     */
    public EnrolmentService(Tx tx, People people, ActivityLedger ledger) {
        this.tx = tx;
        this.people = people;
        this.ledger = ledger;
    }

    /**
     * A person applies. With a free seat the application holds it (status {@code APPLIED}) until
     * staff accept; when the course is full it joins the waitlist.
     *
     * @param courseId the course
     * @param personId the person
     * @param note staff's note, or {@code null}
     * @return the application
     * @throws ProblemException 422 outside the application window or when the person may not take
     *         part; 409 when the person already has a live application to the course
     */
    public EnrolmentView apply(long courseId, String personId, String note) {
        String person = personId.strip();
        tx.read(em -> CourseService.find(em, courseId));
        people.requireParticipant("personId", person);
        return tx.write(em -> {
            Course course = Seats.lock(em, courseId);
            LocalDate today = tx.today();
            if (today.isBefore(course.applicationOpens())) {
                throw ProblemException.unprocessable("applicationOpens", "applications to course " + courseId
                        + " open on " + course.applicationOpens());
            }
            if (today.isAfter(course.applicationCloses())) {
                throw ProblemException.unprocessable("applicationCloses", "applications to course " + courseId
                        + " closed on " + course.applicationCloses());
            }
            List<Enrolment> existing = em.createQuery("SELECT e FROM Enrolment e WHERE e.courseId = :c AND e.personId = :p",
                    Enrolment.class).setParameter("c", courseId).setParameter("p", person).getResultList();
            Enrolment enrolment;
            if (existing.isEmpty()) {
                enrolment = new Enrolment(courseId, person);
            } else {
                enrolment = existing.get(0);
                if (EnrolmentStatus.ACTIVE.contains(enrolment.status())) {
                    throw ProblemException.conflict("Person " + person + " already applied to course " + courseId
                            + " (enrolment " + enrolment.id() + ", " + enrolment.status() + ")");
                }
                if (enrolment.completedAt() != null) {
                    throw ProblemException.conflict("Person " + person + " already completed course " + courseId);
                }
            }
            Seats.fill(em, course, tx.now());
            boolean seat = Seats.held(em, courseId) < course.capacity();
            enrolment.apply(Seats.nextQueueNo(em, courseId), seat, CourseService.blank(note), tx.now());
            if (enrolment.id() == null) {
                em.persist(enrolment);
            }
            em.flush();
            return view(em, enrolment, null);
        });
    }

    /**
     * Staff accept an application that holds a seat: the person is enrolled and the ledger records
     * {@code terakoya.enrolled}. Accepting an accepted application changes nothing.
     *
     * @param courseId the course
     * @param enrolmentId the application
     * @return the enrolment
     */
    public EnrolmentView accept(long courseId, long enrolmentId) {
        Enrolment before = tx.read(em -> CourseService.enrolment(em, courseId, enrolmentId));
        if (before.status() == EnrolmentStatus.APPLIED) {
            people.requireParticipant("personId", before.personId());
        }
        return tx.write(em -> {
            Course course = Seats.lock(em, courseId);
            Enrolment e = CourseService.enrolment(em, courseId, enrolmentId);
            switch (e.status()) {
                case ACCEPTED -> {
                    return view(em, e, null);
                }
                case APPLIED -> {
                    e.accept(tx.now());
                    em.flush();
                    ledger.record(ActivityEvent.builder("terakoya:enrolment:" + e.id() + ":enrolled", ENROLLED,
                            CourseService.instant(e.acceptedAt()))
                            .person(e.personId())
                            .fiscalYear(FiscalYear.of(course.fiscalYear()))
                            .attribute("course", Long.toString(course.id()))
                            .attribute("category", course.category())
                            .build());
                    return view(em, e, people.names(List.of(e.personId())).get(e.personId()));
                }
                case WAITLISTED -> throw ProblemException.conflict("Enrolment " + enrolmentId + " is on the waitlist (position "
                        + Seats.position(em, e) + "); it can be accepted once it is given a seat");
                default -> throw ProblemException.conflict("Enrolment " + enrolmentId + " was " + e.status()
                        + "; the person must apply again");
            }
        });
    }

    /**
     * Staff turn down an application that is not accepted yet; its seat goes to the waitlist.
     *
     * @param courseId the course
     * @param enrolmentId the application
     * @param reason why, or {@code null}
     * @return the application
     */
    public EnrolmentView decline(long courseId, long enrolmentId, String reason) {
        return close(courseId, enrolmentId, EnrolmentStatus.DECLINED, reason);
    }

    /**
     * The person (or staff for them) withdraws; the seat goes to the waitlist. A graduate's
     * enrolment cannot be withdrawn.
     *
     * @param courseId the course
     * @param enrolmentId the application
     * @param reason why, or {@code null}
     * @return the application
     */
    public EnrolmentView withdraw(long courseId, long enrolmentId, String reason) {
        return close(courseId, enrolmentId, EnrolmentStatus.WITHDRAWN, reason);
    }

    private EnrolmentView close(long courseId, long enrolmentId, EnrolmentStatus to, String reason) {
        return tx.write(em -> {
            Course course = Seats.lock(em, courseId);
            Enrolment e = CourseService.enrolment(em, courseId, enrolmentId);
            if (e.completedAt() != null) {
                throw ProblemException.conflict("Enrolment " + enrolmentId + " completed the course; it is closed");
            }
            if (!EnrolmentStatus.ACTIVE.contains(e.status())) {
                throw ProblemException.conflict("Enrolment " + enrolmentId + " is already " + e.status());
            }
            if (to == EnrolmentStatus.DECLINED && e.status() == EnrolmentStatus.ACCEPTED) {
                throw ProblemException.conflict("Enrolment " + enrolmentId + " is accepted; withdraw it instead of declining");
            }
            e.close(to, CourseService.blank(reason), tx.now());
            em.flush();
            Seats.fill(em, course, tx.now());
            em.flush();
            return view(em, e, null);
        });
    }

    /**
     * Records whether the final assignment was submitted.
     *
     * @param courseId the course
     * @param enrolmentId the enrolment (accepted)
     * @param submitted whether it was submitted
     * @param submittedOn when (today when {@code null})
     * @return the enrolment
     */
    public EnrolmentView assignment(long courseId, long enrolmentId, boolean submitted, LocalDate submittedOn) {
        if (submittedOn != null && submittedOn.isAfter(tx.today())) {
            throw ProblemException.invalid("submittedOn", "must not be in the future");
        }
        return tx.write(em -> {
            Enrolment e = CourseService.enrolment(em, courseId, enrolmentId);
            if (e.status() != EnrolmentStatus.ACCEPTED) {
                throw ProblemException.conflict("Enrolment " + enrolmentId + " is " + e.status()
                        + "; only accepted participants submit the final assignment");
            }
            if (e.completedAt() != null) {
                throw ProblemException.conflict("Enrolment " + enrolmentId + " already completed the course; its record is closed");
            }
            e.assignment(submitted ? (submittedOn == null ? tx.today() : submittedOn) : null);
            em.flush();
            return view(em, e, null);
        });
    }

    /**
     * One application.
     *
     * @param courseId the course
     * @param enrolmentId the application
     * @return the application, with the person's name
     */
    public EnrolmentView get(long courseId, long enrolmentId) {
        return tx.read(em -> {
            Enrolment e = CourseService.enrolment(em, courseId, enrolmentId);
            return view(em, e, people.names(List.of(e.personId())).get(e.personId()));
        });
    }

    /**
     * The applications of a course in order of arrival (the waitlist in its order).
     *
     * @param courseId the course
     * @param status only this status, or {@code null}
     * @param page the window
     * @return the page, with names
     */
    public Page<EnrolmentView> list(long courseId, EnrolmentStatus status, PageRequest page) {
        return tx.read(em -> {
            CourseService.find(em, courseId);
            String where = " WHERE e.courseId = :c" + (status == null ? "" : " AND e.status = :s");
            TypedQuery<Enrolment> q = em.createQuery("SELECT e FROM Enrolment e" + where + " ORDER BY e.queueNo", Enrolment.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(e) FROM Enrolment e" + where, Long.class);
            q.setParameter("c", courseId);
            count.setParameter("c", courseId);
            if (status != null) {
                q.setParameter("s", status);
                count.setParameter("s", status);
            }
            List<Enrolment> items = q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
            Map<String, String> names = people.names(items.stream().map(Enrolment::personId).toList());
            Map<Long, Integer> positions = positions(em, courseId);
            List<EnrolmentView> views = new ArrayList<>();
            for (Enrolment e : items) {
                views.add(view(e, positions.get(e.id()), names.get(e.personId())));
            }
            return new Page<>(views, count.getSingleResult(), page.offset(), page.limit());
        });
    }

    private static Map<Long, Integer> positions(EntityManager em, long courseId) {
        Map<Long, Integer> positions = new HashMap<>();
        List<Long> ids = em.createQuery("SELECT e.id FROM Enrolment e WHERE e.courseId = :c AND e.status = :s ORDER BY e.queueNo",
                Long.class).setParameter("c", courseId).setParameter("s", EnrolmentStatus.WAITLISTED).getResultList();
        for (int i = 0; i < ids.size(); i++) {
            positions.put(ids.get(i), i + 1);
        }
        return positions;
    }

    private static EnrolmentView view(EntityManager em, Enrolment e, String name) {
        return view(e, Seats.position(em, e), name);
    }

    static EnrolmentView view(Enrolment e, Integer position, String name) {
        return new EnrolmentView(e.id(), e.courseId(), e.personId(), name, e.status(), position,
                CourseService.instant(e.appliedAt()), CourseService.instant(e.seatSince()),
                CourseService.instant(e.acceptedAt()), CourseService.instant(e.closedAt()), e.closedReason(),
                e.assignmentSubmittedOn(), e.completedAt() != null, CourseService.instant(e.completedAt()), e.note(),
                e.version());
    }
}
