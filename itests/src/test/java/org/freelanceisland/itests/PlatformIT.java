package org.freelanceisland.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.Pillar;
import org.freelanceisland.platform.api.ProgramModule;
import org.freelanceisland.platform.api.audit.AuditEntry;
import org.freelanceisland.platform.api.audit.AuditLog;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.api.ledger.AttributeFilter;
import org.freelanceisland.platform.api.ledger.LedgerQuery;
import org.freelanceisland.platform.api.ledger.PersonAggregation;
import org.freelanceisland.testing.http.ApiClient;
import org.freelanceisland.testing.http.ApiResponse;
import org.freelanceisland.testing.karaf.IslandKarafTestSupport;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import com.fasterxml.jackson.databind.JsonNode;

/** The platform foundation in the real distribution: health, modules, ledger, errors and security. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT extends IslandKarafTestSupport {

    @Test
    public void healthIsUpWithoutSigningIn() {
        ApiResponse health = anonymous().get("/api/health");
        assertEquals(health.toString(), 200, health.status());
        JsonNode body = health.json();
        assertEquals("UP", body.path("status").asText());
        assertEquals("UP", body.path("database").asText());
        assertTrue(body.path("modules").isArray());
        assertEquals("nosniff", health.header("X-Content-Type-Options"));
    }

    @Test
    public void aModuleRegisteredAtRunTimeAppearsAndDisappears() throws Exception {
        ServiceRegistration<ProgramModule> registration = bundleContext.registerService(ProgramModule.class,
                new SampleModule(), null);
        try {
            JsonNode module = awaitModules(list -> find(list, "it-sample").isPresent()).path("items");
            JsonNode sample = find(module, "it-sample").orElseThrow();
            assertEquals("試験用プログラム", sample.path("title").path("ja").asText());
            assertEquals("Test programme", sample.path("title").path("en").asText());
            assertEquals("[\"SKILL_UP\",\"NETWORK\"]", sample.path("pillars").toString());
            assertEquals("[3]", sample.path("stages").toString());
            assertEquals(bundleContext.getBundle().getSymbolicName(), sample.path("bundle").asText());
            assertEquals("ACTIVE", sample.path("state").asText());
            assertEquals(200, anonymous().get("/api/modules/it-sample").status());
            assertTrue(anonymous().get("/api/health").json().path("modules").toString().contains("it-sample"));
        } finally {
            registration.unregister();
        }
        awaitModules(list -> find(list.path("items"), "it-sample").isEmpty());
        assertTrue(anonymous().get("/api/modules/it-sample").isProblem(404));
    }

    @Test
    public void ledgerRecordsOnceAndAnnouncesOnEventAdmin() throws Exception {
        BlockingQueue<Event> announced = new ArrayBlockingQueue<>(10);
        Dictionary<String, Object> topic = new Hashtable<>();
        topic.put(EventConstants.EVENT_TOPIC, ActivityLedger.TOPIC_RECORDED);
        ServiceRegistration<EventHandler> handler = bundleContext.registerService(EventHandler.class, announced::offer, topic);
        try {
            String id = "it:" + UUID.randomUUID();
            String body = "{\"id\":\"" + id + "\",\"type\":\"ittest.course.completed\",\"personId\":\"p-42\","
                    + "\"occurredAt\":\"2025-03-31T15:30:00Z\",\"amountYen\":12000,\"attributes\":{\"course\":\"写真\"}}";
            ApiResponse created = as(ADMIN).post("/api/ledger", body);
            assertEquals(created.toString(), 201, created.status());
            assertEquals(2025, created.json().path("fiscalYear").asInt()); // already 1 April in Japan
            assertEquals("令和7年度", created.json().path("fiscalYearLabel").path("ja").asText());
            assertEquals("user:" + ADMIN, created.json().path("recordedBy").asText());

            Event event = announced.poll(10, TimeUnit.SECONDS);
            assertNotNull("no EventAdmin event for the new ledger entry", event);
            assertEquals(id, event.getProperty("id"));
            assertEquals("ittest.course.completed", event.getProperty("type"));
            assertEquals(2025, event.getProperty("fiscalYear"));

            ApiResponse again = as(ADMIN).post("/api/ledger", body);
            assertEquals(again.toString(), 200, again.status());
            assertEquals(null, announced.poll(1, TimeUnit.SECONDS));

            ApiResponse list = as(STAFF).get("/api/ledger?type=ittest.*&fiscalYear=2025&limit=10");
            assertEquals(list.toString(), 200, list.status());
            assertEquals(1, list.json().path("total").asInt());
            assertEquals(id, list.json().path("items").get(0).path("id").asText());
            assertEquals("写真", list.json().path("items").get(0).path("attributes").path("course").asText());
            assertEquals(0, as(STAFF).get("/api/ledger?type=ittest.*&fiscalYear=2024").json().path("total").asInt());
        } finally {
            handler.unregister();
        }
    }

    @Test
    public void programsRecordThroughTheLedgerServiceUnderTheirOwnName() {
        ServiceReference<ActivityLedger> reference = bundleContext.getServiceReference(ActivityLedger.class);
        ActivityLedger ledger = bundleContext.getService(reference);
        try {
            String id = "it-service:" + UUID.randomUUID();
            assertTrue(ledger.record(ActivityEvent.builder(id, "ittest.person.moved", java.time.Instant.now())
                    .person("p-7").build()));
            assertFalse(ledger.record(ActivityEvent.builder(id, "ittest.person.moved", java.time.Instant.now()).build()));
            assertEquals(bundleContext.getBundle().getSymbolicName(), ledger.find(id).orElseThrow().recordedBy());
            ApiResponse read = as(STAFF).get("/api/ledger/" + id.replace(":", "%3A"));
            assertEquals(read.toString(), 200, read.status());
            assertEquals("p-7", read.json().path("personId").asText());
        } finally {
            bundleContext.ungetService(reference);
        }
    }

    @Test
    public void ledgerFiltersOnAttributesAndTotalsPerPersonInTheDatabase() {
        ServiceReference<ActivityLedger> reference = bundleContext.getServiceReference(ActivityLedger.class);
        ActivityLedger ledger = bundleContext.getService(reference);
        try {
            String run = UUID.randomUUID().toString().substring(0, 8);
            Instant june2025 = Instant.parse("2025-06-01T00:00:00Z");
            List<ActivityEvent> events = List.of(
                    ActivityEvent.builder("it-flag:" + run + ":1", "ittest.flag.set", june2025).person("a-" + run)
                            .attribute("flag", "CHILD_REARING_FREELANCER").build(),
                    ActivityEvent.builder("it-flag:" + run + ":2", "ittest.flag.set", june2025).person("b-" + run)
                            .attribute("flag", "COMMUNITY_LEADER").build(),
                    ActivityEvent.builder("it-pay:" + run + ":1", "ittest.paid", june2025).person("a-" + run).amountYen(400_000).build(),
                    ActivityEvent.builder("it-pay:" + run + ":2", "ittest.paid", june2025).person("a-" + run).amountYen(250_000).build(),
                    ActivityEvent.builder("it-pay:" + run + ":3", "ittest.paid", june2025).person("b-" + run).amountYen(900_000).build());
            assertEquals(5, ledger.recordAll(events));
            assertEquals(0, ledger.recordAll(events));
            LedgerQuery parents = LedgerQuery
                    .ofType("ittest.flag.set").withAttribute(
                            AttributeFilter.of("flag", "CHILD_REARING_FREELANCER"));
            LedgerQuery paid = LedgerQuery
                    .ofType("ittest.paid").inFiscalYears(FiscalYear.of(2025),
                            FiscalYear.of(2025));
            assertEquals(1, ledger.count(parents.forPerson("a-" + run)));
            assertEquals(650_000, ledger.sumAmountYen(paid.forPersonsWith(parents.forPerson("a-" + run))));
            assertEquals(1, ledger.countPersons(PersonAggregation.yearlyAmountAtLeast(
                    paid.forPersonsWith(LedgerQuery.ofType("ittest.flag.set")
                            .withAttribute(AttributeFilter.of("flag", "CHILD_REARING_FREELANCER",
                                    "COMMUNITY_LEADER")).forPerson("a-" + run)), 600_000)));
            assertEquals(650_000, ledger.personTotals(PersonAggregation.perPerson(
                    paid.forPerson("a-" + run)), PageRequest.first()).items().get(0).amountYen());
        } finally {
            bundleContext.ungetService(reference);
        }
    }

    @Test
    public void auditEntriesAreReadableByAdministratorsOnly() {
        ServiceReference<AuditLog> reference = bundleContext.getServiceReference(AuditLog.class);
        AuditLog audit = bundleContext.getService(reference);
        try {
            String subject = "p-" + UUID.randomUUID();
            audit.record(AuditEntry.of(STAFF, "ittest.record.read", "person", subject, "integration test"));
            ApiResponse list = as(ADMIN).get("/api/admin/audit?subjectId=" + subject);
            assertEquals(list.toString(), 200, list.status());
            assertEquals(1, list.json().path("total").asInt());
            JsonNode entry = list.json().path("items").get(0);
            assertEquals(STAFF, entry.path("actor").asText());
            assertEquals("ittest.record.read", entry.path("action").asText());
            assertTrue(as(STAFF).get("/api/admin/audit").isProblem(403));
            assertTrue(as(ADMIN).get("/api/admin/audit?from=yesterday").isProblem(400));
            assertTrue(as(ADMIN).send("DELETE", "/api/admin/audit", null, null).isProblem(405));
        } finally {
            bundleContext.ungetService(reference);
        }
    }

    @Test
    public void administratorsSeeTheProgramCatalogAndTheShellCommands() throws Exception {
        ApiResponse programs = as(ADMIN).get("/api/admin/programs");
        assertEquals(programs.toString(), 200, programs.status());
        assertTrue(programs.json().path("items").isArray());
        assertTrue(as(ADMIN).get("/api/admin/programs/no-such-program").isProblem(404));
        assertTrue(as(ADMIN).post("/api/admin/programs/no-such-program/install", "").isProblem(404));
        assertTrue(as(STAFF).get("/api/admin/programs").isProblem(403));

        String status = shell("island:status");
        assertTrue(status, status.contains("Database : UP"));
        assertTrue(status, status.contains("Ledger   : ready"));
        String list = shell("island:programs");
        assertTrue(list, list.contains("Installed"));
    }


    @Test
    public void callersWithoutTheRightRoleAreRefused() {
        ApiResponse anonymousCall = anonymous().get("/api/ledger");
        assertTrue(anonymousCall.toString(), anonymousCall.isProblem(401));
        assertTrue(anonymousCall.header("WWW-Authenticate").startsWith("Basic"));

        ApiResponse wrongPassword = anonymous().as(STAFF, "not-the-password").get("/api/ledger");
        assertTrue(wrongPassword.toString(), wrongPassword.isProblem(401));

        ApiResponse juror = as(JUROR).get("/api/ledger");
        assertTrue(juror.toString(), juror.isProblem(403));

        ApiResponse staffWriting = as(STAFF).post("/api/ledger",
                "{\"type\":\"ittest.x\",\"occurredAt\":\"2025-05-01T00:00:00Z\"}");
        assertTrue(staffWriting.toString(), staffWriting.isProblem(403));
    }

    @Test
    public void badInputGetsProblemJsonNamingTheField() {
        ApiResponse malformed = as(ADMIN).post("/api/ledger", "{\"type\": \"ittest.x\", ");
        assertTrue(malformed.toString(), malformed.isProblem(400));
        assertEquals("body", malformed.json().path("errors").get(0).path("field").asText());

        ApiResponse wrongDate = as(ADMIN).post("/api/ledger", "{\"type\":\"ittest.x\",\"occurredAt\":\"yesterday\"}");
        assertTrue(wrongDate.toString(), wrongDate.isProblem(400));
        assertEquals("occurredAt", wrongDate.json().path("errors").get(0).path("field").asText());

        ApiResponse missing = as(ADMIN).post("/api/ledger", "{\"occurredAt\":\"2025-05-01T00:00:00Z\"}");
        assertTrue(missing.toString(), missing.isProblem(400));
        assertEquals("type", missing.json().path("errors").get(0).path("field").asText());

        ApiResponse badType = as(ADMIN).post("/api/ledger", "{\"type\":\"NoModule\",\"occurredAt\":\"2025-05-01T00:00:00Z\"}");
        assertTrue(badType.toString(), badType.isProblem(400));
        assertEquals("type", badType.json().path("errors").get(0).path("field").asText());

        ApiResponse unknown = as(ADMIN).post("/api/ledger",
                "{\"type\":\"ittest.x\",\"occurredAt\":\"2025-05-01T00:00:00Z\",\"colour\":\"red\"}");
        assertTrue(unknown.toString(), unknown.isProblem(400));
        assertEquals("colour", unknown.json().path("errors").get(0).path("field").asText());

        ApiResponse badLimit = as(STAFF).get("/api/ledger?limit=abc");
        assertTrue(badLimit.toString(), badLimit.isProblem(400));
        assertEquals("limit", badLimit.json().path("errors").get(0).path("field").asText());
        assertTrue(as(STAFF).get("/api/ledger?limit=501").isProblem(400));
        assertTrue(as(STAFF).get("/api/ledger?fiscalYear=-3").isProblem(400));

        ApiResponse notJson = as(ADMIN).send("POST", "/api/ledger", "text/plain", "hello");
        assertTrue(notJson.toString(), notJson.isProblem(415));

        assertTrue(anonymous().get("/api/no-such-program/things").isProblem(404));
        assertTrue(as(STAFF).get("/api/ledger/no-such-event").isProblem(404));
    }

    private JsonNode awaitModules(Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = anonymous().get("/api/modules").json();
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("modules did not change as expected: " + last);
    }

    private static Optional<JsonNode> find(JsonNode list, String id) {
        JsonNode items = list.has("items") ? list.path("items") : list;
        for (JsonNode item : items) {
            if (id.equals(item.path("id").asText())) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    @Test
    public void theConsoleSessionSignsInAgainstTheRealmAndProtectsChanges() {
        ApiResponse signIn = anonymous().post("/api/session",
                "{\"user\":\"" + ADMIN + "\",\"password\":\"" + PASSWORD + "\"}");
        assertEquals(signIn.toString(), 200, signIn.status());
        assertEquals(ADMIN, signIn.json().path("user").asText());
        assertTrue(signIn.json().path("roles").toString().contains("\"admin\""));
        assertEquals(1800, signIn.json().path("idleTimeoutSeconds").asInt());
        String cookie = signIn.header("Set-Cookie");
        assertTrue(cookie, cookie.matches("FI_SESSION=[A-Za-z0-9_-]{43}; Path=/api/; HttpOnly; SameSite=Strict"));

        ApiClient browser = anonymous().signIn(ADMIN, PASSWORD);
        assertEquals(200, browser.get("/api/admin/audit?limit=1").status());
        String event = "{\"id\":\"session:" + UUID.randomUUID() + "\",\"type\":\"itsession.console.used\","
                + "\"occurredAt\":\"2022-05-01T00:00:00Z\"}";
        ApiResponse forged = browser.withoutHeader(ApiClient.CSRF_HEADER).post("/api/ledger", event);
        assertTrue(forged.toString(), forged.isProblem(403));
        ApiResponse written = browser.post("/api/ledger", event);
        assertEquals(written.toString(), 201, written.status());

        assertEquals(204, browser.delete("/api/session").status());
        assertTrue(browser.get("/api/session").isProblem(401));
        ApiResponse afterwards = browser.get("/api/admin/audit?limit=1");
        assertTrue(afterwards.isProblem(401));
        assertEquals("a browser's request is not answered with a Basic challenge", null, afterwards.header("WWW-Authenticate"));
    }

    @Test
    public void repeatedFailedSignInsLockTheUserNameWithoutTellingWhetherItExists() {
        ApiResponse wrongPassword = anonymous().post("/api/session", "{\"user\":\"" + JUROR + "\",\"password\":\"x\"}");
        ApiResponse noSuchUser = anonymous().post("/api/session", "{\"user\":\"it-nobody\",\"password\":\"x\"}");
        assertTrue(wrongPassword.isProblem(401));
        assertEquals(wrongPassword.body(), noSuchUser.body());
        assertEquals(200, anonymous().post("/api/session",
                "{\"user\":\"" + JUROR + "\",\"password\":\"" + PASSWORD + "\"}").status());

        String name = "it-guess-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i < 5; i++) {
            assertTrue(anonymous().post("/api/session", "{\"user\":\"" + name + "\",\"password\":\"" + i + "\"}").isProblem(401));
        }
        assertTrue("Basic failures count too", anonymous().as(name, "5").get("/api/ledger").isProblem(401));
        ApiResponse locked = anonymous().post("/api/session", "{\"user\":\"" + name + "\",\"password\":\"6\"}");
        assertTrue(locked.toString(), locked.isProblem(429));
        assertEquals("60", locked.header("Retry-After"));
    }

    /** A program module registered by the test. */
    private static final class SampleModule implements ProgramModule {
        @Override
        public String id() {
            return "it-sample";
        }

        @Override
        public LocalizedText title() {
            return LocalizedText.of("試験用プログラム", "Test programme");
        }

        @Override
        public LocalizedText description() {
            return LocalizedText.of("統合テストが登録するプログラム", "Registered by the integration test");
        }

        @Override
        public Set<Pillar> pillars() {
            return Set.of(Pillar.NETWORK, Pillar.SKILL_UP);
        }

        @Override
        public Set<Integer> stages() {
            return Set.of(3);
        }
    }
}
