package org.freelanceisland.terakoya.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.rest.ProblemException;
import org.freelanceisland.terakoya.internal.Fixture;
import org.freelanceisland.terakoya.internal.model.AttendanceStatus;
import org.freelanceisland.terakoya.internal.model.CompletionRule;
import org.freelanceisland.terakoya.internal.pdf.CertificateRenderer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Attendance (roll, CSV), completion by rule, graduates, certificates and online seats, on in-memory H2. */
class AttendanceAndCompletionTest {

    private Fixture f;
    private long course;
    private List<Dto.SessionView> sessions;
    private long taro;
    private long hanako;
    private long jiro;

    @BeforeEach
    void setUp() {
        f = new Fixture();
        f.directory.add("p-1", "奄美 太郎").add("p-2", "名瀬 花子").add("p-3", "笠利 次郎").add("p-9", "宇検 九");
        course = f.courses.create(Fixture.course(10, CompletionRule.ATTENDANCE_OR_ASSIGNMENT, 2)).id();
        sessions = List.of(f.courses.addSession(course, Fixture.session(LocalDate.of(2025, 6, 7))),
                f.courses.addSession(course, Fixture.session(LocalDate.of(2025, 6, 14))),
                f.courses.addSession(course, Fixture.session(LocalDate.of(2025, 6, 21))));
        taro = accepted("p-1");
        hanako = accepted("p-2");
        jiro = accepted("p-3");
        f.enrolments.apply(course, "p-9", null); // applied, not accepted
        f.clock.set(LocalDate.of(2025, 7, 1));
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private long accepted(String person) {
        long id = f.enrolments.apply(course, person, null).id();
        f.enrolments.accept(course, id);
        return id;
    }

    @Test
    void rollWithOthersAbsentAndLateCountsAsAttended() {
        f.attendance.roll(course, sessions.get(0).id(), new Dto.RollInput(List.of(
                new Dto.RollEntry("p-1", AttendanceStatus.PRESENT, null),
                new Dto.RollEntry("p-2", AttendanceStatus.LATE, "電車遅延")), true), "staff");
        f.attendance.roll(course, sessions.get(1).id(), new Dto.RollInput(List.of(
                new Dto.RollEntry("p-1", AttendanceStatus.LATE, null),
                new Dto.RollEntry("p-2", AttendanceStatus.EXCUSED, null),
                new Dto.RollEntry("p-3", AttendanceStatus.PRESENT, null)), false), "staff");
        Dto.AttendanceGrid grid = f.attendance.grid(course);
        assertEquals(3, grid.completion().sessions());
        Dto.AttendanceRow t = row(grid, "p-1");
        Dto.AttendanceRow h = row(grid, "p-2");
        Dto.AttendanceRow j = row(grid, "p-3");
        assertEquals(2, t.attended());
        assertTrue(t.meetsRule(), "present + late = 2 of 3");
        assertEquals(1, h.attended(), "excused does not count");
        assertFalse(h.meetsRule());
        assertEquals(AttendanceStatus.ABSENT, j.sessions().get(1), "othersAbsent marked the missing one absent");
        assertEquals("奄美 太郎", t.personName());
        assertEquals(3, grid.rows().size(), "only accepted participants");
    }

    @Test
    void rollRefusesPeopleNotEnrolledAndSessionsOfAnotherCourseAndSavesNothing() {
        long other = f.courses.create(Fixture.course(5, CompletionRule.ASSIGNMENT, null)).id();
        Dto.SessionView foreign = f.courses.addSession(other, Fixture.session(LocalDate.of(2025, 6, 8)));
        ProblemException wrongCourse = assertThrows(ProblemException.class, () -> f.attendance.roll(course, foreign.id(),
                new Dto.RollInput(List.of(new Dto.RollEntry("p-1", AttendanceStatus.PRESENT, null)), false), "staff"));
        assertEquals(404, wrongCourse.status());
        assertTrue(wrongCourse.getMessage().contains("belongs to course " + other), wrongCourse.getMessage());

        ProblemException notEnrolled = assertThrows(ProblemException.class, () -> f.attendance.roll(course,
                sessions.get(0).id(), new Dto.RollInput(List.of(new Dto.RollEntry("p-1", AttendanceStatus.PRESENT, null),
                        new Dto.RollEntry("p-9", AttendanceStatus.PRESENT, null)), false), "staff"));
        assertEquals(422, notEnrolled.status());
        assertEquals("entries[1].personId", notEnrolled.toProblem().errors().get(0).field());
        assertTrue(row(f.attendance.grid(course), "p-1").sessions().isEmpty(), "nothing half-saved");
    }

    @Test
    void csvImportRecordsAllRowsOrNone() {
        String bad = "\uFEFFsession,personId,status,note\r\n1,p-1,出席,\r\n2,p-1,maybe,\r\n9,p-2,P,\r\n1,p-9,P,\r\n1,p-1,L,\r\n";
        ProblemException problem = assertThrows(ProblemException.class, () -> f.attendance.importCsv(course, bad, "staff"));
        assertEquals(400, problem.status());
        List<String> fields = problem.toProblem().errors().stream().map(e -> e.field()).toList();
        assertEquals(List.of("rows[3].status", "rows[4].session", "rows[5].personId", "rows[6]"), fields);
        assertTrue(row(f.attendance.grid(course), "p-1").sessions().isEmpty(), "nothing imported");

        String good = "回,受講者ID,出欠,備考\n1,p-1,出席,\n2025-06-14,p-1,遅刻,\n#3,p-2,公欠,通院\n1,p-3,×,\n";
        Dto.RecordedAttendance done = f.attendance.importCsv(course, good, "staff");
        assertEquals(4, done.recorded());
        Dto.AttendanceGrid grid = f.attendance.grid(course);
        assertEquals(AttendanceStatus.LATE, row(grid, "p-1").sessions().get(2));
        assertEquals(AttendanceStatus.EXCUSED, row(grid, "p-2").sessions().get(3));
        // importing again corrects marks rather than duplicating them
        f.attendance.importCsv(course, "session,personId,status\n1,p-3,PRESENT\n", "staff");
        assertEquals(AttendanceStatus.PRESENT, row(f.attendance.grid(course), "p-3").sessions().get(1));
        assertEquals(400, assertThrows(ProblemException.class, () -> f.attendance.importCsv(course, "a,b\n1,2\n", "x")).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> f.attendance.importCsv(course, "", "x")).status());
    }

    @Test
    void confirmingCompletionGraduatesByTheRuleOnceAndRecordsTheLedger() throws Exception {
        f.attendance.importCsv(course, "session,personId,status\n1,p-1,P\n2,p-1,L\n1,p-2,P\n1,p-3,E\n2,p-3,A\n", "staff");
        f.enrolments.assignment(course, hanako, true, LocalDate.of(2025, 6, 30));
        Dto.CompletionResult result = f.completion.confirm(course);
        assertEquals(2, result.newlyCompleted());
        assertEquals(List.of("p-1", "p-2"), result.graduates().stream().map(Dto.GraduateView::personId).sorted().toList());
        assertEquals(0, f.completion.confirm(course).newlyCompleted(), "confirming again changes nothing");

        List<ActivityEvent> completed = f.ledger.ofType(CompletionService.COMPLETED);
        assertEquals(2, completed.size());
        ActivityEvent e = completed.stream().filter(x -> x.personId().equals("p-1")).findFirst().orElseThrow();
        assertEquals("terakoya:enrolment:" + taro + ":completed", e.id());
        assertEquals(2025, e.fiscalYear().startYear());
        assertEquals("writing", e.attributes().get("category"));

        assertEquals(2, f.completion.graduates(FiscalYear.of(2025), null, PageRequest.first()).total());
        assertEquals(0, f.completion.graduates(FiscalYear.of(2024), null, PageRequest.first()).total());
        assertEquals("奄美 太郎", f.completion.graduates(null, course, PageRequest.first()).items().stream()
                .filter(g -> g.personId().equals("p-1")).findFirst().orElseThrow().personName());

        assertEquals(409, assertThrows(ProblemException.class, () -> f.enrolments.withdraw(course, taro, null)).status());
        assertEquals(409, assertThrows(ProblemException.class, () -> f.completion.certificate(course, jiro)).status());

        CertificateRenderer.Pdf pdf = f.completion.certificate(course, taro);
        assertTrue(pdf.fileName().startsWith("certificate-TK2025-"), pdf.fileName());
        java.nio.file.Files.write(java.nio.file.Path.of("target", "sample-certificate.pdf"), pdf.bytes()); // to look at
        try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
            assertEquals(1, doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc).replaceAll("[\\s\u3000]", "");
            assertTrue(text.contains("修了証書"), text);
            assertTrue(text.contains("奄美太郎殿"), text);
            assertTrue(text.contains("「Webライティング講座」"), text);
            assertTrue(text.contains("令和7年度"), text);
            assertTrue(text.contains("令和7年7月1日"), text);
            assertTrue(text.contains("奄美市フリーランス寺子屋事務局"), text);
            assertTrue(text.contains("出席2回／全3回"), text);
            PDFont font = doc.getPage(0).getResources().getFont(doc.getPage(0).getResources().getFontNames().iterator().next());
            assertTrue(font.isEmbedded(), "the Japanese font is embedded");
            assertTrue(font.getName().contains("NotoSansJP"), font.getName());
        }
        assertTrue(pdf.bytes().length < 200_000, "a subset, not the whole font: " + pdf.bytes().length);
    }

    @Test
    void ruleAskingForMoreSessionsThanTheCourseHasIsRefused() {
        long big = f.courses.create(Fixture.course(5, CompletionRule.ATTENDANCE, 8)).id();
        ProblemException p = assertThrows(ProblemException.class, () -> f.completion.confirm(big));
        assertEquals(422, p.status());
        assertTrue(p.getMessage().contains("has only 0 sessions"), p.getMessage());
    }

    @Test
    void onlineSeatPoolIsNeverOverAllocatedAndUsageIsRecorded() {
        Dto.PoolView pool = f.seats.createPool(new Dto.PoolInput(FiscalYear.of(2025), "株式会社スクー", "Schoo", 2, null));
        assertEquals(409, assertThrows(ProblemException.class,
                () -> f.seats.createPool(new Dto.PoolInput(FiscalYear.of(2025), "株式会社スクー", null, 5, null))).status());
        Dto.AllocationView a = f.seats.allocate(pool.id(), new Dto.AllocateInput("p-1", null));
        f.seats.allocate(pool.id(), new Dto.AllocateInput("p-2", null));
        assertEquals(409, assertThrows(ProblemException.class, () -> f.seats.allocate(pool.id(), new Dto.AllocateInput("p-3", null))).status());
        assertEquals(409, assertThrows(ProblemException.class, () -> f.seats.allocate(pool.id(), new Dto.AllocateInput("p-1", null))).status());
        assertEquals(409, assertThrows(ProblemException.class, () -> f.seats.updatePool(pool.id(), new Dto.PoolUpdate(null, 1, null))).status());

        f.seats.recordUsage(a.id(), new Dto.UsageInput(LocalDate.of(2025, 6, 10), 90, "Webライティング入門"), "staff");
        f.seats.recordUsage(a.id(), new Dto.UsageInput(LocalDate.of(2025, 6, 11), 30, null), "staff");
        assertEquals(422, assertThrows(ProblemException.class, () -> f.seats.recordUsage(a.id(),
                new Dto.UsageInput(LocalDate.of(2025, 3, 31), 30, null), "staff")).status());
        Dto.AllocationView used = f.seats.allocations(pool.id(), true, PageRequest.first()).items().get(0);
        assertEquals(2, used.usageDays());
        assertEquals(120, used.usageMinutes());
        assertEquals(409, assertThrows(ProblemException.class, () -> f.seats.release(a.id())).status(), "a used seat stays");

        List<ActivityEvent> allocated = f.ledger.ofType(OnlineSeatService.ALLOCATED);
        assertEquals(2, allocated.size());
        assertEquals("株式会社スクー", allocated.get(0).attributes().get("partner"));
        assertEquals(2, f.seats.pool(pool.id()).allocated());
    }

    private static Dto.AttendanceRow row(Dto.AttendanceGrid grid, String person) {
        return grid.rows().stream().filter(r -> r.personId().equals(person)).findFirst().orElseThrow();
    }
}
