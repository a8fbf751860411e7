package org.freelanceisland.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The community program in the real distribution on H2, with the real people registry: its REST
 * contract with the ledger facts the KPI program counts, public endpoints that reveal nothing
 * without consent or publication, a role model taken out of public view the moment the person
 * withdraws consent in the people registry, and retiring and reinstalling the program without
 * refreshing anything else and without losing data.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class CommunityIT extends IslandKarafTestSupport {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final String CONSENT = "{\"purpose\":\"%s\",\"givenOn\":\"2025-04-01\",\"noticeVersion\":\"2025-04\"}";

    private static String hanako;
    private static String taro;

    /** Creates the people once and makes sure the program is installed. */
    @Before
    public void setUp() throws Exception {
        as(STAFF).awaitOk("/api/people/skills", Duration.ofSeconds(90));
        if (hanako == null) {
            hanako = person("奄美 花子", "アマミ ハナコ", "PROGRAM_ADMINISTRATION", "ROLE_MODEL");
            taro = person("名瀬 太郎", "ナゼ タロウ", "PROGRAM_ADMINISTRATION");
        }
        if (!anonymous().get("/api/modules").body().contains("\"id\":\"community\"")) {
            installProgram("community");
        }
    }

    private static String person(String name, String kana, String... consents) {
        List<String> given = new ArrayList<>();
        for (String c : consents) {
            given.add(CONSENT.formatted(c));
        }
        ApiResponse created = as(STAFF).post("/api/people", "{\"name\":\"" + name + "\",\"kana\":\"" + kana + "\",\"consents\":["
                + String.join(",", given) + "]}");
        assertEquals(created.toString(), 201, created.status());
        return created.json().path("id").asText();
    }

    private static long created(ApiResponse r) {
        assertEquals(r.toString(), 201, r.status());
        return r.json().path("id").asLong();
    }

    private static JsonNode ledger(String id) {
        ApiResponse entry = as(STAFF).get("/api/ledger/" + id);
        assertEquals(entry.toString(), 200, entry.status());
        return entry.json();
    }

    private static int thisFiscalYear() {
        return FiscalYear.of(java.time.LocalDate.now(FiscalYear.ISLAND_ZONE)).startYear();
    }

    @Test
    public void a_theProgramAndItsRestContractWithTheLedgerFacts() {
        JsonNode module = anonymous().get("/api/modules/community").json();
        assertEquals("コミュニティ・拠点", module.path("title").path("ja").asText());
        assertEquals("Community and hub", module.path("title").path("en").asText());
        assertTrue(module.toString(), module.path("pillars").toString().contains("NETWORK"));
        assertEquals(4, module.path("pillars").size());
        assertEquals("[3]", module.path("stages").toString());
        assertEquals("/console/community/", module.path("consolePath").asText());
        assertEquals("org.freelanceisland.community", module.path("bundle").asText());

        ApiClient staff = as(STAFF);
        // an exchange meeting under way now: the attendee checks in with their code
        LocalDateTime now = LocalDateTime.now(FiscalYear.ISLAND_ZONE);
        long event = created(staff.post("/api/community/events", "{\"title\":{\"ja\":\"島フリーランス交流会 IT\",\"en\":\"Meetup IT\"},"
                + "\"kind\":\"EXCHANGE_MEETING\",\"startsAt\":\"" + LOCAL.format(now.minusMinutes(30)) + "\",\"endsAt\":\""
                + LOCAL.format(now.plusHours(2)) + "\",\"place\":\"WorkStyle Lab Inno\",\"capacity\":30}"));
        ApiResponse registered = staff.post("/api/community/events/" + event + "/registrations", "{\"personId\":\"" + hanako + "\"}");
        assertEquals(registered.toString(), 201, registered.status());
        long registration = registered.json().path("id").asLong();
        String code = registered.json().path("checkInCode").asText();
        assertTrue(anonymous().post("/api/community/public/events/" + event + "/check-in", "{\"code\":\"2222-2222\"}").isProblem(422));
        ApiResponse checkedIn = anonymous().post("/api/community/public/events/" + event + "/check-in", "{\"code\":\"" + code + "\"}");
        assertEquals(checkedIn.toString(), 200, checkedIn.status());
        assertFalse(checkedIn.body(), checkedIn.body().contains("personId") || checkedIn.body().contains("奄美"));
        JsonNode attended = ledger("community:registration:" + registration + ":attended");
        assertEquals("community.event.attended", attended.path("type").asText());
        assertEquals(hanako, attended.path("personId").asText());
        assertEquals(Long.toString(event), attended.path("attributes").path("event").asText());
        assertEquals("EXCHANGE_MEETING", attended.path("attributes").path("kind").asText());
        assertEquals("org.freelanceisland.community", attended.path("recordedBy").asText());

        ApiResponse feed = anonymous().get("/api/community/public/calendar.ics");
        assertEquals(200, feed.status());
        assertTrue(feed.header("Content-Type"), feed.header("Content-Type").startsWith("text/calendar"));
        assertTrue(feed.body(), feed.body().contains("UID:community-event-" + event + "@"));
        assertFalse(feed.body(), feed.body().contains("奄美 花子") || feed.body().contains(code) || feed.body().contains("ATTENDEE"));

        // the consultation desk
        long consultation = created(staff.post("/api/community/consultations", "{\"personId\":\"" + taro + "\",\"heldOn\":\""
                + now.toLocalDate() + "\",\"topic\":\"CHILD_REARING_AND_WORK\",\"channel\":\"IN_PERSON\",\"notes\":\"保育園の相談\"}"));
        JsonNode held = ledger("community:consultation:" + consultation + ":held");
        assertEquals("community.consultation.held", held.path("type").asText());
        assertEquals("CHILD_REARING_AND_WORK", held.path("attributes").path("topic").asText());
        assertFalse(held.toString(), held.toString().contains("保育園"));
        ApiResponse csv = staff.get("/api/community/consultations/counts.csv", "text/csv");
        assertEquals(csv.toString(), 200, csv.status());
        assertTrue(csv.body().startsWith("\uFEFF月,"));
        assertFalse(csv.body().contains("名瀬 太郎") || csv.body().contains("保育園"));

        // a community leader starts and ends
        long leader = created(staff.post("/api/community/leaders", "{\"personId\":\"" + hanako + "\",\"community\":\"handmade-makers\","
                + "\"communityName\":{\"ja\":\"ハンドメイド作家の会\"},\"since\":\"" + now.toLocalDate().minusMonths(1) + "\"}"));
        assertEquals("community.leader.started", ledger("community:leader:" + leader + ":started").path("type").asText());
        ApiResponse ended = staff.post("/api/community/leaders/" + leader + "/end", "{\"until\":\"" + now.toLocalDate() + "\"}");
        assertEquals(ended.toString(), 200, ended.status());
        JsonNode end = ledger("community:leader:" + leader + ":ended");
        assertEquals("community.leader.ended", end.path("type").asText());
        assertEquals("handmade-makers", end.path("attributes").path("community").asText());

        // the yearly survey: a named answer typed in by staff, an anonymous one on the public form
        String questions = "\"questions\":[{\"code\":\"overall\",\"type\":\"LIKERT_1_5\",\"text\":{\"ja\":\"仕事と暮らしの満足度\"}},"
                + "{\"code\":\"comment\",\"type\":\"FREE_TEXT\",\"text\":{\"ja\":\"ご意見\"},\"required\":false}],"
                + "\"satisfiedWhen\":{\"question\":\"overall\",\"min\":4}";
        long named = created(staff.post("/api/community/surveys", "{\"fiscalYear\":" + thisFiscalYear()
                + ",\"title\":{\"ja\":\"満足度調査 IT\"}," + questions + "}"));
        assertEquals(200, staff.post("/api/community/surveys/" + named + "/open", "").status());
        ApiResponse answer = staff.post("/api/community/surveys/" + named + "/responses", "{\"personId\":\"" + hanako
                + "\",\"answers\":[{\"question\":\"overall\",\"rating\":5},{\"question\":\"comment\",\"text\":\"ひみつの感想\"}]}");
        assertEquals(answer.toString(), 201, answer.status());
        assertTrue(staff.post("/api/community/surveys/" + named + "/responses", "{\"personId\":\"" + hanako
                + "\",\"answers\":[{\"question\":\"overall\",\"rating\":1}]}").isProblem(409));
        JsonNode surveyed = ledger("community:survey:" + named + ":response:" + answer.json().path("id").asLong() + ":answered");
        assertEquals("community.survey.answered", surveyed.path("type").asText());
        assertEquals(hanako, surveyed.path("personId").asText());
        assertEquals(Long.toString(named), surveyed.path("attributes").path("survey").asText());
        assertEquals("true", surveyed.path("attributes").path("satisfied").asText());
        assertFalse(surveyed.toString().contains("ひみつ"));
        assertEquals(thisFiscalYear(), surveyed.path("fiscalYear").asInt());

        long anonymousSurvey = created(staff.post("/api/community/surveys", "{\"fiscalYear\":" + thisFiscalYear()
                + ",\"title\":{\"ja\":\"無記名アンケート IT\"},\"anonymous\":true," + questions + "}"));
        staff.post("/api/community/surveys/" + anonymousSurvey + "/open", "");
        String token = staff.post("/api/community/surveys/" + anonymousSurvey + "/tokens", "{\"count\":1}").json()
                .path("tokens").get(0).path("token").asText();
        assertEquals(201, anonymous().post("/api/community/public/surveys/" + token + "/answers",
                "{\"answers\":[{\"question\":\"overall\",\"rating\":2}]}").status());
        JsonNode anonymousFacts = staff.get("/api/ledger?type=community.survey.answered&limit=100").json();
        int unnamed = 0;
        for (JsonNode e : anonymousFacts.path("items")) {
            if (e.path("attributes").path("survey").asText().equals(Long.toString(anonymousSurvey))) {
                assertFalse(e.toString(), e.hasNonNull("personId"));
                assertEquals("false", e.path("attributes").path("satisfied").asText());
                unnamed++;
            }
        }
        assertEquals(1, unnamed);
        JsonNode year = staff.get("/api/community/surveys/satisfaction").json().get(0);
        assertEquals(2, year.path("responses").asInt());
        assertEquals(0.5, year.path("rate").asDouble(), 0.0001);
    }

    @Test
    public void b_publicEndpointsRevealNothingWithoutConsentAndAWithdrawalTakesARoleModelDownAtOnce() {
        ApiClient staff = as(STAFF);
        ApiClient anyone = anonymous();
        long withoutConsent = created(staff.post("/api/community/role-models", "{\"personId\":\"" + taro + "\",\"displayName\":\"太郎さん\","
                + "\"headline\":{\"ja\":\"写真家\"},\"workKind\":\"photography\"}"));
        assertTrue(staff.post("/api/community/role-models/" + withoutConsent + "/publish", "").isProblem(422));
        assertTrue(anyone.get("/api/community/public/role-models/" + withoutConsent).isProblem(404));

        long profile = created(staff.post("/api/community/role-models", "{\"personId\":\"" + hanako + "\",\"displayName\":\"花子さん\","
                + "\"headline\":{\"ja\":\"子育てしながらWebライター\",\"en\":\"Web writer and parent\"},"
                + "\"story\":{\"ja\":\"東京から移住して5年。\"},\"workKind\":\"writing\"}"));
        assertEquals(0, anyone.get("/api/community/public/role-models").json().path("total").asInt());
        assertEquals(200, staff.post("/api/community/role-models/" + profile + "/publish", "").status());
        JsonNode shown = anyone.get("/api/community/public/role-models?work=writing").json();
        assertEquals(shown.toString(), 1, shown.path("total").asInt());
        assertEquals("花子さん", shown.path("items").get(0).path("displayName").asText());
        assertFalse(shown.toString(), shown.toString().contains("personId") || shown.toString().contains("奄美"));
        assertEquals(200, anyone.get("/api/community/public/role-models/" + profile).status());

        ApiResponse withdrawn = staff.delete("/api/people/" + hanako + "/consents/ROLE_MODEL");
        assertEquals(withdrawn.toString(), 200, withdrawn.status());
        assertEquals(0, anyone.get("/api/community/public/role-models").json().path("total").asInt());
        assertTrue(anyone.get("/api/community/public/role-models/" + profile).isProblem(404));
        assertFalse(staff.get("/api/community/role-models/" + profile).json().path("publiclyVisible").asBoolean());

        long page = created(staff.post("/api/community/migrant-pages", "{\"slug\":\"it-trial-stay\",\"phase\":\"TRIAL_STAY\","
                + "\"title\":{\"ja\":\"お試し移住\"},\"body\":{\"ja\":\"お試し住宅の案内\"}}"));
        assertTrue(anyone.get("/api/community/public/migrant-pages/it-trial-stay").isProblem(404));
        staff.post("/api/community/migrant-pages/" + page + "/publish", "");
        assertEquals("お試し住宅の案内", anyone.get("/api/community/public/migrant-pages/it-trial-stay").json()
                .path("body").path("ja").asText());
        assertTrue(anyone.get("/api/community/public/surveys/NOT-A-TOKEN").isProblem(404));
        assertTrue(anyone.get("/api/community/consultations").isProblem(401));
        assertTrue(as(JUROR).get("/api/community/events").isProblem(403));
    }

    @Test
    public void c_retiringRemovesTheApiButNotTheDataAndRefreshesNothingElse() throws Exception {
        ApiClient staff = as(STAFF);
        String events = staff.get("/api/community/events?limit=500").json().path("items").toString();
        String leaders = staff.get("/api/community/leaders?limit=500").json().toString();
        String surveys = staff.get("/api/community/surveys?limit=500").json().toString();
        String roleModels = staff.get("/api/community/role-models?limit=500").json().toString();
        String pages = anonymous().get("/api/community/public/migrant-pages").body();
        assertTrue(events, events.contains("島フリーランス交流会 IT"));

        List<String> disturbed = new CopyOnWriteArrayList<>();
        SynchronousBundleListener watcher = event -> {
            Bundle b = event.getBundle();
            boolean ours = "org.freelanceisland.community".equals(b.getSymbolicName());
            if (!ours && (event.getType() == BundleEvent.STOPPED || event.getType() == BundleEvent.UNRESOLVED
                    || event.getType() == BundleEvent.UPDATED)) {
                disturbed.add(b.getSymbolicName() + " " + event.getType());
            }
        };
        bundleContext.addBundleListener(watcher);
        try {
            retireProgram("community");
            assertTrue(staff.get("/api/community/events").isProblem(404));
            assertTrue(anonymous().get("/api/community/public/calendar.ics").isProblem(404));
            assertEquals(200, anonymous().get("/api/health").status());
            installProgram("community");
        } finally {
            bundleContext.removeBundleListener(watcher);
        }
        assertEquals("installing or retiring the program restarted other bundles", List.of(), disturbed);
        anonymous().awaitOk("/api/community/public/migrant-pages", Duration.ofSeconds(60));
        assertEquals(events, staff.get("/api/community/events?limit=500").json().path("items").toString());
        assertEquals(leaders, staff.get("/api/community/leaders?limit=500").json().toString());
        assertEquals(surveys, staff.get("/api/community/surveys?limit=500").json().toString());
        assertEquals(roleModels, staff.get("/api/community/role-models?limit=500").json().toString());
        assertEquals(pages, anonymous().get("/api/community/public/migrant-pages").body());
    }
}
