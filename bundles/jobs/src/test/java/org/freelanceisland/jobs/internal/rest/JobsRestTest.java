package org.freelanceisland.jobs.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.freelanceisland.jobs.internal.Fixture;
import org.freelanceisland.platform.api.audit.AuditEntry;
import org.freelanceisland.platform.api.people.LifestyleConstraint;
import org.freelanceisland.testing.http.ApiClient;
import org.freelanceisland.testing.http.ApiResponse;
import org.freelanceisland.testing.rest.RestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The REST contract of /api/jobs with the platform's real REST support, a fake people registry and in-memory H2. */
class JobsRestTest {

    static final String PARTNER = """
            {"name":"株式会社クラウドワークス","kind":"CROWDSOURCING","contactName":"提携 担当","contactEmail":"partner@example.jp",
             "agreement":"島内フリーランスへの優先割当","agreementFrom":"2025-04-01","priorityQuota":5}""";
    static final String JOB = """
            {"partnerId":%d,"title":{"ja":"観光記事の執筆","en":"Tourism articles"},"description":"奄美の観光地の紹介記事",
             "skills":["writing"],"volume":2,"unit":{"ja":"本","en":"articles"},"effort":{"value":3,"unit":"DAYS"},
             "schedule":{"deadline":"2025-06-30","workMode":"REMOTE"},"pay":{"type":"PER_UNIT","yen":30000},"priority":true}""";

    private Fixture f;
    private RestHarness api;
    private final List<AuditEntry> audited = new ArrayList<>();

    @BeforeEach
    void start() {
        f = new Fixture();
        f.directory.add("1", "奄美 花子", Set.of("writing", "photography"), 20, Set.of(LifestyleConstraint.CHILD_REARING))
                .add("2", "名瀬 太郎", Set.of("writing"), 10, Set.of(LifestyleConstraint.SIDE_JOB))
                .add("3", "笠利 次郎", Set.of("web-production"), 15, Set.of());
        api = RestHarness.start("/api/jobs", rest -> JobsApplication.build(rest, f.services, audited::add));
    }

    @AfterEach
    void stop() {
        api.close();
        f.close();
    }

    @Test
    void aCoordinatorTakesAJobRanksIntroducesContractsAndSeesTheEarnings() {
        ApiClient coord = api.as(RestHarness.COORDINATOR);
        ApiClient staff = api.as(RestHarness.STAFF);
        ApiResponse partner = coord.post("/api/jobs/partners", PARTNER);
        assertEquals(201, partner.status(), partner.toString());
        long partnerId = partner.json().path("id").asLong();
        assertEquals("クラウドソーシング", partner.json().path("kindLabel").path("ja").asText());

        ApiResponse job = coord.post("/api/jobs/jobs", JOB.formatted(partnerId));
        assertEquals(201, job.status(), job.toString());
        long jobId = job.json().path("id").asLong();
        assertEquals("OPEN", job.json().path("status").asText());
        assertEquals(60000, job.json().path("pay").path("totalYen").asLong());
        assertEquals("ライティング", job.json().path("skills").get(0).path("label").path("ja").asText());
        assertEquals(1, coord.get("/api/jobs/partners/" + partnerId).json().path("priorityUsed").asInt());

        ApiResponse ranking = staff.get("/api/jobs/jobs/" + jobId + "/candidates");
        assertEquals(200, ranking.status(), ranking.toString());
        JsonNode best = ranking.json().path("items").get(0);
        assertEquals(2, ranking.json().path("total").asInt());
        assertEquals("1", best.path("personId").asText());
        assertEquals("奄美 花子", best.path("name").asText());
        assertEquals(1, best.path("rank").asInt());
        assertTrue(best.path("score").asInt() >= ranking.json().path("items").get(1).path("score").asInt());
        assertTrue(best.path("reasons").toString().contains("ライティングの経験あり"), best.toString());
        assertTrue(best.path("reasons").toString().contains("\"en\":\"has writing\""), best.toString());
        assertTrue(best.path("reasons").toString().contains("週20時間空きあり"));
        assertTrue(best.path("reasons").toString().contains("リモート可"));
        assertTrue(best.path("reasons").toString().contains("\"sensitive\":true"), "child-rearing reason marked");
        assertEquals(1, audited.size());
        assertEquals("jobs.candidates.read", audited.get(0).action());
        assertEquals(Long.toString(jobId), audited.get(0).subjectId());
        assertEquals(RestHarness.STAFF, audited.get(0).actor());
        assertEquals(ranking.body(), staff.get("/api/jobs/jobs/" + jobId + "/candidates").body(), "deterministic");

        ApiResponse introduced = coord.post("/api/jobs/jobs/" + jobId + "/introductions", "{\"personIds\":[\"1\",\"2\"]}");
        assertEquals(201, introduced.status(), introduced.toString());
        long a = introduced.json().get(0).path("id").asLong();
        long b = introduced.json().get(1).path("id").asLong();
        assertEquals("INTRODUCED", coord.get("/api/jobs/jobs/" + jobId).json().path("status").asText());
        assertEquals(1, f.ledger.ofType("jobs.introduced").stream().filter(e -> e.personId().equals("2")).count());
        JsonNode again = staff.get("/api/jobs/jobs/" + jobId + "/candidates").json().path("items").get(0);
        assertEquals("OFFERED", again.path("introduction").path("status").asText());
        assertTrue(again.path("reasons").toString().contains("進行中の案件1件"), again.toString());
        assertEquals(0, staff.get("/api/jobs/jobs/" + jobId + "/candidates?notIntroduced=true").json().path("total").asInt());

        // staff record the freelancers' answers; the coordinator decides the proposal
        ApiResponse declined = staff.post("/api/jobs/introductions/" + b + "/decline", "{\"channel\":\"PHONE\",\"reason\":\"本業が繁忙期\"}");
        assertEquals("DECLINED", declined.json().path("status").asText(), declined.toString());
        assertTrue(staff.post("/api/jobs/introductions/" + b + "/accept", "{}").isProblem(409));
        ApiResponse proposal = staff.post("/api/jobs/introductions/" + a + "/propose",
                "{\"channel\":\"EMAIL\",\"dueDate\":\"2025-07-10\",\"payYen\":70000,\"note\":\"写真付きで\"}");
        assertEquals("PROPOSED", proposal.json().path("status").asText(), proposal.toString());
        assertTrue(staff.post("/api/jobs/introductions/" + a + "/proposal/accept", "{}").isProblem(403), "the coordinator's decision");
        assertTrue(coord.post("/api/jobs/introductions/" + a + "/accept", "{}").isProblem(409));
        ApiResponse agreed = coord.post("/api/jobs/introductions/" + a + "/proposal/accept", "{\"reason\":\"写真込みで合意\"}");
        assertEquals("ACCEPTED", agreed.json().path("status").asText(), agreed.toString());
        assertEquals(70000, agreed.json().path("agreed").path("payYen").asLong());
        assertEquals(3, agreed.json().path("history").size());
        assertEquals("EMAIL", agreed.json().path("history").get(1).path("channel").asText());
        assertEquals(RestHarness.STAFF, agreed.json().path("history").get(1).path("recordedBy").asText());

        ApiResponse contract = coord.post("/api/jobs/introductions/" + a + "/contract", "{\"paymentDueDate\":\"2025-07-31\"}");
        assertEquals(201, contract.status(), contract.toString());
        long c = contract.json().path("id").asLong();
        assertEquals("TERMS_NOT_ISSUED", contract.json().path("flags").get(0).path("code").asText());
        assertEquals(1, coord.get("/api/jobs/contracts/flagged").json().path("total").asInt());
        ApiResponse amended = coord.patch("/api/jobs/contracts/" + c + "/terms", "{\"termsIssuedOn\":\"2025-05-01\"}");
        assertEquals(0, amended.json().path("flags").size(), amended.toString());
        assertEquals(0, coord.get("/api/jobs/contracts?flagged=true").json().path("total").asInt());
        assertEquals("CONTRACTED", coord.get("/api/jobs/jobs/" + jobId).json().path("status").asText());
        assertTrue(coord.post("/api/jobs/contracts/" + c + "/payment", "{\"paidOn\":\"2025-05-01\"}").isProblem(409));
        assertTrue(coord.post("/api/jobs/jobs/" + jobId + "/close", "{}").isProblem(409));

        ApiResponse delivered = coord.post("/api/jobs/contracts/" + c + "/delivery", "{\"deliveredOn\":\"2025-05-01\"}");
        assertEquals("DELIVERED", delivered.json().path("status").asText(), delivered.toString());
        assertEquals("2025-06-29", delivered.json().path("paymentDeadline").asText());
        ApiResponse paid = coord.post("/api/jobs/contracts/" + c + "/payment", "{\"paidOn\":\"2025-05-01\"}");
        assertEquals("PAID", paid.json().path("status").asText(), paid.toString());
        assertEquals(70000, f.ledger.find("jobs:contract:" + c + ":paid").orElseThrow().event().amountYen());
        assertEquals("PAID", coord.get("/api/jobs/jobs/" + jobId).json().path("status").asText());

        ApiResponse earnings = staff.get("/api/jobs/earnings?fiscalYear=2025");
        assertEquals(200, earnings.status(), earnings.toString());
        assertEquals(70000, earnings.json().path("items").get(0).path("paidYen").asLong());
        assertEquals("令和7年度", earnings.json().path("items").get(0).path("fiscalYearLabel").path("ja").asText());
        ApiResponse mine = staff.get("/api/jobs/people/1/earnings");
        assertEquals(70000, mine.json().path("totalPaidYen").asLong());
        ApiResponse csv = staff.get("/api/jobs/earnings/export.csv?fiscalYear=2025");
        assertEquals(200, csv.status(), csv.toString());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"));
        assertTrue(csv.body().startsWith("\uFEFFpersonId,name,fiscalYear"), csv.body());
        assertTrue(csv.body().contains("1,奄美 花子,2025,令和7年度,70000,1,"), csv.body());
        assertTrue(audited.stream().anyMatch(e -> e.action().equals("jobs.earnings.export")));

        ApiResponse closed = coord.post("/api/jobs/jobs/" + jobId + "/close", "{\"reason\":\"完了\"}");
        assertEquals("CLOSED", closed.json().path("status").asText(), closed.toString());

        ApiResponse forPerson = staff.get("/api/jobs/people/3/jobs");
        assertEquals(200, forPerson.status(), forPerson.toString());
        assertEquals(0, forPerson.json().path("total").asInt(), "no open job left");
        assertTrue(audited.stream().anyMatch(e -> e.action().equals("jobs.matches.read") && "3".equals(e.subjectId())));
    }

    @Test
    void aPersonIdTooLongForTheAuditLogIsRefusedNotAServerError() {
        ApiClient staff = api.as(RestHarness.STAFF);
        String tooLong = "x".repeat(2000);
        for (String path : List.of("/api/jobs/people/" + tooLong + "/earnings", "/api/jobs/people/" + tooLong + "/jobs")) {
            ApiResponse answer = staff.get(path);
            assertTrue(answer.isProblem(400), answer.toString());
            assertEquals("personId", answer.json().path("errors").get(0).path("field").asText());
        }
        assertTrue(audited.isEmpty(), "nothing read, nothing audited");
        assertEquals(200, staff.get("/api/jobs/people/" + "1".repeat(100) + "/earnings").status());
    }

    @Test
    void rolesBadInputAndUnknownIdsAnswerProblemsNeverErrors() {
        ApiClient coord = api.as(RestHarness.COORDINATOR);
        ApiClient staff = api.as(RestHarness.STAFF);
        assertTrue(api.anonymous().get("/api/jobs/jobs").isProblem(401));
        assertTrue(api.as(RestHarness.JUROR).get("/api/jobs/jobs").isProblem(403));
        assertTrue(staff.post("/api/jobs/partners", PARTNER).isProblem(403), "staff read only");
        assertEquals(200, api.as(RestHarness.ADMIN).get("/api/jobs/jobs").status());

        ApiResponse bad = coord.post("/api/jobs/partners", "{\"name\":\"\",\"kind\":\"X\"}");
        assertTrue(bad.isProblem(400), bad.toString());
        long partnerId = coord.post("/api/jobs/partners", PARTNER).json().path("id").asLong();
        assertTrue(coord.post("/api/jobs/partners", PARTNER).isProblem(409), "name in use");
        ApiResponse noSkills = coord.post("/api/jobs/jobs", JOB.formatted(partnerId).replace("[\"writing\"]", "[]"));
        assertTrue(noSkills.isProblem(400), noSkills.toString());
        ApiResponse badSkill = coord.post("/api/jobs/jobs", JOB.formatted(partnerId).replace("[\"writing\"]", "[\"<script>\"]"));
        assertTrue(badSkill.isProblem(400), badSkill.toString());
        assertTrue(coord.post("/api/jobs/jobs", JOB.formatted(999)).isProblem(422), "unknown partner");
        ApiResponse early = coord.post("/api/jobs/jobs", JOB.formatted(partnerId)
                .replace("\"deadline\":\"2025-06-30\"", "\"start\":\"2025-07-01\",\"deadline\":\"2025-06-30\""));
        assertTrue(early.isProblem(400), early.toString());
        assertTrue(coord.get("/api/jobs/jobs/999").isProblem(404));
        assertTrue(coord.get("/api/jobs/jobs/999/candidates").isProblem(404));
        assertTrue(coord.get("/api/jobs/jobs?status=NOPE").isProblem(400));
        assertTrue(coord.get("/api/jobs/jobs?limit=501").isProblem(400));
        assertTrue(coord.get("/api/jobs/contracts/1").isProblem(404));
        assertTrue(coord.post("/api/jobs/introductions/1/accept", "{}").isProblem(404));

        long jobId = coord.post("/api/jobs/jobs", JOB.formatted(partnerId)).json().path("id").asLong();
        assertTrue(coord.post("/api/jobs/jobs/" + jobId + "/introductions", "{}").isProblem(400));
        assertTrue(coord.post("/api/jobs/jobs/" + jobId + "/introductions", "{\"personIds\":[\"404\"]}").isProblem(422));
        long intro = coord.post("/api/jobs/jobs/" + jobId + "/introductions", "{\"personIds\":[\"2\"]}").json().get(0).path("id").asLong();
        assertTrue(coord.post("/api/jobs/jobs/" + jobId + "/introductions", "{\"personIds\":[\"2\"]}").isProblem(409));
        assertTrue(coord.post("/api/jobs/introductions/" + intro + "/propose", "{}").isProblem(400), "a proposal changes something");
        assertTrue(coord.post("/api/jobs/introductions/" + intro + "/contract", "{}").isProblem(409), "not accepted");
        assertTrue(coord.post("/api/jobs/introductions/" + intro + "/proposal/reject", "{}").isProblem(409), "no proposal");
        assertEquals("WITHDRAWN", coord.post("/api/jobs/introductions/" + intro + "/withdraw", "{\"reason\":\"条件変更\"}")
                .json().path("status").asText());
        ApiResponse history = staff.get("/api/jobs/introductions/" + intro);
        assertEquals("[]", history.json().path("allowedActions").toString());
        assertEquals("WITHDRAW", history.json().path("history").get(1).path("action").asText());

        ApiResponse team = coord.post("/api/jobs/teams", """
                {"name":"島チーム","members":[{"personId":"1","role":"ライター","sharePercent":60},
                 {"personId":"3","role":"Web制作","sharePercent":30}]}""");
        assertTrue(team.isProblem(422), team.toString());
        assertTrue(coord.get("/api/jobs/skills").body().contains("\"code\":\"tourism-guide\""));
    }
}
