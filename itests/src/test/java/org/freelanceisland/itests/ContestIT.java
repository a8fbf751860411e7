package org.freelanceisland.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

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
 * The handmade contest and market program in the real distribution on H2: a year's contest from
 * entries with photos through blind jury scoring (with the juror account), ticket sheets and public
 * voting, to publication and public winners; votes under concurrency; a market with its attendance;
 * and retiring and reinstalling the program without losing anything or refreshing other bundles.
 * People are registered through the people registry's REST API.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ContestIT extends IslandKarafTestSupport {

    private static final String API = "/api/contest";
    private static final Pattern CODE = Pattern.compile("\\(([2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5})\\) Tj");

    private static final List<String> MAKERS = new ArrayList<>();
    private static long contest;
    private static List<String> codes = List.of();

    /** Makes sure the program is installed and the makers are registered. */
    @Before
    public void setUp() throws Exception {
        if (!anonymous().get("/api/modules").body().contains("\"id\":\"contest\"")) {
            installProgram("contest");
        }
        as(STAFF).awaitOk(API + "/contests", Duration.ofSeconds(60));
        if (MAKERS.isEmpty()) {
            as(STAFF).awaitOk("/api/people/skills", Duration.ofSeconds(60));
            MAKERS.add(person("大島 紬子", "オオシマ ツムギコ", true));
            MAKERS.add(person("名瀬 花子", "ナゼ ハナコ", false));
            MAKERS.add(person("笠利 次郎", "カサリ ジロウ", false));
        }
    }

    private static String person(String name, String kana, boolean roleModel) {
        String consents = "{\"purpose\":\"PROGRAM_ADMINISTRATION\",\"givenOn\":\"2025-04-01\",\"noticeVersion\":\"2025-04\"}"
                + (roleModel ? ",{\"purpose\":\"ROLE_MODEL\",\"givenOn\":\"2025-04-01\",\"noticeVersion\":\"2025-04\"}" : "");
        ApiResponse created = as(STAFF).post("/api/people", "{\"name\":\"" + name + "\",\"kana\":\"" + kana
                + "\",\"skills\":[\"大島紬\"],\"consents\":[" + consents + "]}");
        assertEquals(created.toString(), 201, created.status());
        return created.json().path("id").asText();
    }

    private static String contestJson(Instant entryOpens, Instant entryCloses, Instant judgingOpens, Instant judgingCloses,
            Instant votingOpens, Instant votingCloses, String version) {
        int year = FiscalYear.of(entryOpens).startYear();
        return "{\"fiscalYear\":" + year + ",\"edition\":2,\"title\":{\"ja\":\"あまみハンドメイド大賞 IT\",\"en\":\"Handmade Grand Prize IT\"},"
                + "\"entryWindow\":{\"opens\":\"" + entryOpens + "\",\"closes\":\"" + entryCloses + "\"},"
                + "\"judgingWindow\":{\"opens\":\"" + judgingOpens + "\",\"closes\":\"" + judgingCloses + "\"},"
                + "\"votingWindow\":{\"opens\":\"" + votingOpens + "\",\"closes\":\"" + votingCloses + "\"},"
                + "\"categories\":[{\"code\":\"textile\",\"label\":{\"ja\":\"布もの\"}},{\"code\":\"accessory\",\"label\":{\"ja\":\"アクセサリー\"}}],"
                + "\"rubric\":{\"scale\":10,\"criteria\":[{\"code\":\"craft\",\"label\":{\"ja\":\"技術\"},\"weight\":3},"
                + "{\"code\":\"originality\",\"label\":{\"ja\":\"独創性\"},\"weight\":2}]}"
                + (version == null ? "" : ",\"version\":" + version) + "}";
    }

    @Test
    public void a_aContestFromEntriesToPublicWinners() throws Exception {
        ApiClient staff = as(STAFF);
        ApiClient juror = as(JUROR);
        JsonNode module = anonymous().get("/api/modules/contest").json();
        assertEquals("あまみハンドメイド大賞・マーケット", module.path("title").path("ja").asText());
        assertTrue(module.path("pillars").toString(), module.path("pillars").toString().contains("MONETIZE")
                && module.path("pillars").toString().contains("NETWORK"));
        assertEquals("/console/contest/", module.path("consolePath").asText());

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant later = now.plus(1, ChronoUnit.HOURS);
        ApiResponse wrong = staff.post(API + "/contests", contestJson(now.minusSeconds(3600), later, now, later.plusSeconds(60),
                later, later.plusSeconds(60), null));
        assertTrue(wrong.toString(), wrong.isProblem(422));
        assertTrue(wrong.body(), wrong.body().contains("judgingWindow.opens"));
        ApiResponse created = staff.post(API + "/contests", contestJson(now.minusSeconds(3600), later, later,
                later.plusSeconds(3600), later, later.plusSeconds(3600), null));
        assertEquals(created.toString(), 201, created.status());
        contest = created.json().path("id").asLong();
        String c = API + "/contests/" + contest;

        // entries: one with photos (multipart), two as JSON
        ApiResponse withPhotos = multipart(c + "/entries", "{\"makerId\":\"" + MAKERS.get(0) + "\",\"title\":\"泥染め大島紬のバッグ\","
                + "\"category\":\"textile\",\"materials\":\"大島紬\",\"technique\":\"泥染め\",\"priceYen\":42000}", jpeg(900, 600));
        assertEquals(withPhotos.toString(), 201, withPhotos.status());
        assertEquals(1, withPhotos.json().path("number").asInt());
        String photoUrl = withPhotos.json().path("photos").get(0).path("url").asText();
        HttpResponse<byte[]> photo = get(STAFF, photoUrl);
        assertEquals(200, photo.statusCode());
        assertEquals("image/jpeg", photo.headers().firstValue("Content-Type").orElse(""));
        assertTrue(photo.headers().firstValue("Content-Disposition").orElse("").startsWith("inline;"));
        ApiResponse notImage = multipartRaw(c + "/entries", "{\"makerId\":\"" + MAKERS.get(1) + "\",\"title\":\"偽物\","
                + "\"category\":\"textile\"}", "notes.jpg", "just some text".getBytes(StandardCharsets.UTF_8));
        assertTrue(notImage.toString(), notImage.isProblem(422));
        for (int i = 1; i < 3; i++) {
            ApiResponse e = staff.post(c + "/entries", "{\"makerId\":\"" + MAKERS.get(i) + "\",\"title\":\"作品 " + (char) ('A' + i)
                    + "\",\"category\":\"accessory\"}");
            assertEquals(e.toString(), 201, e.status());
            assertEquals(i + 1, e.json().path("number").asInt());
        }
        JsonNode submitted = staff.get("/api/ledger/contest:entry:" + withPhotos.json().path("id").asLong() + ":submitted").json();
        assertEquals("contest.entry.submitted", submitted.path("type").asText());
        assertEquals(MAKERS.get(0), submitted.path("personId").asText());
        assertEquals(Long.toString(contest), submitted.path("attributes").path("contest").asText());

        // jury and tickets before judging and voting
        assertEquals(201, staff.post(c + "/jurors", "{\"account\":\"" + JUROR + "\",\"displayName\":\"審査員\"}").status());
        assertEquals(200, juror.put(c + "/jury/conflicts", "{\"personIds\":[\"" + MAKERS.get(2) + "\"]}").status());
        ApiResponse batch = staff.post(c + "/ticket-batches", "{\"count\":150,\"label\":\"IT\"}");
        assertEquals(batch.toString(), 201, batch.status());
        HttpResponse<byte[]> sheet = get(STAFF, batch.json().path("sheetUrl").asText());
        assertEquals(200, sheet.statusCode());
        assertEquals("application/pdf", sheet.headers().firstValue("Content-Type").orElse(""));
        codes = codesOf(sheet.body());
        assertEquals(150, codes.size());

        // nothing public yet
        assertTrue(anonymous().get(API + "/public/contests/" + contest + "/results").isProblem(404));
        assertTrue(anonymous().get(API + "/public/contests/" + contest + "/ballot").isProblem(404));
        ApiResponse early = anonymous().post(API + "/public/contests/" + contest + "/votes", vote(codes.get(0), 1));
        assertTrue(early.toString(), early.isProblem(422));
        assertTrue(juror.post(c + "/entries/1/score", "{\"values\":{\"craft\":5,\"originality\":5}}").status() >= 400);

        // entries close; judging and voting open now
        Instant t1 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long version = staff.get(c).json().path("version").asLong();
        ApiResponse moved = staff.put(c, contestJson(now.minusSeconds(3600), t1, t1, t1.plusSeconds(3600), t1, t1.plusSeconds(3600),
                Long.toString(version)));
        assertEquals(moved.toString(), 200, moved.status());
        assertEquals("OPEN", moved.json().path("judgingWindow").path("phase").asText());

        JsonNode judging = juror.get(c + "/jury/entries").json();
        assertEquals(judging.toString(), 2, judging.path("entries").size());
        assertEquals("[3]", judging.path("conflictedEntries").toString());
        List<Long> ids = new ArrayList<>();
        judging.path("entries").forEach(e -> ids.add(e.path("id").asLong()));
        ApiResponse s1 = juror.post(c + "/entries/" + ids.get(0) + "/score", "{\"values\":{\"craft\":9,\"originality\":8}}");
        assertEquals(s1.toString(), 201, s1.status());
        assertTrue(juror.post(c + "/entries/" + ids.get(0) + "/score", "{\"values\":{\"craft\":9,\"originality\":8}}").isProblem(409));
        assertEquals(200, juror.put(c + "/entries/" + ids.get(0) + "/score", "{\"values\":{\"craft\":10,\"originality\":8}}").status());
        assertEquals(201, juror.post(c + "/entries/" + ids.get(1) + "/score", "{\"values\":{\"craft\":6,\"originality\":7}}").status());
        assertTrue(juror.get(c + "/results").json().path("jury").isMissingNode());
        assertEquals(200, get(JUROR, photoUrl).statusCode());

        JsonNode ballot = anonymous().get(API + "/public/contests/" + contest + "/ballot").json();
        assertEquals(3, ballot.path("entries").size());
        assertFalse(ballot.toString(), ballot.toString().contains("maker") || ballot.toString().contains("大島 紬子"));
    }

    @Test
    public void b_oneVotePerCodeUnderConcurrencyAndExactTotals() throws Exception {
        String votes = API + "/public/contests/" + contest + "/votes";
        // the same code, 30 requests at once
        List<Integer> same = parallel(30, i -> anonymous().post(votes, vote(codes.get(0), 1)).status());
        assertEquals(same.toString(), 1, same.stream().filter(s -> s == 201).count());
        assertEquals(same.toString(), 29, same.stream().filter(s -> s == 409).count());
        // 120 different codes at once
        List<Integer> many = parallel(120, i -> anonymous().post(votes, vote(codes.get(1 + i), 1 + i % 3)).status());
        assertEquals(many.toString(), 120, many.stream().filter(s -> s == 201).count());

        assertTrue(as(STAFF).get(API + "/contests/" + contest + "/votes/totals").isProblem(403));
        JsonNode totals = as(ADMIN).get(API + "/contests/" + contest + "/votes/totals").json();
        assertEquals(121, totals.path("votes").asInt());
        assertEquals(41, totals.path("entries").get(0).path("votes").asInt());
        assertEquals(40, totals.path("entries").get(1).path("votes").asInt());
        assertEquals(40, totals.path("entries").get(2).path("votes").asInt());
    }

    @Test
    public void c_publicationShowsWinnersOnly() throws Exception {
        ApiClient staff = as(STAFF);
        String c = API + "/contests/" + contest;
        assertEquals(200, staff.post(c + "/windows/judging/close", "").status());
        assertEquals(200, staff.post(c + "/windows/voting/close", "").status());
        ApiResponse late = anonymous().post(API + "/public/contests/" + contest + "/votes", vote(codes.get(140), 2));
        assertTrue(late.toString(), late.isProblem(422));
        ApiResponse csv = staff.get(c + "/votes.csv", "text/csv");
        assertEquals(csv.toString(), 200, csv.status());
        assertEquals(122, csv.body().split("\r\n").length);

        ApiResponse published = staff.post(c + "/results/publish", "");
        assertEquals(published.toString(), 200, published.status());
        JsonNode pub = anonymous().get(API + "/public/contests/" + contest + "/results").json();
        List<String> awards = new ArrayList<>();
        pub.path("winners").forEach(w -> awards.add(w.path("award").asText() + "#" + w.path("entryNumber").asInt()));
        assertEquals("[GRAND_PRIZE#1, AUDIENCE#1]", awards.toString());
        assertEquals("大島 紬子", pub.path("winners").get(0).path("makerName").asText());
        assertFalse(pub.toString(), pub.toString().contains("score") || pub.toString().contains("makerId")
                || pub.toString().contains("jurors"));
        HttpResponse<byte[]> winnerPhoto = get(null, pub.path("winners").get(0).path("photos").get(0).asText());
        assertEquals(200, winnerPhoto.statusCode());

        JsonNode won = staff.get("/api/ledger/contest:" + contest + ":award:GRAND_PRIZE:won").json();
        assertEquals("contest.award.won", won.path("type").asText());
        assertEquals(MAKERS.get(0), won.path("personId").asText());
        assertEquals("org.freelanceisland.contest", won.path("recordedBy").asText());
    }

    @Test
    public void d_aMarketAndItsAttendance() {
        ApiClient staff = as(STAFF);
        LocalDate yesterday = LocalDate.now(FiscalYear.ISLAND_ZONE).minusDays(1);
        ApiResponse m = staff.post(API + "/markets", "{\"name\":{\"ja\":\"ハンドメイドマーケット IT\"},\"venue\":\"AiAiひろば\","
                + "\"startsOn\":\"" + yesterday + "\",\"endsOn\":\"" + yesterday + "\",\"contestId\":" + contest + "}");
        assertEquals(m.toString(), 201, m.status());
        long id = m.json().path("id").asLong();
        String base = API + "/markets/" + id;
        assertEquals(201, staff.post(base + "/exhibitors", "{\"personId\":\"" + MAKERS.get(1) + "\",\"booth\":\"A-3\"}").status());
        ApiResponse counts = staff.put(base + "/visitors", "{\"counts\":[{\"date\":\"" + yesterday + "\",\"hour\":10,\"visitors\":80},"
                + "{\"date\":\"" + yesterday + "\",\"hour\":11,\"visitors\":95}]}");
        assertEquals(counts.toString(), 175, counts.json().path("visitors").asInt());
        assertEquals(200, staff.post(base + "/close", "").status());
        JsonNode visitors = staff.get("/api/ledger/contest:market:" + id + ":visitors:" + yesterday + ":r1").json();
        assertEquals("contest.market.visitors", visitors.path("type").asText());
        assertEquals(175, visitors.path("amountYen").asInt());
        JsonNode exhibited = staff.get("/api/ledger/contest:market:" + id + ":exhibitor:" + MAKERS.get(1) + ":exhibited").json();
        assertEquals("contest.market.exhibited", exhibited.path("type").asText());
        assertEquals(175, staff.get(API + "/markets/attendance").json().path("visitors").asInt());
    }

    @Test
    public void e_retiringAndReinstallingKeepsEverything() throws Exception {
        ApiClient staff = as(STAFF);
        ApiClient admin = as(ADMIN);
        // a second contest open to votes, with codes printed before the program is retired
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ApiResponse open = staff.post(API + "/contests", contestJson(now.minusSeconds(7200), now.minusSeconds(3600),
                now.minusSeconds(3600), now.plusSeconds(3600), now.minusSeconds(3600), now.plusSeconds(3600), null));
        assertEquals(open.toString(), 201, open.status());
        long second = open.json().path("id").asLong();
        List<String> printed = codesOf(get(STAFF, staff.post(API + "/contests/" + second + "/ticket-batches", "{\"count\":3}")
                .json().path("sheetUrl").asText()).body());
        assertEquals(3, printed.size());
        String contests = staff.get(API + "/contests?limit=500").json().path("items").toString();
        String entries = staff.get(API + "/contests/" + contest + "/entries?limit=500").json().toString();
        String totals = admin.get(API + "/contests/" + contest + "/votes/totals").json().toString();
        String attendance = staff.get(API + "/markets/attendance").json().toString();
        String results = anonymous().get(API + "/public/contests/" + contest + "/results").body();

        List<String> disturbed = new CopyOnWriteArrayList<>();
        SynchronousBundleListener watcher = event -> {
            Bundle b = event.getBundle();
            if (!"org.freelanceisland.contest".equals(b.getSymbolicName()) && (event.getType() == BundleEvent.STOPPED
                    || event.getType() == BundleEvent.UNRESOLVED || event.getType() == BundleEvent.UPDATED)) {
                disturbed.add(b.getSymbolicName() + " " + event.getType());
            }
        };
        bundleContext.addBundleListener(watcher);
        try {
            retireProgram("contest");
            assertTrue(staff.get(API + "/contests").isProblem(404));
            assertTrue(anonymous().get(API + "/public/contests/" + contest + "/results").isProblem(404));
            installProgram("contest");
        } finally {
            bundleContext.removeBundleListener(watcher);
        }
        assertEquals("installing or retiring the program restarted other bundles", List.of(), disturbed);
        staff.awaitOk(API + "/contests", Duration.ofSeconds(60));
        assertEquals(contests, staff.get(API + "/contests?limit=500").json().path("items").toString());
        assertEquals(entries, staff.get(API + "/contests/" + contest + "/entries?limit=500").json().toString());
        assertEquals(totals, admin.get(API + "/contests/" + contest + "/votes/totals").json().toString());
        assertEquals(attendance, staff.get(API + "/markets/attendance").json().toString());
        assertEquals(results, anonymous().get(API + "/public/contests/" + contest + "/results").body());
        // codes printed before the reinstall still work: the tickets and the ticket secret survived it
        String secondVotes = API + "/public/contests/" + second + "/votes";
        assertEquals(List.of("entryNumber"), fields(anonymous().post(secondVotes, vote(printed.get(0), 1))));
        assertEquals(List.of("code"), fields(anonymous().post(secondVotes, vote("ABCDE-FGHJK", 1))));
    }

    // ---- helpers

    private static List<String> fields(ApiResponse response) {
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private static String vote(String code, int entry) {
        return "{\"code\":\"" + code + "\",\"entryNumber\":" + entry + "}";
    }

    private static List<String> codesOf(byte[] pdf) {
        Matcher m = CODE.matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private interface Call {
        int run(int i) throws Exception;
    }

    private static List<Integer> parallel(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            Callable<Integer> task = () -> {
                go.await();
                return call.run(index);
            };
            futures.add(pool.submit(task));
        }
        go.countDown();
        List<Integer> results = new ArrayList<>();
        for (Future<Integer> f : futures) {
            results.add(f.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return results;
    }

    private static byte[] jpeg(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                img.setRGB(x, y, (x % 256) << 16 | (y % 256) << 8 | 0x55);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", out);
        return out.toByteArray();
    }

    private static ApiResponse multipart(String path, String entry, byte[] photo) throws Exception {
        return multipartRaw(path, entry, "作品.jpg", photo);
    }

    private static ApiResponse multipartRaw(String path, String entry, String fileName, byte[] file) throws Exception {
        String boundary = "----contest-it-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"entry\"\r\nContent-Type: application/json\r\n\r\n"
                + entry + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"photos\"; filename=\"" + fileName
                + "\"\r\nContent-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path))
                .header("Authorization", basic(STAFF)).header("Accept", "application/json, application/problem+json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
        return new ApiResponse(r.statusCode(), r.headers().map(), r.body());
    }

    private static HttpResponse<byte[]> get(String user, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path)).header("Accept", "*/*");
        if (user != null) {
            b.header("Authorization", basic(user));
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }
}
