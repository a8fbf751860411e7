package org.freelanceisland.demo.internal.load;

import static org.freelanceisland.demo.internal.load.IslandClient.obj;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.freelanceisland.demo.internal.DemoService;
import org.freelanceisland.demo.internal.store.DemoRecord;
import org.freelanceisland.demo.internal.store.DemoStore;

/**
 * Removes what the demo island loaded, and only that, through the same public APIs:
 * <ol>
 * <li>every ledger fact the demo caused, by id prefix (its own {@code demo:} history, and the facts
 * the programs recorded for the demo's people, enrolments, entries, markets, contracts, registrations,
 * consultations, leaders and surveys), with the administrators' audited ledger purge, so the KPI
 * figures are what they were before the load;</li>
 * <li>the programs' records their APIs allow deleting (role models, migrant pages, events and courses
 * nobody registered for, a contest without entries, a market without exhibitors);</li>
 * <li>the people, erased (the registry keeps an erased person's id and nothing else).</li>
 * </ol>
 * Records a program keeps as history (a course with applications, a published contest, a contract)
 * cannot be deleted through its API: they stay, with their people erased and their ledger facts
 * gone, and are listed as left behind.
 */
public final class Clearer {

    private static final Map<String, String> PREFIXES = new LinkedHashMap<>();

    static {
        PREFIXES.put("people/person", "people:%s:");
        PREFIXES.put("terakoya/enrolment", "terakoya:enrolment:%s:");
        PREFIXES.put("terakoya/allocation", "terakoya:online-seat:%s:");
        PREFIXES.put("contest/entry", "contest:entry:%s:");
        PREFIXES.put("contest/contest", "contest:%s:award:");
        PREFIXES.put("contest/market", "contest:market:%s:");
        PREFIXES.put("jobs/introduction", "jobs:introduction:%s:");
        PREFIXES.put("jobs/contract", "jobs:contract:%s:");
        PREFIXES.put("jobs/exchange", "jobs:skillshare:%s:");
        PREFIXES.put("community/registration", "community:registration:%s:");
        PREFIXES.put("community/consultation", "community:consultation:%s:");
        PREFIXES.put("community/leader", "community:leader:%s:");
        PREFIXES.put("community/survey", "community:survey:%s:");
    }

    private final DemoStore store;
    private final DemoService.Accounts accounts;
    private final Consumer<String> say;

    /**
     * A clearer.
     *
     * @param store what was loaded
     * @param accounts the service account
     * @param say told what happens
     */
    public Clearer(DemoStore store, DemoService.Accounts accounts, Consumer<String> say) {
        this.store = store;
        this.accounts = accounts;
        this.say = say;
    }

    /**
     * The ledger id prefixes of everything the demo island caused.
     *
     * @param store what was loaded
     * @return the prefixes, {@code demo:} first
     */
    public static List<String> ledgerPrefixes(DemoStore store) {
        List<String> prefixes = new ArrayList<>();
        prefixes.add(HistoryPart.PREFIX);
        PREFIXES.forEach((moduleKind, pattern) -> {
            String[] mk = moduleKind.split("/");
            for (DemoRecord r : store.list(mk[0], mk[1])) {
                prefixes.add(String.format(pattern, r.ref()));
            }
        });
        return prefixes;
    }

    /**
     * Clears.
     *
     * @return a summary
     */
    public String clear() {
        long started = System.nanoTime();
        IslandClient api = accounts.api();
        List<String> prefixes = ledgerPrefixes(store);
        int facts = 0;
        for (int i = 0; i < prefixes.size(); i += 2000) {
            facts += api.post("/api/ledger/purge", obj("idPrefixes", prefixes.subList(i, Math.min(prefixes.size(), i + 2000)),
                    "reason", "デモの島を削除 (island:demo clear)")).path("deleted").asInt();
        }
        say.accept("ledger: " + facts + " facts purged");
        int deleted = 0;
        deleted += each("community", "role-model", id -> {
            quietly(() -> api.post("/api/community/role-models/" + id + "/unpublish", null));
            api.delete("/api/community/role-models/" + id);
        });
        deleted += each("community", "migrant-page", id -> {
            quietly(() -> api.post("/api/community/migrant-pages/" + id + "/unpublish", null));
            api.delete("/api/community/migrant-pages/" + id);
        });
        deleted += tryEach("community", "event", id -> api.delete("/api/community/events/" + id));
        deleted += tryEach("terakoya", "course", id -> api.delete("/api/terakoya/courses/" + id));
        deleted += tryEach("contest", "market", id -> api.delete("/api/contest/markets/" + id));
        deleted += tryEach("contest", "contest", id -> api.delete("/api/contest/contests/" + id));
        say.accept("programs: " + deleted + " records deleted through their APIs");
        int people = 0;
        for (DemoRecord r : store.list("people", "person")) {
            api.post("/api/people/" + r.ref() + "/erase", obj("reason", "デモの島を削除 (island:demo clear)"));
            people++;
        }
        say.accept("people: " + people + " erased");
        Map<String, Long> left = store.counts();
        left.keySet().removeIf(k -> k.startsWith("people/") || k.startsWith("ledger/"));
        int forgotten = store.forgetAll();
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        long kept = left.values().stream().mapToLong(Long::longValue).sum();
        return "Demo island cleared in " + seconds + " s: " + facts + " ledger facts purged, " + people + " people erased, "
                + deleted + " program records deleted, " + forgotten + " records forgotten"
                + (kept == 0 ? "" : "; kept as history by their programs (people erased, facts purged): " + left);
    }

    /** Runs a call whose 409 (already in that state) changes nothing. */
    private static void quietly(Runnable call) {
        try {
            call.run();
        } catch (IslandClient.CallFailed e) {
            if (e.status() != 409) {
                throw e;
            }
        }
    }

    private interface Removal {
        void remove(String id);
    }

    private int each(String module, String kind, Removal removal) {
        int n = 0;
        for (DemoRecord r : store.list(module, kind)) {
            removal.remove(r.ref());
            store.remove(r.key());
            n++;
        }
        return n;
    }

    /** Deletes what the program lets go (a 404 means it is gone already); keeps what it refuses with 409. */
    private int tryEach(String module, String kind, Removal removal) {
        int n = 0;
        for (DemoRecord r : store.list(module, kind)) {
            try {
                removal.remove(r.ref());
                store.remove(r.key());
                n++;
            } catch (IslandClient.CallFailed e) {
                if (e.status() == 404) {
                    store.remove(r.key());
                } else if (e.status() != 409) {
                    throw e;
                }
            }
        }
        return n;
    }
}
