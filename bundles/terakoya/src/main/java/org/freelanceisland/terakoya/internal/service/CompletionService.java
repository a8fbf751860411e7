package org.freelanceisland.terakoya.internal.service;

import org.freelanceisland.platform.persistence.Tx;

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
import org.freelanceisland.platform.api.people.PersonSummary;
import org.freelanceisland.platform.rest.ProblemException;
import org.freelanceisland.terakoya.internal.model.Course;
import org.freelanceisland.terakoya.internal.model.CourseSession;
import org.freelanceisland.terakoya.internal.model.Enrolment;
import org.freelanceisland.terakoya.internal.pdf.CertificateRenderer;
import org.freelanceisland.terakoya.internal.service.Dto.CompletionResult;
import org.freelanceisland.terakoya.internal.service.Dto.GraduateView;

/**
 * Completion: staff confirm it when a course ends; every accepted participant who meets the
 * course's rule then is a graduate (recorded once in the ledger as {@code terakoya.course.completed}).
 * Graduation is final: a later correction of attendance does not take it back, and a graduate's
 * record is closed.
 */
public final class CompletionService {

    /** Ledger type of a completion. */
    public static final String COMPLETED = "terakoya.course.completed";

    private final Tx tx;
    private final People people;
    private final ActivityLedger ledger;
    private final CertificateRenderer certificates;

    /**
     * Creates the service.
     *
     * @param tx the unit-of-work runner
     * @param people the people registry
     * @param ledger the activity ledger
     * @param certificates renders certificates
     */
    public CompletionService(Tx tx, People people, ActivityLedger ledger, CertificateRenderer certificates) {
        this.tx = tx;
        this.people = people;
        this.ledger = ledger;
        this.certificates = certificates;
    }

    /**
     * Confirms completion of a course: graduates everyone who meets the rule now.
     *
     * @param courseId the course
     * @return who graduated now, and all graduates of the course
     * @throws ProblemException 422 when the rule asks for more sessions than the course has
     */
    public CompletionResult confirm(long courseId) {
        return tx.write(em -> {
            Course course = Seats.lock(em, courseId);
            int sessions = CourseService.sessionCount(em, courseId);
            if (course.completionRule().usesAttendance() && course.minSessions() > sessions) {
                throw ProblemException.unprocessable("completion.minSessions", "the rule asks for "
                        + course.minSessions() + " sessions attended but course " + courseId + " has only " + sessions
                        + " sessions; add the sessions or change the rule");
            }
            Map<Long, Long> attended = new HashMap<>();
            for (Object[] row : em.createQuery("SELECT a.enrolmentId, COUNT(a) FROM Attendance a WHERE a.courseId = :c"
                    + " AND a.status IN :st GROUP BY a.enrolmentId", Object[].class)
                    .setParameter("c", courseId).setParameter("st", AttendanceService.attendedStatuses()).getResultList()) {
                attended.put((Long) row[0], ((Number) row[1]).longValue());
            }
            int now = 0;
            for (Enrolment e : AttendanceService.accepted(em, courseId)) {
                boolean met = course.completionRule().isMet(attended.getOrDefault(e.id(), 0L).intValue(),
                        course.minSessions(), e.assignmentSubmittedOn() != null);
                if (met && e.completedAt() == null) {
                    e.complete(tx.now());
                    now++;
                    ledger.record(ActivityEvent.builder("terakoya:enrolment:" + e.id() + ":completed", COMPLETED,
                            CourseService.instant(e.completedAt()))
                            .person(e.personId())
                            .fiscalYear(FiscalYear.of(course.fiscalYear()))
                            .attribute("course", Long.toString(courseId))
                            .attribute("category", course.category())
                            .build());
                }
            }
            em.flush();
            return new CompletionResult(courseId, now, graduates(em, null, courseId, null).items());
        });
    }

    /**
     * Graduates, newest first.
     *
     * @param fiscalYear only this fiscal year, or {@code null}
     * @param courseId only this course, or {@code null}
     * @param page the window, or {@code null} for all
     * @return the page, with names
     */
    public Page<GraduateView> graduates(FiscalYear fiscalYear, Long courseId, PageRequest page) {
        return tx.read(em -> {
            if (courseId != null) {
                CourseService.find(em, courseId);
            }
            return graduates(em, fiscalYear, courseId, page);
        });
    }

    private Page<GraduateView> graduates(EntityManager em, FiscalYear fiscalYear, Long courseId, PageRequest page) {
        String where = " WHERE e.completedAt IS NOT NULL AND c.id = e.courseId"
                + (fiscalYear == null ? "" : " AND c.fiscalYear = :fy") + (courseId == null ? "" : " AND c.id = :c");
        TypedQuery<Object[]> q = em.createQuery("SELECT e, c FROM Enrolment e, Course c" + where
                + " ORDER BY e.completedAt DESC, e.id", Object[].class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(e) FROM Enrolment e, Course c" + where, Long.class);
        if (fiscalYear != null) {
            q.setParameter("fy", fiscalYear.startYear());
            count.setParameter("fy", fiscalYear.startYear());
        }
        if (courseId != null) {
            q.setParameter("c", courseId);
            count.setParameter("c", courseId);
        }
        if (page != null) {
            q.setFirstResult(page.offset()).setMaxResults(page.limit());
        }
        List<Object[]> rows = q.getResultList();
        Map<String, String> names = people.names(rows.stream().map(r -> ((Enrolment) r[0]).personId()).toList());
        List<GraduateView> items = new ArrayList<>();
        for (Object[] r : rows) {
            Enrolment e = (Enrolment) r[0];
            Course c = (Course) r[1];
            items.add(new GraduateView(e.id(), c.id(), c.fiscalYear(), CourseService.title(c), c.category(), e.personId(),
                    names.get(e.personId()), CourseService.instant(e.completedAt()), certificateNumber(c, e)));
        }
        long total = page == null ? items.size() : count.getSingleResult();
        return new Page<>(items, total, page == null ? 0 : page.offset(), page == null ? Math.max(1, items.size()) : page.limit());
    }

    /**
     * A certificate of completion as a PDF.
     *
     * @param courseId the course
     * @param enrolmentId the graduate's enrolment
     * @return the file name and the PDF
     * @throws ProblemException 409 when the enrolment has not completed the course or the
     *         person's record was erased; 503 without the people registry or a Japanese font
     */
    public CertificateRenderer.Pdf certificate(long courseId, long enrolmentId) {
        CertificateRenderer.Certificate data = tx.read(em -> {
            Course course = CourseService.find(em, courseId);
            Enrolment e = CourseService.enrolment(em, courseId, enrolmentId);
            if (e.completedAt() == null) {
                throw ProblemException.conflict("Enrolment " + enrolmentId + " has not completed course " + courseId
                        + "; a certificate is issued to graduates only");
            }
            List<CourseSession> sessions = CourseService.sessions(em, courseId);
            long attended = em.createQuery("SELECT COUNT(a) FROM Attendance a WHERE a.enrolmentId = :e AND a.status IN :st",
                    Long.class).setParameter("e", enrolmentId).setParameter("st", AttendanceService.attendedStatuses())
                    .getSingleResult();
            return new CertificateRenderer.Certificate(certificateNumber(course, e), e.personId(), null,
                    CourseService.title(course), FiscalYear.of(course.fiscalYear()),
                    sessions.isEmpty() ? null : sessions.stream().map(CourseSession::date).min(java.util.Comparator.naturalOrder()).get(),
                    sessions.isEmpty() ? null : sessions.stream().map(CourseSession::date).max(java.util.Comparator.naturalOrder()).get(),
                    (int) attended, sessions.size(),
                    CourseService.instant(e.completedAt()).atZone(FiscalYear.ISLAND_ZONE).toLocalDate());
        });
        PersonSummary person = people.find(data.personId()).orElseThrow(() -> ProblemException.conflict(
                "Person " + data.personId() + " is not in the people registry; the certificate cannot name them"));
        if (person.name() == null || person.name().isBlank()) {
            throw ProblemException.conflict("The record of person " + data.personId()
                    + " was erased; the certificate cannot name them");
        }
        return certificates.render(data.withName(person.name()));
    }

    static String certificateNumber(Course c, Enrolment e) {
        return String.format("TK%d-%04d-%05d", c.fiscalYear(), c.id(), e.id());
    }
}
