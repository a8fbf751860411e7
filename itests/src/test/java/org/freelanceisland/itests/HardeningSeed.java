package org.freelanceisland.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.freelanceisland.platform.api.FiscalYear;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Data in every program for the hardening tests to read, fuzz around and compare: people, a course,
 * a contest and a market, a partner and a job, events, a leader, a survey, a role model and a
 * migrant page. Every text carries the characters Japanese data is made of and that break naive
 * code: a character outside the BMP (𠮷, a surrogate pair in Java), half-width katakana (ｶﾅ) and a
 * combining voiced mark (か + U+3099). {@link #mismatches} lists every text that did not come back
 * exactly as sent.
 */
final class HardeningSeed {

    /** The tricky text every seeded label carries. */
    static final String TRICKY = "𠮷野家ｶﾅｶﾞ か\u3099";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final HttpProbe http;
    private final String staff;
    private final String coordinator;
    private final String admin;
    private final ObjectMapper mapper = new ObjectMapper();
    private final List<String> mismatches = new ArrayList<>();
    private final Map<String, String> ids = new LinkedHashMap<>();

    /**
     * Prepares the seed.
     *
     * @param http the sender
     * @param staff a staff account's Authorization header
     * @param coordinator a coordinator's
     * @param admin an administrator's
     */
    HardeningSeed(HttpProbe http, String staff, String coordinator, String admin) {
        this.http = http;
        this.staff = staff;
        this.coordinator = coordinator;
        this.admin = admin;
    }

    /** @return the texts that did not come back as sent, empty when all did */
    List<String> mismatches() {
        return mismatches;
    }

    /** @return the ids created, by a short name ({@code person1}, {@code course}, ...) */
    Map<String, String> ids() {
        return ids;
    }

    /**
     * Creates the data in every program (which must be installed).
     *
     * @return this
     */
    HardeningSeed plant() {
        LocalDate today = LocalDate.now(FiscalYear.ISLAND_ZONE);
        int year = FiscalYear.of(today).startYear();
        String t = TRICKY;

        // the people registry: names in any script and width
        for (int i = 1; i <= 3; i++) {
            JsonNode person = created(staff, "/api/people", """
                    {"name":"%s %d","kana":"よしだ ｶﾅｺ","district":"名瀬","preferredWork":["%s"],
                     "consents":[{"purpose":"PROGRAM_ADMINISTRATION","givenOn":"2025-04-01","noticeVersion":"2025-04"},
                                 {"purpose":"STATISTICS","givenOn":"2025-04-01","noticeVersion":"2025-04"},
                                 {"purpose":"ROLE_MODEL","givenOn":"2025-04-01","noticeVersion":"2025-04"}]}"""
                    .formatted(t, i, t));
            ids.put("person" + i, person.path("id").asText());
            JsonNode read = get(staff, "/api/people/" + person.path("id").asText() + "?purpose=hardening");
            same("people name", t + " " + i, read.path("name").asText());
            same("people preferred work", t, read.path("preferredWork").path(0).asText());
        }
        String person = ids.get("person1");

        // the Terakoya
        JsonNode course = created(staff, "/api/terakoya/courses", """
                {"fiscalYear":%d,"title":{"ja":"%s 講座","en":"Course"},"description":{"ja":"%s"},"category":"writing",
                 "instructors":[{"organisation":"%s"}],"capacity":20,"format":"HYBRID","location":"%s",
                 "applicationOpens":"%s","applicationCloses":"%s","completion":{"rule":"ATTENDANCE","minSessions":1}}"""
                .formatted(year, t, t, t, t, today.minusDays(7), today.plusDays(30)));
        ids.put("course", course.path("id").asText());
        JsonNode courseRead = get(staff, "/api/terakoya/courses/" + ids.get("course"));
        same("course title", t + " 講座", courseRead.path("title").path("ja").asText());
        same("course description", t, courseRead.path("description").path("ja").asText());
        same("course location", t, courseRead.path("location").asText());
        same("course instructor", t, courseRead.path("instructors").path(0).path("organisation").asText());
        created(staff, "/api/terakoya/courses/" + ids.get("course") + "/sessions",
                "{\"date\":\"" + today + "\",\"startsAt\":\"19:00\",\"endsAt\":\"21:00\",\"topic\":{\"ja\":\"" + t + "\"}}");
        JsonNode enrolment = created(staff, "/api/terakoya/courses/" + ids.get("course") + "/enrolments",
                "{\"personId\":\"" + person + "\",\"note\":\"" + t + "\"}");
        same("enrolment note", t, enrolment.path("note").asText());
        JsonNode pool = created(staff, "/api/terakoya/online-seats/pools",
                "{\"fiscalYear\":" + year + ",\"partner\":\"" + t + "\",\"seats\":10,\"note\":\"" + t + "\"}");
        same("seat pool partner", t, get(staff, "/api/terakoya/online-seats/pools/" + pool.path("id").asText())
                .path("partner").asText());
        created(staff, "/api/terakoya/online-seats/pools/" + pool.path("id").asText() + "/allocations",
                "{\"personId\":\"" + ids.get("person2") + "\"}");

        // the contest and the market
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant later = now.plus(1, ChronoUnit.HOURS);
        JsonNode contest = created(staff, "/api/contest/contests", """
                {"fiscalYear":%d,"edition":9,"title":{"ja":"%s 大賞","en":"Grand Prize"},
                 "entryWindow":{"opens":"%s","closes":"%s"},"judgingWindow":{"opens":"%s","closes":"%s"},
                 "votingWindow":{"opens":"%s","closes":"%s"},
                 "categories":[{"code":"textile","label":{"ja":"%s"}}],
                 "rubric":{"scale":10,"criteria":[{"code":"craft","label":{"ja":"%s"},"weight":1}]}}"""
                .formatted(FiscalYear.of(now).startYear(), t, now.minusSeconds(3600), later, later, later.plusSeconds(3600),
                        later, later.plusSeconds(3600), t, t));
        ids.put("contest", contest.path("id").asText());
        JsonNode contestRead = get(staff, "/api/contest/contests/" + ids.get("contest"));
        same("contest title", t + " 大賞", contestRead.path("title").path("ja").asText());
        same("contest category", t, contestRead.path("categories").path(0).path("label").path("ja").asText());
        JsonNode entry = created(staff, "/api/contest/contests/" + ids.get("contest") + "/entries",
                "{\"makerId\":\"" + person + "\",\"title\":\"" + t + "\",\"category\":\"textile\",\"materials\":\"" + t + "\"}");
        same("entry title", t, entry.path("title").asText());
        same("entry materials", t, entry.path("materials").asText());
        JsonNode market = created(staff, "/api/contest/markets", "{\"name\":{\"ja\":\"" + t + " マーケット\"},\"venue\":\"" + t
                + "\",\"startsOn\":\"" + today.minusDays(1) + "\",\"endsOn\":\"" + today.minusDays(1) + "\"}");
        JsonNode marketRead = get(staff, "/api/contest/markets/" + market.path("id").asText());
        same("market name", t + " マーケット", marketRead.path("name").path("ja").asText());
        same("market venue", t, marketRead.path("venue").asText());

        // job brokering
        JsonNode partner = created(coordinator, "/api/jobs/partners", """
                {"name":"%s 商事","kind":"STOCK_PHOTO","contactName":"%s","agreement":"%s","priorityQuota":3}"""
                .formatted(t, t, t));
        ids.put("partner", partner.path("id").asText());
        JsonNode partnerRead = get(coordinator, "/api/jobs/partners/" + ids.get("partner"));
        same("partner name", t + " 商事", partnerRead.path("name").asText());
        same("partner contact", t, partnerRead.path("contactName").asText());
        JsonNode job = created(coordinator, "/api/jobs/jobs", """
                {"partnerId":%s,"title":{"ja":"%s の記事","en":"Articles"},"skills":["writing"],"volume":2,
                 "unit":{"ja":"本","en":"articles"},"effort":{"value":3,"unit":"DAYS"},
                 "schedule":{"deadline":"%s","workMode":"REMOTE"},"pay":{"type":"PER_UNIT","yen":30000},"priority":false}"""
                .formatted(ids.get("partner"), t, today.plusDays(40)));
        ids.put("job", job.path("id").asText());
        same("job title", t + " の記事", get(coordinator, "/api/jobs/jobs/" + ids.get("job")).path("title").path("ja").asText());

        // community and hub
        LocalDateTime at = LocalDateTime.now(FiscalYear.ISLAND_ZONE).plusDays(3).withNano(0);
        JsonNode event = created(staff, "/api/community/events", "{\"title\":{\"ja\":\"" + t + " 交流会\"},\"description\":{\"ja\":\""
                + t + "\"},\"kind\":\"EXCHANGE_MEETING\",\"startsAt\":\"" + LOCAL.format(at) + "\",\"endsAt\":\""
                + LOCAL.format(at.plusHours(2)) + "\",\"place\":\"" + t + "\",\"capacity\":30}");
        ids.put("event", event.path("id").asText());
        JsonNode eventRead = get(staff, "/api/community/events/" + ids.get("event"));
        same("event title", t + " 交流会", eventRead.path("title").path("ja").asText());
        same("event place", t, eventRead.path("place").asText());
        created(staff, "/api/community/events/" + ids.get("event") + "/registrations", "{\"personId\":\"" + person + "\"}");
        JsonNode consultation = created(staff, "/api/community/consultations", "{\"personId\":\"" + person + "\",\"heldOn\":\""
                + today + "\",\"topic\":\"CHILD_REARING_AND_WORK\",\"channel\":\"IN_PERSON\",\"notes\":\"" + t + "\"}");
        same("consultation notes", t, get(staff, "/api/community/consultations/" + consultation.path("id").asText())
                .path("notes").asText());
        JsonNode leader = created(staff, "/api/community/leaders", "{\"personId\":\"" + ids.get("person2")
                + "\",\"community\":\"hardening\",\"communityName\":{\"ja\":\"" + t + "\"},\"since\":\"" + today.minusMonths(1)
                + "\"}");
        same("leader community", t, get(staff, "/api/community/leaders/" + leader.path("id").asText())
                .path("communityName").path("ja").asText());
        JsonNode survey = created(staff, "/api/community/surveys", "{\"fiscalYear\":" + year + ",\"title\":{\"ja\":\"" + t
                + "\"},\"questions\":[{\"code\":\"overall\",\"type\":\"LIKERT_1_5\",\"text\":{\"ja\":\"" + t + "\"}},"
                + "{\"code\":\"comment\",\"type\":\"FREE_TEXT\",\"text\":{\"ja\":\"ご意見\"},\"required\":false}],"
                + "\"satisfiedWhen\":{\"question\":\"overall\",\"min\":4}}");
        ids.put("survey", survey.path("id").asText());
        same("survey title", t, get(staff, "/api/community/surveys/" + ids.get("survey")).path("title").path("ja").asText());
        JsonNode roleModel = created(staff, "/api/community/role-models", "{\"personId\":\"" + person + "\",\"displayName\":\""
                + t + "\",\"headline\":{\"ja\":\"" + t + "\"},\"story\":{\"ja\":\"" + t + "\"},\"workKind\":\"writing\"}");
        JsonNode roleModelRead = get(staff, "/api/community/role-models/" + roleModel.path("id").asText());
        same("role model name", t, roleModelRead.path("displayName").asText());
        same("role model headline", t, roleModelRead.path("headline").path("ja").asText());
        JsonNode page = created(staff, "/api/community/migrant-pages", "{\"slug\":\"hardening-page\",\"phase\":\"TRIAL_STAY\","
                + "\"title\":{\"ja\":\"" + t + "\"},\"body\":{\"ja\":\"" + t + "\"}}");
        same("migrant page title", t, get(staff, "/api/community/migrant-pages/" + page.path("id").asText())
                .path("title").path("ja").asText());
        return this;
    }

    private void same(String what, String sent, String read) {
        if (!sent.equals(read)) {
            mismatches.add(what + ": sent " + codePoints(sent) + ", read " + codePoints(read));
        }
    }

    private static String codePoints(String text) {
        StringBuilder shown = new StringBuilder("\"" + text + "\" [");
        text.codePoints().forEach(c -> shown.append(String.format(" U+%04X", c)));
        return shown.append(" ]").toString();
    }

    private JsonNode created(String authorization, String path, String json) {
        HttpProbe.Answer answer = http.send("POST", path, authorization, "application/json", json.getBytes(StandardCharsets.UTF_8));
        if (answer.status() != 201 && answer.status() != 200) {
            throw new AssertionError("seeding " + path + " failed: " + answer.status() + " " + answer.text() + "\nsent: " + json);
        }
        return parse(answer);
    }

    private JsonNode get(String authorization, String path) {
        HttpProbe.Answer answer = http.send("GET", path, authorization, null, null);
        if (answer.status() != 200) {
            throw new AssertionError("reading " + path + " failed: " + answer.status() + " " + answer.text());
        }
        return parse(answer);
    }

    private JsonNode parse(HttpProbe.Answer answer) {
        try {
            return mapper.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the administrator's Authorization header, for checks that need one */
    String admin() {
        return admin;
    }
}
