package org.freelanceisland.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.testing.http.ApiClient;
import org.freelanceisland.testing.http.ApiResponse;
import org.freelanceisland.testing.karaf.IslandKarafTestSupport;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The distribution on PostgreSQL (a throw-away cluster the test starts): every module migrates its
 * schema there, and the key path of every program works on it; backups go through pg_dump, a
 * program's data exports as an archive, and retiring a program keeps its tables. The whole suite
 * runs on PostgreSQL with {@code -Dfreelanceisland.it.database=postgresql}; this class always does.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class PostgresIT extends IslandKarafTestSupport {

    private static final String[] PROGRAMS = { "terakoya", "jobs", "community", "kpi", "contest" };

    @Override
    protected boolean onPostgres() {
        return true;
    }

    private void installAll() throws Exception {
        String modules = anonymous().get("/api/modules").body();
        for (String id : PROGRAMS) {
            if (!modules.contains("\"id\":\"" + id + "\"")) {
                installProgram(id);
            }
        }
    }

    @Test
    public void a_everyModuleMigratesItsSchemaOnPostgreSQL() throws Exception {
        installAll();
        JsonNode health = anonymous().get("/api/health").json();
        assertEquals(health.toString(), "UP", health.path("status").asText());
        JsonNode schemas = health.path("schemas");
        assertEquals(health.toString(), 3, schemas.path("platform").asInt());
        assertEquals(health.toString(), 2, schemas.path("people").asInt());
        for (String id : PROGRAMS) {
            assertEquals(health.toString(), 1, schemas.path(id).asInt());
        }
        String status = shell("island:status");
        assertTrue(status, status.contains("Database : UP (PostgreSQL"));
        assertTrue(status, status.contains("Schema   : terakoya version 1"));
    }

    @Test
    public void b_theKeyPathOfEveryProgramWorksOnPostgreSQL() throws Exception {
        installAll();
        ApiClient staff = as(STAFF);
        ApiClient admin = as(ADMIN);
        String person = createPerson("奄美 花子", "アマミ ハナコ", "PROGRAM_ADMINISTRATION", "JOB_OFFERS");
        JsonNode found = staff.get("/api/people?q=アマミ").json();
        assertEquals(found.toString(), 1, found.path("total").asInt());
        assertEquals(200, staff.get("/api/people/" + person + "?purpose=it").status());

        int year = FiscalYear.of(Instant.now()).startYear();
        LocalDate today = LocalDate.now(FiscalYear.ISLAND_ZONE);
        ApiResponse course = staff.post("/api/terakoya/courses", """
                {"fiscalYear":%d,"title":{"ja":"Webライティング PG","en":"Web writing"},"category":"writing",
                 "instructors":[{"organisation":"株式会社しーま"}],"capacity":2,"format":"HYBRID","location":"Inno",
                 "applicationOpens":"%s","applicationCloses":"%s","completion":{"rule":"ATTENDANCE","minSessions":1}}"""
                .formatted(year, today.minusDays(7), today.plusDays(30)));
        assertEquals(course.toString(), 201, course.status());
        ApiResponse enrolled = staff.post("/api/terakoya/courses/" + course.json().path("id").asLong() + "/enrolments",
                "{\"personId\":\"" + person + "\"}");
        assertEquals(enrolled.toString(), 201, enrolled.status());
        assertEquals("APPLIED", enrolled.json().path("status").asText());

        ApiResponse partner = admin.post("/api/jobs/partners", """
                {"name":"ストックフォト株式会社 PG","kind":"STOCK_PHOTO","contactName":"提携 担当","agreement":"写真","priorityQuota":3}""");
        assertEquals(partner.toString(), 201, partner.status());
        ApiResponse job = admin.post("/api/jobs/jobs", """
                {"partnerId":%d,"title":{"ja":"観光記事の執筆 PG","en":"Tourism articles"},"skills":["writing"],"volume":2,
                 "unit":{"ja":"本","en":"articles"},"effort":{"value":3,"unit":"DAYS"},
                 "schedule":{"deadline":"%s","workMode":"REMOTE"},"pay":{"type":"PER_UNIT","yen":30000},"priority":true}"""
                .formatted(partner.json().path("id").asLong(), today.plusDays(40)));
        assertEquals(job.toString(), 201, job.status());

        LocalDateTime start = LocalDateTime.now(FiscalYear.ISLAND_ZONE).plusDays(1).truncatedTo(ChronoUnit.MINUTES);
        ApiResponse event = staff.post("/api/community/events", "{\"title\":{\"ja\":\"交流会 PG\",\"en\":\"Meetup\"},"
                + "\"kind\":\"EXCHANGE_MEETING\",\"startsAt\":\"" + start + "\",\"endsAt\":\"" + start.plusHours(2)
                + "\",\"place\":\"Inno\",\"capacity\":30}");
        assertEquals(event.toString(), 201, event.status());
        ApiResponse registered = staff.post("/api/community/events/" + event.json().path("id").asLong() + "/registrations",
                "{\"personId\":\"" + person + "\"}");
        assertEquals(registered.toString(), 201, registered.status());

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ApiResponse contest = admin.post("/api/contest/contests", "{\"fiscalYear\":" + FiscalYear.of(now).startYear()
                + ",\"edition\":2,\"title\":{\"ja\":\"あまみハンドメイド大賞 PG\",\"en\":\"Handmade PG\"},"
                + "\"entryWindow\":{\"opens\":\"" + now.minusSeconds(3600) + "\",\"closes\":\"" + now.plusSeconds(86400) + "\"},"
                + "\"judgingWindow\":{\"opens\":\"" + now.plusSeconds(86400) + "\",\"closes\":\"" + now.plusSeconds(2 * 86400) + "\"},"
                + "\"votingWindow\":{\"opens\":\"" + now.plusSeconds(86400) + "\",\"closes\":\"" + now.plusSeconds(2 * 86400) + "\"},"
                + "\"categories\":[{\"code\":\"textile\",\"label\":{\"ja\":\"布もの\"}}],"
                + "\"rubric\":{\"scale\":10,\"criteria\":[{\"code\":\"craft\",\"label\":{\"ja\":\"技術\"},\"weight\":3}]}}");
        assertEquals(contest.toString(), 201, contest.status());

        JsonNode stages = staff.get("/api/kpi/stages").json();
        assertEquals(stages.toString(), 3, stages.size());

        String id = "pg:" + UUID.randomUUID();
        assertEquals(201, admin.post("/api/ledger", "{\"id\":\"" + id + "\",\"type\":\"itpg.person.moved\",\"personId\":\""
                + person + "\",\"occurredAt\":\"2026-05-10T03:00:00Z\"}").status());
        assertEquals("itpg.person.moved", admin.get("/api/ledger/" + id.replace(":", "%3A")).json().path("type").asText());
        JsonNode registeredFact = admin.get("/api/ledger?type=people.registered&personId=" + person).json();
        assertEquals(registeredFact.toString(), 1, registeredFact.path("total").asInt());

        ApiClient browser = anonymous().signIn(STAFF, PASSWORD);
        assertEquals(STAFF, browser.get("/api/session").json().path("user").asText());
    }

    @Test
    public void c_backupsGoThroughPgDumpAndAProgramsDataExportsAsAnArchive() throws Exception {
        installAll();
        ApiClient admin = as(ADMIN);
        ApiResponse backup = admin.post("/api/admin/backups", "");
        assertEquals(backup.toString(), 201, backup.status());
        assertEquals("pg_dump", backup.json().path("kind").asText());
        assertTrue(backup.toString(), backup.json().path("bytes").asLong() > 10_000);
        assertTrue(as(STAFF).post("/api/admin/backups", "").isProblem(403));

        Map<String, String> files = unzip(admin.getBytes("/api/admin/exports/terakoya"));
        JsonNode manifest = new ObjectMapper().readTree(files.get("manifest.json"));
        assertEquals("terakoya", manifest.path("scope").asText());
        assertEquals(1, manifest.path("schemaVersions").path("terakoya").asInt());
        assertTrue(files.keySet().toString(), files.containsKey("tables/terakoya_course.jsonl"));
        assertTrue(files.keySet().toString(), files.keySet().stream().noneMatch(f -> f.contains("people_")));
        assertTrue(as(STAFF).get("/api/admin/exports/terakoya").isProblem(403));
        assertTrue(admin.get("/api/admin/exports/no-such-program").isProblem(404));
        JsonNode audit = admin.get("/api/admin/audit?action=platform.data.exported").json();
        assertTrue(audit.toString(), audit.path("total").asInt() >= 1);
        assertEquals(ADMIN, audit.path("items").get(0).path("actor").asText());
    }

    @Test
    public void d_retiringAProgramKeepsItsTablesAndReinstallingFindsThem() throws Exception {
        installAll();
        long courses = as(STAFF).get("/api/terakoya/courses?fiscalYear=" + FiscalYear.of(Instant.now()).startYear())
                .json().path("total").asLong();
        retireProgram("terakoya");
        JsonNode health = anonymous().get("/api/health").json();
        assertTrue(health.toString(), health.path("schemas").path("terakoya").isMissingNode());
        installProgram("terakoya");
        assertEquals(courses, as(STAFF).get("/api/terakoya/courses?fiscalYear=" + FiscalYear.of(Instant.now()).startYear())
                .json().path("total").asLong());
        assertEquals(1, anonymous().get("/api/health").json().path("schemas").path("terakoya").asInt());
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

}
