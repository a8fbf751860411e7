package org.freelanceisland.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.freelanceisland.testing.http.ApiResponse;
import org.freelanceisland.testing.karaf.IslandKarafTestSupport;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demo island in the real distribution: refused on a registry that holds other people, loaded
 * with {@code force} through the programs' APIs (every program installed on the way), a second load
 * creating nothing, the KPI stage 3 figures moving, and clear leaving the ledger, the KPI figures and
 * the people registry as they were, the non-demo person and her facts untouched.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DemoIT extends IslandKarafTestSupport {

    private static final List<String> STAGE3 = List.of("s3-skill-up", "s3-migrants", "s3-earning-parents-side-jobs",
            "s3-satisfaction", "s3-community-leaders");

    @Test
    public void loadTwiceThenClearLeavesTheIslandAsItWas() throws Exception {
        String real = createPerson("島 実在", "シマ ジツザイ", "PROGRAM_ADMINISTRATION");
        installProgram("demo");

        // refused: the registry holds a person who is not a demo person
        assertEquals(202, as(ADMIN).post("/api/demo/load", "{}").status());
        JsonNode refused = await();
        assertTrue(refused.toString(), refused.path("lastOutcome").asText().contains("not demo people"));
        assertEquals(0, refused.path("records").size());
        assertEquals(403, as(STAFF).post("/api/demo/load?force=true", "{}").status());

        long started = System.nanoTime();
        assertEquals(202, as(ADMIN).post("/api/demo/load?force=true", "{}").status());
        JsonNode loaded = await();
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.println("DemoIT: loaded in " + seconds + " s: " + loaded.path("lastOutcome").asText());
        assertTrue(loaded.toString(), loaded.path("lastOutcome").asText().startsWith("Demo island loaded"));
        JsonNode records = loaded.path("records");
        assertEquals(200, records.path("people/person").asInt());
        assertTrue(records.toString(), records.path("terakoya/course").asInt() >= 25);
        assertTrue(records.toString(), records.path("contest/entry").asInt() >= 20);
        assertTrue(records.toString(), records.path("jobs/contract").asInt() >= 30);
        assertTrue(records.toString(), records.path("community/response").asInt() >= 60);

        // what each program shows through its own API
        assertEquals(201, get("/api/people?limit=1").path("total").asInt());
        assertTrue(get("/api/terakoya/graduates?limit=1").path("total").asInt() >= 60);
        assertTrue(get("/api/contest/markets/attendance").path("visitors").asLong() > 2850);
        assertEquals(1, get("/api/contest/public/contests").size());
        assertTrue(get("/api/jobs/contracts?limit=1").path("total").asInt() >= 30);
        assertTrue(get("/api/community/leaders?limit=1").path("total").asInt() >= 3);
        List<String> moving = new ArrayList<>();
        for (JsonNode indicator : get("/api/kpi/stages/3").path("indicators")) {
            assertTrue(indicator.toString(), indicator.path("actual").asDouble() > 0);
            moving.add(indicator.path("id").asText());
        }
        assertEquals(STAGE3, moving);

        // a second load creates nothing
        assertEquals(202, as(ADMIN).post("/api/demo/load?force=true", "{}").status());
        JsonNode again = await();
        assertTrue(again.toString(), again.path("lastOutcome").asText().contains(" 0 records created now"));
        assertEquals(201, get("/api/people?limit=1").path("total").asInt());

        // clear: the registry, the ledger and the figures are as before the load
        assertEquals(202, as(ADMIN).post("/api/demo/clear", "{}").status());
        JsonNode cleared = await();
        assertTrue(cleared.toString(), cleared.path("lastOutcome").asText().startsWith("Demo island cleared"));
        assertEquals(0, cleared.path("records").size());
        JsonNode people = get("/api/people?limit=10");
        assertEquals(1, people.path("total").asInt());
        assertEquals(real, people.path("items").get(0).path("id").asText());
        JsonNode ledger = get("/api/ledger?limit=10");
        assertEquals(ledger.toString(), 1, ledger.path("total").asInt());
        assertEquals("people:" + real + ":registered", ledger.path("items").get(0).path("id").asText());
        for (JsonNode indicator : get("/api/kpi/stages/3").path("indicators")) {
            assertTrue(indicator.toString(), indicator.path("actual").isNull() || indicator.path("actual").asDouble() == 0);
        }
        assertEquals(0, get("/api/community/role-models?limit=1").path("total").asInt());
        assertEquals(0, get("/api/demo").path("records").size());
    }

    private static JsonNode get(String path) {
        ApiResponse response = as(ADMIN).get(path);
        assertEquals(path + ": " + response, 200, response.status());
        return response.json();
    }

    /** Waits until the load or clear running in the background is done (at most 4 minutes). */
    private static JsonNode await() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        JsonNode status = null;
        while (System.nanoTime() < deadline) {
            status = get("/api/demo");
            if (!status.path("running").asBoolean()) {
                return status;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the demo island is still busy after 4 minutes: " + status);
    }
}
