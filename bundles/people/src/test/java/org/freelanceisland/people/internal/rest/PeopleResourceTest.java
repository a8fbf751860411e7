package org.freelanceisland.people.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.freelanceisland.people.internal.People;
import org.freelanceisland.platform.api.audit.AuditEntry;
import org.freelanceisland.platform.api.audit.AuditLog;
import org.freelanceisland.platform.rest.Csv;
import org.freelanceisland.testing.http.ApiResponse;
import org.freelanceisland.testing.rest.RestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The REST contract of /api/people with the platform's real REST plumbing, without Karaf. */
class PeopleResourceTest {

    private static final String HANAKO = "{\"name\":\"奄美 花子\",\"kana\":\"あまみ はなこ\",\"email\":\"hanako@example.jp\","
            + "\"district\":\"名瀬\",\"skills\":[\"writing\",\"大島紬\"],\"portfolio\":[\"https://example.jp/hanako\"],"
            + "\"availability\":{\"hoursPerWeek\":15,\"weekdays\":[\"MONDAY\",\"WEDNESDAY\"],\"windows\":[\"MORNING\"]},"
            + "\"lifestyle\":[\"CHILD_REARING\"],\"preferredWork\":[\"取材記事\"],"
            + "\"residency\":{\"origin\":\"I_TURN\",\"movedOn\":\"2025-05-01\",\"householdSize\":3},"
            + "\"consents\":[{\"purpose\":\"JOB_OFFERS\",\"givenOn\":\"2025-04-01\",\"noticeVersion\":\"2025-04\"}]}";

    private final People people = new People();
    private final List<AuditEntry> audit = new ArrayList<>();
    private final AuditLog log = audit::add;
    private final RestHarness api = RestHarness.start("/api/people",
            rest -> rest.application("people").register(new PeopleResource(people.service, () -> log)));

    @AfterEach
    void close() {
        api.close();
        people.close();
    }

    private String create() {
        ApiResponse created = api.as(RestHarness.STAFF).post("/api/people/", HANAKO);
        assertEquals(201, created.status(), created.toString());
        String id = created.json().path("id").asText();
        assertTrue(created.header("Location").endsWith("/api/people/" + id), created.header("Location"));
        return id;
    }

    @Test
    void staffRegisterAndReadAPersonAndTheReadIsAudited() {
        String id = create();
        ApiResponse read = api.as(RestHarness.COORDINATOR).get("/api/people/" + id + "?purpose=matching");
        assertEquals(200, read.status(), read.toString());
        JsonNode p = read.json();
        assertEquals("アマミ ハナコ", p.path("kana").asText());
        assertEquals("[\"writing\",\"大島紬\"]", p.path("skills").toString());
        assertEquals("[\"CHILD_REARING\"]", p.path("lifestyle").toString());
        assertEquals(3, p.path("residency").path("householdSize").asInt());
        assertEquals("MOVED", p.path("residency").path("phase").asText());
        assertEquals("[\"JOB_OFFERS\"]", p.path("consentedPurposes").toString());
        AuditEntry entry = audit.get(audit.size() - 1);
        assertEquals(RestHarness.COORDINATOR, entry.actor());
        assertEquals("people.record.read", entry.action());
        assertEquals(id, entry.subjectId());
        assertEquals("matching", entry.purpose());
    }

    @Test
    void rolesDecideWhoMayDoWhat() {
        String id = create();
        for (String path : List.of("/api/people/", "/api/people/" + id, "/api/people/export", "/api/people/" + id + "/consents")) {
            assertTrue(api.as(RestHarness.JUROR).get(path, "*/*").isProblem(403), path);
            assertTrue(api.anonymous().get(path, "*/*").isProblem(401), path);
        }
        assertEquals(200, api.as(RestHarness.JUROR).get("/api/people/skills").status());
        assertTrue(api.as(RestHarness.JUROR).post("/api/people/", HANAKO).isProblem(403));
        assertTrue(api.as(RestHarness.STAFF).post("/api/people/" + id + "/erase", "{\"reason\":\"request\"}").isProblem(403));
        assertEquals(200, api.as(RestHarness.ADMIN).post("/api/people/" + id + "/erase", "{\"reason\":\"本人の請求\"}").status());
    }

    @Test
    void aPurposeLongerThanTheAuditLogKeepsIsRefusedNotAServerError() {
        String id = create();
        String tooLong = "理".repeat(PeopleResource.MAX_PURPOSE + 1);
        ApiResponse read = api.as(RestHarness.STAFF).get("/api/people/" + id + "?purpose=" + tooLong);
        assertTrue(read.isProblem(400), read.toString());
        assertEquals("purpose", read.json().path("errors").get(0).path("field").asText());
        assertTrue(api.as(RestHarness.STAFF).get("/api/people/export?purpose=" + tooLong, "text/csv").isProblem(400));
        int audited = audit.size();
        String longest = "𠮷".repeat(PeopleResource.MAX_PURPOSE); // characters, not UTF-16 units
        assertEquals(200, api.as(RestHarness.STAFF).get("/api/people/" + id + "?purpose=" + longest).status());
        assertEquals(longest, audit.get(audited).purpose());
    }

    @Test
    void badInputNamesEveryField() {
        ApiResponse bad = api.as(RestHarness.STAFF).post("/api/people/",
                "{\"name\":\"\",\"kana\":\"漢字\",\"email\":\"x\",\"portfolio\":[\"javascript:alert(1)\"],"
                        + "\"availability\":{\"hoursPerWeek\":200}}");
        assertTrue(bad.isProblem(400), bad.toString());
        List<String> fields = new ArrayList<>();
        bad.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertEquals(List.of("name", "kana", "email", "portfolio[0]", "availability.hoursPerWeek"), fields);
        assertTrue(api.as(RestHarness.STAFF).post("/api/people/", "{\"name\":\"a\",\"kana\":\"ア\",\"colour\":1}").isProblem(400));
        assertTrue(api.as(RestHarness.STAFF).post("/api/people/", "{\"name\":\"a\",\"kana\":\"ア\",\"lifestyle\":[\"NAPPING\"]}").isProblem(400));
        assertTrue(api.as(RestHarness.STAFF).get("/api/people/?minHours=abc").isProblem(400));
        assertTrue(api.as(RestHarness.STAFF).get("/api/people/?weekday=someday").isProblem(400));
        assertTrue(api.as(RestHarness.STAFF).get("/api/people/999").isProblem(404));
        assertTrue(api.as(RestHarness.STAFF).get("/api/people/abc").isProblem(404));
        assertTrue(api.as(RestHarness.STAFF).put("/api/people/1/income/2024", "{\"amountYen\":-5,\"source\":\"SELF_REPORT\"}").isProblem(400));
    }

    @Test
    void searchBySkillAvailabilityAndKanaWithPaging() {
        String id = create();
        api.as(RestHarness.STAFF).post("/api/people/", "{\"name\":\"山田 太郎\",\"kana\":\"ヤマダ タロウ\",\"skills\":[\"design\"]}");
        JsonNode found = api.as(RestHarness.STAFF).get("/api/people/?skill=ライティング&minHours=10&weekday=monday&window=MORNING")
                .json();
        assertEquals(1, found.path("total").asInt());
        assertEquals(id, found.path("items").get(0).path("id").asText());
        assertEquals(2, api.as(RestHarness.STAFF).get("/api/people/?limit=1").json().path("total").asInt());
        assertEquals(1, api.as(RestHarness.STAFF).get("/api/people/?limit=1").json().path("items").size());
        assertEquals(1, api.as(RestHarness.STAFF).get("/api/people/?q=%EF%BE%94%EF%BE%8F%EF%BE%80%EF%BE%9E").json().path("total").asInt()); // ﾔﾏﾀﾞ
        assertEquals(0, api.as(RestHarness.STAFF).get("/api/people/?skill=writing&minHours=16").json().path("total").asInt());
    }

    @Test
    void exportAndImportAsCsvAreAudited() {
        create();
        ApiResponse csv = api.as(RestHarness.STAFF).get("/api/people/export?purpose=monthly%20report", "text/csv");
        assertEquals(200, csv.status(), csv.toString());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.header("Content-Type"));
        assertTrue(csv.header("Content-Disposition").contains("people-"));
        assertTrue(csv.body().startsWith("\uFEFFID,氏名,フリガナ"));
        assertTrue(csv.body().contains("\r\n"));
        AuditEntry exported = audit.get(audit.size() - 1);
        assertEquals("people.export", exported.action());
        assertEquals("export", exported.subjectType());
        assertEquals("1", exported.details().get("rows"));

        String file = Csv.write(List.of(List.of("氏名", "フリガナ", "スキル"), List.of("𠮷野 ｻﾄｼ", "よしの さとし", "写真撮影")));
        ApiResponse dry = api.as(RestHarness.STAFF).send("POST", "/api/people/import?dryRun=true", "text/csv; charset=UTF-8", file);
        assertEquals(200, dry.status(), dry.toString());
        assertTrue(dry.json().path("dryRun").asBoolean());
        assertEquals(1, dry.json().path("created").asInt());
        assertEquals(1, api.as(RestHarness.STAFF).get("/api/people/").json().path("total").asInt());

        String boundary = "----island";
        String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"people.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + file + "\r\n--" + boundary + "--\r\n";
        ApiResponse done = api.as(RestHarness.STAFF).send("POST", "/api/people/import", "multipart/form-data; boundary=" + boundary, multipart);
        assertEquals(200, done.status(), done.toString());
        assertFalse(done.json().path("dryRun").asBoolean());
        JsonNode yoshino = api.as(RestHarness.STAFF).get("/api/people/?q=よしの").json().path("items").get(0);
        assertEquals("𠮷野 ｻﾄｼ", yoshino.path("name").asText());
        assertEquals("[\"photography\"]", yoshino.path("skills").toString());

        ApiResponse invalid = api.as(RestHarness.STAFF).send("POST", "/api/people/import", "text/csv",
                "氏名,フリガナ\r\n,カナ\r\n");
        assertTrue(invalid.isProblem(400), invalid.toString());
        assertEquals("rows[2].name", invalid.json().path("errors").get(0).path("field").asText());
        assertTrue(api.as(RestHarness.COORDINATOR).send("POST", "/api/people/import", "text/csv", file).status() == 200);
        assertTrue(api.as(RestHarness.JUROR).send("POST", "/api/people/import", "text/csv", file).isProblem(403));
    }

    @Test
    void consentFlagsIncomeAndDeactivation() {
        String id = create();
        ApiResponse withdrawn = api.as(RestHarness.STAFF).delete("/api/people/" + id + "/consents/job_offers");
        assertEquals(200, withdrawn.status(), withdrawn.toString());
        assertEquals("[]", withdrawn.json().path("consentedPurposes").toString());
        assertTrue(people.service.jobCandidates(List.of("writing")).isEmpty());
        ApiResponse given = api.as(RestHarness.STAFF).post("/api/people/" + id + "/consents",
                "{\"purpose\":\"ROLE_MODEL\",\"givenOn\":\"2025-06-01\",\"noticeVersion\":\"2025-04\"}");
        assertEquals("[\"ROLE_MODEL\"]", given.json().path("consentedPurposes").toString());
        assertEquals(2, api.as(RestHarness.STAFF).get("/api/people/" + id + "/consents").json().size());

        ApiResponse flag = api.as(RestHarness.STAFF).post("/api/people/" + id + "/flags",
                "{\"flag\":\"CHILD_REARING_FREELANCER\",\"since\":\"2025-04-01\"}");
        assertEquals("[\"CHILD_REARING_FREELANCER\"]", flag.json().path("currentFlags").toString());
        assertTrue(api.as(RestHarness.STAFF).post("/api/people/" + id + "/flags",
                "{\"flag\":\"CHILD_REARING_FREELANCER\",\"since\":\"2025-05-01\"}").isProblem(409));
        ApiResponse income = api.as(RestHarness.STAFF).put("/api/people/" + id + "/income/2024",
                "{\"amountYen\":1500000,\"source\":\"SELF_REPORT\"}");
        assertEquals(1500000, income.json().path("incomes").get(0).path("amountYen").asLong());
        assertEquals("令和6年度", income.json().path("incomes").get(0).path("fiscalYearLabel").path("ja").asText());
        assertTrue(api.as(RestHarness.STAFF).put("/api/people/" + id + "/income/2030",
                "{\"amountYen\":1,\"source\":\"SELF_REPORT\"}").isProblem(422));

        assertFalse(api.as(RestHarness.STAFF).post("/api/people/" + id + "/deactivate", "").json().path("active").asBoolean());
        assertEquals(0, api.as(RestHarness.STAFF).get("/api/people/").json().path("total").asInt());
        assertEquals(1, api.as(RestHarness.STAFF).get("/api/people/?status=inactive").json().path("total").asInt());
        assertTrue(api.as(RestHarness.STAFF).post("/api/people/" + id + "/reactivate", "").json().path("active").asBoolean());
    }
}
