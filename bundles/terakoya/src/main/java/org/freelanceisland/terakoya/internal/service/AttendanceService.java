package org.freelanceisland.terakoya.internal.service;

import org.freelanceisland.platform.persistence.Tx;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.persistence.EntityManager;

import org.freelanceisland.platform.rest.Csv;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.ProblemException;
import org.freelanceisland.terakoya.internal.model.Attendance;
import org.freelanceisland.terakoya.internal.model.AttendanceStatus;
import org.freelanceisland.terakoya.internal.model.Course;
import org.freelanceisland.terakoya.internal.model.CourseSession;
import org.freelanceisland.terakoya.internal.model.Enrolment;
import org.freelanceisland.terakoya.internal.model.EnrolmentStatus;
import org.freelanceisland.terakoya.internal.service.Dto.AttendanceGrid;
import org.freelanceisland.terakoya.internal.service.Dto.AttendanceRow;
import org.freelanceisland.terakoya.internal.service.Dto.AttendanceView;
import org.freelanceisland.terakoya.internal.service.Dto.CompletionView;
import org.freelanceisland.terakoya.internal.service.Dto.RecordedAttendance;
import org.freelanceisland.terakoya.internal.service.Dto.RollEntry;
import org.freelanceisland.terakoya.internal.service.Dto.RollInput;

/**
 * Attendance taken by staff: one session's roll typed from paper, a CSV file for many sessions at
 * once, and the grid of a course. Only accepted participants of the course have attendance. A
 * roll or a file is recorded whole or not at all.
 */
public final class AttendanceService {

    /** The header of the attendance CSV (the Japanese header 回,受講者ID,出欠,備考 is read too). */
    public static final List<String> CSV_HEADER = List.of("session", "personId", "status", "note");

    private static final Map<String, Integer> HEADER_NAMES = Map.ofEntries(
            Map.entry("session", 0), Map.entry("session_no", 0), Map.entry("回", 0), Map.entry("回数", 0),
            Map.entry("personid", 1), Map.entry("person_id", 1), Map.entry("person", 1), Map.entry("受講者id", 1),
            Map.entry("status", 2), Map.entry("出欠", 2),
            Map.entry("note", 3), Map.entry("備考", 3));

    private final Tx tx;
    private final People people;

    /**
     * Creates the service.
     *
     * @param tx the unit-of-work runner
     * @param people the people registry, for names
     */
    public AttendanceService(Tx tx, People people) {
        this.tx = tx;
        this.people = people;
    }

    /**
     * Records one session's roll. People not on the roll keep what they had, or are marked absent
     * with {@code othersAbsent}.
     *
     * @param courseId the course
     * @param sessionId the session, which must belong to the course
     * @param roll the roll
     * @param actor who took it
     * @return what was recorded
     * @throws ProblemException 404 for a session of another course; 422 when someone on the roll
     *         is not an accepted participant (nothing is recorded then)
     */
    public RecordedAttendance roll(long courseId, long sessionId, RollInput roll, String actor) {
        return tx.write(em -> {
            CourseService.find(em, courseId);
            CourseSession session = CourseService.session(em, courseId, sessionId);
            Map<String, Enrolment> participants = participants(em, courseId);
            List<FieldError> errors = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < roll.entries().size(); i++) {
                RollEntry entry = roll.entries().get(i);
                String person = entry.personId().strip();
                if (!participants.containsKey(person)) {
                    errors.add(new FieldError("entries[" + i + "].personId", "person " + person
                            + " is not an accepted participant of course " + courseId));
                }
                Integer before = seen.put(person, i);
                if (before != null) {
                    errors.add(new FieldError("entries[" + i + "].personId", "person " + person
                            + " is on the roll twice (also entries[" + before + "])"));
                }
            }
            if (!errors.isEmpty()) {
                throw new ProblemException(422, "rule-violated", "Request breaks a rule", errors.size() == 1
                        ? errors.get(0).field() + ": " + errors.get(0).message()
                        : errors.size() + " entries of the roll cannot be recorded; nothing was recorded", errors);
            }
            Map<String, Mark> marks = new LinkedHashMap<>();
            for (RollEntry entry : roll.entries()) {
                marks.put(entry.personId().strip(), new Mark(entry.status(), CourseService.blank(entry.note())));
            }
            if (Boolean.TRUE.equals(roll.othersAbsent())) {
                participants.keySet().forEach(p -> marks.putIfAbsent(p, new Mark(AttendanceStatus.ABSENT, null)));
            }
            List<AttendanceView> recorded = new ArrayList<>();
            for (Map.Entry<String, Mark> m : marks.entrySet()) {
                recorded.add(record(em, session, participants.get(m.getKey()), m.getValue(), actor));
            }
            em.flush();
            return new RecordedAttendance(recorded.size(), recorded);
        });
    }

    /**
     * Imports attendance of any sessions of a course from CSV: a header
     * {@code session,personId,status[,note]} and a row per mark. The session is its number in the
     * course or its date; the status a code, its initial or the Japanese word (出席, 遅刻, 欠席, 公欠).
     *
     * @param courseId the course
     * @param csv the file's text (a byte order mark is allowed)
     * @param actor who imports it
     * @return what was recorded
     * @throws ProblemException 400 naming each bad row ({@code rows[<line>].<column>}); nothing is
     *         recorded then
     */
    public RecordedAttendance importCsv(long courseId, String csv, String actor) {
        List<Csv.Row> rows;
        try {
            rows = Csv.read(csv);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("csv", e.getMessage());
        }
        List<Csv.Row> data = rows.stream().filter(r -> !r.isBlank()).toList();
        if (data.isEmpty()) {
            throw ProblemException.invalid("csv", "the file is empty; the first line must be the header "
                    + String.join(",", CSV_HEADER));
        }
        int[] columns = columns(data.get(0));
        return tx.write(em -> {
            CourseService.find(em, courseId);
            List<CourseSession> sessions = CourseService.sessions(em, courseId);
            Map<String, Enrolment> participants = participants(em, courseId);
            List<FieldError> errors = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            List<Object[]> marks = new ArrayList<>();
            for (Csv.Row row : data.subList(1, data.size())) {
                String at = "rows[" + row.line() + "]";
                String sessionRef = row.field(columns[0]).strip();
                String person = row.field(columns[1]).strip();
                String statusText = row.field(columns[2]).strip();
                String note = columns[3] < 0 ? null : CourseService.blank(row.field(columns[3]));
                CourseSession session = sessionRef.isEmpty() ? null : resolve(sessions, sessionRef, at, errors);
                if (sessionRef.isEmpty()) {
                    errors.add(new FieldError(at + ".session", "is empty"));
                }
                if (person.isEmpty()) {
                    errors.add(new FieldError(at + ".personId", "is empty"));
                } else if (!participants.containsKey(person)) {
                    errors.add(new FieldError(at + ".personId", "person " + person
                            + " is not an accepted participant of course " + courseId));
                }
                AttendanceStatus status = AttendanceStatus.parse(statusText);
                if (status == null) {
                    errors.add(new FieldError(at + ".status", "'" + statusText
                            + "' is not one of PRESENT, LATE, ABSENT, EXCUSED (or 出席, 遅刻, 欠席, 公欠)"));
                }
                if (note != null && note.length() > 200) {
                    errors.add(new FieldError(at + ".note", "at most 200 characters"));
                }
                if (session != null && !person.isEmpty()) {
                    Integer before = seen.put(session.id() + "/" + person, row.line());
                    if (before != null) {
                        errors.add(new FieldError(at, "session " + session.number() + " of person " + person
                                + " is also on line " + before));
                    }
                }
                marks.add(new Object[] { session, person, status, note });
            }
            if (!errors.isEmpty()) {
                throw new ProblemException(400, "validation", "Invalid request", errors.size()
                        + " problems in the file; nothing was imported", errors);
            }
            List<AttendanceView> recorded = new ArrayList<>();
            for (Object[] m : marks) {
                recorded.add(record(em, (CourseSession) m[0], participants.get((String) m[1]),
                        new Mark((AttendanceStatus) m[2], (String) m[3]), actor));
            }
            em.flush();
            return new RecordedAttendance(recorded.size(), recorded);
        });
    }

    /**
     * The attendance grid of a course: a row per accepted participant, with the status at each
     * session, sessions attended and whether the completion rule is met now.
     *
     * @param courseId the course
     * @return the grid
     */
    public AttendanceGrid grid(long courseId) {
        return tx.read(em -> {
            Course course = CourseService.find(em, courseId);
            List<CourseSession> sessions = CourseService.sessions(em, courseId);
            Map<Long, Integer> numbers = new HashMap<>();
            sessions.forEach(s -> numbers.put(s.id(), s.number()));
            List<Enrolment> enrolled = accepted(em, courseId);
            Map<Long, Map<Integer, AttendanceStatus>> marks = new HashMap<>();
            for (Attendance a : em.createQuery("SELECT a FROM Attendance a WHERE a.courseId = :c", Attendance.class)
                    .setParameter("c", courseId).getResultList()) {
                marks.computeIfAbsent(a.enrolmentId(), k -> new TreeMap<>()).put(numbers.get(a.sessionId()), a.status());
            }
            Map<String, String> names = people.names(enrolled.stream().map(Enrolment::personId).toList());
            List<AttendanceRow> rows = new ArrayList<>();
            for (Enrolment e : enrolled) {
                Map<Integer, AttendanceStatus> m = marks.getOrDefault(e.id(), Map.of());
                int attended = (int) m.values().stream().filter(AttendanceStatus::attended).count();
                boolean submitted = e.assignmentSubmittedOn() != null;
                rows.add(new AttendanceRow(e.id(), e.personId(), names.get(e.personId()), m, attended, submitted,
                        course.completionRule().isMet(attended, course.minSessions(), submitted), e.completedAt() != null));
            }
            return new AttendanceGrid(courseId, new CompletionView(course.completionRule(), course.minSessions(),
                    sessions.size()), sessions.stream().map(CourseService::view).toList(), rows);
        });
    }

    /**
     * The grid as CSV rows for an export: a header, then a row per participant with the status
     * code at each session.
     *
     * @param courseId the course
     * @return the rows
     */
    public List<List<Object>> exportRows(long courseId) {
        AttendanceGrid grid = grid(courseId);
        List<List<Object>> out = new ArrayList<>();
        List<Object> header = new ArrayList<>(List.of("personId", "name"));
        grid.sessions().forEach(s -> header.add("#" + s.number() + " " + s.date()));
        header.addAll(List.of("attended", "assignmentSubmitted", "meetsRule", "completed"));
        out.add(header);
        for (AttendanceRow r : grid.rows()) {
            List<Object> line = new ArrayList<>(List.of(r.personId(), r.personName() == null ? "" : r.personName()));
            grid.sessions().forEach(s -> {
                AttendanceStatus st = r.sessions().get(s.number());
                line.add(st == null ? "" : st.name());
            });
            line.addAll(List.of(r.attended(), r.assignmentSubmitted(), r.meetsRule(), r.completed()));
            out.add(line);
        }
        return out;
    }

    // ---- helpers

    private record Mark(AttendanceStatus status, String note) {
    }

    private AttendanceView record(EntityManager em, CourseSession session, Enrolment enrolment, Mark mark, String actor) {
        List<Attendance> found = em.createQuery("SELECT a FROM Attendance a WHERE a.sessionId = :s AND a.enrolmentId = :e",
                Attendance.class).setParameter("s", session.id()).setParameter("e", enrolment.id()).getResultList();
        Attendance a = found.isEmpty() ? new Attendance(session.courseId(), session.id(), enrolment.id()) : found.get(0);
        a.record(mark.status(), mark.note(), actor, tx.now());
        if (found.isEmpty()) {
            em.persist(a);
        }
        return new AttendanceView(session.id(), session.number(), enrolment.id(), enrolment.personId(), a.status(),
                a.note(), a.recordedBy(), CourseService.instant(a.recordedAt()));
    }

    private static Map<String, Enrolment> participants(EntityManager em, long courseId) {
        Map<String, Enrolment> byPerson = new HashMap<>();
        accepted(em, courseId).forEach(e -> byPerson.put(e.personId(), e));
        return byPerson;
    }

    static List<Enrolment> accepted(EntityManager em, long courseId) {
        return em.createQuery("SELECT e FROM Enrolment e WHERE e.courseId = :c AND e.status = :s ORDER BY e.queueNo",
                Enrolment.class).setParameter("c", courseId).setParameter("s", EnrolmentStatus.ACCEPTED).getResultList();
    }

    private static CourseSession resolve(List<CourseSession> sessions, String ref, String at, List<FieldError> errors) {
        String r = ref.startsWith("#") ? ref.substring(1) : ref;
        if (r.matches("\\d{1,4}")) {
            int number = Integer.parseInt(r);
            for (CourseSession s : sessions) {
                if (s.number() == number) {
                    return s;
                }
            }
            errors.add(new FieldError(at + ".session", "the course has no session " + number));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(r.replace('/', '-'));
            List<CourseSession> onDate = sessions.stream().filter(s -> s.date().equals(date)).toList();
            if (onDate.size() == 1) {
                return onDate.get(0);
            }
            errors.add(new FieldError(at + ".session", onDate.isEmpty() ? "the course has no session on " + date
                    : "the course has " + onDate.size() + " sessions on " + date + "; give the session number"));
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(at + ".session", "'" + ref + "' is neither a session number nor a date such as 2025-06-14"));
        }
        return null;
    }

    private static int[] columns(Csv.Row header) {
        int[] columns = { -1, -1, -1, -1 };
        for (int i = 0; i < header.fields().size(); i++) {
            Integer c = HEADER_NAMES.get(header.field(i).strip().toLowerCase(Locale.ROOT));
            if (c != null && columns[c] < 0) {
                columns[c] = i;
            }
        }
        List<FieldError> missing = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            if (columns[c] < 0) {
                missing.add(new FieldError("rows[" + header.line() + "]", "the header has no column " + CSV_HEADER.get(c)
                        + "; it must be " + String.join(",", CSV_HEADER)));
            }
        }
        if (!missing.isEmpty()) {
            throw ProblemException.invalid(missing);
        }
        return columns;
    }

    /** The statuses that count as attending (present and late), for queries. */
    static Set<AttendanceStatus> attendedStatuses() {
        Set<AttendanceStatus> attended = java.util.EnumSet.noneOf(AttendanceStatus.class);
        for (AttendanceStatus s : AttendanceStatus.values()) {
            if (s.attended()) {
                attended.add(s);
            }
        }
        return attended;
    }
}
