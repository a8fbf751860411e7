package org.freelanceisland.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.freelanceisland.platform.api.FiscalYear;

import org.freelanceisland.testing.distribution.DistributionRunner;
import org.freelanceisland.testing.http.ApiClient;
import org.freelanceisland.testing.http.ApiResponse;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The crash test: streams of writes (ledger records, people registrations with a consent, Terakoya
 * enrolments accepted with their {@code terakoya.enrolled} fact, audience votes with ticket codes)
 * against a node that is killed with SIGKILL at a random moment; afterwards every write acknowledged
 * with a 2xx must be there, whole and once, and the ledger must agree with the programs' own counts.
 */
final class Durability {

    private Durability() {
    }

    /**
     * Where the writes of the programs go: an open course with room for every enrolment of a run and
     * a contest open to votes with unused ticket codes. Made by {@link #prepare}.
     *
     * @param course the course's path, {@code /api/terakoya/courses/<id>}
     * @param courseId the course's id
     * @param contest the contest's staff path, {@code /api/contest/contests/<id>}
     * @param votes the public path votes go to
     * @param codes unused ticket codes
     */
    record Targets(String course, long courseId, String contest, String votes, List<String> codes) {
    }

    /**
     * The writes of one run.
     *
     * @param ledger acknowledged ledger event ids
     * @param people acknowledged people: id to name
     * @param enrolments acknowledged accepted enrolments: enrolment id to person id
     * @param votes ticket codes of acknowledged votes
     * @param targets where the program writes went
     * @param sent requests sent
     * @param unanswered requests that got no answer (in flight at the kill, or sent after)
     */
    record Result(List<String> ledger, Map<String, String> people, Map<String, String> enrolments, List<String> votes,
            Targets targets, int sent, int unanswered) {

        int acknowledged() {
            return ledger.size() + people.size() + enrolments.size() + votes.size();
        }

        /**
         * Checks that every acknowledged write is there, whole, once.
         *
         * @param admin an administrator of a running node on the same database
         * @param staff a staff member of it
         */
        void verify(ApiClient admin, ApiClient staff) {
            for (String id : ledger) {
                ApiResponse event = admin.get("/api/ledger/" + id.replace(":", "%3A"));
                assertEquals(200, event.status(), "acknowledged ledger event " + id + " lost: " + event);
                assertEquals("itcrash.person.moved", event.json().path("type").asText());
                assertEquals("12000", event.json().path("amountYen").asText(), "whole: " + event);
            }
            for (Map.Entry<String, String> person : people.entrySet()) {
                ApiResponse record = staff.get("/api/people/" + person.getKey() + "?purpose=it");
                assertEquals(200, record.status(), "acknowledged registration " + person + " lost: " + record);
                JsonNode p = record.json();
                assertEquals(person.getValue(), p.path("name").asText());
                assertEquals(1, p.path("consents").size(), "the consent saved with the person: " + p);
                // the search index of another node catches up within its refresh interval (5 s)
                long once = 0;
                long deadline = System.nanoTime() + 15_000_000_000L;
                do {
                    JsonNode same = staff.get("/api/people?limit=500&status=all&q="
                            + URLEncoder.encode(person.getValue(), StandardCharsets.UTF_8)).json();
                    once = 0;
                    for (JsonNode item : same.path("items")) {
                        once += item.path("name").asText().equals(person.getValue()) ? 1 : 0;
                    }
                } while (once == 0 && System.nanoTime() < deadline && pause(200));
                assertEquals(1, once, "registered once: " + person);
                JsonNode fact = admin.get("/api/ledger?type=people.registered&personId=" + person.getKey()).json();
                assertEquals(1, fact.path("total").asInt(), "its people.registered fact, once: " + person);
            }
            for (Map.Entry<String, String> enrolment : enrolments.entrySet()) {
                ApiResponse e = staff.get(targets.course() + "/enrolments/" + enrolment.getKey());
                assertEquals(200, e.status(), "acknowledged enrolment " + enrolment + " lost: " + e);
                assertEquals("ACCEPTED", e.json().path("status").asText(), e.toString());
                assertEquals(enrolment.getValue(), e.json().path("personId").asText(), e.toString());
                JsonNode fact = admin.get("/api/ledger?type=terakoya.enrolled&personId=" + enrolment.getValue()).json();
                assertEquals(1, fact.path("total").asInt(), "its terakoya.enrolled fact, once: " + enrolment);
            }
            // the ledger agrees with the course: one terakoya.enrolled fact per accepted seat, no more
            long facts = 0;
            for (int offset = 0;; offset += 500) {
                JsonNode page = admin.get("/api/ledger?type=terakoya.enrolled&limit=500&offset=" + offset).json();
                for (JsonNode item : page.path("items")) {
                    facts += item.path("attributes").path("course").asText().equals(Long.toString(targets.courseId())) ? 1 : 0;
                }
                if (offset + 500 >= page.path("total").asInt()) {
                    break;
                }
            }
            int accepted = staff.get(targets.course()).json().path("seats").path("accepted").asInt();
            assertEquals(accepted, facts, "terakoya.enrolled facts of the course and its accepted seats");
            assertTrue(accepted >= enrolments.size(), accepted + " accepted, " + enrolments.size() + " acknowledged");
            int counted = admin.get(targets.contest() + "/votes/totals").json().path("votes").asInt();
            assertTrue(counted >= votes.size(), counted + " votes counted, " + votes.size() + " acknowledged");
            for (String code : votes) {
                ApiResponse again = admin.anonymous().post(targets.votes(), "{\"code\":\"" + code + "\",\"entryNumber\":1}");
                assertTrue(again.isProblem(409), "the acknowledged vote of " + code + " is stored: " + again);
            }
            assertEquals(counted, admin.get(targets.contest() + "/votes/totals").json().path("votes").asInt(), "no vote twice");
        }

        @Override
        public String toString() {
            return "sent " + sent + ", acknowledged " + acknowledged() + " (" + ledger.size() + " ledger records, "
                    + people.size() + " registrations, " + enrolments.size() + " accepted enrolments, " + votes.size()
                    + " votes), unanswered " + unanswered + ", acknowledged and found after the restart " + acknowledged()
                    + ", lost 0, duplicated 0";
        }
    }

    /**
     * Makes an open Terakoya course and a contest open to audience votes with 1,000 ticket codes.
     * Terakoya and contest must be installed.
     *
     * @param staff a staff member
     * @return the targets
     */
    static Targets prepare(ApiClient staff) {
        int year = FiscalYear.of(Instant.now()).startYear();
        LocalDate today = LocalDate.now(FiscalYear.ISLAND_ZONE);
        ApiResponse course = staff.post("/api/terakoya/courses", """
                {"fiscalYear":%d,"title":{"ja":"耐久講座","en":"Crash course"},"category":"writing",
                 "instructors":[{"organisation":"株式会社しーま"}],"capacity":1000,"format":"ONLINE",
                 "applicationOpens":"%s","applicationCloses":"%s","completion":{"rule":"ATTENDANCE","minSessions":1}}"""
                .formatted(year, today.minusDays(7), today.plusDays(30)));
        assertEquals(201, course.status(), course.toString());
        long courseId = course.json().path("id").asLong();
        ApiResponse maker = staff.post("/api/people", "{\"name\":\"耐久 作家\",\"kana\":\"タイキュウ サッカ\"," + CONSENT + "}");
        assertEquals(201, maker.status(), maker.toString());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant later = now.plus(1, ChronoUnit.HOURS);
        ApiResponse contest = staff.post("/api/contest/contests", contestJson(now.minusSeconds(3600), later, later,
                later.plusSeconds(3600), later, later.plusSeconds(3600), null));
        assertEquals(201, contest.status(), contest.toString());
        String c = "/api/contest/contests/" + contest.json().path("id").asLong();
        ApiResponse entry = staff.post(c + "/entries", "{\"makerId\":\"" + maker.json().path("id").asText()
                + "\",\"title\":\"耐久の作品\",\"category\":\"textile\"}");
        assertEquals(201, entry.status(), entry.toString());
        ApiResponse batch = staff.post(c + "/ticket-batches", "{\"count\":1000,\"label\":\"crash\"}");
        assertEquals(201, batch.status(), batch.toString());
        List<String> codes = codesOf(staff.getBytes(batch.json().path("sheetUrl").asText()));
        assertEquals(1000, codes.size());
        openVoting(staff, c, now);
        return new Targets("/api/terakoya/courses/" + courseId, courseId, c,
                "/api/contest/public/contests/" + contest.json().path("id").asLong() + "/votes", codes);
    }

    /**
     * Closes a contest's entries and opens judging and voting now.
     *
     * @param staff a staff member (of any node)
     * @param contest the contest's path
     * @param created the instant its creation was given ({@code contestJson(created - 1 h, ...)})
     */
    static void openVoting(ApiClient staff, String contest, Instant created) {
        Instant t1 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long version = staff.get(contest).json().path("version").asLong();
        ApiResponse moved = staff.put(contest, contestJson(created.minusSeconds(3600), t1, t1, t1.plusSeconds(3600), t1,
                t1.plusSeconds(3600), Long.toString(version)));
        assertEquals(200, moved.status(), moved.toString());
    }

    /** A contest with one category and one criterion, its windows as given. */
    static String contestJson(Instant entryOpens, Instant entryCloses, Instant judgingOpens, Instant judgingCloses,
            Instant votingOpens, Instant votingCloses, String version) {
        int year = FiscalYear.of(entryOpens).startYear();
        return "{\"fiscalYear\":" + year + ",\"edition\":3,\"title\":{\"ja\":\"耐久大賞\"},"
                + "\"entryWindow\":{\"opens\":\"" + entryOpens + "\",\"closes\":\"" + entryCloses + "\"},"
                + "\"judgingWindow\":{\"opens\":\"" + judgingOpens + "\",\"closes\":\"" + judgingCloses + "\"},"
                + "\"votingWindow\":{\"opens\":\"" + votingOpens + "\",\"closes\":\"" + votingCloses + "\"},"
                + "\"categories\":[{\"code\":\"textile\",\"label\":{\"ja\":\"布もの\"}}],"
                + "\"rubric\":{\"scale\":10,\"criteria\":[{\"code\":\"craft\",\"label\":{\"ja\":\"技術\"},\"weight\":1}]}"
                + (version == null ? "" : ",\"version\":" + version) + "}";
    }

    /** The ticket codes printed on a sheet (PDF). */
    static List<String> codesOf(byte[] pdf) {
        Matcher m = CODE.matcher(new String(pdf, StandardCharsets.ISO_8859_1));
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static final Pattern CODE = Pattern.compile("\\(([2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5})\\) Tj");
    private static final String CONSENT = "\"consents\":[{\"purpose\":\"PROGRAM_ADMINISTRATION\",\"givenOn\":\"2025-04-01\","
            + "\"noticeVersion\":\"2025-04\"}]";

    /**
     * Writes from six threads (two of ledger records, two of registrations, one registering a person,
     * enrolling and accepting them in the course, one voting with the next unused code) until a random
     * moment after at least 120 acknowledgements, then kills the node with SIGKILL while the writes
     * go on.
     *
     * @param node the node
     * @param admin its administrator
     * @param staff its staff member
     * @param targets the course and contest of {@link #prepare}
     * @param tag tells this run's writes from others'
     * @return what was acknowledged
     * @throws InterruptedException if interrupted
     */
    static Result writeThenKill(DistributionRunner node, ApiClient admin, ApiClient staff, Targets targets, String tag)
            throws InterruptedException {
        List<String> ledger = new CopyOnWriteArrayList<>();
        Map<String, String> people = new ConcurrentHashMap<>();
        Map<String, String> enrolments = new ConcurrentHashMap<>();
        List<String> votes = new CopyOnWriteArrayList<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger unanswered = new AtomicInteger();
        AtomicInteger nextCode = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        String run = UUID.randomUUID().toString().substring(0, 8);
        ApiClient voter = admin.anonymous();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            int writer = w;
            writers.add(new Thread(() -> {
                int n = 0;
                while (!stop.get()) {
                    try {
                        switch (writer) {
                            case 0, 2 -> {
                                String id = "crash:" + tag + ":" + run + ":" + writer + ":" + n++;
                                sent.incrementAndGet();
                                ApiResponse r = admin.post("/api/ledger", "{\"id\":\"" + id + "\",\"type\":\"itcrash.person.moved\","
                                        + "\"personId\":\"p-" + n + "\",\"occurredAt\":\"2026-05-10T03:00:00Z\",\"amountYen\":12000}");
                                if (r.status() / 100 == 2) {
                                    ledger.add(id);
                                }
                            }
                            case 1, 3, 4 -> {
                                String name = "耐久 " + run + "-" + writer + "-" + String.format("%06d", n++);
                                sent.incrementAndGet();
                                ApiResponse r = staff.post("/api/people", "{\"name\":\"" + name + "\",\"kana\":\"タイキュウ\","
                                        + CONSENT + "}");
                                if (r.status() / 100 != 2) {
                                    break;
                                }
                                String person = r.json().path("id").asText();
                                people.put(person, name);
                                if (writer == 4) {
                                    sent.incrementAndGet();
                                    ApiResponse applied = staff.post(targets.course() + "/enrolments", "{\"personId\":\"" + person + "\"}");
                                    if (applied.status() != 201) {
                                        break;
                                    }
                                    String enrolment = applied.json().path("id").asText();
                                    sent.incrementAndGet();
                                    ApiResponse accepted = staff.post(targets.course() + "/enrolments/" + enrolment + "/accept", "");
                                    if (accepted.status() == 200) {
                                        enrolments.put(enrolment, person);
                                    }
                                }
                            }
                            default -> {
                                int i = nextCode.getAndIncrement();
                                if (i >= targets.codes().size()) {
                                    sleep(50);
                                    break;
                                }
                                String code = targets.codes().get(i);
                                sent.incrementAndGet();
                                ApiResponse r = voter.post(targets.votes(), "{\"code\":\"" + code + "\",\"entryNumber\":1}");
                                if (r.status() == 201) {
                                    votes.add(code);
                                }
                            }
                        }
                    } catch (RuntimeException e) {
                        unanswered.incrementAndGet(); // the node is gone: no answer is no acknowledgement
                        sleep(50);
                    }
                }
            }, "crash-writer-" + w));
        }
        writers.forEach(Thread::start);
        while (ledger.size() + people.size() + enrolments.size() + votes.size() < 120) {
            Thread.sleep(20);
        }
        Thread.sleep(ThreadLocalRandom.current().nextLong(200, 1500));
        node.kill();
        Thread.sleep(300); // writes keep coming while the process is gone
        stop.set(true);
        for (Thread t : writers) {
            t.join(60_000);
        }
        assertTrue(!ledger.isEmpty() && !people.isEmpty() && !enrolments.isEmpty() && !votes.isEmpty(),
                "every kind of write was acknowledged");
        return new Result(List.copyOf(ledger), Map.copyOf(people), Map.copyOf(enrolments), List.copyOf(votes), targets,
                sent.get(), unanswered.get());
    }

    private static boolean pause(long millis) {
        sleep(millis);
        return true;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
