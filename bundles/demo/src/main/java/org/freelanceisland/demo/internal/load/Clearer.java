package org.freelanceisland.demo.internal.load;

import static org.freelanceisland.demo.internal.load.IslandClient.obj;

import java.time.Duration;
import java.util.function.Consumer;

import org.freelanceisland.demo.internal.DemoService;
import org.freelanceisland.demo.internal.store.DemoRecord;
import org.freelanceisland.demo.internal.store.DemoStore;

/**
 * Removes exactly what the demo island loaded, module by module, through the same public APIs:
 * the programs' records, the people (erased), and the ledger facts.
 */
public final class Clearer {

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
     * Clears.
     *
     * @return a summary
     */
    public String clear() {
        long started = System.nanoTime();
        IslandClient api = accounts.api();
        int people = 0;
        for (DemoRecord r : store.list("people", "person")) {
            api.post("/api/people/" + r.ref() + "/erase", obj("reason", "デモの島を削除 (island:demo clear)"));
            people++;
        }
        store.removeModule("people");
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        return "Demo island cleared in " + seconds + " s: " + people + " people erased";
    }
}
