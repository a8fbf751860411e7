package org.freelanceisland.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.testing.karaf.IslandKarafTestSupport;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The whole API hardened, checked on the real distribution with every program installed: the
 * OpenAPI document (live, with security, problems and constraints) and its docs page, Japanese text
 * that comes back as it was sent in every program, the role matrix, races on one record and on the
 * rules a race could break (one acceptance of an introduction, a ledger fact once, the capacity of an
 * event and of a course; one vote per ticket code is raced in {@code ContestIT}), security headers and
 * closed CORS, a fuzz of at least 10,000 requests generated from the document (no 5xx, no stack
 * traces, every 4xx a problem, no data changed), no secrets in the log and the lock on password
 * guessing.
 *
 * <p>The fuzz sends {@code -Dfreelanceisland.fuzz.requests} requests at most (20,000 by default: every
 * request the document gives rise to, about 18,000 now) with the
 * seed {@code -Dfreelanceisland.fuzz.seed}; its figures are written to
 * {@code itests/target/hardening-report.txt}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class HardeningIT extends IslandKarafTestSupport {

    /** An account with the coordinator role only. */
    static final String COORDINATOR = "it-coordinator";
    private static final List<String> PROGRAMS = List.of("terakoya", "contest", "jobs", "community", "kpi", "demo");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static HardeningSeed seed;

    @Override
    protected Option[] extraOptions() {
        return new Option[] {
            editConfigurationFilePut("etc/users.properties", COORDINATOR, PASSWORD + ",coordinator"),
            systemProperty("freelanceisland.fuzz.requests").value(System.getProperty("freelanceisland.fuzz.requests", "20000")),
            systemProperty("freelanceisland.fuzz.seed").value(System.getProperty("freelanceisland.fuzz.seed", "20251125")),
            systemProperty("freelanceisland.hardening.report").value(new File("target/hardening-report.txt").getAbsolutePath()),
            systemProperty("freelanceisland.role-matrix")
                    .value(new File("src/test/resources/org/freelanceisland/itests/role-matrix.txt").getAbsolutePath()) };
    }

    /** Installs every program and plants the data, once. */
    @Before
    public void setUp() throws Exception {
        if (seed != null) {
            return;
        }
        for (String program : PROGRAMS) {
            if (!anonymous().get("/api/modules").body().contains("\"id\":\"" + program + "\"")) {
                installProgram(program);
            }
        }
        seed = new HardeningSeed(probe(), auth(STAFF), auth(COORDINATOR), auth(ADMIN)).plant();
    }

    @Test
    public void a_theOpenApiDocumentDescribesWhatIsInstalledNow() throws Exception {
        assertEquals(401, probe().send("GET", "/api/openapi.json", null, null, null).status());
        assertEquals(403, probe().send("GET", "/api/openapi.json", auth(STAFF), null, null).status());
        JsonNode doc = document();
        assertEquals("3.0.3", doc.path("openapi").asText());
        List<String> tags = new ArrayList<>();
        doc.path("tags").forEach(t -> tags.add(t.path("name").asText()));
        assertEquals(List.of("platform", "community", "contest", "demo", "jobs", "kpi", "people", "terakoya"), tags);
        ApiOperations api = new ApiOperations(doc);
        assertTrue("operations: " + api.all().size(), api.all().size() > 250);
        for (ApiOperations.Operation op : api.all()) {
            assertTrue(op.key() + " says who may call it", op.open() || !op.roles().isEmpty());
        }

        retireProgram("kpi");
        JsonNode without = document();
        assertFalse(fieldNames(without.path("paths")).stream().anyMatch(p -> p.startsWith("/api/kpi/")));
        assertTrue(fieldNames(without.path("paths")).contains("/api/terakoya/courses"));
        assertFalse(without.path("tags").toString().contains("\"kpi\""));
        installProgram("kpi");
        assertTrue(fieldNames(document().path("paths")).contains("/api/kpi/stages"));
    }

    @Test
    public void b_theDocumentStatesSecurityProblemsAndConstraints() throws Exception {
        JsonNode doc = document();
        JsonNode schemes = doc.path("components").path("securitySchemes");
        assertEquals("basic", schemes.path("basicAuth").path("scheme").asText());
        assertEquals("FI_SESSION", schemes.path("sessionCookie").path("name").asText());
        assertEquals("X-CSRF-Token", schemes.path("csrfToken").path("name").asText());
        assertEquals("#/components/schemas/Problem", doc.at("/components/responses/Problem400/content")
                .path("application/problem+json").path("schema").path("$ref").asText());

        JsonNode create = doc.path("paths").path("/api/terakoya/courses").path("post");
        assertEquals("[\"staff\"]", create.path("x-roles").toString());
        assertEquals("#/components/responses/Problem400", create.path("responses").path("400").path("$ref").asText());
        assertEquals("#/components/responses/Problem401", create.path("responses").path("401").path("$ref").asText());
        assertEquals(1_048_576, create.path("x-max-request-bytes").asLong());
        assertTrue(create.path("security").toString(), create.path("security").toString().contains("csrfToken"));
        String ref = create.at("/requestBody/content").path("application/json").path("schema").path("$ref").asText();
        assertEquals("#/components/schemas/terakoya.CourseInput", ref);
        JsonNode course = doc.at(ref.substring(1));
        assertTrue(course.path("required").toString(), course.path("required").toString().contains("\"capacity\""));
        assertEquals(1, course.at("/properties/capacity/minimum").asInt());
        assertEquals(1000, course.at("/properties/capacity/maximum").asInt());
        assertEquals(40, course.at("/properties/category/maxLength").asInt());
        assertEquals("integer", course.at("/properties/fiscalYear/type").asText());

        JsonNode list = doc.path("paths").path("/api/people").path("get");
        assertTrue(list.path("parameters").toString(), list.path("parameters").toString().contains("\"name\":\"limit\""));
        assertEquals(500, parameter(list, "limit").at("/schema/maximum").asInt());
        JsonNode health = doc.path("paths").path("/api/health").path("get");
        assertTrue(health.path("x-public").asBoolean());
        assertEquals("[]", health.path("security").toString());
        assertEquals("^[0-9]{1,18}$", parameter(doc.path("paths").path("/api/people/{id}").path("get"), "id")
                .at("/schema/pattern").asText());
        JsonNode upload = doc.path("paths").path("/api/contest/contests/{id}/entries").path("post");
        assertTrue(upload.toString(), upload.at("/requestBody/content").has("multipart/form-data")
                && upload.at("/requestBody/content").has("application/json"));
        assertEquals(40L * 1024 * 1024, upload.path("x-max-request-bytes").asLong());
    }

    @Test
    public void c_theDocsPageIsForAdministrators() {
        HttpProbe.Answer page = probe().send("GET", "/api/docs/", auth(ADMIN), null, null);
        assertEquals(page.text(), 200, page.status());
        assertTrue(page.header("Content-Type"), page.header("Content-Type").startsWith("text/html"));
        assertTrue(page.text().contains("swagger-ui-bundle.js"));
        assertTrue(page.header("Content-Security-Policy").contains("script-src 'self'"));
        assertEquals("nosniff", page.header("X-Content-Type-Options"));
        HttpProbe.Answer bundle = probe().send("GET", "/api/docs/swagger-ui-bundle.js", auth(ADMIN), null, null);
        assertEquals(200, bundle.status());
        assertTrue(bundle.body().length > 100_000);
        assertEquals(301, probe().send("GET", "/api/docs", auth(ADMIN), null, null).status());
        assertEquals(404, probe().send("GET", "/api/docs/..%2F..%2Fetc%2Fpasswd", auth(ADMIN), null, null).status());
        assertEquals(404, probe().send("GET", "/api/docs/pom.xml", auth(ADMIN), null, null).status());
        assertEquals(403, probe().send("GET", "/api/docs/", auth(STAFF), null, null).status());
        HttpProbe.Answer anonymous = probe().send("GET", "/api/docs/", null, null, null);
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.header("WWW-Authenticate").startsWith("Basic"));
    }

    @Test
    public void d_japaneseTextComesBackAsItWasSentInEveryProgram() {
        assertEquals("texts with 𠮷 (a surrogate pair), ｶﾅ (half-width) and か+U+3099 (combining) that changed",
                List.of(), seed.mismatches());
        // and they can be found again: half-width kana in a search of the people registry
        HttpProbe.Answer found = probe().send("GET", "/api/people?q=" + encode("ｶﾅｺ"), auth(STAFF), null, null);
        assertEquals(found.text(), 200, found.status());
        assertTrue(found.text(), json(found).path("total").asInt() >= 3);
    }

    @Test
    public void e_everyEndpointLetsInExactlyTheRolesOfTheTable() throws Exception {
        ApiOperations api = new ApiOperations(document());
        Map<String, String> table;
        try (InputStream in = roleMatrix()) {
            table = RoleMatrix.read(in);
        }
        List<String> differences = RoleMatrix.differences(table, api);
        assertEquals("role-matrix.txt does not match the API; if the change is on purpose, the table should read:\n"
                + RoleMatrix.lines(api), List.of(), differences);
        Map<String, String> identities = new LinkedHashMap<>();
        identities.put("anonymous", null);
        identities.put("juror", auth(JUROR));
        identities.put("staff", auth(STAFF));
        identities.put("coordinator", auth(COORDINATOR));
        identities.put("admin", auth(ADMIN));
        List<String> mismatches = RoleMatrix.check(table, api, probe(), identities);
        report("role matrix: " + api.all().size() + " endpoints x " + identities.size() + " identities, " + RoleMatrix.cells
                + " calls (a change that nothing would stop is not sent to those it lets in), mismatches " + mismatches.size());
        assertEquals(String.join("\n", mismatches), List.of(), mismatches);
    }

    @Test
    public void f_concurrentUpdatesOfOneRecordGiveOneWinnerAndConflictsNeverALostUpdate() throws Exception {
        HttpProbe http = probe();
        // the people registry
        String person = json(http.send("POST", "/api/people", auth(STAFF), "application/json",
                utf8("{\"name\":\"競合 太郎\",\"kana\":\"きょうごう たろう\"}"))).path("id").asText();
        long version = json(http.send("GET", "/api/people/" + person, auth(STAFF), null, null)).path("version").asLong();
        List<HttpProbe.Answer> people = parallel(8, i -> http.send("PUT", "/api/people/" + person, auth(STAFF),
                "application/json", utf8("{\"name\":\"競合 太郎 " + i + "\",\"kana\":\"きょうごう たろう\",\"version\":" + version + "}")));
        String winner = oneWinner("person", people);
        JsonNode now = json(http.send("GET", "/api/people/" + person, auth(STAFF), null, null));
        assertEquals(winner, now.path("name").asText());
        assertEquals(version + 1, now.path("version").asLong());
        assertEquals(409, http.send("PUT", "/api/people/" + person, auth(STAFF), "application/json",
                utf8("{\"name\":\"遅れた 更新\",\"kana\":\"おくれた\",\"version\":" + version + "}")).status());

        // a Terakoya course
        LocalDate today = LocalDate.now(FiscalYear.ISLAND_ZONE);
        String course = "{\"fiscalYear\":" + FiscalYear.of(today).startYear() + ",\"title\":{\"ja\":\"%s\"},\"category\":\"writing\","
                + "\"capacity\":10,\"format\":\"ONLINE\",\"applicationOpens\":\"" + today + "\",\"applicationCloses\":\""
                + today.plusDays(10) + "\",\"completion\":{\"rule\":\"ATTENDANCE\",\"minSessions\":1}%s}";
        JsonNode created = json(http.send("POST", "/api/terakoya/courses", auth(STAFF), "application/json",
                utf8(course.formatted("競合の講座", ""))));
        String id = created.path("id").asText();
        long courseVersion = created.path("version").asLong();
        List<HttpProbe.Answer> courses = parallel(8, i -> http.send("PUT", "/api/terakoya/courses/" + id, auth(STAFF),
                "application/json", utf8(course.formatted("講座 " + i, ",\"version\":" + courseVersion))));
        String courseWinner = oneWinner("course", courses);
        JsonNode courseNow = json(http.send("GET", "/api/terakoya/courses/" + id, auth(STAFF), null, null));
        assertEquals(courseWinner, courseNow.path("title").path("ja").asText());
        assertEquals(courseVersion + 1, courseNow.path("version").asLong());

        // a job partner
        String partner = "{\"name\":\"%s\",\"kind\":\"CROWDSOURCING\"%s}";
        JsonNode p = json(http.send("POST", "/api/jobs/partners", auth(COORDINATOR), "application/json",
                utf8(partner.formatted("競合 商事", ""))));
        long partnerVersion = p.path("version").asLong();
        List<HttpProbe.Answer> partners = parallel(8, i -> http.send("PUT", "/api/jobs/partners/" + p.path("id").asText(),
                auth(COORDINATOR), "application/json", utf8(partner.formatted("商事 " + i, ",\"version\":" + partnerVersion))));
        String partnerWinner = oneWinner("partner", partners);
        assertEquals(partnerWinner, json(http.send("GET", "/api/jobs/partners/" + p.path("id").asText(), auth(COORDINATOR),
                null, null)).path("name").asText());
    }

    @Test
    public void g_racesCannotBreakTheRules() throws Exception {
        HttpProbe http = probe();
        // one introduction is accepted once, by one of many at the same moment
        String seeker = json(http.send("POST", "/api/people", auth(STAFF), "application/json", utf8("""
                {"name":"並行 花子","kana":"へいこう はなこ","skills":["writing"],
                 "availability":{"hoursPerWeek":20,"weekdays":["MONDAY","TUESDAY"],"windows":["MORNING"]},
                 "consents":[{"purpose":"PROGRAM_ADMINISTRATION","givenOn":"2025-04-01","noticeVersion":"2025-04"},
                             {"purpose":"JOB_OFFERS","givenOn":"2025-04-01","noticeVersion":"2025-04"}]}"""))).path("id").asText();
        HttpProbe.Answer introduced = http.send("POST", "/api/jobs/jobs/" + seed.ids().get("job") + "/introductions",
                auth(COORDINATOR), "application/json", utf8("{\"personIds\":[\"" + seeker + "\"]}"));
        assertEquals(introduced.text(), 201, introduced.status());
        String introduction = json(introduced).get(0).path("id").asText();
        // (accept then decline one after the other is allowed: decline ends any live introduction)
        List<HttpProbe.Answer> answers = parallel(10, i -> http.send("POST", "/api/jobs/introductions/" + introduction
                + "/accept", auth(STAFF), "application/json", utf8("{\"channel\":\"PHONE\"}")));
        assertEquals(statuses(answers).toString(), 1, answers.stream().filter(a -> a.status() == 200).count());
        assertTrue(statuses(answers).toString(), answers.stream().allMatch(a -> a.status() == 200 || a.status() == 409));
        JsonNode accepted = json(http.send("GET", "/api/jobs/introductions/" + introduction, auth(STAFF), null, null));
        assertEquals("ACCEPTED", accepted.path("status").asText());
        long acceptances = 0;
        for (JsonNode step : accepted.path("history")) {
            acceptances += step.path("action").asText().equals("ACCEPT") ? 1 : 0;
        }
        assertEquals(accepted.path("history").toString(), 1, acceptances);

        // a fact recorded many times at once is in the ledger once
        String event = "{\"id\":\"hardening:race:1\",\"type\":\"community.event.attended\",\"personId\":\"" + seeker
                + "\",\"occurredAt\":\"2025-06-01T01:00:00Z\"}";
        List<HttpProbe.Answer> recorded = parallel(12, i -> http.send("POST", "/api/ledger", auth(ADMIN), "application/json",
                utf8(event)));
        assertTrue(statuses(recorded).toString(), recorded.stream().allMatch(a -> a.status() == 200 || a.status() == 201));
        assertEquals(1, json(http.send("GET", "/api/ledger?personId=" + seeker + "&type=community.event.attended",
                auth(STAFF), null, null)).path("total").asInt());

        // an event with 3 places takes 3 of 12 people registering at once, the others wait or are refused
        String small = json(http.send("POST", "/api/community/events", auth(STAFF), "application/json", utf8(
                "{\"title\":{\"ja\":\"定員3名の会\"},\"kind\":\"STUDY_SESSION\",\"place\":\"WorkStyle Lab Inno\",\"startsAt\":\"2030-06-01T10:00:00\","
                        + "\"endsAt\":\"2030-06-01T12:00:00\",\"capacity\":3}"))).path("id").asText();
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            people.add(json(http.send("POST", "/api/people", auth(STAFF), "application/json", utf8(
                    "{\"name\":\"参加者 " + i + "\",\"kana\":\"さんかしゃ\",\"consents\":[{\"purpose\":\"PROGRAM_ADMINISTRATION\","
                            + "\"givenOn\":\"2025-04-01\",\"noticeVersion\":\"2025-04\"}]}"))).path("id").asText());
        }
        List<HttpProbe.Answer> registered = parallel(12, i -> http.send("POST", "/api/community/events/" + small
                + "/registrations", auth(STAFF), "application/json", utf8("{\"personId\":\"" + people.get(i) + "\"}")));
        assertTrue(statuses(registered).toString(), registered.stream().allMatch(a -> a.status() < 500));
        JsonNode list = json(http.send("GET", "/api/community/events/" + small + "/registrations?limit=500", auth(STAFF), null, null));
        long holding = 0;
        for (JsonNode r : list.path("items")) {
            holding += r.path("status").asText().equals("REGISTERED") ? 1 : 0;
        }
        assertEquals(list.toString(), 3, holding);

        // a Terakoya course with 3 seats: 3 of 12 applying at once get a seat, the others a place in line each
        LocalDate today = LocalDate.now(FiscalYear.ISLAND_ZONE);
        String course = json(http.send("POST", "/api/terakoya/courses", auth(STAFF), "application/json", utf8(
                "{\"fiscalYear\":" + FiscalYear.of(today).startYear() + ",\"title\":{\"ja\":\"定員3名の講座\"},"
                        + "\"category\":\"writing\",\"capacity\":3,\"format\":\"ONLINE\",\"applicationOpens\":\"" + today
                        + "\",\"applicationCloses\":\"" + today.plusDays(10)
                        + "\",\"completion\":{\"rule\":\"ATTENDANCE\",\"minSessions\":1}}"))).path("id").asText();
        List<HttpProbe.Answer> applied = parallel(12, i -> http.send("POST", "/api/terakoya/courses/" + course + "/enrolments",
                auth(STAFF), "application/json", utf8("{\"personId\":\"" + people.get(i) + "\"}")));
        assertEquals(statuses(applied).toString(), 12, applied.stream().filter(a -> a.status() == 201).count());
        List<Integer> line = new ArrayList<>();
        long seated = 0;
        for (HttpProbe.Answer a : applied) {
            JsonNode enrolment = json(a);
            seated += enrolment.path("status").asText().equals("APPLIED") ? 1 : 0;
            if (enrolment.path("status").asText().equals("WAITLISTED")) {
                line.add(enrolment.path("waitlistPosition").asInt());
            }
        }
        assertEquals(3, seated);
        line.sort(null);
        assertEquals("each place in line handed out once", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), line);
        JsonNode seats = json(http.send("GET", "/api/terakoya/courses/" + course, auth(STAFF), null, null)).path("seats");
        assertEquals(seats.toString(), 3, seats.path("applied").asInt() + seats.path("accepted").asInt());
    }

    @Test
    public void h_everyResponseCarriesTheSecurityHeadersAndCorsIsClosed() {
        HttpProbe http = probe();
        for (String path : List.of("/api/health", "/api/people?limit=1", "/api/nothing-here", "/api/people/..%2F..%2Fetc",
                "/console/", "/console/js/api.js", "/console/terakoya/panel.json", "/contest/vote.html",
                "/contest/results.js")) {
            HttpProbe.Answer answer = http.send("GET", path, auth(STAFF), null, null, "Origin", "https://evil.example");
            assertEquals(path, "nosniff", answer.header("X-Content-Type-Options"));
            assertEquals(path, "DENY", answer.header("X-Frame-Options"));
            assertTrue(path, answer.header("Content-Security-Policy").contains("frame-ancestors 'none'"));
            assertFalse(path, answer.header("Referrer-Policy").isEmpty());
            assertEquals(path, "", answer.header("Access-Control-Allow-Origin"));
            assertEquals(path + " is plain HTTP", "", answer.header("Strict-Transport-Security"));
            if (path.startsWith("/api/")) {
                assertEquals(path, "no-store", answer.header("Cache-Control"));
            }
        }
        HttpProbe.Answer outside = http.send("GET", "/api/people/..%2F..%2Fetc", auth(STAFF), null, null);
        assertEquals(404, outside.status());
        assertTrue(outside.header("Content-Type").startsWith("application/problem+json"));
        // a preflight from another origin is not answered with CORS headers
        HttpProbe.Answer preflight = http.send("OPTIONS", "/api/people", null, null, null, "Origin", "https://evil.example",
                "Access-Control-Request-Method", "DELETE", "Access-Control-Request-Headers", "authorization");
        assertEquals("", preflight.header("Access-Control-Allow-Origin"));
        assertEquals("", preflight.header("Access-Control-Allow-Credentials"));
        // personal data is never cached, exports neither
        HttpProbe.Answer export = http.send("GET", "/api/people/export?purpose=check", auth(STAFF), null, null, "Accept", "text/csv");
        assertEquals(200, export.status());
        assertEquals("no-store", export.header("Cache-Control"));
        // TRACE is not served
        assertEquals(405, http.send("TRACE", "/api/health", null, null, null).status());
    }

    @Test
    public void i_theFuzzFindsNoServerErrorNoStackTraceAndChangesNothing() throws Exception {
        HttpProbe http = probe();
        ApiOperations api = new ApiOperations(document());
        Map<String, List<String>> real = DataSnapshot.harvest(api, http, auth(ADMIN));
        Map<String, String> before = DataSnapshot.take(api, http, auth(ADMIN), real);
        Map<String, String> again = DataSnapshot.take(api, http, auth(ADMIN), real);
        Map<String, String> volatile_ = DataSnapshot.differences(before, again);
        before.keySet().removeAll(volatile_.keySet());

        Map<String, String> identities = new LinkedHashMap<>();
        identities.put("admin", auth(ADMIN));
        identities.put("anonymous", null);
        long seedValue = Long.getLong("freelanceisland.fuzz.seed", 20251125L);
        int budget = Integer.getInteger("freelanceisland.fuzz.requests", 20_000);
        ApiFuzzer fuzzer = new ApiFuzzer(api, http, identities, real, seedValue);
        List<ApiFuzzer.Request> all = fuzzer.generate();
        List<ApiFuzzer.Request> sample = fuzzer.sample(all, budget, 12);
        ApiFuzzer.Report report = fuzzer.run(sample, 4);

        Map<String, String> after = DataSnapshot.take(api, http, auth(ADMIN), real);
        after.keySet().removeAll(volatile_.keySet());
        Map<String, String> changed = DataSnapshot.differences(before, after);
        report(report + "\n  generated " + all.size() + ", seed " + seedValue + ", budget " + budget
                + "\n  data compared before and after: " + before.size() + " reads (" + volatile_.size()
                + " left out as they change by themselves: " + volatile_.keySet() + "), changed: " + changed.size());
        List<String> findings = new ArrayList<>();
        report.findings.stream().limit(40).forEach(f -> findings.add(f.toString()));
        assertEquals(report + "\n" + String.join("\n", findings), 0, report.findings.size());
        assertEquals(report.toString(), 0, report.serverErrors());
        assertTrue(report.toString(), report.sent.get() >= Math.min(budget, all.size()));
        assertTrue("at least 10,000 requests by default: " + report, budget < 10_000 || report.sent.get() >= 10_000);
        assertTrue("every operation fuzzed: " + report.operations.size(), report.operations.size() >= api.all().size() - 1);
        assertEquals("data changed by the fuzz", Map.of(), changed);
        assertTrue("the comparison saw the data: " + before.size(), before.size() > 60);
    }

    @Test
    public void j_noPasswordOrCredentialReachesTheLog() {
        String text = readLog();
        assertFalse("a test password is in the log", text.contains(PASSWORD));
        for (String user : List.of(ADMIN, STAFF, JUROR, COORDINATOR)) {
            String basic = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            assertFalse("credentials of " + user + " are in the log", text.contains(basic));
        }
        assertFalse("a password hash is in the log", text.contains("{CRYPT}"));
    }

    @Test
    public void k_guessingPasswordsLocksTheNameForHttpBasicAndTheConsoleAlike() {
        HttpProbe http = probe();
        String name = "guessed-name";
        for (int i = 1; i <= 5; i++) {
            HttpProbe.Answer wrong = http.send("GET", "/api/people?limit=1", HttpProbe.basic(name, "wrong-" + i), null, null);
            assertEquals("failure " + i, 401, wrong.status());
        }
        HttpProbe.Answer locked = http.send("GET", "/api/people?limit=1", HttpProbe.basic(name, "wrong-6"), null, null);
        assertEquals(locked.text(), 429, locked.status());
        assertTrue(locked.header("Content-Type").startsWith("application/problem+json"));
        assertTrue(locked.header("Retry-After"), Long.parseLong(locked.header("Retry-After")) > 0);
        HttpProbe.Answer console = http.send("POST", "/api/session", null, "application/json",
                utf8("{\"user\":\"" + name + "\",\"password\":\"wrong-7\"}"));
        assertEquals(console.text(), 429, console.status());
        // the answers do not tell a locked name that exists from one that does not, and others may still sign in
        assertEquals(200, http.send("GET", "/api/people?limit=1", auth(STAFF), null, null).status());
        String log = readLog();
        assertTrue("failed sign-ins by HTTP Basic are logged", log.contains("Failed sign-in (HTTP Basic) for user name '" + name + "'"));
        assertTrue("refused sign-ins of a locked name are logged", log.contains("Sign-in refused for user name '" + name + "'"));
        for (int i = 1; i <= 7; i++) {
            assertFalse("no password in the log", log.contains("wrong-" + i));
        }
    }

    // ------------------------------------------------------------------ helpers

    private static String readLog() {
        try {
            return Files.readString(Path.of(System.getProperty("karaf.data"), "log", "karaf.log"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static HttpProbe probe() {
        return new HttpProbe(port());
    }

    private static String auth(String user) {
        return HttpProbe.basic(user, PASSWORD);
    }

    private static JsonNode document() throws IOException {
        HttpProbe.Answer answer = probe().send("GET", "/api/openapi.json", auth(ADMIN), null, null);
        assertEquals(answer.text(), 200, answer.status());
        return MAPPER.readTree(answer.body());
    }

    private static JsonNode json(HttpProbe.Answer answer) {
        try {
            return MAPPER.readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError(answer.status() + " " + answer.text(), e);
        }
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode p : operation.path("parameters")) {
            if (p.path("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Runs calls at the same moment. */
    private static List<HttpProbe.Answer> parallel(int n, IntFunction<HttpProbe.Answer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpProbe.Answer>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                go.await();
                return call.apply(index);
            }));
        }
        go.countDown();
        List<HttpProbe.Answer> answers = new ArrayList<>();
        for (Future<HttpProbe.Answer> future : futures) {
            answers.add(future.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return answers;
    }

    private static Map<Integer, Long> statuses(List<HttpProbe.Answer> answers) {
        Map<Integer, Long> statuses = new TreeMap<>();
        answers.forEach(a -> statuses.merge(a.status(), 1L, Long::sum));
        return statuses;
    }

    /** Exactly one update won, every other one was told of the conflict; the winner's name or title. */
    private static String oneWinner(String what, List<HttpProbe.Answer> answers) {
        Map<Integer, Long> statuses = statuses(answers);
        assertEquals(what + ": " + statuses, Long.valueOf(1), statuses.get(200));
        assertEquals(what + ": " + statuses, Long.valueOf(answers.size() - 1), statuses.get(409));
        for (HttpProbe.Answer answer : answers) {
            if (answer.status() == 409) {
                assertTrue(answer.header("Content-Type").startsWith("application/problem+json"));
            }
        }
        JsonNode won = json(answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow());
        return won.has("name") ? won.path("name").asText() : won.path("title").path("ja").asText();
    }

    private static InputStream roleMatrix() throws IOException {
        InputStream resource = HardeningIT.class.getResourceAsStream("role-matrix.txt");
        return resource != null ? resource : Files.newInputStream(Path.of(System.getProperty("freelanceisland.role-matrix")));
    }

    /** Adds a line to {@code itests/target/hardening-report.txt} and to the test's output. */
    private static void report(String line) {
        System.out.println(line);
        String file = System.getProperty("freelanceisland.hardening.report");
        if (file != null) {
            try {
                Files.writeString(Path.of(file), line + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                System.out.println("cannot write " + file + ": " + e);
            }
        }
    }
}
