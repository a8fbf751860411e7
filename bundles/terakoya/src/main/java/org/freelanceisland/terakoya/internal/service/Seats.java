package org.freelanceisland.terakoya.internal.service;

import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.freelanceisland.platform.rest.ProblemException;
import org.freelanceisland.terakoya.internal.model.Course;
import org.freelanceisland.terakoya.internal.model.Enrolment;
import org.freelanceisland.terakoya.internal.model.EnrolmentStatus;

/**
 * The seat rules of a course, used inside a transaction that holds the course's row lock:
 * applications that hold a seat (applied or accepted) never exceed the capacity, and while a seat
 * is free nobody waits on the waitlist.
 */
final class Seats {

    private Seats() {
    }

    /**
     * Locks a course's row for the rest of the transaction ({@code SELECT ... FOR UPDATE}), so
     * that changes to its seats happen one after another.
     *
     * @param em the entity manager
     * @param courseId the course
     * @return the course
     * @throws ProblemException 404 when there is no such course
     */
    static Course lock(EntityManager em, long courseId) {
        Course course = em.find(Course.class, courseId, LockModeType.PESSIMISTIC_WRITE);
        if (course == null) {
            throw ProblemException.notFound("course", courseId);
        }
        return course;
    }

    /**
     * Counts a course's applications by status.
     *
     * @param em the entity manager
     * @param courseId the course
     * @return the counts, every status present
     */
    static Map<EnrolmentStatus, Integer> counts(EntityManager em, long courseId) {
        Map<EnrolmentStatus, Integer> counts = new EnumMap<>(EnrolmentStatus.class);
        for (EnrolmentStatus s : EnrolmentStatus.values()) {
            counts.put(s, 0);
        }
        for (Object[] row : em.createQuery("SELECT e.status, COUNT(e) FROM Enrolment e WHERE e.courseId = :c GROUP BY e.status",
                Object[].class).setParameter("c", courseId).getResultList()) {
            counts.put((EnrolmentStatus) row[0], ((Number) row[1]).intValue());
        }
        return counts;
    }

    /**
     * The number of seats held (applied or accepted).
     *
     * @param em the entity manager
     * @param courseId the course
     * @return the seats held
     */
    static int held(EntityManager em, long courseId) {
        Map<EnrolmentStatus, Integer> counts = counts(em, courseId);
        return counts.get(EnrolmentStatus.APPLIED) + counts.get(EnrolmentStatus.ACCEPTED);
    }

    /**
     * Gives free seats to the waitlist, first come first served. The caller holds the course's lock.
     *
     * @param em the entity manager
     * @param course the locked course
     * @param now now (UTC)
     * @return the applications promoted
     */
    static List<Enrolment> fill(EntityManager em, Course course, LocalDateTime now) {
        int free = course.capacity() - held(em, course.id());
        if (free <= 0) {
            return List.of();
        }
        List<Enrolment> next = em.createQuery("SELECT e FROM Enrolment e WHERE e.courseId = :c AND e.status = :s"
                + " ORDER BY e.queueNo", Enrolment.class)
                .setParameter("c", course.id()).setParameter("s", EnrolmentStatus.WAITLISTED)
                .setMaxResults(free).getResultList();
        next.forEach(e -> e.promote(now));
        return next;
    }

    /**
     * The next number in a course's order of arrival. The caller holds the course's lock.
     *
     * @param em the entity manager
     * @param courseId the course
     * @return one more than the highest number handed out so far
     */
    static long nextQueueNo(EntityManager em, long courseId) {
        Number max = em.createQuery("SELECT MAX(e.queueNo) FROM Enrolment e WHERE e.courseId = :c", Number.class)
                .setParameter("c", courseId).getSingleResult();
        return max == null ? 1 : max.longValue() + 1;
    }

    /**
     * A waitlisted application's place in line.
     *
     * @param em the entity manager
     * @param e the application
     * @return 1 for the first in line, or {@code null} when it is not waitlisted
     */
    static Integer position(EntityManager em, Enrolment e) {
        if (e.status() != EnrolmentStatus.WAITLISTED) {
            return null;
        }
        Number ahead = em.createQuery("SELECT COUNT(x) FROM Enrolment x WHERE x.courseId = :c AND x.status = :s"
                + " AND x.queueNo < :q", Number.class)
                .setParameter("c", e.courseId()).setParameter("s", EnrolmentStatus.WAITLISTED)
                .setParameter("q", e.queueNo()).getSingleResult();
        return ahead.intValue() + 1;
    }
}
