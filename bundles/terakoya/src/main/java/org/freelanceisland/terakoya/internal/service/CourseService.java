package org.freelanceisland.terakoya.internal.service;

import org.freelanceisland.platform.persistence.Tx;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.people.SkillVocabulary;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.ProblemException;
import org.freelanceisland.terakoya.internal.model.Course;
import org.freelanceisland.terakoya.internal.model.CourseFormat;
import org.freelanceisland.terakoya.internal.model.CourseSession;
import org.freelanceisland.terakoya.internal.model.Enrolment;
import org.freelanceisland.terakoya.internal.model.EnrolmentStatus;
import org.freelanceisland.terakoya.internal.model.Instructor;
import org.freelanceisland.terakoya.internal.service.Dto.CompletionView;
import org.freelanceisland.terakoya.internal.service.Dto.CourseInput;
import org.freelanceisland.terakoya.internal.service.Dto.CourseView;
import org.freelanceisland.terakoya.internal.service.Dto.InstructorInput;
import org.freelanceisland.terakoya.internal.service.Dto.InstructorView;
import org.freelanceisland.terakoya.internal.service.Dto.SeatsView;
import org.freelanceisland.terakoya.internal.service.Dto.SessionInput;
import org.freelanceisland.terakoya.internal.service.Dto.SessionView;

/** Courses of a fiscal year and their sessions. */
public final class CourseService {

    private final Tx tx;
    private final People people;

    /**
     * Creates the service.
     *
     * @param tx the unit-of-work runner
     * @param people the people registry
     */
    public CourseService(Tx tx, People people) {
        this.tx = tx;
        this.people = people;
    }

    /**
     * Creates a course.
     *
     * @param in the course
     * @return the stored course
     */
    public CourseView create(CourseInput in) {
        Course.Details details = check(in);
        return tx.write(em -> {
            Course course = new Course(details.fiscalYear(), tx.now());
            course.update(details, tx.now());
            em.persist(course);
            em.flush();
            return view(em, course);
        });
    }

    /**
     * Changes a course. The capacity may not go below the seats already held; raising it gives the
     * new seats to the waitlist at once.
     *
     * @param id the course
     * @param in all its fields; {@code version}, when given, must be the stored one
     * @return the course
     */
    public CourseView update(long id, CourseInput in) {
        Course.Details details = check(in);
        return tx.write(em -> {
            Course course = Seats.lock(em, id);
            if (in.version() != null && in.version() != course.version()) {
                throw ProblemException.conflict("Course " + id + " was changed by someone else (version "
                        + course.version() + ", not " + in.version() + "); load it again");
            }
            int held = Seats.held(em, id);
            if (details.capacity() < held) {
                throw ProblemException.conflict("capacity: " + details.capacity() + " is below the " + held
                        + " seats already taken (applied or accepted); withdraw or decline applications first");
            }
            if (details.fiscalYear() != course.fiscalYear() && graduates(em, id) > 0) {
                throw ProblemException.conflict("fiscalYear: course " + id + " already has graduates in "
                        + course.fiscalYear() + "; its fiscal year can no longer change");
            }
            course.update(details, tx.now());
            Seats.fill(em, course, tx.now());
            em.flush();
            return view(em, course);
        });
    }

    /**
     * Deletes a course that nobody has applied to yet.
     *
     * @param id the course
     */
    public void delete(long id) {
        tx.write(em -> {
            Course course = Seats.lock(em, id);
            long applications = em.createQuery("SELECT COUNT(e) FROM Enrolment e WHERE e.courseId = :c", Long.class)
                    .setParameter("c", id).getSingleResult();
            if (applications > 0) {
                throw ProblemException.conflict("Course " + id + " has " + applications
                        + " applications; it cannot be deleted (its history is kept)");
            }
            em.createQuery("DELETE FROM CourseSession s WHERE s.courseId = :c").setParameter("c", id).executeUpdate();
            em.remove(course);
            return null;
        });
    }

    /**
     * One course.
     *
     * @param id the course
     * @return the course
     */
    public CourseView get(long id) {
        return tx.read(em -> view(em, find(em, id)));
    }

    /**
     * Lists courses, by fiscal year (newest first), then first application day and title.
     *
     * @param fiscalYear only this year, or {@code null}
     * @param category only this skill, or {@code null}
     * @param text words in the title (either language), or {@code null}
     * @param page the window
     * @return the page
     */
    public Page<CourseView> list(FiscalYear fiscalYear, String category, String text, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (fiscalYear != null) {
            where.append(" AND c.fiscalYear = :fy");
            params.put("fy", fiscalYear.startYear());
        }
        if (category != null) {
            where.append(" AND c.category = :cat");
            params.put("cat", category);
        }
        if (text != null) {
            where.append(" AND (LOWER(c.titleJa) LIKE :q ESCAPE '\\' OR LOWER(c.titleEn) LIKE :q ESCAPE '\\')");
            params.put("q", "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        return tx.read(em -> {
            TypedQuery<Course> q = em.createQuery("SELECT c FROM Course c" + where
                    + " ORDER BY c.fiscalYear DESC, c.applicationOpens, c.titleJa, c.id", Course.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM Course c" + where, Long.class);
            params.forEach((k, v) -> {
                q.setParameter(k, v);
                count.setParameter(k, v);
            });
            List<Course> courses = q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
            List<CourseView> items = new ArrayList<>();
            for (Course c : courses) {
                items.add(view(em, c));
            }
            return new Page<>(items, count.getSingleResult(), page.offset(), page.limit());
        });
    }

    /**
     * Adds a session; it gets the next number of the course.
     *
     * @param courseId the course
     * @param in the session
     * @return the session
     */
    public SessionView addSession(long courseId, SessionInput in) {
        checkSession(in);
        return tx.write(em -> {
            Seats.lock(em, courseId);
            Number max = em.createQuery("SELECT MAX(s.number) FROM CourseSession s WHERE s.courseId = :c", Number.class)
                    .setParameter("c", courseId).getSingleResult();
            CourseSession session = new CourseSession(courseId, max == null ? 1 : max.intValue() + 1);
            apply(session, in);
            em.persist(session);
            em.flush();
            return view(session);
        });
    }

    /**
     * Changes a session's schedule or topic.
     *
     * @param courseId the course
     * @param sessionId the session
     * @param in the session
     * @return the session
     */
    public SessionView updateSession(long courseId, long sessionId, SessionInput in) {
        checkSession(in);
        return tx.write(em -> {
            CourseSession session = session(em, courseId, sessionId);
            apply(session, in);
            return view(session);
        });
    }

    /**
     * Deletes a session for which no attendance was taken.
     *
     * @param courseId the course
     * @param sessionId the session
     */
    public void deleteSession(long courseId, long sessionId) {
        tx.write(em -> {
            Seats.lock(em, courseId);
            CourseSession session = session(em, courseId, sessionId);
            long taken = em.createQuery("SELECT COUNT(a) FROM Attendance a WHERE a.sessionId = :s", Long.class)
                    .setParameter("s", sessionId).getSingleResult();
            if (taken > 0) {
                throw ProblemException.conflict("Attendance was taken at session " + session.number()
                        + "; it cannot be deleted");
            }
            em.remove(session);
            return null;
        });
    }

    /**
     * The sessions of a course, by number.
     *
     * @param courseId the course
     * @return the sessions
     */
    public List<SessionView> sessions(long courseId) {
        return tx.read(em -> {
            find(em, courseId);
            return sessions(em, courseId).stream().map(CourseService::view).toList();
        });
    }

    // ---- shared with the other services

    static Course find(EntityManager em, long id) {
        Course course = em.find(Course.class, id);
        if (course == null) {
            throw ProblemException.notFound("course", id);
        }
        return course;
    }

    static CourseSession session(EntityManager em, long courseId, long sessionId) {
        CourseSession session = em.find(CourseSession.class, sessionId);
        if (session == null) {
            throw ProblemException.notFound("session", sessionId);
        }
        if (session.courseId() != courseId) {
            find(em, courseId);
            throw new ProblemException(404, "not-found", "Not found", "Session " + sessionId + " belongs to course "
                    + session.courseId() + ", not to course " + courseId, List.of());
        }
        return session;
    }

    static List<CourseSession> sessions(EntityManager em, long courseId) {
        return em.createQuery("SELECT s FROM CourseSession s WHERE s.courseId = :c ORDER BY s.number", CourseSession.class)
                .setParameter("c", courseId).getResultList();
    }

    static Enrolment enrolment(EntityManager em, long courseId, long enrolmentId) {
        Enrolment e = em.find(Enrolment.class, enrolmentId);
        if (e == null || e.courseId() != courseId) {
            find(em, courseId);
            throw ProblemException.notFound("enrolment in course " + courseId, enrolmentId);
        }
        return e;
    }

    static int graduates(EntityManager em, long courseId) {
        return em.createQuery("SELECT COUNT(e) FROM Enrolment e WHERE e.courseId = :c AND e.completedAt IS NOT NULL",
                Long.class).setParameter("c", courseId).getSingleResult().intValue();
    }

    static int sessionCount(EntityManager em, long courseId) {
        return em.createQuery("SELECT COUNT(s) FROM CourseSession s WHERE s.courseId = :c", Long.class)
                .setParameter("c", courseId).getSingleResult().intValue();
    }

    static LocalizedText title(Course c) {
        return LocalizedText.of(c.titleJa(), c.titleEn());
    }

    static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    static SessionView view(CourseSession s) {
        return new SessionView(s.id(), s.courseId(), s.number(), s.date(), s.startsAt(), s.endsAt(),
                s.topicJa() == null ? null : LocalizedText.of(s.topicJa(), s.topicEn()), s.location());
    }

    CourseView view(EntityManager em, Course c) {
        Map<EnrolmentStatus, Integer> counts = Seats.counts(em, c.id());
        int applied = counts.get(EnrolmentStatus.APPLIED);
        int accepted = counts.get(EnrolmentStatus.ACCEPTED);
        SeatsView seats = new SeatsView(c.capacity(), applied, accepted, counts.get(EnrolmentStatus.WAITLISTED),
                Math.max(0, c.capacity() - applied - accepted));
        Map<String, String> names = people.names(c.instructors().stream().map(Instructor::personId)
                .filter(p -> p != null).collect(Collectors.toSet()));
        List<InstructorView> instructors = c.instructors().stream()
                .map(i -> new InstructorView(i.personId(), i.organisation(),
                        i.personId() == null ? i.organisation() : names.get(i.personId())))
                .toList();
        LocalDate today = tx.today();
        FiscalYear fy = FiscalYear.of(c.fiscalYear());
        return new CourseView(c.id(), c.fiscalYear(), fy.label(), title(c),
                c.descriptionJa() == null && c.descriptionEn() == null ? null
                        : LocalizedText.of(c.descriptionJa() == null ? c.descriptionEn() : c.descriptionJa(), c.descriptionEn()),
                c.category(), SkillVocabulary.SKILLS.get(c.category()), instructors, c.format(), c.location(),
                c.applicationOpens(), c.applicationCloses(),
                !today.isBefore(c.applicationOpens()) && !today.isAfter(c.applicationCloses()),
                new CompletionView(c.completionRule(), c.minSessions(), sessionCount(em, c.id())), seats,
                graduates(em, c.id()), c.version(), instant(c.createdAt()), instant(c.updatedAt()));
    }

    // ---- checks

    private Course.Details check(CourseInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (!SkillVocabulary.isCurated(in.category())) {
            errors.add(new FieldError("category", "must be one of the skill codes " + SkillVocabulary.SKILLS.keySet()));
        }
        List<InstructorInput> instructors = in.instructors() == null ? List.of() : in.instructors();
        for (int i = 0; i < instructors.size(); i++) {
            InstructorInput x = instructors.get(i);
            if ((x.personId() == null) == (x.organisation() == null)) {
                errors.add(new FieldError("instructors[" + i + "]", "give either a personId or an organisation, not both"));
            }
        }
        if (in.applicationCloses().isBefore(in.applicationOpens())) {
            errors.add(new FieldError("applicationCloses", "must not be before applicationOpens"));
        }
        if (in.format() != CourseFormat.ONLINE && (in.location() == null || in.location().isBlank())) {
            errors.add(new FieldError("location", "is required for a course held on site or hybrid"));
        }
        if (in.completion().rule().usesAttendance() && in.completion().minSessions() == null) {
            errors.add(new FieldError("completion.minSessions", "is required for the rule " + in.completion().rule()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        for (int i = 0; i < instructors.size(); i++) {
            if (instructors.get(i).personId() != null) {
                people.requireExisting("instructors[" + i + "].personId", instructors.get(i).personId());
            }
        }
        Dto.LongText d = in.description();
        return new Course.Details(in.fiscalYear().startYear(), in.title().ja().strip(), blank(in.title().en()),
                d == null ? null : blank(d.ja()), d == null ? null : blank(d.en()), in.category(),
                instructors.stream().map(x -> new Instructor(blank(x.personId()), blank(x.organisation()))).toList(),
                in.capacity(), in.format(), blank(in.location()), in.applicationOpens(), in.applicationCloses(),
                in.completion().rule(), in.completion().minSessions());
    }

    private static void checkSession(SessionInput in) {
        if (!in.endsAt().isAfter(in.startsAt())) {
            throw ProblemException.invalid("endsAt", "must be after startsAt");
        }
    }

    private static void apply(CourseSession session, SessionInput in) {
        session.update(in.date(), in.startsAt(), in.endsAt(), in.topic() == null ? null : in.topic().ja().strip(),
                in.topic() == null ? null : blank(in.topic().en()), blank(in.location()));
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
