package org.freelanceisland.contest.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.freelanceisland.contest.internal.ContestApi;
import org.freelanceisland.contest.internal.Fixture;
import org.freelanceisland.contest.internal.service.ImagesTest;
import org.freelanceisland.contest.internal.service.Sheets;
import org.freelanceisland.platform.api.audit.AuditEntry;
import org.freelanceisland.testing.http.ApiClient;
import org.freelanceisland.testing.http.ApiResponse;
import org.freelanceisland.testing.rest.RestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The REST contract of /api/contest with the platform's real REST support, a fake people registry and in-memory H2. */
class ContestRestTest {

    private static final String BASE = "/api/contest";

    private Fixture f;
    private RestHarness api;
    private final List<AuditEntry> audited = new ArrayList<>();

    @BeforeEach
    void start() {
        f = new Fixture();
        f.directory.add("m1", "奄美 紬子").add("m2", "名瀬 花子").add("m3", "笠利 次郎");
        api = RestHarness.start(BASE, rest -> rest.application("contest")
                .register(new ContestResource(f.contests, f.entries, f.judging, ContestApi.jsonReader()))
                .register(new JuryResource(f.judging))
                .register(new VotingResource(f.voting, audited::add))
                .register(new ResultResource(f.results, f.judging))
                .register(new PublicResource(f.results, f.voting))
                .register(new MarketResource(f.markets)));
    }

    @AfterEach
    void stop() {
        api.close();
        f.close();
    }

    /** A binary response. */
    record Bytes(int status, String type, String disposition, byte[] body) {
    }

    private Bytes fetch(String account, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + api.port() + path)).header("Accept", "*/*");
        if (account != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((account + ":" + RestHarness.PASSWORD)
                    .getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Bytes(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                r.headers().firstValue("Content-Disposition").orElse(""), r.body());
    }

    /** Sends a multipart form: parts are name, file name (null for text), bytes. */
    private ApiResponse multipart(String account, String path, Object[]... parts) throws Exception {
        String boundary = "----island" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Object[] p : parts) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p[0] + "\""
                    + (p[1] == null ? "" : "; filename=\"" + p[1] + "\"") + "\r\nContent-Type: "
                    + (p[1] == null ? "application/json" : "application/octet-stream") + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write((byte[]) p[2]);
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + api.port() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((account + ":" + RestHarness.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new ApiResponse(r.statusCode(), r.headers().map(), r.body());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> fields(ApiResponse r) {
        List<String> fields = new ArrayList<>();
        r.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private long createContest() {
        ApiResponse created = api.as(RestHarness.STAFF).post(BASE + "/contests", Fixture.CONTEST);
        assertEquals(201, created.status(), created.toString());
        return created.json().path("id").asLong();
    }

    @Test
    void contestsAndEntriesWithPhotos() throws Exception {
        ApiClient staff = api.as(RestHarness.STAFF);
        assertTrue(api.anonymous().get(BASE + "/contests").isProblem(401));
        assertTrue(api.as(RestHarness.JUROR).post(BASE + "/contests", Fixture.CONTEST).isProblem(403));
        ApiResponse badWindows = staff.post(BASE + "/contests", Fixture.CONTEST.replace(
                "\"votingWindow\":{\"opens\":\"2025-10-15T00:00:00Z\"", "\"votingWindow\":{\"opens\":\"2025-09-15T00:00:00Z\""));
        assertTrue(badWindows.isProblem(422), badWindows.toString());
        assertEquals(List.of("votingWindow.opens"), fields(badWindows));

        long id = createContest();
        JsonNode contest = api.as(RestHarness.JUROR).get(BASE + "/contests/" + id).json();
        assertEquals("令和7年度", contest.path("fiscalYearLabel").path("ja").asText());
        assertEquals("OPEN", contest.path("entryWindow").path("phase").asText());
        assertEquals(3, contest.path("rubric").path("criteria").size());

        byte[] jpeg = ImagesTest.image("jpeg", 800, 600);
        byte[] png = ImagesTest.image("png", 300, 300);
        String entry = "{\"makerId\":\"m1\",\"title\":\"泥染め大島紬のストール\",\"description\":\"テーチ木と泥田で染めた\","
                + "\"category\":\"textile\",\"materials\":\"大島紬\",\"technique\":\"泥染め\",\"priceYen\":38000}";
        ApiResponse created = multipart(RestHarness.STAFF, BASE + "/contests/" + id + "/entries",
                new Object[] { "entry", null, utf8(entry) }, new Object[] { "photos", "ストール表.jpg", jpeg },
                new Object[] { "photos", "detail.png", png });
        assertEquals(201, created.status(), created.toString());
        JsonNode e = created.json();
        assertEquals(1, e.path("number").asInt());
        assertEquals("奄美 紬子", staff.get(BASE + "/contests/" + id + "/entries/" + e.path("id").asLong()).json().path("makerName").asText());
        assertEquals(2, e.path("photos").size());
        JsonNode photo = e.path("photos").get(0);
        assertEquals("image/jpeg", photo.path("contentType").asText());
        assertEquals(800, photo.path("width").asInt());
        assertEquals("ストール表.jpg", photo.path("fileName").asText());

        Bytes original = fetch(RestHarness.STAFF, photo.path("url").asText());
        assertEquals(200, original.status());
        assertEquals("image/jpeg", original.type());
        assertTrue(original.disposition().startsWith("inline; filename=\"contest-" + id + "-entry-1-photo-1.jpg\""), original.disposition());
        assertEquals(jpeg.length, original.body().length);
        Bytes pngBack = fetch(RestHarness.STAFF, e.path("photos").get(1).path("url").asText());
        assertEquals("image/png", pngBack.type());
        Bytes thumb = fetch(RestHarness.STAFF, photo.path("thumbnailUrl").asText());
        assertEquals("image/jpeg", thumb.type());
        assertTrue(thumb.body().length < jpeg.length);
        assertEquals(403, fetch(RestHarness.JUROR, photo.path("url").asText()).status(), "not a juror of this contest");
        assertEquals(401, fetch(null, photo.path("url").asText()).status());

        // not an image, whatever its name says; too big; too many: nothing is saved
        ApiResponse fake = multipart(RestHarness.STAFF, BASE + "/contests/" + id + "/entries",
                new Object[] { "entry", null, utf8(entry.replace("m1", "m2")) },
                new Object[] { "photos", "virus.jpg", utf8("MZ this is not a picture at all, honestly") });
        assertTrue(fake.isProblem(422), fake.toString());
        assertEquals(List.of("photos[0]"), fields(fake));
        ApiResponse big = multipart(RestHarness.STAFF, BASE + "/contests/" + id + "/entries",
                new Object[] { "entry", null, utf8(entry.replace("m1", "m2")) },
                new Object[] { "photos", "big.png", ImagesTest.image("png", 1500, 1500) });
        assertTrue(big.isProblem(422), big.toString());
        Object[][] seven = new Object[8][];
        seven[0] = new Object[] { "entry", null, utf8(entry.replace("m1", "m2")) };
        for (int i = 1; i < 8; i++) {
            seven[i] = new Object[] { "photos", "p" + i + ".png", png };
        }
        assertTrue(multipart(RestHarness.STAFF, BASE + "/contests/" + id + "/entries", seven).isProblem(422));
        ApiResponse noTitle = multipart(RestHarness.STAFF, BASE + "/contests/" + id + "/entries",
                new Object[] { "entry", null, utf8("{\"makerId\":\"m2\",\"category\":\"textile\"}") });
        assertEquals(List.of("title"), fields(noTitle));
        assertTrue(multipart(RestHarness.STAFF, BASE + "/contests/" + id + "/entries",
                new Object[] { "entry", null, utf8("{not json") }).isProblem(400));
        assertEquals(1, staff.get(BASE + "/contests/" + id + "/entries").json().path("total").asInt());

        // a JSON entry without photos, then photos added and one removed
        ApiResponse plain = staff.post(BASE + "/contests/" + id + "/entries", entry.replace("m1", "m2").replace("38000", "null"));
        assertEquals(201, plain.status(), plain.toString());
        assertFalse(plain.json().path("forSale").asBoolean());
        long second = plain.json().path("id").asLong();
        ApiResponse added = multipart(RestHarness.STAFF, BASE + "/contests/" + id + "/entries/" + second + "/photos",
                new Object[] { "photos", "a.png", png });
        assertEquals(200, added.status(), added.toString());
        long photoId = added.json().path("photos").get(0).path("id").asLong();
        assertEquals(204, staff.delete(BASE + "/contests/" + id + "/entries/" + second + "/photos/" + photoId).status());
        assertEquals(2, plain.json().path("number").asInt());
    }

    @Test
    void juryVotingAndPublicResultsOverRest() throws Exception {
        ApiClient staff = api.as(RestHarness.STAFF);
        ApiClient juror = api.as(RestHarness.JUROR);
        ApiClient admin = api.as(RestHarness.ADMIN);
        long id = createContest();
        String c = BASE + "/contests/" + id;
        for (String m : List.of("m1", "m2", "m3")) {
            assertEquals(201, staff.post(c + "/entries", "{\"makerId\":\"" + m + "\",\"title\":\"作品 " + m.toUpperCase().replace('M', '#')
                    + "\",\"category\":\"accessory\"}").status());
        }
        assertTrue(juror.get(c + "/jury/entries").isProblem(403), "not assigned yet");
        assertEquals(201, staff.post(c + "/jurors", "{\"account\":\"juror\",\"displayName\":\"審査員 長\"}").status());
        assertEquals(id, juror.get(BASE + "/contests/assigned").json().get(0).path("id").asLong());
        JsonNode makers = juror.get(c + "/jury/makers").json();
        assertEquals(3, makers.size());
        assertEquals(200, juror.put(c + "/jury/conflicts", "{\"personIds\":[\"m3\"]}").status());

        ApiResponse batch = staff.post(c + "/ticket-batches", "{\"count\":4,\"label\":\"受付\"}");
        assertEquals(201, batch.status(), batch.toString());
        Bytes sheet = fetch(RestHarness.STAFF, batch.json().path("sheetUrl").asText());
        assertEquals("application/pdf", sheet.type());
        assertTrue(sheet.disposition().startsWith("attachment;"), sheet.disposition());
        List<String> codes = Sheets.codes(sheet.body());
        assertEquals(4, codes.size());
        assertTrue(audited.stream().anyMatch(a -> a.action().equals("contest.tickets.sheet-downloaded")));

        f.clock.set("2025-10-16T00:00:00Z");
        JsonNode judging = juror.get(c + "/jury/entries").json();
        assertEquals(2, judging.path("entries").size());
        assertEquals("[3]", judging.path("conflictedEntries").toString());
        assertTrue(judging.path("entries").get(0).path("makerId").isMissingNode(), "judging is blind");
        long e1 = judging.path("entries").get(0).path("id").asLong();
        String score = "{\"values\":{\"craft\":8,\"originality\":7,\"island\":9}}";
        ApiResponse scored = juror.post(c + "/entries/" + e1 + "/score", score);
        assertEquals(201, scored.status(), scored.toString());
        assertTrue(juror.post(c + "/entries/" + e1 + "/score", score).isProblem(409));
        assertEquals(2, juror.put(c + "/entries/" + e1 + "/score", score).json().path("revision").asInt());
        assertTrue(staff.post(c + "/entries/" + e1 + "/score", score).isProblem(403), "staff do not score");
        JsonNode live = juror.get(c + "/results").json();
        assertTrue(live.path("jury").isMissingNode(), "no totals for jurors while judging is open");
        assertTrue(staff.get(c + "/results").json().path("audience").isMissingNode());
        assertTrue(admin.get(c + "/results").json().path("jury").isArray());

        // the public: nothing before publication; voting with a code while voting is open
        assertTrue(api.anonymous().get(BASE + "/public/contests/" + id + "/results").isProblem(404));
        JsonNode ballot = api.anonymous().get(BASE + "/public/contests/" + id + "/ballot").json();
        assertEquals(3, ballot.path("entries").size());
        assertFalse(ballot.toString().contains("maker") || ballot.toString().contains("奄美 紬子"), "no maker on the ballot");
        ApiResponse vote = api.anonymous().post(BASE + "/public/contests/" + id + "/votes", "{\"code\":\"" + codes.get(0)
                + "\",\"entryNumber\":1}");
        assertEquals(201, vote.status(), vote.toString());
        assertTrue(api.anonymous().post(BASE + "/public/contests/" + id + "/votes", "{\"code\":\"" + codes.get(0)
                + "\",\"entryNumber\":2}").isProblem(409));
        assertEquals(List.of("code"), fields(api.anonymous().post(BASE + "/public/contests/" + id + "/votes",
                "{\"code\":\"AAAAA-AAAAA\",\"entryNumber\":2}")));
        assertTrue(staff.get(c + "/votes/totals").isProblem(403), "live totals for administrators only");
        assertEquals(1, admin.get(c + "/votes/totals").json().path("votes").asInt());

        f.clock.set("2025-11-02T00:00:00Z");
        assertTrue(api.anonymous().post(BASE + "/public/contests/" + id + "/votes", "{\"code\":\"" + codes.get(1)
                + "\",\"entryNumber\":2}").isProblem(422));
        assertEquals(1, juror.get(c + "/results").json().path("jury").get(0).path("entryNumber").asInt());
        assertEquals(200, staff.put(c + "/awards/JURY_SPECIAL/winner", "{\"entryNumber\":2}").status());
        ApiResponse published = staff.post(c + "/results/publish", "");
        assertEquals(200, published.status(), published.toString());
        ApiResponse votesCsv = staff.get(c + "/votes.csv", "text/csv");
        assertTrue(votesCsv.header("Content-Type").startsWith("text/csv"));
        assertTrue(votesCsv.body().startsWith("\uFEFFcastAt,entryNumber,codeHash,batch"));

        JsonNode pub = api.anonymous().get(BASE + "/public/contests/" + id + "/results").json();
        assertEquals("GRAND_PRIZE", pub.path("winners").get(0).path("award").asText());
        assertEquals("奄美 紬子", pub.path("winners").get(0).path("makerName").asText());
        assertFalse(pub.toString().contains("score"), "no scores in public");
        assertFalse(pub.toString().contains("\"m1\"") || pub.toString().contains("makerId"), "no person ids in public");
        assertEquals(1, api.anonymous().get(BASE + "/public/contests").json().size());
    }

    @Test
    void marketsAndAttendance() {
        ApiClient staff = api.as(RestHarness.STAFF);
        ApiResponse m = staff.post(BASE + "/markets", "{\"name\":{\"ja\":\"あまみハンドメイドマーケット\"},\"venue\":\"AiAiひろば\","
                + "\"startsOn\":\"2025-09-13\",\"endsOn\":\"2025-09-14\"}");
        assertEquals(201, m.status(), m.toString());
        String base = BASE + "/markets/" + m.json().path("id").asLong();
        assertEquals(201, staff.post(base + "/exhibitors", "{\"personId\":\"m1\",\"booth\":\"A-1\"}").status());
        ApiResponse counts = staff.put(base + "/visitors", "{\"counts\":[{\"date\":\"2025-09-13\",\"hour\":10,\"visitors\":35},"
                + "{\"date\":\"2025-09-13\",\"hour\":11,\"visitors\":50},{\"date\":\"2025-09-14\",\"visitors\":140}]}");
        assertEquals(200, counts.status(), counts.toString());
        assertEquals(225, counts.json().path("visitors").asInt());
        ApiResponse bad = staff.put(base + "/visitors", "{\"counts\":[{\"date\":\"2025-09-13\",\"hour\":24,\"visitors\":1}]}");
        assertTrue(bad.isProblem(400), bad.toString());
        JsonNode attendance = api.as(RestHarness.COORDINATOR).get(BASE + "/markets/attendance").json();
        assertEquals(225, attendance.path("visitors").asInt());
        assertEquals(2025, attendance.path("years").get(0).path("fiscalYear").asInt());
        assertTrue(api.as(RestHarness.JUROR).get(BASE + "/markets").isProblem(403));
    }
}
