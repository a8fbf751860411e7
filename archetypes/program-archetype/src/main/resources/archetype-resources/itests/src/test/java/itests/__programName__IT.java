package ${package}.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.net.URI;
import java.time.Duration;

import org.apache.karaf.features.FeaturesService;
import org.freelanceisland.testing.http.ApiClient;
import org.freelanceisland.testing.http.ApiResponse;
import org.freelanceisland.testing.karaf.IslandKarafTestSupport;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.util.tracker.ServiceTracker;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The ${titleEn} program in the real Freelance Island distribution: its features repository added
 * and its feature installed as an administrator does, then its module, panel, REST API and ledger
 * fact, and retiring and reinstalling it without losing data. One container for the class.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ${programName}IT extends IslandKarafTestSupport {

    private static final String FEATURES = "program.features";

    @Override
    protected Option[] extraOptions() {
        // the features repository this build installed (failsafe passes its mvn: URL)
        return new Option[] { systemProperty(FEATURES).value(System.getProperty(FEATURES)) };
    }

    @Test
    public void theProgramInstallsServesItsPanelAndApiAndKeepsItsDataWhenRetired() throws Exception {
        features().addRepository(URI.create(System.getProperty(FEATURES)));
        installProgram("${programId}");

        JsonNode module = anonymous().get("/api/modules/${programId}").json();
        assertEquals("${titleEn}", module.path("title").path("en").asText());
        assertEquals("/console/${programId}/", module.path("consolePath").asText());
        ApiResponse panel = anonymous().get("/console/${programId}/panel.json");
        assertEquals(panel.toString(), 200, panel.status());
        assertEquals("panel.js", panel.json().path("entry").asText());
        assertEquals(200, anonymous().get("/console/${programId}/messages.ja.json").status());
        JsonNode catalog = as(ADMIN).get("/api/admin/programs/${programId}").json();
        assertTrue("the administrators' catalog (island:programs) lists the program as installed: " + catalog,
                catalog.path("installed").asBoolean());

        String person = createPerson("島 花子", "しま はなこ", "PROGRAM_ADMINISTRATION");
        ApiClient staff = as(STAFF);
        ApiResponse created = staff.post("/api/${programId}/items",
                "{\"fiscalYear\":2025,\"titleJa\":\"最初の記録\",\"personId\":\"" + person + "\"}");
        assertEquals(created.toString(), 201, created.status());
        long id = created.json().path("id").asLong();
        assertTrue(staff.post("/api/${programId}/items", "{\"fiscalYear\":2025}").isProblem(400));
        assertTrue(as(JUROR).get("/api/${programId}/items").isProblem(403));
        JsonNode fact = staff.get("/api/ledger/${programId}:item:" + id + ":registered").json();
        assertEquals("${programId}.item.registered", fact.path("type").asText());
        assertEquals(person, fact.path("personId").asText());
        String items = staff.get("/api/${programId}/items?fiscalYear=2025").json().path("items").toString();

        retireProgram("${programId}");
        assertTrue(staff.get("/api/${programId}/items").isProblem(404));
        installProgram("${programId}");
        staff.awaitOk("/api/${programId}/items?fiscalYear=2025", Duration.ofSeconds(60));
        assertEquals(items, staff.get("/api/${programId}/items?fiscalYear=2025").json().path("items").toString());
    }

    private FeaturesService features() throws InterruptedException {
        ServiceTracker<FeaturesService, FeaturesService> tracker = new ServiceTracker<>(bundleContext, FeaturesService.class, null);
        tracker.open();
        try {
            FeaturesService service = tracker.waitForService(60_000);
            if (service == null) {
                throw new IllegalStateException("The FeaturesService did not appear within 60 s");
            }
            return service;
        } finally {
            tracker.close();
        }
    }
}
