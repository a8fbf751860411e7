package org.freelanceisland.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.freelanceisland.testing.distribution.DistributionRunner;
import org.freelanceisland.testing.http.ApiClient;
import org.freelanceisland.testing.http.ApiResponse;
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
 * killed with SIGKILL in the middle of a stream of writes and loses nothing it acknowledged.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class H2UpgradeIT {

    private static final List<String> PROGRAMS = List.of("terakoya", "jobs", "community", "kpi", "contest");
    private static DistributionRunner karaf;

    @BeforeAll
    static void start() throws Exception {
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
        assertEquals(2, health.path("schemas").path("platform").asInt(), health.toString());
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
        Durability.Result result = Durability.writeThenKill(karaf, admin(), staff(), "h2");
        karaf.start();
        karaf.installProgram("terakoya"); // installed programs come back with the node; wait for them
        result.verify(admin(), staff());
        System.out.printf("H2, SIGKILL during writes: %s%n", result);
    }
}
