package org.freelanceisland.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.freelanceisland.testing.distribution.DistributionRunner;
import org.freelanceisland.testing.http.ApiClient;
import org.freelanceisland.testing.http.ApiResponse;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The crash test: streams of writes (ledger records, people registrations with a consent) against a
 * node that is killed with SIGKILL at a random moment; afterwards every write acknowledged with a
 * 2xx must be there, whole and once.
 */
final class Durability {

    private Durability() {
    }

    /**
     * The writes of one run.
     *
     * @param ledger acknowledged ledger event ids
     * @param people acknowledged people: id to name
     * @param sent requests sent
     * @param unanswered requests that got no answer (in flight at the kill, or sent after)
     */
    record Result(List<String> ledger, Map<String, String> people, int sent, int unanswered) {

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
                JsonNode same = staff.get("/api/people?limit=500&status=all&q="
                        + URLEncoder.encode(person.getValue(), StandardCharsets.UTF_8)).json();
                long once = 0;
                for (JsonNode item : same.path("items")) {
                    once += item.path("name").asText().equals(person.getValue()) ? 1 : 0;
                }
                assertEquals(1, once, "registered once: " + person);
                JsonNode fact = admin.get("/api/ledger?type=people.registered&personId=" + person.getKey()).json();
                assertEquals(1, fact.path("total").asInt(), "its people.registered fact, once: " + person);
            }
        }

        @Override
        public String toString() {
            return "sent " + sent + ", acknowledged " + (ledger.size() + people.size()) + " (" + ledger.size()
                    + " ledger records, " + people.size() + " registrations), unanswered " + unanswered
                    + ", acknowledged and found after the restart " + (ledger.size() + people.size()) + ", lost 0";
        }
    }

    /**
     * Writes from four threads until a random moment after at least 120 acknowledgements, then kills
     * the node with SIGKILL while the writes go on.
     *
     * @param node the node
     * @param admin its administrator
     * @param staff its staff member
     * @param tag tells this run's writes from others'
     * @return what was acknowledged
     * @throws InterruptedException if interrupted
     */
    static Result writeThenKill(DistributionRunner node, ApiClient admin, ApiClient staff, String tag) throws InterruptedException {
        List<String> ledger = new CopyOnWriteArrayList<>();
        Map<String, String> people = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger unanswered = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Thread> writers = new java.util.ArrayList<>();
        for (int w = 0; w < 4; w++) {
            boolean records = w % 2 == 0;
            int writer = w;
            writers.add(new Thread(() -> {
                int n = 0;
                while (!stop.get()) {
                    sent.incrementAndGet();
                    try {
                        if (records) {
                            String id = "crash:" + tag + ":" + run + ":" + writer + ":" + n++;
                            ApiResponse r = admin.post("/api/ledger", "{\"id\":\"" + id + "\",\"type\":\"itcrash.person.moved\","
                                    + "\"personId\":\"p-" + n + "\",\"occurredAt\":\"2026-05-10T03:00:00Z\",\"amountYen\":12000}");
                            if (r.status() / 100 == 2) {
                                ledger.add(id);
                            }
                        } else {
                            String name = "耐久 " + run + "-" + writer + "-" + String.format("%06d", n++);
                            ApiResponse r = staff.post("/api/people", "{\"name\":\"" + name + "\",\"kana\":\"タイキュウ\","
                                    + "\"consents\":[{\"purpose\":\"PROGRAM_ADMINISTRATION\",\"givenOn\":\"2025-04-01\","
                                    + "\"noticeVersion\":\"2025-04\"}]}");
                            if (r.status() / 100 == 2) {
                                people.put(r.json().path("id").asText(), name);
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
        while (ledger.size() + people.size() < 120) {
            Thread.sleep(20);
        }
        Thread.sleep(ThreadLocalRandom.current().nextLong(200, 1500));
        node.kill();
        Thread.sleep(300); // writes keep coming while the process is gone
        stop.set(true);
        for (Thread t : writers) {
            t.join(60_000);
        }
        assertTrue(!ledger.isEmpty() && !people.isEmpty(), "both kinds of writes were acknowledged");
        return new Result(List.copyOf(ledger), Map.copyOf(people), sent.get(), unanswered.get());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
