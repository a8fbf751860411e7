package org.freelanceisland.terakoya.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.TransactionType;
import org.freelanceisland.platform.persistence.RecordRemover;
import org.freelanceisland.terakoya.internal.Fixture;
import org.freelanceisland.terakoya.internal.model.AttendanceStatus;
import org.freelanceisland.terakoya.internal.model.CompletionRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The administrators' removal of a course takes its sessions, applications and attendance, and nothing else. */
class RemovalsTest {

    private Fixture f;
    private RecordRemover removal;

    @BeforeEach
    void setUp() {
        f = new Fixture();
        f.directory.add("p-1", "奄美 太郎").add("p-2", "名瀬 花子");
        removal = new RecordRemover("terakoya", f.tx, Map.of("course", Removals::course, "pool", Removals::pool)) { };
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private long courseWithHistory() {
        long course = f.courses.create(Fixture.course(10, CompletionRule.ATTENDANCE, 1)).id();
        Dto.SessionView session = f.courses.addSession(course, Fixture.session(LocalDate.of(2025, 6, 7)));
        for (String person : List.of("p-1", "p-2")) {
            f.enrolments.accept(course, f.enrolments.apply(course, person, null).id());
        }
        f.attendance.roll(course, session.id(), new Dto.RollInput(List.of(
                new Dto.RollEntry("p-1", AttendanceStatus.PRESENT, null)), true), "staff");
        return course;
    }

    private long count(String entity) {
        return f.jpa.txExpr(TransactionType.Supports,
                em -> em.createQuery("SELECT COUNT(x) FROM " + entity + " x", Long.class).getSingleResult());
    }

    @Test
    void removesACourseWithEverythingThatBelongsToItAndLeavesTheOthers() {
        long removed = courseWithHistory();
        long kept = courseWithHistory();
        assertEquals(4, count("Enrolment"));

        assertEquals(1, removal.remove("course", List.of(Long.toString(removed), "999")));

        assertEquals(1, count("Course"));
        assertEquals(1, count("CourseSession"));
        assertEquals(2, count("Enrolment"));
        assertEquals(2, count("Attendance"));
        assertEquals(kept, f.courses.get(kept).id());
        assertEquals(0, removal.remove("course", List.of(Long.toString(removed))), "removing again changes nothing");
    }

    @Test
    void refusesAnUnknownKindAndMalformedIdsBeforeRemovingAnything() {
        long course = courseWithHistory();
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
                () -> removal.remove("planet", List.of("1")));
        assertEquals(true, kind.getMessage().contains("planet"));
        IllegalArgumentException id = assertThrows(IllegalArgumentException.class,
                () -> removal.remove("course", List.of(Long.toString(course), "abc")));
        assertEquals(true, id.getMessage().contains("'abc'"));
        assertEquals(1, count("Course"), "nothing removed when one id is bad");
    }
}
