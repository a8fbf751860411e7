package org.freelanceisland.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.freelanceisland.testing.http.ApiClient;
import org.freelanceisland.testing.http.ApiResponse;
import org.freelanceisland.testing.karaf.IslandKarafTestSupport;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Terakoya program in the real distribution on H2: its REST contract from course to
 * certificate with the ledger facts, many parallel applications to a small course, and retiring
 * and reinstalling the program without refreshing anything else and without losing data.
 *
 * <p>The learners are registered in the platform's people registry through its REST API, so
 * enrolment checks consent against the real {@code PersonDirectory}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class TerakoyaIT extends IslandKarafTestSupport {

    private static final String COURSE = """
            {"fiscalYear":%d,"title":{"ja":"%s","en":"Web writing"},"category":"writing",
             "instructors":[{"organisation":"株式会社しーま"}],"capacity":%d,"format":"HYBRID","location":"WorkStyle Lab Inno",
             "applicationOpens":"%s","applicationCloses":"%s","completion":{"rule":"ATTENDANCE","minSessions":1}}""";

    /** People registered in the people registry for this class: learners 1 to 40 and one without consent. */
    private static final Map<Integer, String> LEARNERS = new HashMap<>();
    private static String withoutConsent;

    private static String p(int learner) {
        return LEARNERS.get(learner);
    }

    /** Registers the learners once in the people registry and makes sure the program is installed. */
    @Before
    public void setUp() throws Exception {
        if (LEARNERS.isEmpty()) {
            as(STAFF).awaitOk("/api/people/skills", Duration.ofSeconds(90));
            for (int i = 1; i <= 40; i++) {
                LEARNERS.put(i, createPerson("受講者 " + i, "じゅこうしゃ", "PROGRAM_ADMINISTRATION", "STATISTICS"));
            }
            withoutConsent = createPerson("同意撤回 花子", "どういてっかい はなこ", "PROGRAM_ADMINISTRATION");
            withdrawConsent(withoutConsent, "PROGRAM_ADMINISTRATION");
        }
        if (!anonymous().get("/api/modules").body().contains("\"id\":\"terakoya\"")) {
            installProgram("terakoya");
        }
    }

    @Test
    public void a_courseFromApplicationToCertificateWithTheLedgerFacts() throws Exception {
        ApiClient staff = as(STAFF);
        JsonNode module = anonymous().get("/api/modules/terakoya").json();
        assertEquals("寺子屋", module.path("title").path("ja").asText());
        assertEquals("[\"SKILL_UP\"]", module.path("pillars").toString());
        assertEquals("/console/terakoya/", module.path("consolePath").asText());

        long id = createCourse(staff, "Webライティング講座 IT", 2);
        String base = "/api/terakoya/courses/" + id;
        ApiResponse session = staff.post(base + "/sessions", "{\"date\":\"" + LocalDate.now() + "\",\"startsAt\":\"19:00\",\"endsAt\":\"21:00\"}");
        assertEquals(session.toString(), 201, session.status());
        long sessionId = session.json().path("id").asLong();

        ApiResponse applied = staff.post(base + "/enrolments", "{\"personId\":\"" + p(1) + "\"}");
        assertEquals(applied.toString(), 201, applied.status());
        long enrolment = applied.json().path("id").asLong();
        assertTrue(staff.post(base + "/enrolments", "{\"personId\":\"" + p(1) + "\"}").isProblem(409));
        ApiResponse noConsent = staff.post(base + "/enrolments", "{\"personId\":\"" + withoutConsent + "\"}");
        assertTrue(noConsent.toString(), noConsent.isProblem(422));
        assertTrue(staff.post(base + "/enrolments", "{\"personId\":\"nobody\"}").isProblem(422));
        assertEquals("ACCEPTED", staff.post(base + "/enrolments/" + enrolment + "/accept", "").json().path("status").asText());

        long other = createCourse(staff, "別の講座", 1);
        long foreign = staff.post("/api/terakoya/courses/" + other + "/sessions",
                "{\"date\":\"" + LocalDate.now() + "\",\"startsAt\":\"10:00\",\"endsAt\":\"12:00\"}").json().path("id").asLong();
        assertTrue(staff.put(base + "/sessions/" + foreign + "/attendance",
                "{\"entries\":[{\"personId\":\"" + p(1) + "\",\"status\":\"PRESENT\"}]}").isProblem(404));

        ApiResponse roll = staff.put(base + "/sessions/" + sessionId + "/attendance",
                "{\"entries\":[{\"personId\":\"" + p(1) + "\",\"status\":\"LATE\"}],\"othersAbsent\":true}");
        assertEquals(roll.toString(), 200, roll.status());
        ApiResponse completed = staff.post(base + "/completion", "");
        assertEquals(completed.toString(), 1, completed.json().path("newlyCompleted").asInt());
        assertEquals(1, staff.get("/api/terakoya/graduates?courseId=" + id).json().path("total").asInt());

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port() + base + "/enrolments/" + enrolment + "/certificate"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((STAFF + ":" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/pdf").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(new String(pdf.body(), StandardCharsets.UTF_8), 200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertEquals("%PDF-", new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII));
        // the text and the embedded font are checked in the unit tests; here: a real, small PDF (a font subset)
        assertTrue("certificate size " + pdf.body().length, pdf.body().length > 5_000 && pdf.body().length < 200_000);

        JsonNode enrolled = staff.get("/api/ledger/" + "terakoya:enrolment:" + enrolment + ":enrolled").json();
        assertEquals("terakoya.enrolled", enrolled.path("type").asText());
        assertEquals(p(1), enrolled.path("personId").asText());
        assertEquals(Integer.parseInt(fiscalYear()), enrolled.path("fiscalYear").asInt());
        assertEquals(Long.toString(id), enrolled.path("attributes").path("course").asText());
        assertEquals("writing", enrolled.path("attributes").path("category").asText());
        JsonNode graduated = staff.get("/api/ledger/" + "terakoya:enrolment:" + enrolment + ":completed").json();
        assertEquals("terakoya.course.completed", graduated.path("type").asText());
        assertEquals("org.freelanceisland.terakoya", graduated.path("recordedBy").asText());

        ApiResponse pool = staff.post("/api/terakoya/online-seats/pools",
                "{\"fiscalYear\":" + fiscalYear() + ",\"partner\":\"株式会社スクー IT\",\"seats\":100}");
        assertEquals(pool.toString(), 201, pool.status());
        ApiResponse seat = staff.post("/api/terakoya/online-seats/pools/" + pool.json().path("id").asLong() + "/allocations",
                "{\"personId\":\"" + p(2) + "\"}");
        assertEquals(seat.toString(), 201, seat.status());
        assertEquals("terakoya.online-seat.allocated", staff.get("/api/ledger/terakoya:online-seat:"
                + seat.json().path("id").asLong() + ":allocated").json().path("type").asText());
    }

    @Test
    public void b_parallelApplicationsNeverExceedASmallCourseAndKeepTheWaitlistInOrder() throws Exception {
        ApiClient staff = as(STAFF);
        long id = createCourse(staff, "少人数講座 IT", 3);
        String base = "/api/terakoya/courses/" + id;
        int applicants = 24;
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiResponse>> results = new ArrayList<>();
        for (int i = 1; i <= applicants; i++) {
            String body = "{\"personId\":\"" + p(i) + "\"}";
            results.add(pool.submit(() -> {
                start.await();
                return staff.post(base + "/enrolments", body);
            }));
        }
        start.countDown();
        List<JsonNode> answers = new ArrayList<>();
        for (Future<ApiResponse> r : results) {
            ApiResponse response = r.get(120, TimeUnit.SECONDS);
            assertEquals(response.toString(), 201, response.status());
            answers.add(response.json());
        }
        pool.shutdown();
        assertEquals(3, answers.stream().filter(a -> a.path("status").asText().equals("APPLIED")).count());
        List<Integer> positions = new ArrayList<>();
        answers.stream().filter(a -> a.path("status").asText().equals("WAITLISTED"))
                .forEach(a -> positions.add(a.path("waitlistPosition").asInt()));
        Collections.sort(positions);
        for (int i = 0; i < positions.size(); i++) {
            assertEquals("each place in line handed out once: " + positions, i + 1, (int) positions.get(i));
        }
        JsonNode course = staff.get(base).json().path("seats");
        assertEquals(3, course.path("applied").asInt() + course.path("accepted").asInt());
        assertEquals(applicants - 3, course.path("waitlisted").asInt());

        // a freed seat goes to the first in line
        JsonNode list = staff.get(base + "/enrolments?limit=100").json().path("items");
        long holder = -1;
        String first = null;
        for (JsonNode e : list) {
            if (holder < 0 && e.path("status").asText().equals("APPLIED")) {
                holder = e.path("id").asLong();
            }
            if (e.path("waitlistPosition").asInt() == 1) {
                first = e.path("id").asText();
            }
        }
        staff.post(base + "/enrolments/" + holder + "/withdraw", "{}");
        assertEquals("APPLIED", staff.get(base + "/enrolments/" + first).json().path("status").asText());
    }

    @Test
    public void c_retiringRemovesTheApiButNotTheDataAndRefreshesNothingElse() throws Exception {
        ApiClient staff = as(STAFF);
        String courses = staff.get("/api/terakoya/courses?limit=500").json().path("items").toString();
        String graduates = staff.get("/api/terakoya/graduates?limit=500").json().toString();
        assertTrue(courses, courses.contains("Webライティング講座 IT"));

        List<String> disturbed = new CopyOnWriteArrayList<>();
        SynchronousBundleListener watcher = event -> {
            Bundle b = event.getBundle();
            boolean ours = "org.freelanceisland.terakoya".equals(b.getSymbolicName());
            if (!ours && (event.getType() == BundleEvent.STOPPED || event.getType() == BundleEvent.UNRESOLVED
                    || event.getType() == BundleEvent.UPDATED)) {
                disturbed.add(b.getSymbolicName() + " " + event.getType());
            }
        };
        bundleContext.addBundleListener(watcher);
        try {
            retireProgram("terakoya");
            ApiResponse gone = staff.get("/api/terakoya/courses");
            assertTrue(gone.toString(), gone.isProblem(404));
            assertEquals(200, anonymous().get("/api/health").status());

            installProgram("terakoya");
        } finally {
            bundleContext.removeBundleListener(watcher);
        }
        assertEquals("installing or retiring the program restarted other bundles", List.of(), disturbed);
        anonymous().awaitOk("/api/terakoya/categories", java.time.Duration.ofSeconds(60));
        assertEquals(courses, staff.get("/api/terakoya/courses?limit=500").json().path("items").toString());
        assertEquals(graduates, staff.get("/api/terakoya/graduates?limit=500").json().toString());
    }

    private static long createCourse(ApiClient staff, String title, int capacity) {
        LocalDate today = LocalDate.now(org.freelanceisland.platform.api.FiscalYear.ISLAND_ZONE);
        ApiResponse created = staff.post("/api/terakoya/courses", COURSE.formatted(Integer.parseInt(fiscalYear()), title,
                capacity, today.minusDays(7), today.plusDays(30)));
        assertEquals(created.toString(), 201, created.status());
        return created.json().path("id").asLong();
    }

    private static String fiscalYear() {
        return Integer.toString(org.freelanceisland.platform.api.FiscalYear.of(
                LocalDate.now(org.freelanceisland.platform.api.FiscalYear.ISLAND_ZONE)).startYear());
    }
}
