package org.freelanceisland.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.freelanceisland.testing.distribution.DistributionRunner;
import org.freelanceisland.testing.http.ApiClient;
import org.freelanceisland.testing.http.ApiResponse;
import org.freelanceisland.testing.postgres.PostgresCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The embedded H2 database across an upgrade and a crash: a database made by the build before
 * migrations existed (main at c364c35, every program installed and used; the fixture
 * {@code fixtures/h2-main-c364c35.zip}) is adopted at start and its data served; then the node is
 * killed with SIGKILL in the middle of a stream of writes and loses nothing it acknowledged; then it
 * is backed up online and moved to PostgreSQL the way the README says (island:export all, start on
 * PostgreSQL, island:restore).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class H2UpgradeIT {

    private static final List<String> PROGRAMS = List.of("terakoya", "jobs", "community", "kpi", "contest");
    private static DistributionRunner karaf;

    @BeforeAll
    static void start() throws Exception {
        assumeFalse(PostgresCluster.runOnPostgres(), "about the embedded H2 database: not part of a run on PostgreSQL");
        karaf = DistributionRunner.unpack("h2-upgrade").withTestAccounts();
        Path db = karaf.home().resolve("data/db");
        Files.createDirectories(db);
        try (InputStream in = H2UpgradeIT.class.getResourceAsStream("/fixtures/h2-main-c364c35.zip");
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                Files.copy(zip, db.resolve(e.getName()));
            }
        }
        karaf.start();
        for (String id : PROGRAMS) {
            karaf.installProgram(id);
        }
    }

    @AfterAll
    static void stop() {
        if (karaf != null) {
            karaf.close();
        }
    }

    private static ApiClient staff() {
        return karaf.api().as(DistributionRunner.STAFF, DistributionRunner.PASSWORD);
    }

    private static ApiClient admin() {
        return karaf.api().as(DistributionRunner.ADMIN, DistributionRunner.PASSWORD);
    }

    @Test
    @Order(1)
    void aDatabaseOfTheBuildBeforeMigrationsIsAdoptedAndServed() throws Exception {
        JsonNode health = karaf.api().get("/api/health").json();
        assertEquals("UP", health.path("status").asText(), health.toString());
        assertEquals(3, health.path("schemas").path("platform").asInt(), health.toString());
        assertEquals(2, health.path("schemas").path("people").asInt(), health.toString());
        for (String id : PROGRAMS) {
            assertEquals(1, health.path("schemas").path(id).asInt(), health.toString());
        }
        String log = Files.readString(karaf.home().resolve("data/log/karaf.log"));
        for (String unit : List.of("platform", "people", "terakoya", "jobs", "community", "kpi", "contest")) {
            assertTrue(log.contains("Schema of " + unit + " brought from version 0 to ") && log.matches(
                    "(?s).*Schema of " + unit + " brought from version 0 to \\d on H2 in \\d+ ms: V1 baseline \\(adopted the tables of an earlier build\\).*"),
                    unit + " was not adopted:\n" + log.lines().filter(l -> l.contains("Schema of")).toList());
        }

        // the data made by the earlier build
        JsonNode hanako = staff().get("/api/people/1?purpose=it").json();
        assertEquals("奄美 花子", hanako.path("name").asText(), hanako.toString());
        assertEquals(1, staff().get("/api/people?q=" + java.net.URLEncoder.encode("アマミ", "UTF-8")).json().path("total").asInt());
        JsonNode course = staff().get("/api/terakoya/courses/1").json();
        assertEquals("Webライティング入門", course.path("title").path("ja").asText(), course.toString());
        assertEquals(1, staff().get("/api/terakoya/courses/1/enrolments").json().path("total").asInt());
        assertEquals("島フリーランス交流会", staff().get("/api/community/events/1").json().path("title").path("ja").asText());
        assertEquals("ストックフォト株式会社", admin().get("/api/jobs/partners/1").json().path("name").asText());
        assertEquals("あまみハンドメイド大賞", admin().get("/api/contest/contests/1").json().path("title").path("ja").asText());
        assertEquals(2, admin().get("/api/ledger?type=people.registered").json().path("total").asInt());

        // and new data beside it: the sequences go on where they were
        ApiResponse created = staff().post("/api/people", "{\"name\":\"新規 登録\",\"kana\":\"シンキ トウロク\"}");
        assertEquals(201, created.status(), created.toString());
        assertNotEquals("1", created.json().path("id").asText());
        assertNotEquals("2", created.json().path("id").asText());
        assertEquals("奄美 花子", staff().get("/api/people/1?purpose=it").json().path("name").asText());
    }

    @Test
    @Order(2)
    void aNodeKilledMidStreamLosesNothingItAcknowledged() throws Exception {
        Durability.Targets targets = Durability.prepare(staff());
        Durability.Result result = Durability.writeThenKill(karaf, admin(), staff(), targets, "h2");
        karaf.start();
        for (String id : PROGRAMS) {
            karaf.installProgram(id); // installed programs come back with the node; wait for them
        }
        result.verify(admin(), staff());
        System.out.printf("H2, SIGKILL during writes: %s%n", result);
    }

    @Test
    @Order(3)
    void backupsAndTheMoveToPostgreSQL() throws Exception {
        ApiResponse script = admin().post("/api/admin/backups", "");
        assertEquals(201, script.status(), script.toString());
        assertEquals("h2-script", script.json().path("kind").asText());
        assertTrue(Files.size(Path.of(script.json().path("path").asText())) > 1000);
        ApiResponse copy = admin().post("/api/admin/backups?copy=true", "");
        assertEquals("h2-backup", copy.json().path("kind").asText(), copy.toString());
        assertEquals(2, admin().get("/api/admin/backups").json().path("total").asInt());
        assertTrue(admin().get("/api/admin/audit?action=platform.database.backup").json().path("total").asInt() >= 2);

        // the README's way from H2 to PostgreSQL: export everything, start on PostgreSQL, restore, restart
        assumeTrue(PostgresCluster.available(), PostgresCluster.unavailableReason());
        long people = staff().get("/api/people?status=all").json().path("total").asLong();
        long ledger = admin().get("/api/ledger").json().path("total").asLong();
        Path archive = karaf.home().resolve("data/backups/everything.zip");
        String exported = karaf.karaf("island:export --file " + archive + " all");
        assertTrue(exported.contains("Exported"), exported);
        karaf.stop();
        try (PostgresCluster pg = PostgresCluster.start(Path.of("target", "h2-to-pg"))) {
            pg.createDatabase("island");
            Map<String, String> postgres = pg.karafEnvironment("island");
            karaf.start(postgres);
            for (String id : PROGRAMS) {
                karaf.installProgram(id); // installed before: they come back and migrate an empty schema
            }
            String restored = karaf.karaf("island:restore " + archive);
            assertTrue(restored.contains("Restored"), restored);
            karaf.stop();
            karaf.start(postgres);
            for (String id : PROGRAMS) {
                karaf.installProgram(id);
            }
            assertTrue(karaf.karaf("island:status").contains("Database : UP (PostgreSQL"));
            assertEquals("奄美 花子", staff().get("/api/people/1?purpose=it").json().path("name").asText());
            assertEquals("Webライティング入門", staff().get("/api/terakoya/courses/1").json().path("title").path("ja").asText());
            assertEquals(people, staff().get("/api/people?status=all").json().path("total").asLong());
            assertEquals(ledger, admin().get("/api/ledger").json().path("total").asLong());
            ApiResponse created = staff().post("/api/people", "{\"name\":\"移行後 登録\",\"kana\":\"イコウゴ トウロク\"}");
            assertEquals(201, created.status(), "the sequences go on after the move: " + created);
            karaf.stop();
        }
    }
}
