package org.freelanceisland.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.testing.http.ApiClient;
import org.freelanceisland.testing.http.ApiResponse;
import org.freelanceisland.testing.karaf.IslandKarafTestSupport;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The job brokering program in the real distribution on H2, with people registered in the real
 * people registry: partner → job → ranked candidates with reasons → introductions answered,
 * declined and counter-proposed → contract with its Freelance Act flags → delivery → payment →
 * yearly earnings, the ledger facts of each step, skill share, and retiring and reinstalling the
 * program without refreshing anything else and without losing data.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class JobsIT extends IslandKarafTestSupport {

    /** A coordinator of the test container (roles staff and coordinator). */
    static final String COORDINATOR = "it-coordinator";

    private static String hanako;
    private static String taro;
    private static String jiro;
    private static String noOffers;

    @Override
    protected Option[] extraOptions() {
        return new Option[] { editConfigurationFilePut("etc/users.properties", COORDINATOR, hashedPassword(PASSWORD) + ",_g_:coordinatorgroup") };
    }

    /** Registers the people once and makes sure the program is installed. */
    @Before
    public void setUp() throws Exception {
        if (hanako == null) {
            hanako = person("奄美 花子", "あまみ はなこ", "[\"writing\",\"photography\"]", 20, "[\"CHILD_REARING\"]", true);
            taro = person("名瀬 太郎", "なぜ たろう", "[\"writing\"]", 6, "[\"SIDE_JOB\"]", true);
            jiro = person("笠利 次郎", "かさり じろう", "[\"web-production\",\"photography\"]", 15, "[]", true);
            noOffers = person("龍郷 三郎", "たつごう さぶろう", "[\"writing\"]", 30, "[]", false);
        }
        if (!anonymous().get("/api/modules").body().contains("\"id\":\"jobs\"")) {
            installProgram("jobs");
        }
    }

    @Test
    public void a_fromAPartnersJobToTheFreelancersYearlyEarningsWithTheLedgerFacts() {
        ApiClient coord = as(COORDINATOR);
        ApiClient staff = as(STAFF);
        JsonNode module = anonymous().get("/api/modules/jobs").json();
        assertEquals("仕事の紹介", module.path("title").path("ja").asText());
        assertEquals("Job brokering", module.path("title").path("en").asText());
        assertTrue(module.toString(), module.path("pillars").toString().contains("MONETIZE"));
        assertTrue(module.path("pillars").toString().contains("NETWORK") && module.path("pillars").toString().contains("HELP"));
        assertEquals("/console/jobs/", module.path("consolePath").asText());
        assertTrue(staffGet("/console/jobs/panel.json").contains("\"entry\": \"panel.js\""));

        ApiResponse partner = coord.post("/api/jobs/partners", """
                {"name":"ストックフォト株式会社 IT","kind":"STOCK_PHOTO","contactName":"提携 担当","agreement":"奄美の写真と記事",
                 "priorityQuota":3}""");
        assertEquals(partner.toString(), 201, partner.status());
        LocalDate today = LocalDate.now(FiscalYear.ISLAND_ZONE);
        ApiResponse job = coord.post("/api/jobs/jobs", """
                {"partnerId":%d,"title":{"ja":"観光記事の執筆 IT","en":"Tourism articles"},"skills":["writing"],"volume":2,
                 "unit":{"ja":"本","en":"articles"},"effort":{"value":3,"unit":"DAYS"},
                 "schedule":{"deadline":"%s","workMode":"REMOTE"},"pay":{"type":"PER_UNIT","yen":30000},"priority":true}"""
                .formatted(partner.json().path("id").asLong(), today.plusDays(40)));
        assertEquals(job.toString(), 201, job.status());
        long jobId = job.json().path("id").asLong();
        assertTrue(staff.post("/api/jobs/jobs", "{}").isProblem(403));

        ApiResponse ranking = staff.get("/api/jobs/jobs/" + jobId + "/candidates");
        assertEquals(ranking.toString(), 200, ranking.status());
        assertEquals(ranking.toString(), 2, ranking.json().path("total").asInt());
        JsonNode best = ranking.json().path("items").get(0);
        assertEquals(hanako, best.path("personId").asText());
        assertEquals("奄美 花子", best.path("name").asText());
        String reasons = best.path("reasons").toString();
        assertTrue(reasons, reasons.contains("ライティングの経験あり") && reasons.contains("has writing"));
        assertTrue(reasons, reasons.contains("週20時間空きあり") && reasons.contains("リモート可"));
        assertFalse("no consent to job offers, not a candidate", ranking.body().contains(noOffers + "\""));
        ApiResponse audit = as(ADMIN).get("/api/admin/audit?action=jobs.candidates.read&subjectId=" + jobId);
        assertEquals(audit.toString(), 1, audit.json().path("total").asInt());

        ApiResponse introduced = coord.post("/api/jobs/jobs/" + jobId + "/introductions",
                "{\"personIds\":[\"" + hanako + "\",\"" + taro + "\"]}");
        assertEquals(introduced.toString(), 201, introduced.status());
        long a = introduced.json().get(0).path("id").asLong();
        long b = introduced.json().get(1).path("id").asLong();
        assertTrue(coord.post("/api/jobs/jobs/" + jobId + "/introductions", "{\"personIds\":[\"" + noOffers + "\"]}").isProblem(422));
        assertEquals("jobs.introduced", staff.get("/api/ledger/jobs:introduction:" + a + ":introduced").json().path("type").asText());

        assertEquals("DECLINED", staff.post("/api/jobs/introductions/" + b + "/decline",
                "{\"channel\":\"PHONE\",\"reason\":\"本業が繁忙期\"}").json().path("status").asText());
        assertTrue(staff.post("/api/jobs/introductions/" + b + "/accept", "{}").isProblem(409));
        assertEquals("PROPOSED", staff.post("/api/jobs/introductions/" + a + "/propose",
                "{\"channel\":\"EMAIL\",\"payYen\":70000,\"note\":\"写真も付けます\"}").json().path("status").asText());
        ApiResponse agreed = coord.post("/api/jobs/introductions/" + a + "/proposal/accept", "{}");
        assertEquals(agreed.toString(), "ACCEPTED", agreed.json().path("status").asText());

        ApiResponse contract = coord.post("/api/jobs/introductions/" + a + "/contract",
                "{\"paymentDueDate\":\"" + today.plusDays(50) + "\"}");
        assertEquals(contract.toString(), 201, contract.status());
        long c = contract.json().path("id").asLong();
        assertEquals(70000, contract.json().path("payYen").asLong());
        assertEquals("TERMS_NOT_ISSUED", contract.json().path("flags").get(0).path("code").asText());
        assertTrue(staff.get("/api/jobs/contracts/flagged").body().contains("\"id\":" + c + ","));
        assertEquals(0, coord.patch("/api/jobs/contracts/" + c + "/terms", "{\"termsIssuedOn\":\"" + today + "\"}")
                .json().path("flags").size());
        JsonNode contracted = staff.get("/api/ledger/jobs:contract:" + c + ":contracted").json();
        assertEquals("jobs.contracted", contracted.path("type").asText());
        assertEquals(70000, contracted.path("amountYen").asLong());
        assertEquals("CONTRACTED", staff.get("/api/jobs/jobs/" + jobId).json().path("status").asText());

        assertEquals("DELIVERED", coord.post("/api/jobs/contracts/" + c + "/delivery", "{\"deliveredOn\":\"" + today + "\"}")
                .json().path("status").asText());
        assertEquals("PAID", coord.post("/api/jobs/contracts/" + c + "/payment", "{\"paidOn\":\"" + today + "\"}")
                .json().path("status").asText());
        JsonNode paid = staff.get("/api/ledger/jobs:contract:" + c + ":paid").json();
        assertEquals("jobs.paid", paid.path("type").asText());
        assertEquals(70000, paid.path("amountYen").asLong());
        assertEquals(hanako, paid.path("personId").asText());
        int year = FiscalYear.of(today).startYear();
        assertEquals(year, paid.path("fiscalYear").asInt());
        assertEquals("org.freelanceisland.jobs", paid.path("recordedBy").asText());
        assertEquals("PAID", staff.get("/api/jobs/jobs/" + jobId).json().path("status").asText());

        JsonNode earnings = staff.get("/api/jobs/earnings?fiscalYear=" + year).json();
        assertEquals(hanako, earnings.path("items").get(0).path("personId").asText());
        assertEquals(70000, earnings.path("items").get(0).path("paidYen").asLong());
        assertEquals(70000, staff.get("/api/jobs/people/" + hanako + "/earnings").json().path("totalPaidYen").asLong());
        assertEquals("CLOSED", coord.post("/api/jobs/jobs/" + jobId + "/close", "{}").json().path("status").asText());

        // skill share between two freelancers
        long offer = staff.post("/api/jobs/skillshare/listings", "{\"personId\":\"" + jiro + "\",\"kind\":\"OFFER\",\"skill\":\"web-production\"}")
                .json().path("id").asLong();
        long request = staff.post("/api/jobs/skillshare/listings", "{\"personId\":\"" + hanako + "\",\"kind\":\"REQUEST\",\"skill\":\"web-production\"}")
                .json().path("id").asLong();
        assertEquals(1, staff.get("/api/jobs/skillshare/matches?skill=web-production").json().path("total").asInt());
        long exchange = staff.post("/api/jobs/skillshare/exchanges", "{\"offerId\":" + offer + ",\"requestId\":" + request + "}")
                .json().path("id").asLong();
        assertEquals("COMPLETED", staff.post("/api/jobs/skillshare/exchanges/" + exchange + "/complete", "{}").json().path("status").asText());
        assertEquals("jobs.skillshare.completed", staff.get("/api/ledger/jobs:skillshare:" + exchange + ":completed:" + hanako)
                .json().path("type").asText());
    }

    @Test
    public void b_retiringRemovesTheApiButNotTheDataAndRefreshesNothingElse() throws Exception {
        ApiClient staff = as(STAFF);
        String jobs = staff.get("/api/jobs/jobs?limit=500").json().path("items").toString();
        String contracts = staff.get("/api/jobs/contracts?limit=500").json().path("items").toString();
        String introductions = staff.get("/api/jobs/introductions?limit=500").json().path("items").toString();
        assertTrue(jobs, jobs.contains("観光記事の執筆 IT"));

        List<String> disturbed = new CopyOnWriteArrayList<>();
        SynchronousBundleListener watcher = event -> {
            Bundle bundle = event.getBundle();
            boolean ours = "org.freelanceisland.jobs".equals(bundle.getSymbolicName());
            if (!ours && (event.getType() == BundleEvent.STOPPED || event.getType() == BundleEvent.UNRESOLVED
                    || event.getType() == BundleEvent.UPDATED)) {
                disturbed.add(bundle.getSymbolicName() + " " + event.getType());
            }
        };
        bundleContext.addBundleListener(watcher);
        try {
            retireProgram("jobs");
            ApiResponse gone = staff.get("/api/jobs/jobs");
            assertTrue(gone.toString(), gone.isProblem(404));
            assertEquals(404, as(STAFF).get("/console/jobs/panel.json").status());
            assertEquals(200, anonymous().get("/api/health").status());
            installProgram("jobs");
        } finally {
            bundleContext.removeBundleListener(watcher);
        }
        assertEquals("installing or retiring the program restarted other bundles", List.of(), disturbed);
        staff.awaitOk("/api/jobs/skills", Duration.ofSeconds(60));
        assertEquals(jobs, staff.get("/api/jobs/jobs?limit=500").json().path("items").toString());
        assertEquals(contracts, staff.get("/api/jobs/contracts?limit=500").json().path("items").toString());
        assertEquals(introductions, staff.get("/api/jobs/introductions?limit=500").json().path("items").toString());
    }

    private static String staffGet(String path) {
        ApiResponse r = as(STAFF).get(path);
        assertEquals(r.toString(), 200, r.status());
        return r.body();
    }

    private static String person(String name, String kana, String skills, int hours, String lifestyle, boolean offers) {
        String consents = "{\"purpose\":\"PROGRAM_ADMINISTRATION\",\"givenOn\":\"2025-04-01\",\"noticeVersion\":\"2025-04\"}"
                + (offers ? ",{\"purpose\":\"JOB_OFFERS\",\"givenOn\":\"2025-04-01\",\"noticeVersion\":\"2025-04\"}" : "");
        ApiResponse created = as(STAFF).post("/api/people", "{\"name\":\"" + name + "\",\"kana\":\"" + kana + "\",\"district\":\"名瀬\","
                + "\"skills\":" + skills + ",\"availability\":{\"hoursPerWeek\":" + hours
                + ",\"weekdays\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"],\"windows\":[\"MORNING\",\"AFTERNOON\"]},"
                + "\"lifestyle\":" + lifestyle + ",\"consents\":[" + consents + "]}");
        if (created.status() != 201) {
            throw new AssertionError("could not register " + name + ": " + created);
        }
        return created.json().path("id").asText();
    }
}
