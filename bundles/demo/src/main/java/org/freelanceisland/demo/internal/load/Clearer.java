package org.freelanceisland.demo.internal.load;

import static org.freelanceisland.demo.internal.load.IslandClient.obj;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.freelanceisland.demo.internal.DemoService;
import org.freelanceisland.demo.internal.store.DemoRecord;
import org.freelanceisland.demo.internal.store.DemoStore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Removes what the demo island loaded, and only that, through the same public APIs:
 * <ol>
 * <li>every ledger fact the demo caused, by id prefix (its own {@code demo:} history, and the facts
 * the programs recorded for the demo's people, enrolments, entries, markets, contracts, registrations,
 * consultations, leaders and surveys), with the administrators' audited ledger purge, so the KPI
 * figures are what they were before the load;</li>
 * <li>the programs' records, with what belongs to them (a course's sessions, applications and
 * attendance; a contest's entries, jury and votes; a partner's jobs and contracts), through the
 * platform's record removal ({@code POST /api/admin/records/remove}, audited), which every installed
 * program offers for the kinds of record it holds;</li>
 * <li>the people, erased (the registry keeps an erased person's id and nothing else).</li>
 * </ol>
 * Records of a program that is not installed at the time stay, with their people erased and their
 * ledger facts gone, and are listed as left behind; clearing again once it is installed removes them.
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

    private static final int BATCH = 1000;
    private static final String REASON = "デモの島を削除 (island:demo clear)";

    private final DemoStore store;
    private final Set<String> removed = new HashSet<>();
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
                    "reason", REASON)).path("deleted").asInt();
        }
        say.accept("ledger: " + facts + " facts purged");
        int deleted = removeRecords(api);
        say.accept("programs: " + deleted + " records removed");
        int people = 0;
        for (DemoRecord r : store.list("people", "person")) {
            api.post("/api/people/" + r.ref() + "/erase", obj("reason", REASON));
            people++;
        }
        say.accept("people: " + people + " erased");
        Map<String, Long> left = new TreeMap<>(store.counts());
        left.keySet().removeIf(k -> k.startsWith("people/") || k.startsWith("ledger/") || removed.contains(k.split("/")[0]));
        int forgotten = store.forgetAll();
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        long kept = left.values().stream().mapToLong(Long::longValue).sum();
        return "Demo island cleared in " + seconds + " s: " + facts + " ledger facts purged, " + people + " people erased, "
                + deleted + " program records removed, " + forgotten + " records forgotten"
                + (kept == 0 ? "" : "; left behind by programs not installed now (people erased, facts purged): " + left);
    }

    /**
     * Removes the programs' records the demo created, with what belongs to them, through the platform's
     * record removal: of every program installed now, the kinds it removes. Records of a program that
     * is not installed stay and are reported; a later clear with the program installed removes them.
     */
    private int removeRecords(IslandClient api) {
        removed.clear();
        int n = 0;
        for (JsonNode program : api.get("/api/admin/records").path("items")) {
            String module = program.path("module").asText();
            removed.add(module);
            for (JsonNode kindNode : program.path("kinds")) {
                String kind = kindNode.asText();
                List<DemoRecord> records = store.list(module, kind);
                for (int i = 0; i < records.size(); i += BATCH) {
                    List<DemoRecord> batch = records.subList(i, Math.min(records.size(), i + BATCH));
                    n += api.post("/api/admin/records/remove", obj("module", module, "kind", kind,
                            "ids", batch.stream().map(DemoRecord::ref).toList(), "reason", REASON)).path("removed").asInt();
                }
            }
        }
        return n;
    }
}
