package org.freelanceisland.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.api.ledger.LedgerQuery;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.api.people.PersonDirectory;
import org.freelanceisland.platform.api.people.PersonSummary;
import org.freelanceisland.testing.http.ApiClient;
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
 * The people registry and the account management in the real distribution: the registry boots
 * with the platform (no program to install), its REST contract, the role matrix, consent,
 * erasure, CSV with Japanese text, the audit log, and staff accounts managed from the API.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PeopleIT extends IslandKarafTestSupport {

    private static final String COORDINATOR = "it-coordinator";
    private static final String COORDINATOR_PASSWORD = "coordinator-pass-42";

    private static final String HANAKO = "{\"name\":\"奄美 花子\",\"kana\":\"あまみ はなこ\",\"email\":\"hanako@example.jp\","
            + "\"district\":\"名瀬\",\"skills\":[\"writing\",\"大島紬\"],\"portfolio\":[\"https://example.jp/hanako\"],"
            + "\"availability\":{\"hoursPerWeek\":15,\"weekdays\":[\"MONDAY\",\"WEDNESDAY\"],\"windows\":[\"MORNING\"]},"
            + "\"lifestyle\":[\"CHILD_REARING\"],\"residency\":{\"origin\":\"I_TURN\",\"movedOn\":\"2025-05-01\",\"householdSize\":3},"
            + "\"consents\":[{\"purpose\":\"JOB_OFFERS\",\"givenOn\":\"2025-04-01\",\"noticeVersion\":\"2025-04\"},"
            + "{\"purpose\":\"STATISTICS\",\"givenOn\":\"2025-04-01\",\"noticeVersion\":\"2025-04\"}]}";

    /** The registry starts with the platform; wait until its API answers. */
    @Before
    public void awaitRegistry() {
        as(STAFF).awaitOk("/api/people/skills", Duration.ofSeconds(90));
    }

    private static String create(String json) {
        ApiResponse created = as(STAFF).post("/api/people", json);
        assertEquals(created.toString(), 201, created.status());
        assertTrue(created.header("Location").endsWith("/api/people/" + created.json().path("id").asText()));
        return created.json().path("id").asText();
    }

    @Test
    public void theRegistryIsPartOfThePlatform() {
        JsonNode people = anonymous().get("/api/modules/people").json();
        assertEquals("人材台帳", people.path("title").path("ja").asText());
        assertEquals("People registry", people.path("title").path("en").asText());
        assertEquals("/console/people/", people.path("consolePath").asText());
        assertEquals("org.freelanceisland.people", people.path("bundle").asText());
        assertNotNull(bundleContext.getServiceReference(PersonDirectory.class));
        JsonNode skills = as(JUROR).get("/api/people/skills").json();
        assertEquals("writing", skills.get(0).path("code").asText());
        assertEquals("ライティング", skills.get(0).path("label").path("ja").asText());
    }

    @Test
    public void staffRegisterSearchAndReadAndEveryReadIsAudited() {
        String id = create(HANAKO);
        JsonNode found = as(STAFF).get("/api/people?skill=writing&minHours=10&weekday=MONDAY&window=MORNING&q=ｱﾏﾐ").json();
        assertEquals(found.toString(), 1, found.path("total").asInt());
        assertEquals(id, found.path("items").get(0).path("id").asText());

        ApiResponse read = as(STAFF).get("/api/people/" + id + "?purpose=job%20matching");
        assertEquals(read.toString(), 200, read.status());
        assertEquals("アマミ ハナコ", read.json().path("kana").asText());
        assertEquals("[\"CHILD_REARING\"]", read.json().path("lifestyle").toString());
        assertEquals(3, read.json().path("residency").path("householdSize").asInt());

        JsonNode audit = as(ADMIN).get("/api/admin/audit?subjectId=" + id + "&action=people.record.read").json();
        assertEquals(audit.toString(), 1, audit.path("total").asInt());
        assertEquals(STAFF, audit.path("items").get(0).path("actor").asText());
        assertEquals("job matching", audit.path("items").get(0).path("purpose").asText());

        ApiResponse bad = as(STAFF).post("/api/people", "{\"name\":\"\",\"kana\":\"漢字\",\"email\":\"x\"}");
        assertTrue(bad.toString(), bad.isProblem(400));
        List<String> fields = new ArrayList<>();
        bad.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertEquals(List.of("name", "kana", "email"), fields);
        assertTrue(as(STAFF).get("/api/people/987654321").isProblem(404));
    }

    @Test
    public void roleMatrix() {
        ensureCoordinator();
        String id = create(HANAKO);
        String other = create("{\"name\":\"消去 対象\",\"kana\":\"ショウキョ タイショウ\"}");
        ApiClient anonymous = anonymous();
        ApiClient juror = as(JUROR);
        ApiClient staff = as(STAFF);
        ApiClient coordinator = anonymous().as(COORDINATOR, COORDINATOR_PASSWORD);
        ApiClient admin = as(ADMIN);
        String consent = "{\"purpose\":\"ROLE_MODEL\",\"givenOn\":\"2025-04-01\",\"noticeVersion\":\"2025-04\"}";
        String csv = "氏名,フリガナ\r\n権限 確認,ケンゲン カクニン\r\n";

        // who may call what: reading and searching is for staff and coordinators, changing for staff
        // (coordinators hold the staff role through their group), erasing and accounts for administrators
        Map<String, Function<ApiClient, ApiResponse>> calls = new LinkedHashMap<>();
        calls.put("GET skills", c -> c.get("/api/people/skills"));
        calls.put("GET search", c -> c.get("/api/people?skill=writing"));
        calls.put("GET record", c -> c.get("/api/people/" + id));
        calls.put("GET consents", c -> c.get("/api/people/" + id + "/consents"));
        calls.put("GET export", c -> c.get("/api/people/export?q=権限", "text/csv"));
        calls.put("POST create", c -> c.post("/api/people", "{\"name\":\"権限 確認\",\"kana\":\"ケンゲン\"}"));
        calls.put("PUT update", c -> c.put("/api/people/" + id, HANAKO));
        calls.put("POST consent", c -> c.post("/api/people/" + id + "/consents", consent));
        calls.put("POST import dry run", c -> c.send("POST", "/api/people/import?dryRun=true", "text/csv", csv));
        calls.put("POST deactivate", c -> c.post("/api/people/" + id + "/deactivate", ""));
        calls.put("POST reactivate", c -> c.post("/api/people/" + id + "/reactivate", ""));
        calls.put("POST erase", c -> c.post("/api/people/" + other + "/erase", "{\"reason\":\"本人の請求\"}"));
        calls.put("GET accounts", c -> c.get("/api/admin/accounts"));

        Map<String, String> expected = new LinkedHashMap<>();
        //                                      anonymous juror coordinator staff admin
        expected.put("GET skills",          "401 200 200 200 200");
        expected.put("GET search",          "401 403 200 200 200");
        expected.put("GET record",          "401 403 200 200 200");
        expected.put("GET consents",        "401 403 200 200 200");
        expected.put("GET export",          "401 403 200 200 200");
        expected.put("POST create",         "401 403 201 201 201");
        expected.put("PUT update",          "401 403 200 200 200");
        expected.put("POST consent",        "401 403 200 200 200");
        expected.put("POST import dry run", "401 403 200 200 200");
        expected.put("POST deactivate",     "401 403 200 200 200");
        expected.put("POST reactivate",     "401 403 200 200 200");
        expected.put("POST erase",          "401 403 403 403 200");
        expected.put("GET accounts",        "401 403 403 403 200");

        List<String> mismatches = new ArrayList<>();
        for (var call : calls.entrySet()) {
            List<String> got = new ArrayList<>();
            for (ApiClient client : List.of(anonymous, juror, coordinator, staff, admin)) {
                ApiResponse response = call.getValue().apply(client);
                got.add(Integer.toString(response.status()));
                if (response.status() >= 400) {
                    assertTrue(call.getKey() + ": " + response, response.isProblem(response.status()));
                }
            }
            String actual = String.join(" ", got);
            if (!actual.equals(expected.get(call.getKey()))) {
                mismatches.add(call.getKey() + ": expected " + expected.get(call.getKey()) + " but got " + actual);
            }
        }
        assertTrue(String.join("\n", mismatches), mismatches.isEmpty());
    }

    @Test
    public void withdrawingConsentStopsMatchingAtOnce() {
        PersonDirectory directory = service(PersonDirectory.class);
        String id = create(HANAKO);
        assertTrue(directory.hasConsent(id, ConsentPurpose.JOB_OFFERS));
        PersonSummary forMatching = directory.findFor(id, ConsentPurpose.JOB_OFFERS).orElseThrow();
        assertEquals(15, forMatching.availability().hoursPerWeek());
        assertTrue(directory.jobCandidates(List.of("writing")).stream().anyMatch(p -> p.id().equals(id)));

        ApiResponse withdrawn = as(STAFF).delete("/api/people/" + id + "/consents/JOB_OFFERS");
        assertEquals(withdrawn.toString(), 200, withdrawn.status());

        assertFalse(directory.hasConsent(id, ConsentPurpose.JOB_OFFERS));
        assertTrue(directory.findFor(id, ConsentPurpose.JOB_OFFERS).isEmpty());
        assertFalse(directory.jobCandidates(List.of("writing")).stream().anyMatch(p -> p.id().equals(id)));
        assertTrue(directory.hasConsent(id, ConsentPurpose.STATISTICS));
        assertEquals("奄美 花子", directory.find(id).orElseThrow().name());
        JsonNode history = as(STAFF).get("/api/people/" + id + "/consents").json();
        assertEquals(2, history.size());
        boolean withdrawnKept = false;
        for (JsonNode c : history) {
            withdrawnKept |= "JOB_OFFERS".equals(c.path("purpose").asText()) && !c.path("holds").asBoolean()
                    && c.hasNonNull("withdrawnAt");
        }
        assertTrue(history.toString(), withdrawnKept);
    }

    @Test
    public void erasureBlanksThePersonButKeepsTheLedgerTotals() throws Exception {
        String id = create(HANAKO);
        assertEquals(200, as(STAFF).post("/api/people/" + id + "/flags",
                "{\"flag\":\"CHILD_REARING_FREELANCER\",\"since\":\"2025-04-01\"}").status());
        assertEquals(200, as(STAFF).put("/api/people/" + id + "/income/2024",
                "{\"amountYen\":650000,\"source\":\"SELF_REPORT\"}").status());
        ActivityLedger ledger = service(ActivityLedger.class);
        LedgerQuery all = LedgerQuery.ofType("people.*");
        LedgerQuery income = LedgerQuery.ofType("people.income.reported");
        LedgerQuery moved = LedgerQuery.ofType("people.moved");
        LedgerQuery mine = LedgerQuery.ofType("people.*").forPerson(id);
        assertEquals(4, ledger.count(mine)); // registered, moved, flag set, income
        long events = ledger.count(all);
        long yen = ledger.sumAmountYen(income);
        long migrants = ledger.countDistinctPersons(moved);
        assertEquals(650000L, ledger.sumAmountYen(income.forPerson(id)));
        assertEquals(2024, ledger.query(income.forPerson(id), org.freelanceisland.platform.api.PageRequest.first())
                .items().get(0).event().fiscalYear().startYear());

        ApiResponse erased = as(ADMIN).post("/api/people/" + id + "/erase", "{\"reason\":\"本人の請求\"}");
        assertEquals(erased.toString(), 200, erased.status());
        assertTrue(erased.json().path("erased").asBoolean());
        assertFalse(erased.json().has("name"));
        assertFalse(erased.json().has("email"));
        assertEquals("[]", erased.json().path("skills").toString());
        assertEquals(id, erased.json().path("id").asText());

        assertEquals(events, ledger.count(all));
        assertEquals(yen, ledger.sumAmountYen(income));
        assertEquals(migrants, ledger.countDistinctPersons(moved));
        assertEquals(0, as(STAFF).get("/api/people?q=アマミ&status=all").json().path("items").findValues("id").stream()
                .filter(v -> v.asText().equals(id)).count());
        assertTrue(as(STAFF).put("/api/people/" + id, HANAKO).isProblem(409));
        JsonNode audit = as(ADMIN).get("/api/admin/audit?subjectId=" + id + "&action=people.erase").json();
        assertEquals(1, audit.path("total").asInt());
        assertEquals("本人の請求", audit.path("items").get(0).path("purpose").asText());
    }

    @Test
    public void csvRoundTripKeepsJapaneseText() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String id = create("{\"name\":\"𠮷田 ﾊﾅｺ\",\"kana\":\"よしだ はなこ\",\"district\":\"笠利町" + marker + "\","
                + "\"skills\":[\"写真撮影\",\"大島紬\"],\"preferredWork\":[\"観光記事、取材\"],"
                + "\"residency\":{\"origin\":\"U_TURN\",\"phase\":\"TRIAL_STAY\"}}");
        ApiResponse export = as(STAFF).get("/api/people/export?district=" + marker + "&purpose=backup", "text/csv");
        assertEquals(export.toString(), 200, export.status());
        assertTrue(export.header("Content-Type").startsWith("text/csv"));
        String file = export.body();
        assertTrue(file.startsWith("\uFEFFID,氏名,フリガナ,"));
        assertTrue(file, file.contains(id + ",𠮷田 ﾊﾅｺ,ヨシダ ハナコ,"));
        assertTrue(file, file.contains("写真撮影;大島紬"));
        assertTrue(file.endsWith("\r\n"));
        JsonNode audit = as(ADMIN).get("/api/admin/audit?action=people.export&actor=" + STAFF).json();
        assertTrue(audit.path("total").asInt() >= 1);
        assertEquals("backup", audit.path("items").get(0).path("purpose").asText());
        assertEquals("1", audit.path("items").get(0).path("details").path("rows").asText());

        String withNewRow = file + ",ｶﾀｶﾅ 半角,ｶﾀｶﾅ ﾊﾝｶｸ,,,笠利町" + marker + ",2025/4/1,翻訳;𠮷祥寺,,8,土日,午前,,,Iターン,,,,関心あり,,,,\r\n";
        ApiResponse dry = as(STAFF).send("POST", "/api/people/import?dryRun=true", "text/csv; charset=UTF-8", withNewRow);
        assertEquals(dry.toString(), 200, dry.status());
        assertEquals(1, dry.json().path("created").asInt());
        assertEquals(1, dry.json().path("updated").asInt());
        assertEquals(1, as(STAFF).get("/api/people?district=" + marker).json().path("total").asInt());

        ApiResponse imported = as(STAFF).send("POST", "/api/people/import", "text/csv; charset=UTF-8", withNewRow);
        assertEquals(imported.toString(), 200, imported.status());
        assertEquals(2, as(STAFF).get("/api/people?district=" + marker).json().path("total").asInt());
        JsonNode yoshida = as(STAFF).get("/api/people/" + id).json();
        assertEquals("𠮷田 ﾊﾅｺ", yoshida.path("name").asText());
        assertEquals("[\"photography\",\"大島紬\"]", yoshida.path("skills").toString());
        assertEquals("[\"観光記事、取材\"]", yoshida.path("preferredWork").toString());
        JsonNode hankaku = as(STAFF).get("/api/people?q=はんかく").json().path("items").get(0);
        assertEquals("ｶﾀｶﾅ 半角", hankaku.path("name").asText());
        assertEquals("カタカナ ハンカク", hankaku.path("kana").asText());
        assertEquals("[\"translation\",\"𠮷祥寺\"]", hankaku.path("skills").toString());

        ApiResponse invalid = as(STAFF).send("POST", "/api/people/import", "text/csv",
                "氏名,フリガナ,メールアドレス\r\n正しい 行,タダシイ ギョウ,\r\n,カナ,not-mail\r\n");
        assertTrue(invalid.toString(), invalid.isProblem(400));
        assertEquals("rows[3].name", invalid.json().path("errors").get(0).path("field").asText());
        assertEquals("rows[3].email", invalid.json().path("errors").get(1).path("field").asText());
        assertEquals(0, as(STAFF).get("/api/people?q=タダシイ").json().path("total").asInt());
    }

    @Test
    public void administratorsManageStaffAccounts() throws IOException {
        String name = "it-sato-" + UUID.randomUUID().toString().substring(0, 6);
        String password = "a-long-secret-7Q";
        assertTrue(as(ADMIN).post("/api/admin/accounts",
                "{\"name\":\"" + name + "\",\"password\":\"short\",\"roles\":[\"staff\"]}").isProblem(400));
        assertTrue(as(STAFF).post("/api/admin/accounts",
                "{\"name\":\"" + name + "\",\"password\":\"" + password + "\",\"roles\":[\"staff\"]}").isProblem(403));
        ApiResponse created = as(ADMIN).post("/api/admin/accounts",
                "{\"name\":\"" + name + "\",\"password\":\"" + password + "\",\"roles\":[\"staff\"]}");
        assertEquals(created.toString(), 201, created.status());
        assertEquals("[\"staff\"]", created.json().path("roles").toString());
        assertFalse(created.body().contains(password));
        assertTrue(as(ADMIN).post("/api/admin/accounts",
                "{\"name\":\"" + name + "\",\"password\":\"" + password + "\",\"roles\":[\"staff\"]}").isProblem(409));

        String users = Files.readString(Path.of(System.getProperty("karaf.etc"), "users.properties"), StandardCharsets.UTF_8);
        assertFalse("the password is stored in clear", users.contains(password));
        assertTrue(users, users.contains(name + " = {CRYPT}"));

        ApiClient sato = anonymous().as(name, password);
        assertEquals(200, sato.get("/api/people").status()); // the login is now cached
        assertTrue(sato.get("/api/admin/accounts").isProblem(403));

        assertEquals(200, as(ADMIN).post("/api/admin/accounts/" + name + "/disable", "").status());
        assertTrue("a disabled account must stop working at once", sato.get("/api/people").isProblem(401));
        JsonNode disabled = as(ADMIN).get("/api/admin/accounts/" + name).json();
        assertTrue(disabled.path("disabled").asBoolean());
        assertEquals("[\"staff\"]", disabled.path("roles").toString());
        assertEquals(200, as(ADMIN).post("/api/admin/accounts/" + name + "/enable", "").status());
        assertEquals(200, sato.get("/api/people").status());

        ApiResponse roles = as(ADMIN).put("/api/admin/accounts/" + name + "/roles", "{\"roles\":[\"juror\"]}");
        assertEquals(roles.toString(), "[\"juror\"]", roles.json().path("roles").toString());
        assertTrue("a role change must apply at once", sato.get("/api/people").isProblem(403));
        as(ADMIN).put("/api/admin/accounts/" + name + "/roles", "{\"roles\":[\"staff\"]}");

        String newPassword = "another-secret-9Z";
        assertTrue(as(ADMIN).post("/api/admin/accounts/" + name + "/password", "{\"password\":\"weak\"}").isProblem(400));
        assertEquals(204, as(ADMIN).post("/api/admin/accounts/" + name + "/password",
                "{\"password\":\"" + newPassword + "\"}").status());
        assertTrue("the old password must stop working at once", sato.get("/api/people").isProblem(401));
        assertEquals(200, anonymous().as(name, newPassword).get("/api/people").status());
        assertTrue(as(ADMIN).post("/api/admin/accounts/" + ADMIN + "/disable", "").isProblem(422));
        assertTrue(as(ADMIN).post("/api/admin/accounts/nobody-here/disable", "").isProblem(404));

        JsonNode audit = as(ADMIN).get("/api/admin/audit?subjectId=" + name + "&action=platform.account.*").json();
        List<String> actions = new ArrayList<>();
        audit.path("items").forEach(e -> actions.add(e.path("action").asText()));
        assertEquals(List.of("platform.account.password-reset", "platform.account.roles", "platform.account.roles",
                "platform.account.enable", "platform.account.disable", "platform.account.create"), actions);
        assertFalse(audit.toString().contains(newPassword));
        String log = Files.readString(Path.of(System.getProperty("karaf.data"), "log", "karaf.log"), StandardCharsets.UTF_8);
        assertFalse("a password was logged", log.contains(password) || log.contains(newPassword));
    }

    private void ensureCoordinator() {
        ApiResponse existing = as(ADMIN).get("/api/admin/accounts/" + COORDINATOR);
        if (existing.status() == 404) {
            ApiResponse created = as(ADMIN).post("/api/admin/accounts", "{\"name\":\"" + COORDINATOR + "\",\"password\":\""
                    + COORDINATOR_PASSWORD + "\",\"roles\":[\"coordinator\"]}");
            assertEquals(created.toString(), 201, created.status());
        }
    }

    private <T> T service(Class<T> type) {
        ServiceReference<T> reference = bundleContext.getServiceReference(type);
        assertNotNull(type.getSimpleName() + " is not registered", reference);
        return bundleContext.getService(reference);
    }
}
