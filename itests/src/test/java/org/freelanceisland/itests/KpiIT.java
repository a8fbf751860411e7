package org.freelanceisland.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.testing.http.ApiResponse;
import org.freelanceisland.testing.karaf.IslandKarafTestSupport;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The KPI program in the real distribution: the plan's seed figures, stage 3 moving as events are
 * recorded in the ledger, the drill-down, definitions refused with 422, and retiring and
 * reinstalling the program keeping definitions and figures.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KpiIT extends IslandKarafTestSupport {

    /** target/actual/source of every seeded indicator, as the plan (seed 001) gives them. */
    private static final Map<String, String> PLAN = new LinkedHashMap<>();

    static {
        PLAN.put("s1-trained", "200/202/reported");
        PLAN.put("s1-migrants", "50/38/reported");
        PLAN.put("s1-child-rearing-1500k", "1/0/reported");
        PLAN.put("s1-income-3m", "1/1/reported");
        PLAN.put("s2-new-freelancers", "25/17/reported");
        PLAN.put("s2-migrants", "25/16/reported");
        PLAN.put("s2-child-rearing-600k", "10/16/reported");
        PLAN.put("s2-income-3m", "4/8/reported");
        PLAN.put("s3-skill-up", "90/computed");
        PLAN.put("s3-migrants", "15/computed");
        PLAN.put("s3-earning-parents-side-jobs", "30/computed");
        PLAN.put("s3-satisfaction", "80/computed");
        PLAN.put("s3-community-leaders", "3/computed");
    }

    /** Installs the program once for the class. */
    @Before
    public void installKpi() throws Exception {
        if (!anonymous().get("/api/modules").body().contains("\"id\":\"kpi\"")) {
            installProgram("kpi");
        }
    }

    @Test
    public void seedDataMatchesThePlan() {
        ApiResponse response = as(STAFF).get("/api/kpi/stages");
        assertEquals(response.toString(), 200, response.status());
        JsonNode stages = response.json();
        assertEquals(3, stages.size());
        assertEquals("[2015,2019,H27～R1]", years(stages.get(0)));
        assertEquals("[2020,2024,R2～R6]", years(stages.get(1)));
        assertEquals("[2025,2027,R7～R9]", years(stages.get(2)));
        assertEquals("令和7年度～令和9年度", stages.get(2).path("fiscalYears").path("label").path("ja").asText());
        assertEquals(PLAN, figures(stages));
        JsonNode s2 = stages.get(1).path("indicators");
        assertEquals("子育てをしながら年収60万円以上のフリーランスを10名育成", s2.get(2).path("name").path("ja").asText());
        assertEquals("160.0", s2.get(2).path("achievementRate").asText());
        assertEquals("A", s2.get(2).path("grade").asText());
        assertEquals("64.0", s2.get(1).path("achievementRate").asText());
        assertEquals("C", s2.get(1).path("grade").asText());

        JsonNode module = find(anonymous().get("/api/modules").json().path("items"), "kpi");
        assertEquals("[1,2,3]", module.path("stages").toString());
        assertEquals(6, module.path("pillars").size());
        assertEquals("/console/kpi/", module.path("consolePath").asText());
    }

    @Test
    public void eventsRecordedInTheLedgerMoveStageThreeAndTheDrillDownListsThem() throws Exception {
        long skillUp = actual("s3-skill-up");
        long earners = actual("s3-earning-parents-side-jobs");
        long leaders = actual("s3-community-leaders");
        String run = UUID.randomUUID().toString().substring(0, 8);
        String mother = "it-mother-" + run;
        String learner = "it-learner-" + run;

        ServiceReference<ActivityLedger> reference = bundleContext.getServiceReference(ActivityLedger.class);
        ActivityLedger ledger = bundleContext.getService(reference);
        try {
            Instant may2025 = Instant.parse("2025-05-10T01:00:00Z");
            List<ActivityEvent> events = new ArrayList<>();
            events.add(ActivityEvent.builder("it:" + run + ":enrol", "terakoya.enrolled", may2025).person(learner)
                    .attribute("course", "web-writing").build());
            events.add(ActivityEvent.builder("it:" + run + ":seat", "terakoya.online-seat.allocated", may2025).person(mother)
                    .attribute("partner", "schoo").build());
            events.add(ActivityEvent.builder("it:" + run + ":flag", "people.flag.set", may2025).person(mother)
                    .attribute("flag", "CHILD_REARING_FREELANCER").build());
            events.add(ActivityEvent.builder("it:" + run + ":paid", "jobs.paid", Instant.parse("2026-01-15T01:00:00Z"))
                    .person(mother).amountYen(45_000).attribute("job", "j-1").build());
            assertEquals(4, ledger.recordAll(events));
            assertEquals(0, ledger.recordAll(events));
        } finally {
            bundleContext.ungetService(reference);
        }
        // and one through the REST API, as an administrator records a fact from a paper register
        ApiResponse posted = as(ADMIN).post("/api/ledger", "{\"id\":\"it:" + run + ":leader\",\"type\":\"community.leader.started\","
                + "\"personId\":\"it-leader-" + run + "\",\"occurredAt\":\"2026-07-01T00:00:00Z\",\"attributes\":{\"community\":\"handmade\"}}");
        assertEquals(posted.toString(), 201, posted.status());

        assertEquals(skillUp + 2, actual("s3-skill-up"));
        assertEquals(earners + 1, actual("s3-earning-parents-side-jobs"));
        assertEquals(leaders + 1, actual("s3-community-leaders"));

        ApiResponse records = as(STAFF).get("/api/kpi/indicators/s3-earning-parents-side-jobs/records?limit=500");
        assertEquals(records.toString(), 200, records.status());
        assertEquals("person-year", records.json().path("recordKind").asText());
        JsonNode motherRow = null;
        for (JsonNode item : records.json().path("items")) {
            if (mother.equals(item.path("personId").asText())) {
                motherRow = item;
            }
        }
        assertTrue(records.body(), motherRow != null);
        assertEquals(2025, motherRow.path("fiscalYear").asInt());
        assertEquals(45_000, motherRow.path("amountYen").asLong());

        ApiResponse leaderRecords = as(STAFF).get("/api/kpi/indicators/s3-community-leaders/records?fiscalYear=2026");
        assertTrue(leaderRecords.body(), leaderRecords.body().contains("it-leader-" + run));
        ApiResponse audit = as(ADMIN).get("/api/admin/audit?subjectId=s3-community-leaders");
        assertTrue(audit.body(), audit.json().path("total").asInt() >= 1);
        assertTrue(as(JUROR).get("/api/kpi/indicators/s3-community-leaders/records").isProblem(403));

        JsonNode years = as(STAFF).get("/api/kpi/indicators/s3-community-leaders/years").json().path("years");
        assertEquals(3, years.size());
        assertTrue(years.get(1).path("actual").asLong() >= 1);

        ApiResponse csv = as(STAFF).get("/api/kpi/stages/3/export.csv");
        assertEquals(200, csv.status());
        assertTrue(csv.body().startsWith("\uFEFF段階,指標ID"));
        ApiResponse open = anonymous().get("/api/kpi/open-data.csv");
        assertEquals(200, open.status());
        assertTrue(open.body().contains("5人未満のため秘匿"));
    }

    @Test
    public void invalidDefinitionsAre422AndRetireAndReinstallKeepsDefinitionsAndFigures() throws Exception {
        String base = "{\"stage\":3,\"name\":{\"ja\":\"交流会の参加者\",\"en\":\"Exchange meeting attendees\"},\"unit\":\"people\","
                + "\"target\":40,\"actualSource\":\"computed\",\"note\":{\"ja\":\"島フリーランス交流会に参加した人の実人数\"},"
                + "\"rule\":{\"eventTypes\":[\"community.event.attended\"],\"measure\":\"DISTINCT_PERSONS\","
                + "\"attributes\":[{\"name\":\"kind\",\"values\":[\"EXCHANGE\"]}]}}";
        ApiResponse invalid = as(ADMIN).post("/api/kpi/indicators", "{\"id\":\"it-attendees\"," + base.substring(1)
                .replace("\"DISTINCT_PERSONS\"", "\"RATIO\""));
        assertTrue(invalid.toString(), invalid.isProblem(422));
        JsonNode fields = invalid.json().path("errors");
        assertTrue(invalid.body(), fields.toString().contains("\"field\":\"rule.ratioAttribute\""));
        assertTrue(invalid.body(), fields.toString().contains("\"field\":\"unit\""));
        ApiResponse badType = as(ADMIN).post("/api/kpi/indicators", "{\"id\":\"it-attendees\"," + base.substring(1)
                .replace("community.event.attended", "Community Event"));
        assertTrue(badType.toString(), badType.isProblem(422));
        assertEquals("rule.eventTypes[0]", badType.json().path("errors").get(0).path("field").asText());

        ApiResponse created = as(ADMIN).post("/api/kpi/indicators", "{\"id\":\"it-attendees\"," + base.substring(1));
        assertEquals(created.toString(), 201, created.status());
        as(ADMIN).post("/api/ledger", "{\"id\":\"it:attend:1\",\"type\":\"community.event.attended\",\"personId\":\"it-p1\","
                + "\"occurredAt\":\"2025-10-01T00:00:00Z\",\"attributes\":{\"event\":\"e1\",\"kind\":\"EXCHANGE\"}}");
        as(ADMIN).post("/api/ledger", "{\"id\":\"it:attend:2\",\"type\":\"community.event.attended\",\"personId\":\"it-p2\","
                + "\"occurredAt\":\"2025-10-01T00:00:00Z\",\"attributes\":{\"event\":\"e2\",\"kind\":\"WORKSHOP\"}}");
        assertEquals(1, actual("it-attendees"));
        ApiResponse updated = as(ADMIN).put("/api/kpi/indicators/it-attendees", "{\"revision\":1," + base.substring(1)
                .replace("\"target\":40", "\"target\":50"));
        assertEquals(updated.toString(), 200, updated.status());
        assertEquals(2, updated.json().path("revision").asInt());
        assertTrue(as(ADMIN).put("/api/kpi/indicators/it-attendees", "{\"revision\":1," + base.substring(1)).isProblem(409));
        Map<String, String> before = figures(as(STAFF).get("/api/kpi/stages").json());

        retireProgram("kpi");
        assertTrue(as(STAFF).get("/api/kpi/stages").isProblem(404));
        installProgram("kpi");

        ApiResponse again = as(STAFF).get("/api/kpi/stages");
        assertEquals(again.toString(), 200, again.status());
        assertEquals("the seed is not applied twice and the definitions stay", before, figures(again.json()));
        JsonNode attendees = as(STAFF).get("/api/kpi/indicators/it-attendees").json();
        assertEquals(50, attendees.path("target").asInt());
        assertEquals(1, attendees.path("actual").asInt());
        assertEquals(2, as(STAFF).get("/api/kpi/indicators/it-attendees/revisions").json().path("total").asInt());
        assertEquals(1, as(STAFF).get("/api/kpi/indicators/s3-migrants/revisions").json().path("total").asInt());
    }

    private static long actual(String id) {
        ApiResponse response = as(STAFF).get("/api/kpi/indicators/" + id);
        assertEquals(response.toString(), 200, response.status());
        return response.json().path("actual").asLong();
    }

    private static String years(JsonNode stage) {
        JsonNode y = stage.path("fiscalYears");
        return "[" + y.path("from").asInt() + "," + y.path("to").asInt() + "," + y.path("eras").asText() + "]";
    }

    private static Map<String, String> figures(JsonNode stages) {
        Map<String, String> figures = new LinkedHashMap<>();
        for (JsonNode stage : stages) {
            for (JsonNode indicator : stage.path("indicators")) {
                String source = indicator.path("actualSource").asText();
                figures.put(indicator.path("id").asText(), indicator.path("target").asText() + "/"
                        + ("reported".equals(source) ? indicator.path("actual").asText() + "/" : "") + source);
            }
        }
        figures.keySet().removeIf(id -> id.startsWith("it-"));
        return figures;
    }

    private static JsonNode find(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (id.equals(item.path("id").asText())) {
                return item;
            }
        }
        throw new AssertionError("no " + id + " in " + items);
    }
}
