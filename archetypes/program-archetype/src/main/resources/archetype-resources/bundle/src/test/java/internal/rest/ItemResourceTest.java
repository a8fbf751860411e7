package ${package}.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.audit.AuditEntry;
import org.freelanceisland.testing.http.ApiClient;
import org.freelanceisland.testing.http.ApiResponse;
import org.freelanceisland.testing.jpa.ResourceLocalJpaTemplate;
import org.freelanceisland.testing.rest.RestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ${package}.internal.Fakes;
import ${package}.internal.store.ItemStore;

/** The REST contract of /api/${programId}/items with the platform's real REST plumbing, on in-memory H2. */
class ItemResourceTest {

    private ResourceLocalJpaTemplate jpa;
    private RestHarness api;
    private final List<AuditEntry> audited = new ArrayList<>();

    @BeforeEach
    void start() {
        jpa = ResourceLocalJpaTemplate.h2("${programId}");
        ItemStore store = new ItemStore(jpa, Fakes.ledger(Fakes.events()), () -> Optional.of(Fakes.people(Set.of("p-1"))),
                item -> { }, Clock.system(FiscalYear.ISLAND_ZONE), 1000);
        api = RestHarness.start("/api/${programId}", rest -> rest.application("${programId}")
                .register(new ItemResource(store, audited::add)));
    }

    @AfterEach
    void stop() {
        api.close();
        jpa.close();
    }

    private static String item(String title) {
        return "{\"fiscalYear\":2025,\"titleJa\":\"" + title + "\",\"titleEn\":\"" + title + " (en)\",\"personId\":\"p-1\","
                + "\"startsOn\":\"2025-08-01\"}";
    }

    @Test
    void staffRegisterAndEveryoneWithTheRoleReadsPageByPage() {
        ApiClient staff = api.as(RestHarness.STAFF);
        for (String title : List.of("一", "二", "三")) {
            ApiResponse created = staff.post("/api/${programId}/items", item(title));
            assertEquals(201, created.status(), created.toString());
            assertTrue(created.header("Location").endsWith("/api/${programId}/items/" + created.json().path("id").asLong()),
                    created.header("Location"));
        }
        ApiResponse page = api.as(RestHarness.COORDINATOR).get("/api/${programId}/items?fiscalYear=2025&limit=2");
        assertEquals(200, page.status(), page.toString());
        assertEquals(3, page.json().path("total").asInt());
        assertEquals(2, page.json().path("items").size());
        assertEquals(2, page.json().path("limit").asInt());
        assertEquals("令和7年度", page.json().path("items").get(0).path("fiscalYearLabel").path("ja").asText());
    }

    @Test
    void badInputIsA400NamingTheField() {
        ApiClient staff = api.as(RestHarness.STAFF);
        ApiResponse missing = staff.post("/api/${programId}/items", "{\"fiscalYear\":2025}");
        assertTrue(missing.isProblem(400), missing.toString());
        assertTrue(missing.body().contains("titleJa"), missing.body());
        assertTrue(staff.post("/api/${programId}/items", "{\"fiscalYear\":\"next\",\"titleJa\":\"x\"}").isProblem(400));
        assertTrue(staff.post("/api/${programId}/items", "{\"fiscalYear\":2025,\"titleJa\":\"x\",\"colour\":\"red\"}").isProblem(400));
        for (String parameter : List.of("fiscalYear=soon", "status=lost", "limit=100000", "offset=-1")) {
            ApiResponse bad = staff.get("/api/${programId}/items?" + parameter);
            assertTrue(bad.isProblem(400), bad.toString());
            assertEquals(parameter.substring(0, parameter.indexOf('=')), bad.json().path("errors").get(0).path("field").asText());
        }
        assertTrue(staff.get("/api/${programId}/items/424242").isProblem(404));
        ApiResponse stranger = staff.post("/api/${programId}/items", item("知らない人").replace("p-1", "p-9"));
        assertTrue(stranger.isProblem(422), stranger.toString());
    }

    @Test
    void rolesAreCheckedAndDeletingIsAudited() {
        assertTrue(api.anonymous().get("/api/${programId}/items").isProblem(401));
        assertTrue(api.as(RestHarness.JUROR).get("/api/${programId}/items").isProblem(403));
        assertTrue(api.as(RestHarness.JUROR).post("/api/${programId}/items", item("調整役")).isProblem(403));
        long id = api.as(RestHarness.STAFF).post("/api/${programId}/items", item("消す記録")).json().path("id").asLong();
        assertTrue(api.as(RestHarness.STAFF).delete("/api/${programId}/items/" + id).isProblem(403));
        assertEquals(204, api.as(RestHarness.ADMIN).delete("/api/${programId}/items/" + id).status());
        assertEquals(1, audited.size());
        assertEquals("${programId}.item.deleted", audited.get(0).action());
        assertEquals(Long.toString(id), audited.get(0).subjectId());
        assertTrue(api.as(RestHarness.STAFF).get("/api/${programId}/items/" + id).isProblem(404));
    }
}
