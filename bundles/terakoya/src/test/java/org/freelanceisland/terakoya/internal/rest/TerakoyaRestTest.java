package org.freelanceisland.terakoya.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.freelanceisland.platform.api.audit.AuditEntry;
import org.freelanceisland.terakoya.internal.Fixture;
import org.freelanceisland.testing.http.ApiClient;
import org.freelanceisland.testing.http.ApiResponse;
import org.freelanceisland.testing.rest.RestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The REST contract of /api/terakoya with the platform's real REST support, a fake people registry and in-memory H2. */
class TerakoyaRestTest {

    private static final String COURSE = """
            {"fiscalYear":2025,"title":{"ja":"観光フォトライター講座","en":"Tourism photo-writer"},
             "category":"photography","instructors":[{"personId":"p-7"},{"organisation":"株式会社しーま"}],
             "capacity":%d,"format":"ON_SITE","location":"WorkStyle Lab Inno",
             "applicationOpens":"2025-04-15","applicationCloses":"2025-05-31",
             "completion":{"rule":"ATTENDANCE","minSessions":1}}""";

    private Fixture f;
    private RestHarness api;
    private final List<AuditEntry> audited = new ArrayList<>();

    @BeforeEach
    void start() {
        f = new Fixture();
        f.directory.add("p-1", "奄美 太郎").add("p-2", "名瀬 花子").add("p-3", "笠利 次郎").add("p-7", "講師 七海");
        api = RestHarness.start("/api/terakoya", rest -> rest.application("terakoya")
                .register(new CourseResource(f.courses, f.enrolments, f.attendance, f.completion, audited::add))
                .register(new GraduateResource(f.completion))
                .register(new OnlineSeatResource(f.seats)));
    }

    @AfterEach
    void stop() {
        api.close();
        f.close();
    }

    @Test
    void aCourseFromCreationToCertificate() throws Exception {
        ApiClient staff = api.as(RestHarness.STAFF);
        ApiResponse created = staff.post("/api/terakoya/courses", COURSE.formatted(2));
        assertEquals(201, created.status(), created.toString());
        JsonNode course = created.json();
        long id = course.path("id").asLong();
        assertEquals("令和7年度", course.path("fiscalYearLabel").path("ja").asText());
        assertEquals("写真撮影", course.path("categoryLabel").path("ja").asText());
        assertEquals("講師 七海", course.path("instructors").get(0).path("name").asText());
        assertEquals("株式会社しーま", course.path("instructors").get(1).path("name").asText());
        assertTrue(course.path("applicationOpen").asBoolean());
        assertEquals(2, course.path("seats").path("free").asInt());

        String base = "/api/terakoya/courses/" + id;
        ApiResponse session = staff.post(base + "/sessions",
                "{\"date\":\"2025-06-07\",\"startsAt\":\"13:00\",\"endsAt\":\"16:00\",\"topic\":{\"ja\":\"撮影の基本\"}}");
        assertEquals(201, session.status(), session.toString());
        long sessionId = session.json().path("id").asLong();
        assertEquals(1, session.json().path("number").asInt());

        long e1 = staff.post(base + "/enrolments", "{\"personId\":\"p-1\"}").json().path("id").asLong();
        staff.post(base + "/enrolments", "{\"personId\":\"p-2\"}");
        ApiResponse third = staff.post(base + "/enrolments", "{\"personId\":\"p-3\"}");
        assertEquals("WAITLISTED", third.json().path("status").asText());
        assertEquals(1, third.json().path("waitlistPosition").asInt());
        assertEquals("ACCEPTED", staff.post(base + "/enrolments/" + e1 + "/accept", "").json().path("status").asText());

        ApiResponse list = staff.get(base + "/enrolments?status=waitlisted");
        assertEquals(1, list.json().path("total").asInt());
        assertEquals("笠利 次郎", list.json().path("items").get(0).path("personName").asText());

        ApiResponse roll = staff.put(base + "/sessions/" + sessionId + "/attendance",
                "{\"entries\":[{\"personId\":\"p-1\",\"status\":\"LATE\"}],\"othersAbsent\":true}");
        assertEquals(200, roll.status(), roll.toString());
        assertEquals(1, roll.json().path("recorded").asInt());
        assertEquals("LATE", staff.get(base + "/attendance").json().path("rows").get(0).path("sessions").path("1").asText());

        ApiResponse csv = staff.send("POST", base + "/attendance/import", "text/csv; charset=UTF-8",
                "\uFEFFsession,personId,status\r\n1,p-1,出席\r\n");
        assertEquals(200, csv.status(), csv.toString());

        ApiResponse export = staff.get(base + "/attendance.csv");
        assertEquals(200, export.status(), export.toString());
        assertTrue(export.header("Content-Type").startsWith("text/csv"), export.header("Content-Type"));
        assertTrue(export.body().startsWith("\uFEFFpersonId,name,#1 2025-06-07"), export.body());
        assertTrue(export.body().contains("p-1,奄美 太郎,PRESENT,1,false,true,false"), export.body());

        f.clock.set(LocalDate.of(2025, 6, 30));
        ApiResponse confirmed = staff.post(base + "/completion", "");
        assertEquals(200, confirmed.status(), confirmed.toString());
        assertEquals(1, confirmed.json().path("newlyCompleted").asInt());
        ApiResponse graduates = staff.get("/api/terakoya/graduates?fiscalYear=2025");
        assertEquals(1, graduates.json().path("total").asInt());
        assertEquals("奄美 太郎", graduates.json().path("items").get(0).path("personName").asText());

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + api.port() + base + "/enrolments/" + e1 + "/certificate"))
                .header("Authorization", basic(RestHarness.STAFF)).header("Accept", "application/pdf").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode(), new String(pdf.body(), StandardCharsets.UTF_8));
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").contains("certificate-TK2025-"));
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc).replaceAll("[\\s\u3000]", "");
            assertTrue(text.contains("奄美太郎殿") && text.contains("観光フォトライター講座"), text);
        }
        assertEquals(List.of("terakoya.attendance.exported", "terakoya.certificate.issued"),
                audited.stream().map(AuditEntry::action).toList());
        assertEquals(RestHarness.STAFF, audited.get(1).actor());
    }

    @Test
    void badInputAndBrokenRulesAreProblemsNamingTheField() {
        ApiClient staff = api.as(RestHarness.STAFF);
        ApiResponse bad = staff.post("/api/terakoya/courses", COURSE.formatted(0).replace("photography", "juggling"));
        assertTrue(bad.isProblem(400), bad.toString());
        String fields = bad.json().path("errors").toString();
        assertTrue(fields.contains("\"capacity\"") && fields.contains("\"category\"") || fields.contains("capacity"), fields);

        long id = staff.post("/api/terakoya/courses", COURSE.formatted(1)).json().path("id").asLong();
        String base = "/api/terakoya/courses/" + id;
        long other = staff.post("/api/terakoya/courses", COURSE.formatted(1)).json().path("id").asLong();
        long foreignSession = staff.post("/api/terakoya/courses/" + other + "/sessions",
                "{\"date\":\"2025-06-07\",\"startsAt\":\"13:00\",\"endsAt\":\"16:00\"}").json().path("id").asLong();

        assertTrue(staff.post(base + "/enrolments", "{\"personId\":\"p-1\"}").status() == 201);
        assertTrue(staff.post(base + "/enrolments", "{\"personId\":\"p-1\"}").isProblem(409), "double enrolment");
        f.directory.withdrawConsent("p-2");
        ApiResponse consent = staff.post(base + "/enrolments", "{\"personId\":\"p-2\"}");
        assertTrue(consent.isProblem(422), consent.toString());
        assertEquals("personId", consent.json().path("errors").get(0).path("field").asText());
        assertTrue(staff.post(base + "/enrolments", "{\"personId\":\"ghost\"}").isProblem(422));
        assertTrue(staff.put(base + "/sessions/" + foreignSession + "/attendance", "{\"entries\":[]}").isProblem(404),
                "attendance for a session of another course");
        ApiResponse lowered = staff.put(base, COURSE.formatted(1).replace("\"capacity\":1", "\"capacity\":1"));
        assertEquals(200, lowered.status(), lowered.toString());
        staff.post(base + "/enrolments", "{\"personId\":\"p-3\"}");
        String zero = COURSE.formatted(1).replace("\"capacity\":1", "\"capacity\":0");
        assertTrue(staff.put(base, zero).isProblem(400));
        f.clock.set(LocalDate.of(2025, 6, 2));
        ApiResponse late = staff.post(base + "/enrolments", "{\"personId\":\"p-7\"}");
        assertTrue(late.isProblem(422), late.toString());
        assertTrue(staff.get(base + "/enrolments?status=maybe").isProblem(400));
        assertTrue(staff.get(base + "/enrolments?limit=0").isProblem(400));
        assertTrue(staff.get("/api/terakoya/courses/999").isProblem(404));
        assertTrue(staff.post(base + "/enrolments", "{\"personId\":\"p-1\",\"unknown\":1}").isProblem(400));
        assertTrue(staff.send("POST", base + "/attendance/import", "text/csv", "session,personId,status\n1,p-9,P\n").isProblem(400));
    }

    @Test
    void rolesAreChecked() {
        assertTrue(api.anonymous().get("/api/terakoya/courses").isProblem(401));
        assertTrue(api.as(RestHarness.JUROR).get("/api/terakoya/courses").isProblem(403));
        assertEquals(200, api.as(RestHarness.COORDINATOR).get("/api/terakoya/courses").status());
        assertEquals(200, api.anonymous().get("/api/terakoya/categories").status());
        assertTrue(api.as(RestHarness.JUROR).post("/api/terakoya/courses", COURSE.formatted(3)).isProblem(403));
    }

    @Test
    void onlineSeats() {
        ApiClient staff = api.as(RestHarness.STAFF);
        f.clock.set(LocalDate.of(2025, 7, 1));
        ApiResponse pool = staff.post("/api/terakoya/online-seats/pools",
                "{\"fiscalYear\":2025,\"partner\":\"株式会社スクー\",\"serviceName\":\"Schoo\",\"seats\":100}");
        assertEquals(201, pool.status(), pool.toString());
        long id = pool.json().path("id").asLong();
        ApiResponse seat = staff.post("/api/terakoya/online-seats/pools/" + id + "/allocations", "{\"personId\":\"p-1\"}");
        assertEquals(201, seat.status(), seat.toString());
        long allocation = seat.json().path("id").asLong();
        ApiResponse use = staff.post("/api/terakoya/online-seats/allocations/" + allocation + "/usage",
                "{\"usedOn\":\"2025-06-10\",\"minutes\":60}");
        assertEquals(201, use.status(), use.toString());
        JsonNode view = staff.get("/api/terakoya/online-seats/pools/" + id).json();
        assertEquals(1, view.path("allocated").asInt());
        assertEquals(99, view.path("free").asInt());
        assertEquals(60, staff.get("/api/terakoya/online-seats/pools/" + id + "/allocations").json().path("items").get(0)
                .path("usageMinutes").asInt());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + RestHarness.PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
