package org.freelanceisland.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.freelanceisland.platform.api.FiscalYear;
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
 * Two nodes on one PostgreSQL (DESIGN.md "Beyond one machine"): two distributions, each unpacked and
 * started with its own scripts on its own ports, both pointed at one database of a throw-away
 * cluster by the environment variables of {@code etc/org.ops4j.datasource-freelanceisland.cfg}.
 * Nothing a node holds matters between requests: a console session, a sign-in lock, a registration
 * and a course's seats are the same on both; a node killed with SIGKILL loses nothing it
 * acknowledged; votes sent to both nodes at once count once per ticket code; a schema newer than the
 * code is refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static PostgresCluster pg;
    private static Map<String, String> database;
    private static DistributionRunner nodeA;
    private static DistributionRunner nodeB;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(PostgresCluster.available(), PostgresCluster.unavailableReason());
        pg = PostgresCluster.start(Path.of("target", "cluster-pg"));
        pg.createDatabase("island");
        database = pg.karafEnvironment("island");
        nodeA = DistributionRunner.unpack("cluster-a").withTestAccounts();
        nodeB = DistributionRunner.unpack("cluster-b").withTestAccounts();
        // the contest's ticket secret is configuration, not data: every node gets the same (docs/database.md)
        byte[] secret = new byte[32];
        new java.security.SecureRandom().nextBytes(secret);
        for (DistributionRunner node : List.of(nodeA, nodeB)) {
            Files.writeString(node.home().resolve("etc/org.freelanceisland.contest.tickets.cfg"),
                    "secret = " + Base64.getEncoder().encodeToString(secret) + "\n");
        }
        // both at once: their migrations take turns on the database's advisory lock
        CompletableFuture<Duration> a = CompletableFuture.supplyAsync(() -> nodeA.start(database));
        CompletableFuture<Duration> b = CompletableFuture.supplyAsync(() -> nodeB.start(database));
        System.out.printf("two nodes on PostgreSQL up in %d ms and %d ms%n", a.get().toMillis(), b.get().toMillis());
        nodeA.installProgram("terakoya");
        nodeB.installProgram("terakoya");
    }

    @AfterAll
    static void stop() {
        try {
            if (nodeA != null) {
                nodeA.close();
            }
            if (nodeB != null) {
                nodeB.close();
            }
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    private static ApiClient staff(DistributionRunner node) {
        return node.api().as(DistributionRunner.STAFF, DistributionRunner.PASSWORD);
    }

    private static ApiClient admin(DistributionRunner node) {
        return node.api().as(DistributionRunner.ADMIN, DistributionRunner.PASSWORD);
    }

    @Test
    @Order(1)
    void bothNodesMigratedTheSameSchemaOnce() throws Exception {
        for (DistributionRunner node : List.of(nodeA, nodeB)) {
            JsonNode health = node.api().get("/api/health").json();
            assertEquals("UP", health.path("status").asText(), health.toString());
            assertEquals(3, health.path("schemas").path("platform").asInt(), health.toString());
            assertEquals(1, health.path("schemas").path("terakoya").asInt(), health.toString());
        }
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("island"), PostgresCluster.USER, PostgresCluster.PASSWORD);
                Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT unit_name || ':' || version) FROM platform_schema_history")) {
            rs.next();
            assertEquals(rs.getInt(2), rs.getInt(1), "every migration recorded once");
        }
    }

    @Test
    @Order(2)
    void aConsoleSessionStartedOnOneNodeWorksOnTheOther() {
        ApiClient onA = nodeA.api().signIn(DistributionRunner.STAFF, DistributionRunner.PASSWORD);
        ApiClient onB = nodeB.api().withHeader("Cookie", onA.header("Cookie"))
                .withHeader(ApiClient.CSRF_HEADER, onA.header(ApiClient.CSRF_HEADER));
        assertEquals(DistributionRunner.STAFF, onB.get("/api/session").json().path("user").asText());
        ApiResponse change = onB.post("/api/people", "{\"name\":\"セッション 確認\",\"kana\":\"セッション カクニン\"}");
        assertEquals(201, change.status(), "a change on node B with node A's session and CSRF token: " + change);
        assertTrue(onB.withoutHeader(ApiClient.CSRF_HEADER).post("/api/people",
                "{\"name\":\"x\",\"kana\":\"エックス\"}").isProblem(403), "the CSRF check still holds");
        assertEquals(204, onB.delete("/api/session").status());
        assertTrue(onA.get("/api/session").isProblem(401), "signed out on node B means signed out on node A");
    }

    @Test
    @Order(3)
    void failedSignInsOnBothNodesCountTogether() {
        String name = "it-guess-cluster";
        for (int i = 1; i < 5; i++) {
            DistributionRunner node = i % 2 == 0 ? nodeA : nodeB;
            assertTrue(node.api().post("/api/session", "{\"user\":\"" + name + "\",\"password\":\"" + i + "\"}").isProblem(401));
        }
        assertTrue(nodeA.api().post("/api/session", "{\"user\":\"" + name + "\",\"password\":\"5\"}").isProblem(401));
        ApiResponse locked = nodeB.api().post("/api/session", "{\"user\":\"" + name + "\",\"password\":\"6\"}");
        assertTrue(locked.isProblem(429), "locked on node B after failures spread over both: " + locked);
    }

    @Test
    @Order(4)
    void aPersonRegisteredOnOneNodeIsFoundOnTheOtherWithinTheRefreshInterval() throws Exception {
        ApiResponse created = staff(nodeA).post("/api/people", "{\"name\":\"瀬戸内 次郎\",\"kana\":\"セトウチ ジロウ\"}");
        assertEquals(201, created.status(), created.toString());
        long registered = System.nanoTime();
        long deadline = registered + Duration.ofSeconds(15).toNanos();
        int found = 0;
        while (System.nanoTime() < deadline) {
            found = staff(nodeB).get("/api/people?q=セトウチ").json().path("total").asInt();
            if (found == 1) {
                break;
            }
            Thread.sleep(200);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - registered);
        System.out.printf("registered on node A, found by search on node B after %d ms%n", millis);
        assertEquals(1, found, "node B's search index did not pick up the registration");
        assertTrue(millis < 5_000 + 3_000, "found after " + millis + " ms: the refresh runs every 5 s");
        String id = created.json().path("id").asText();
        assertEquals("瀬戸内 次郎", staff(nodeB).get("/api/people/" + id + "?purpose=it").json().path("name").asText());
    }

    @Test
    @Order(5)
    void applicationsOnBothNodesAtOnceNeverExceedACoursesSeats() throws Exception {
        int year = FiscalYear.of(java.time.Instant.now()).startYear();
        LocalDate today = LocalDate.now(FiscalYear.ISLAND_ZONE);
        ApiResponse course = staff(nodeA).post("/api/terakoya/courses", """
                {"fiscalYear":%d,"title":{"ja":"少人数講座 クラスタ","en":"Small course"},"category":"writing",
                 "instructors":[{"organisation":"株式会社しーま"}],"capacity":3,"format":"HYBRID","location":"Inno",
                 "applicationOpens":"%s","applicationCloses":"%s","completion":{"rule":"ATTENDANCE","minSessions":1}}"""
                .formatted(year, today.minusDays(7), today.plusDays(30)));
        assertEquals(201, course.status(), course.toString());
        String base = "/api/terakoya/courses/" + course.json().path("id").asLong();
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            ApiResponse p = staff(nodeA).post("/api/people", "{\"name\":\"受講 " + i + "\",\"kana\":\"ジュコウ\","
                    + "\"consents\":[{\"purpose\":\"PROGRAM_ADMINISTRATION\",\"givenOn\":\"2025-04-01\",\"noticeVersion\":\"2025-04\"}]}");
            assertEquals(201, p.status(), p.toString());
            people.add(p.json().path("id").asText());
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ApiResponse>> answers = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            DistributionRunner node = i % 2 == 0 ? nodeA : nodeB;
            String body = "{\"personId\":\"" + people.get(i) + "\"}";
            answers.add(pool.submit(() -> {
                go.await();
                return staff(node).post(base + "/enrolments", body);
            }));
        }
        go.countDown();
        int applied = 0;
        List<Integer> positions = new ArrayList<>();
        for (Future<ApiResponse> f : answers) {
            ApiResponse r = f.get(120, TimeUnit.SECONDS);
            assertEquals(201, r.status(), r.toString());
            if ("APPLIED".equals(r.json().path("status").asText())) {
                applied++;
            } else {
                positions.add(r.json().path("waitlistPosition").asInt());
            }
        }
        pool.shutdown();
        assertEquals(3, applied, "seats handed out across both nodes");
        positions.sort(null);
        for (int i = 0; i < positions.size(); i++) {
            assertEquals(i + 1, positions.get(i), "each place in line once: " + positions);
        }
        JsonNode seats = staff(nodeB).get(base).json().path("seats");
        assertEquals(3, seats.path("applied").asInt() + seats.path("accepted").asInt(), seats.toString());
    }

    @Test
    @Order(6)
    void votesOnBothNodesAtOnceCountOncePerCode() throws Exception {
        nodeA.installProgram("contest");
        nodeB.installProgram("contest");
        ApiResponse maker = staff(nodeA).post("/api/people", "{\"name\":\"紬 作家\",\"kana\":\"ツムギ サッカ\","
                + "\"consents\":[{\"purpose\":\"PROGRAM_ADMINISTRATION\",\"givenOn\":\"2025-04-01\",\"noticeVersion\":\"2025-04\"}]}");
        assertEquals(201, maker.status(), maker.toString());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant later = now.plus(1, ChronoUnit.HOURS);
        ApiResponse created = staff(nodeA).post("/api/contest/contests", Durability.contestJson(now.minusSeconds(3600), later, later,
                later.plusSeconds(3600), later, later.plusSeconds(3600), null));
        assertEquals(201, created.status(), created.toString());
        String c = "/api/contest/contests/" + created.json().path("id").asLong();
        for (int i = 0; i < 2; i++) {
            ApiResponse entry = staff(nodeA).post(c + "/entries", "{\"makerId\":\"" + maker.json().path("id").asText()
                    + "\",\"title\":\"作品 " + i + "\",\"category\":\"textile\"}");
            assertEquals(201, entry.status(), entry.toString());
        }
        ApiResponse batch = staff(nodeA).post(c + "/ticket-batches", "{\"count\":40,\"label\":\"cluster\"}");
        assertEquals(201, batch.status(), batch.toString());
        List<String> codes = Durability.codesOf(staff(nodeA).getBytes(batch.json().path("sheetUrl").asText()));
        assertEquals(40, codes.size());
        // entries close, voting opens now (on node B: the contest is in the database, not in node A)
        Durability.openVoting(staff(nodeB), c, now);

        String votes = "/api/contest/public/contests/" + created.json().path("id").asLong() + "/votes";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> same = new ArrayList<>();
        List<Future<Integer>> different = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            DistributionRunner node = i % 2 == 0 ? nodeA : nodeB;
            same.add(pool.submit(() -> {
                go.await();
                return node.api().post(votes, "{\"code\":\"" + codes.get(0) + "\",\"entryNumber\":1}").status();
            }));
        }
        for (int i = 1; i < 31; i++) {
            DistributionRunner node = i % 2 == 0 ? nodeA : nodeB;
            String body = "{\"code\":\"" + codes.get(i) + "\",\"entryNumber\":" + (1 + i % 2) + "}";
            different.add(pool.submit(() -> {
                go.await();
                return node.api().post(votes, body).status();
            }));
        }
        go.countDown();
        int accepted = 0;
        for (Future<Integer> f : same) {
            int status = f.get(120, TimeUnit.SECONDS);
            assertTrue(status == 201 || status == 409, "a vote answers 201 or 409 (code used), got " + status);
            accepted += status == 201 ? 1 : 0;
        }
        assertEquals(1, accepted, "one code, twenty votes on two nodes at once: counted once");
        for (Future<Integer> f : different) {
            assertEquals(201, f.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        for (DistributionRunner node : List.of(nodeA, nodeB)) {
            JsonNode totals = admin(node).get(c + "/votes/totals").json();
            assertEquals(31, totals.path("votes").asInt(), totals.toString());
        }
    }

    @Test
    @Order(7)
    void aNodeKilledMidStreamLosesNothingItAcknowledged() throws Exception {
        Durability.Targets targets = Durability.prepare(staff(nodeA));
        Durability.Result result = Durability.writeThenKill(nodeA, admin(nodeA), staff(nodeA), targets, "pg");
        // node B serves the same database while node A is down
        result.verify(admin(nodeB), staff(nodeB));
        nodeA.start(database);
        result.verify(admin(nodeA), staff(nodeA));
        System.out.printf("PostgreSQL, SIGKILL during writes: %s%n", result);
    }

    @Test
    @Order(8)
    void aSchemaNewerThanTheCodeIsRefused() throws Exception {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("island"), PostgresCluster.USER, PostgresCluster.PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO platform_schema_history (unit_name, version, description, script, checksum, kind,"
                    + " applied_at, applied_by, duration_ms) VALUES ('kpi', 99, 'from the future', 'V99__future.sql', 'x',"
                    + " 'APPLIED', CURRENT_TIMESTAMP, 'it', 0)");
        }
        nodeA.karaf("feature:install --no-auto-refresh freelance-island-kpi");
        JsonNode health = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            ApiResponse answer = nodeA.api().get("/api/health");
            health = answer.json();
            if (answer.status() == 503) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals("DOWN", health.path("status").asText(), String.valueOf(health));
        assertTrue(health.path("problems").toString().contains("version 99 of the schema of kpi"), health.toString());
        assertTrue(staff(nodeA).get("/api/kpi/stages").isProblem(404), "kpi does not serve on a schema it does not know");
        String status = nodeA.karaf("island:status");
        assertTrue(status.contains("Schema   : kpi FAILED"), status);
        nodeA.karaf("feature:uninstall --no-auto-refresh freelance-island-kpi");
        assertEquals(200, nodeA.api().awaitOk("/api/health", Duration.ofSeconds(30)).status());
    }

    @Test
    @Order(9)
    void aLedgerFactRecordedOnOneNodeMovesTheFiguresTheOtherShows() throws Exception {
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl("island"), PostgresCluster.USER, PostgresCluster.PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("DELETE FROM platform_schema_history WHERE unit_name = 'kpi' AND version = 99"); // of the test before
        }
        nodeA.installProgram("kpi");
        nodeB.installProgram("kpi");
        long before = leaders(nodeB);
        assertEquals(before, leaders(nodeB), "read twice, the second from the figures node B keeps");
        ApiResponse posted = admin(nodeA).post("/api/ledger", "{\"id\":\"cluster:leader:1\",\"type\":\"community.leader.started\","
                + "\"personId\":\"cluster-leader-1\",\"occurredAt\":\"2026-07-01T00:00:00Z\"}");
        assertEquals(201, posted.status(), posted.toString());
        assertEquals(before + 1, leaders(nodeB), "node B counts node A's fact at once");
        assertEquals(before + 1, leaders(nodeA));
    }

    /** The stage 3 view's figure of community leaders, as the KPI panel shows it. */
    private static long leaders(DistributionRunner node) {
        JsonNode stage = staff(node).get("/api/kpi/stages/3").json();
        for (JsonNode indicator : stage.path("indicators")) {
            if ("s3-community-leaders".equals(indicator.path("id").asText())) {
                return indicator.path("actual").asLong();
            }
        }
        throw new AssertionError("no s3-community-leaders in " + stage);
    }
}
