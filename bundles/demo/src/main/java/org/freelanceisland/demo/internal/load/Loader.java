package org.freelanceisland.demo.internal.load;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.freelanceisland.demo.internal.DemoService;
import org.freelanceisland.demo.internal.data.People;
import org.freelanceisland.demo.internal.store.DemoStore;
import org.freelanceisland.platform.api.ledger.ActivityLedger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Loads the demo island: the people first, then each installed program in turn, then the history of
 * earlier fiscal years in the ledger. Every call goes through a program's public REST API; what is
 * created is recorded under a stable key first thing, so a second load creates nothing and a load
 * that stopped half-way resumes where it stopped.
 */
public final class Loader {

    private final DemoStore store;
    private final ActivityLedger ledger;
    private final DemoService.Accounts accounts;
    private final Clock clock;
    private final long seed;
    private final int people;
    private final Consumer<String> say;

    /**
     * A loader.
     *
     * @param store what was created
     * @param ledger the activity ledger
     * @param accounts the service account's client and the realm
     * @param clock the island's clock
     * @param seed the seed
     * @param people how many freelancers
     * @param say told what happens
     */
    public Loader(DemoStore store, ActivityLedger ledger, DemoService.Accounts accounts, Clock clock, long seed, int people,
            Consumer<String> say) {
        this.store = store;
        this.ledger = ledger;
        this.accounts = accounts;
        this.clock = clock;
        this.seed = seed;
        this.people = people;
        this.say = say;
    }

    /**
     * Loads what is missing.
     *
     * @param force load even when the registry holds people who are not demo people
     * @param installPrograms install the programs that are not installed
     * @return a summary
     * @throws IllegalStateException when refused
     */
    public String load(boolean force, boolean installPrograms) {
        long started = System.nanoTime();
        IslandClient api = accounts.api();
        LocalDate today = LocalDate.now(clock);
        long demoPeople = store.list("people", "person").size();
        long registered = api.get("/api/people?limit=1").path("total").asLong();
        if (!force && registered > demoPeople) {
            throw new IllegalStateException("The people registry holds " + (registered - demoPeople)
                    + " people who are not demo people: the demo island is for trying Freelance Island on an empty database."
                    + " Load it anyway with --force (it records what it creates and clear removes only that).");
        }
        Set<String> installed = installed(api);
        if (installPrograms) {
            for (String program : DemoService.PROGRAMS) {
                if (!installed.contains(program)) {
                    say.accept("installing the program " + program);
                    api.post("/api/admin/programs/" + program + "/install", null);
                    await(api, program);
                    installed.add(program);
                }
            }
        }
        List<People.Person> island = People.generate(seed, people, today);
        Steps s = new Steps(api, store, seed, today, island, say, name -> accounts.realm().create(name, "jurorgroup"));
        List<String> skipped = new ArrayList<>();
        PeoplePart.load(s);
        if (installed.contains("terakoya")) {
            TerakoyaPart.load(s);
        } else {
            skipped.add("terakoya");
        }
        if (installed.contains("contest")) {
            ContestPart.load(s);
        } else {
            skipped.add("contest");
        }
        if (installed.contains("jobs")) {
            JobsPart.load(s);
        } else {
            skipped.add("jobs");
        }
        if (installed.contains("community")) {
            CommunityPart.load(s);
        } else {
            skipped.add("community");
        }
        HistoryPart.load(s, ledger);
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        return "Demo island loaded in " + seconds + " s: " + s.created + " records created now, " + store.total()
                + " in all" + (skipped.isEmpty() ? "" : "; not installed, so not loaded: " + String.join(", ", skipped));
    }

    static Set<String> installed(IslandClient api) {
        Set<String> ids = new HashSet<>();
        for (JsonNode m : api.get("/api/modules").path("items")) {
            ids.add(m.path("id").asText());
        }
        return ids;
    }

    private static void await(IslandClient api, String program) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (installed(api).contains(program)) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        }
        throw new IllegalStateException("The program " + program + " did not start within 90 s");
    }
}
