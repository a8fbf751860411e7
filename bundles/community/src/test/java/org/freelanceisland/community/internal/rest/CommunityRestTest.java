package org.freelanceisland.community.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.freelanceisland.community.internal.Fixture;
import org.freelanceisland.platform.api.audit.AuditEntry;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.testing.http.ApiClient;
import org.freelanceisland.testing.http.ApiResponse;
import org.freelanceisland.testing.rest.RestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The REST contract of /api/community with the platform's real REST support, a fake people registry and in-memory H2. */
class CommunityRestTest {

    private static final String EVENT = """
            {"title":{"ja":"島フリーランス交流会","en":"Island freelancers' meetup"},"kind":"EXCHANGE_MEETING",
             "startsAt":"2025-06-14T19:00:00","endsAt":"2025-06-14T21:00:00","place":"WorkStyle Lab Inno, 名瀬",
             "capacity":%d,"visibility":"%s"}""";
    private static final String SURVEY = """
            {"fiscalYear":2025,"title":{"ja":"島フリーランス満足度調査"},"anonymous":%s,
             "questions":[{"code":"overall","type":"LIKERT_1_5","text":{"ja":"仕事と暮らしに満足していますか"}},
                          {"code":"comment","type":"FREE_TEXT","text":{"ja":"ご意見"},"required":false}],
             "satisfiedWhen":{"question":"overall","min":4}}""";
    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

    private Fixture f;
    private RestHarness api;

    @BeforeEach
    void start() {
        f = new Fixture();
        f.directory.add("p-1", "奄美 花子").add("p-2", "名瀬 太郎").add("p-3", "笠利 次郎");
        api = RestHarness.start("/api/community", f::application);
    }

    @AfterEach
    void stop() {
        api.close();
        f.close();
    }

    private static long created(ApiResponse r) {
        assertEquals(201, r.status(), r.toString());
        return r.json().path("id").asLong();
    }

    @Test
    void anEventFromPlanningToTheCalendarFeedAndSelfCheckIn() {
        ApiClient staff = api.as(RestHarness.STAFF);
        ApiResponse made = staff.post("/api/community/events", EVENT.formatted(20, "PUBLIC"));
        long id = created(made);
        assertTrue(made.header("Location").endsWith("/api/community/events/" + id), made.header("Location"));
        assertEquals("交流会", made.json().path("kindLabel").path("ja").asText());
        long internal = created(staff.post("/api/community/events", EVENT.formatted(5, "INTERNAL").replace("島フリーランス交流会", "運営会議")));

        ApiResponse reg = staff.post("/api/community/events/" + id + "/registrations", "{\"personId\":\"p-1\"}");
        assertEquals(201, reg.status(), reg.toString());
        String code = reg.json().path("checkInCode").asText();
        assertEquals("奄美 花子", reg.json().path("personName").asText());

        ApiClient anyone = api.anonymous();
        ApiResponse feed = anyone.get("/api/community/public/calendar.ics");
        assertEquals(200, feed.status(), feed.toString());
        assertTrue(feed.header("Content-Type").startsWith("text/calendar"), feed.header("Content-Type"));
        String ics = feed.body();
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\n"), ics);
        assertTrue(ics.contains("UID:community-event-" + id + "@test.example\r\n"), ics);
        assertTrue(ics.replace("\r\n ", "").contains("LOCATION:WorkStyle Lab Inno\\, 名瀬\r\n"), ics);
        assertFalse(ics.contains("運営会議"), "internal events are not public");
        assertFalse(ics.contains("p-1") || ics.contains("奄美 花子") || ics.contains(code), "no personal data in the feed");
        assertEquals(400, anyone.get("/api/community/public/calendar.ics?lang=fr").status());

        assertEquals(1, anyone.get("/api/community/public/events?from=2025-06-01").json().path("total").asInt());
        assertTrue(anyone.get("/api/community/public/events/" + internal).isProblem(404));
        JsonNode publicEvent = anyone.get("/api/community/public/events/" + id).json();
        assertEquals(19, publicEvent.path("placesLeft").asInt());
        assertFalse(publicEvent.toString().contains("p-1"));

        f.clock.set(LocalDateTime.parse("2025-06-14T18:45"));
        ApiResponse in = anyone.post("/api/community/public/events/" + id + "/check-in", "{\"code\":\"" + code + "\"}");
        assertEquals(200, in.status(), in.toString());
        assertFalse(in.json().path("alreadyCheckedIn").asBoolean());
        assertFalse(in.body().contains("p-1"), "the answer says nothing about the person");
        assertTrue(anyone.post("/api/community/public/events/" + id + "/check-in", "{\"code\":\"ZZZZ-ZZZZ\"}").isProblem(422));
        assertTrue(anyone.post("/api/community/public/events/" + id + "/check-in", "{}").isProblem(400));
        assertEquals(1, staff.get("/api/community/events/" + id).json().path("attendance").path("checkedIn").asInt());
        assertEquals(1, staff.get("/api/community/events/attendance?fiscalYear=2025").json().path("attendance").asInt());
        ApiResponse walkIn = staff.post("/api/community/events/" + id + "/check-ins", "{\"personId\":\"p-2\"}");
        assertEquals(200, walkIn.status(), walkIn.toString());
        assertEquals(RestHarness.STAFF, walkIn.json().path("checkedInBy").asText());
        assertTrue(walkIn.json().path("walkIn").asBoolean());
        assertEquals(2, staff.get("/api/community/events/" + id + "/registrations?checkedIn=true").json().path("total").asInt());
        assertTrue(staff.get("/api/community/events/" + id + "/registrations?checkedIn=maybe").isProblem(400));
    }

    @Test
    void publicEndpointsRevealNothingWithoutConsentOrPublication() throws Exception {
        ApiClient staff = api.as(RestHarness.STAFF);
        ApiClient anyone = api.anonymous();
        long profile = created(staff.post("/api/community/role-models", """
                {"personId":"p-1","displayName":"花子さん","headline":{"ja":"子育て中のWebライター"},
                 "story":{"ja":"東京から移住して5年"},"workKind":"writing","work":{"ja":"観光記事"}}"""));
        assertEquals(0, anyone.get("/api/community/public/role-models").json().path("total").asInt(), "a draft");
        assertTrue(anyone.get("/api/community/public/role-models/" + profile).isProblem(404));
        assertEquals(200, putPhoto(profile).statusCode());
        assertTrue(anyone.get("/api/community/public/role-models/" + profile + "/photo", "image/*").isProblem(404));

        ApiResponse published = staff.post("/api/community/role-models/" + profile + "/publish", "");
        assertEquals(200, published.status(), published.toString());
        JsonNode list = anyone.get("/api/community/public/role-models?work=writing").json();
        assertEquals(1, list.path("total").asInt());
        assertFalse(list.toString().contains("p-1") || list.toString().contains("奄美 花子"), list.toString());
        assertEquals(0, anyone.get("/api/community/public/role-models?work=photography").json().path("total").asInt());
        assertTrue(anyone.get("/api/community/public/role-models?work=%3Cscript%3E").isProblem(400));
        HttpResponse<byte[]> photo = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + api.port() + "/api/community/public/role-models/" + profile + "/photo")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, photo.statusCode());
        assertEquals("image/png", photo.headers().firstValue("Content-Type").orElse(""));

        f.directory.withdraw("p-1", ConsentPurpose.ROLE_MODEL);
        assertEquals(0, anyone.get("/api/community/public/role-models").json().path("total").asInt());
        assertTrue(anyone.get("/api/community/public/role-models/" + profile).isProblem(404));
        assertTrue(anyone.get("/api/community/public/role-models/" + profile + "/photo", "image/*").isProblem(404));
        assertEquals("[]", anyone.get("/api/community/public/role-models/work-kinds").body());
        assertFalse(staff.get("/api/community/role-models/" + profile).json().path("consentsNow").asBoolean());

        long page = created(staff.post("/api/community/migrant-pages", """
                {"slug":"first-visit","phase":"VISITING","title":{"ja":"はじめての奄美","en":"Your first visit"},
                 "body":{"ja":"空港からのアクセス"}}"""));
        assertTrue(anyone.get("/api/community/public/migrant-pages/first-visit").isProblem(404));
        assertFalse(anyone.get("/api/community/public/migrant-pages").body().contains("first-visit"));
        staff.post("/api/community/migrant-pages/" + page + "/publish", "");
        assertEquals("空港からのアクセス", anyone.get("/api/community/public/migrant-pages/first-visit").json().path("body").path("ja").asText());
        assertTrue(anyone.get("/api/community/public/migrant-pages?phase=SOMEDAY").isProblem(400));

        assertTrue(anyone.get("/api/community/public/surveys/NOTATOKEN").isProblem(404));
    }

    @Test
    void anAnonymousSurveyAnsweredOnThePublicFormWithTokens() {
        ApiClient staff = api.as(RestHarness.STAFF);
        long id = created(staff.post("/api/community/surveys", SURVEY.formatted("true")));
        assertTrue(staff.post("/api/community/surveys/" + id + "/tokens", "{\"personIds\":[\"p-1\"]}").isProblem(400));
        assertEquals(200, staff.post("/api/community/surveys/" + id + "/open", "").status());
        ApiResponse tokens = staff.post("/api/community/surveys/" + id + "/tokens", "{\"count\":3}");
        assertEquals(201, tokens.status(), tokens.toString());
        List<String> issued = new ArrayList<>();
        tokens.json().path("tokens").forEach(t -> issued.add(t.path("token").asText()));
        assertEquals(3, issued.size());
        assertEquals("community.survey.tokens.issued", f.audited.get(0).action());

        ApiClient anyone = api.anonymous();
        JsonNode form = anyone.get("/api/community/public/surveys/" + issued.get(0)).json();
        assertEquals("overall", form.path("questions").get(0).path("code").asText());
        assertTrue(anyone.post("/api/community/public/surveys/" + issued.get(0) + "/answers",
                "{\"answers\":[{\"question\":\"overall\",\"rating\":9}]}").isProblem(400));
        ApiResponse answered = anyone.post("/api/community/public/surveys/" + issued.get(0) + "/answers",
                "{\"answers\":[{\"question\":\"overall\",\"rating\":5},{\"question\":\"comment\",\"text\":\"いい島です\"}]}");
        assertEquals(201, answered.status(), answered.toString());
        assertTrue(answered.json().path("satisfied").asBoolean());
        assertTrue(anyone.post("/api/community/public/surveys/" + issued.get(0) + "/answers",
                "{\"answers\":[{\"question\":\"overall\",\"rating\":5}]}").isProblem(409), "one time");
        anyone.post("/api/community/public/surveys/" + issued.get(1) + "/answers", "{\"answers\":[{\"question\":\"overall\",\"rating\":2}]}");

        JsonNode results = staff.get("/api/community/surveys/" + id + "/results").json();
        assertEquals(2, results.path("responses").asInt());
        assertEquals(0.5, results.path("satisfactionRate").asDouble());
        JsonNode year = staff.get("/api/community/surveys/satisfaction?from=2025").json().get(0);
        assertEquals(0.5, year.path("rate").asDouble());
        assertFalse(year.path("targetMet").asBoolean());
        ApiResponse csv = staff.get("/api/community/surveys/" + id + "/results.csv", "text/csv");
        assertTrue(csv.body().startsWith("\uFEFF設問,種類,回答,件数\r\n"), csv.body());
        assertTrue(csv.body().contains("overall,LIKERT_1_5,5,x\r\n"), csv.body());
        assertFalse(csv.body().contains("いい島です"), "free text is never exported with the counts");
        assertEquals("[\"いい島です\"]", staff.get("/api/community/surveys/" + id + "/free-text?question=comment").json().path("items").toString());
    }

    @Test
    void consultationCountsExportSuppressesSmallCountsAndIsAudited() {
        ApiClient staff = api.as(RestHarness.STAFF);
        for (int i = 0; i < 4; i++) {
            created(staff.post("/api/community/consultations",
                    "{\"heldOn\":\"2025-05-1" + i + "\",\"topic\":\"TAXES_AND_FILING\",\"channel\":\"IN_PERSON\"}"));
        }
        long named = created(staff.post("/api/community/consultations",
                "{\"personId\":\"p-1\",\"heldOn\":\"2025-05-20\",\"topic\":\"MIGRATION\",\"channel\":\"ONLINE\",\"notes\":\"住まいの相談\","
                        + "\"followUpOn\":\"2025-06-01\"}"));
        assertEquals(1, staff.get("/api/community/consultations/follow-ups").json().path("total").asInt());
        assertEquals("住まいの相談", staff.get("/api/community/consultations/" + named).json().path("notes").asText());
        assertEquals("community.consultation.read", f.audited.get(f.audited.size() - 1).action());
        assertEquals("p-1", f.audited.get(f.audited.size() - 1).subjectId());

        ApiClient coordinator = api.as(RestHarness.COORDINATOR);
        JsonNode counts = coordinator.get("/api/community/consultations/counts?fiscalYear=2025").json();
        assertEquals(5, counts.path("total").asInt());
        ApiResponse csv = coordinator.get("/api/community/consultations/counts.csv?fiscalYear=2025", "text/csv");
        assertEquals(200, csv.status(), csv.toString());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertTrue(lines[0].startsWith("\uFEFF月,開業・はじめの一歩,税金・確定申告,"), lines[0]);
        String may = List.of(lines).stream().filter(l -> l.startsWith("2025-05,")).findFirst().orElseThrow();
        assertEquals("2025-05,0,x,0,x,0,0,0,5", may, "the single migration case is hidden, and the 4 next to it so it cannot be worked out");
        String total = lines[lines.length - 1];
        assertTrue(total.startsWith("合計,0,x,0,x,"), total);
        assertFalse(csv.body().contains("p-1") || csv.body().contains("住まい"));
        AuditEntry export = f.audited.get(f.audited.size() - 1);
        assertEquals("community.consultation.counts.exported", export.action());
        assertEquals(RestHarness.COORDINATOR, export.actor());
    }

    @Test
    void rolesAreCheckedOnEveryEndpoint() {
        long event = created(api.as(RestHarness.STAFF).post("/api/community/events", EVENT.formatted(5, "PUBLIC")));
        Map<String, Function<ApiClient, ApiResponse>> calls = new LinkedHashMap<>();
        calls.put("GET events", c -> c.get("/api/community/events"));
        calls.put("POST event", c -> c.post("/api/community/events", EVENT.formatted(5, "PUBLIC")));
        calls.put("GET registrations", c -> c.get("/api/community/events/" + event + "/registrations"));
        calls.put("GET consultations", c -> c.get("/api/community/consultations"));
        calls.put("GET counts", c -> c.get("/api/community/consultations/counts"));
        calls.put("GET leaders", c -> c.get("/api/community/leaders"));
        calls.put("GET surveys", c -> c.get("/api/community/surveys"));
        calls.put("GET role models", c -> c.get("/api/community/role-models"));
        calls.put("GET pages", c -> c.get("/api/community/migrant-pages"));
        calls.put("GET public events", c -> c.get("/api/community/public/events"));
        calls.put("GET public role models", c -> c.get("/api/community/public/role-models"));
        Map<String, String> expected = new LinkedHashMap<>();
        //                                anonymous juror staff
        expected.put("GET events", "401 403 200");
        expected.put("POST event", "401 403 201");
        expected.put("GET registrations", "401 403 200");
        expected.put("GET consultations", "401 403 200");
        expected.put("GET counts", "401 403 200");
        expected.put("GET leaders", "401 403 200");
        expected.put("GET surveys", "401 403 200");
        expected.put("GET role models", "401 403 200");
        expected.put("GET pages", "401 403 200");
        expected.put("GET public events", "200 200 200");
        expected.put("GET public role models", "200 200 200");
        Map<String, String> actual = new LinkedHashMap<>();
        calls.forEach((name, call) -> actual.put(name, call.apply(api.anonymous()).status() + " "
                + call.apply(api.as(RestHarness.JUROR)).status() + " " + call.apply(api.as(RestHarness.STAFF)).status()));
        assertEquals(expected, actual);
    }

    @Test
    void badInputIsAProblemNamingTheFieldsNeverA500() {
        ApiClient staff = api.as(RestHarness.STAFF);
        ApiResponse bad = staff.post("/api/community/events", "{\"title\":{\"ja\":\"\"},\"kind\":\"PARTY\"}");
        assertTrue(bad.isProblem(400), bad.toString());
        ApiResponse missing = staff.post("/api/community/events", "{\"title\":{\"ja\":\"x\"},\"kind\":\"MARKET_DAY\"}");
        assertTrue(missing.isProblem(400), missing.toString());
        String fields = missing.json().path("errors").toString();
        assertTrue(fields.contains("startsAt") && fields.contains("endsAt"), fields);
        assertTrue(staff.post("/api/community/events", EVENT.formatted(5, "PUBLIC").replace("}", ",\"colour\":\"red\"}")).isProblem(400),
                "unknown fields are refused");
        assertTrue(staff.get("/api/community/events?from=yesterday&kind=PARTY").isProblem(400));
        assertTrue(staff.get("/api/community/events/987654").isProblem(404));
        assertTrue(staff.get("/api/community/events/abc").isProblem(400));
        assertTrue(staff.post("/api/community/leaders", "{\"personId\":\"p-1\",\"community\":\"Bad Code!\","
                + "\"communityName\":{\"ja\":\"x\"},\"since\":\"2025-04-01\"}").isProblem(400));
        assertTrue(staff.post("/api/community/consultations", "{\"heldOn\":\"2025-05-01\",\"topic\":\"GOSSIP\",\"channel\":\"PHONE\"}")
                .isProblem(400));
        assertTrue(staff.post("/api/community/surveys", SURVEY.formatted("false").replace("\"min\":4", "\"min\":7")).isProblem(400));
        ApiResponse leader = staff.post("/api/community/leaders", "{\"personId\":\"p-1\",\"community\":\"handmade-makers\","
                + "\"communityName\":{\"ja\":\"ハンドメイド作家の会\"},\"since\":\"2025-04-01\"}");
        assertEquals(201, leader.status(), leader.toString());
        assertEquals(1, staff.get("/api/community/leaders?active=true").json().path("total").asInt());
        assertTrue(staff.get("/api/community/leaders?active=sometimes").isProblem(400));
    }

    private java.net.http.HttpResponse<String> putPhoto(long id) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + api.port() + "/api/community/role-models/" + id + "/photo"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((RestHarness.STAFF + ":" + RestHarness.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "image/png").header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(PNG)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
