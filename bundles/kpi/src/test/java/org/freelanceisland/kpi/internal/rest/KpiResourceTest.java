package org.freelanceisland.kpi.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.freelanceisland.kpi.internal.KpiService;
import org.freelanceisland.kpi.internal.LedgerFixture;
import org.freelanceisland.kpi.internal.PlanSeed;
import org.freelanceisland.kpi.internal.compute.Grading;
import org.freelanceisland.kpi.internal.store.KpiStore;
import org.freelanceisland.platform.api.audit.AuditEntry;
import org.freelanceisland.testing.http.ApiResponse;
import org.freelanceisland.testing.jpa.ResourceLocalJpaTemplate;
import org.freelanceisland.testing.rest.RestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The KPI REST API with the platform's real REST plumbing (roles, problem+json, JSON). */
class KpiResourceTest {

    private ResourceLocalJpaTemplate jpa;
    private LedgerFixture ledger;
    private RestHarness api;
    private final List<AuditEntry> audited = new ArrayList<>();

    @BeforeEach
    void start() {
        jpa = ResourceLocalJpaTemplate.h2("kpi");
        ledger = new LedgerFixture();
        KpiStore store = new KpiStore(jpa, java.time.Clock.systemUTC());
        PlanSeed.load().applyTo(store);
        KpiService kpi = new KpiService(store, ledger, () -> Grading.DEFAULT, java.time.Clock.systemUTC());
        api = RestHarness.start("/api/kpi", rest -> rest.application("kpi")
                .register(new KpiResource(kpi, audited::add)).register(new KpiExportResource(kpi, audited::add)));
    }

    @AfterEach
    void stop() {
        api.close();
        jpa.close();
        ledger.close();
    }

    @Test
    void stagesAreForStaffWithFiguresAndEras() {
        ApiResponse stages = api.as(RestHarness.STAFF).get("/api/kpi/stages");
        assertEquals(200, stages.status(), stages.toString());
        JsonNode first = stages.json().get(0);
        assertEquals("H27～R1", first.path("fiscalYears").path("eras").asText());
        JsonNode trained = first.path("indicators").get(0);
        assertEquals("s1-trained", trained.path("id").asText());
        assertEquals("people", trained.path("unit").asText());
        assertEquals("reported", trained.path("actualSource").asText());
        assertEquals(202, trained.path("actual").asInt());
        assertEquals("101.0", trained.path("achievementRate").asText());
        assertEquals("A", trained.path("grade").asText());
        assertEquals(401, api.anonymous().get("/api/kpi/stages").status());
        assertTrue(api.as(RestHarness.JUROR).get("/api/kpi/stages").isProblem(403));
        assertTrue(api.as(RestHarness.STAFF).get("/api/kpi/stages/9").isProblem(404));
        assertTrue(api.as(RestHarness.STAFF).get("/api/kpi/stages/x").isProblem(400));
        assertEquals(3, api.as(RestHarness.STAFF).get("/api/kpi/indicators?stage=2&limit=3").json().path("items").size());
    }

    @Test
    void invalidDefinitionsAre422ProblemsNamingTheField() {
        String body = "{\"id\":\"s3-visitors\",\"stage\":3,\"name\":{\"ja\":\"来場者\"},\"unit\":\"people\",\"target\":100,"
                + "\"actualSource\":\"computed\",\"note\":{\"ja\":\"数え方\"},\"rule\":{\"eventTypes\":[\"contest.market.visitors\"],"
                + "\"measure\":\"PERSONS_REACHING_YEARLY_AMOUNT\"}}";
        ApiResponse invalid = api.as(RestHarness.ADMIN).post("/api/kpi/indicators", body);
        assertTrue(invalid.isProblem(422), invalid.toString());
        assertEquals("rule.thresholdYen", invalid.json().path("errors").get(0).path("field").asText());
        assertTrue(api.as(RestHarness.STAFF).post("/api/kpi/indicators", body).isProblem(403));
        ApiResponse unknownField = api.as(RestHarness.ADMIN).post("/api/kpi/indicators", "{\"colour\":1}");
        assertTrue(unknownField.isProblem(400), unknownField.toString());

        ApiResponse created = api.as(RestHarness.ADMIN).post("/api/kpi/indicators",
                body.replace("PERSONS_REACHING_YEARLY_AMOUNT", "SUM_AMOUNT"));
        assertEquals(201, created.status(), created.toString());
        assertEquals(1, created.json().path("revision").asInt());
        assertEquals("admin", created.json().path("updatedBy").asText());
        ApiResponse retired = api.as(RestHarness.ADMIN).post("/api/kpi/indicators/s3-visitors/retire", "");
        assertEquals(200, retired.status(), retired.toString());
        assertTrue(retired.json().path("retired").asBoolean());
        assertEquals(2, api.as(RestHarness.STAFF).get("/api/kpi/indicators/s3-visitors/revisions").json().path("total").asInt());
    }

    @Test
    void drillDownIsAuditedAndExportsAreCsvWithABom() {
        ledger.add("people.moved", "p-1", 2025, null, "withFamily", "true");
        ApiResponse records = api.as(RestHarness.STAFF).get("/api/kpi/indicators/s3-migrants/records?fiscalYear=2025");
        assertEquals(200, records.status(), records.toString());
        assertEquals("p-1", records.json().path("items").get(0).path("personId").asText());
        assertEquals(1, audited.size());
        assertEquals("kpi.records.read", audited.get(0).action());
        assertEquals("s3-migrants", audited.get(0).subjectId());
        assertEquals(RestHarness.STAFF, audited.get(0).actor());
        assertTrue(api.as(RestHarness.STAFF).get("/api/kpi/indicators/s3-migrants/records?fiscalYear=2030").isProblem(400));
        assertTrue(api.as(RestHarness.STAFF).get("/api/kpi/indicators/nope/records").isProblem(404));
        assertTrue(api.as(RestHarness.JUROR).get("/api/kpi/indicators/s3-migrants/records").isProblem(403));

        ApiResponse csv = api.as(RestHarness.STAFF).get("/api/kpi/stages/3/export.csv");
        assertEquals(200, csv.status(), csv.toString());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.header("Content-Type"));
        assertTrue(csv.body().startsWith("\uFEFF段階,指標ID"));
        assertTrue(csv.header("Content-Disposition").contains("kpi-stage-3.csv"));
        assertEquals("kpi.export", audited.get(audited.size() - 1).action());
        ApiResponse open = api.anonymous().get("/api/kpi/open-data.csv");
        assertEquals(200, open.status());
        assertTrue(open.body().contains("5人未満のため秘匿"));
    }
}
