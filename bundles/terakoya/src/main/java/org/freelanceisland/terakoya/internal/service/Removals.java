package org.freelanceisland.terakoya.internal.service;

import java.util.List;

import javax.persistence.EntityManager;

import org.freelanceisland.terakoya.internal.model.Course;
import org.freelanceisland.terakoya.internal.model.SeatPool;

/**
 * Removal of Terakoya records for good, with what belongs to them (the platform's record removal,
 * for administrators only: the program's own API keeps history).
 */
public final class Removals {

    private Removals() {
    }

    /**
     * Removes a course with its sessions, applications and attendance.
     *
     * @param em the unit of work
     * @param id the course
     * @return whether it was there
     */
    public static boolean course(EntityManager em, long id) {
        Course course = em.find(Course.class, id);
        if (course == null) {
            return false;
        }
        em.createQuery("DELETE FROM Attendance a WHERE a.courseId = :c").setParameter("c", id).executeUpdate();
        em.createQuery("DELETE FROM Enrolment e WHERE e.courseId = :c").setParameter("c", id).executeUpdate();
        em.createQuery("DELETE FROM CourseSession s WHERE s.courseId = :c").setParameter("c", id).executeUpdate();
        em.remove(course);
        return true;
    }

    /**
     * Removes an online-learning seat pool with its allocations and their usage.
     *
     * @param em the unit of work
     * @param id the pool
     * @return whether it was there
     */
    public static boolean pool(EntityManager em, long id) {
        SeatPool pool = em.find(SeatPool.class, id);
        if (pool == null) {
            return false;
        }
        List<Long> allocations = em.createQuery("SELECT a.id FROM SeatAllocation a WHERE a.poolId = :p", Long.class)
                .setParameter("p", id).getResultList();
        if (!allocations.isEmpty()) {
            em.createQuery("DELETE FROM SeatUsage u WHERE u.allocationId IN :a").setParameter("a", allocations).executeUpdate();
        }
        em.createQuery("DELETE FROM SeatAllocation a WHERE a.poolId = :p").setParameter("p", id).executeUpdate();
        em.remove(pool);
        return true;
    }
}
