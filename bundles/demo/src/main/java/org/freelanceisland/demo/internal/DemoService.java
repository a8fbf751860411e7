package org.freelanceisland.demo.internal;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

import org.apache.aries.jpa.template.JpaTemplate;
import org.freelanceisland.demo.internal.account.ServiceAccounts;
import org.freelanceisland.platform.accounts.UserStore;
import org.freelanceisland.demo.internal.load.Clearer;
import org.freelanceisland.demo.internal.load.IslandClient;
import org.freelanceisland.demo.internal.load.Loader;
import org.freelanceisland.demo.internal.store.DemoStore;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and clears the demo island, one operation at a time. Everything goes in and out through
 * the programs' REST APIs on the loopback interface (as a service account that exists only while
 * the work runs) and through the activity ledger for the history of earlier fiscal years.
 */
@Component(service = DemoService.class, configurationPid = DemoService.PID)
@Designate(ocd = DemoService.Config.class)
public final class DemoService {

    /** The configuration pid ({@code etc/org.freelanceisland.demo.cfg}). */
    public static final String PID = "org.freelanceisland.demo";
    /** The programs the demo island fills, in the order they are loaded. */
    public static final List<String> PROGRAMS = List.of("terakoya", "contest", "jobs", "community", "kpi");
    private static final Logger LOG = LoggerFactory.getLogger(DemoService.class);

    /** Settings of the demo island. */
    @ObjectClassDefinition(name = "Freelance Island demo island",
            description = "Sample data for trying Freelance Island; never load it into a production database")
    public @interface Config {
        /** @return whether to load the demo once the platform is up (set by scripts/start.sh with FREELANCE_ISLAND_DEMO=1) */
        @AttributeDefinition(name = "Load on start", description = "Load the demo island when the bundle starts, if it is not loaded")
        boolean loadOnStart() default false;

        /** @return whether the load on start may go into a registry that holds other people */
        @AttributeDefinition(name = "Force", description = "Load even when the people registry holds people who are not demo people")
        boolean force() default false;

        /** @return the seed of the data set */
        @AttributeDefinition(name = "Seed")
        long seed() default 20150401L;

        /** @return how many freelancers */
        @AttributeDefinition(name = "People", description = "How many freelancers the demo island has (10 to 2000)")
        int people() default 200;
    }

    /** What the demo island holds now, and the last operation. */
    public record Status(boolean loaded, boolean running, String operation, Map<String, Long> records, String lastOutcome,
            Instant lastFinishedAt, Long lastDurationMs, List<String> log) {
    }

    private final DemoStore store;
    private final ActivityLedger ledger;
    private final ConfigurationAdmin configAdmin;
    private final Config config;
    private final ServiceAccounts accounts;
    /** One load or clear at a time; taken by the caller, so that a background job is "running" from the moment it is accepted. */
    private final Semaphore busy = new Semaphore(1);
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "freelance-island-demo");
        t.setDaemon(true);
        return t;
    });
    private final List<String> log = new ArrayList<>();
    private volatile String operation;
    private volatile String lastOutcome;
    private volatile Instant lastFinishedAt;
    private volatile Long lastDurationMs;

    /**
     * Starts the service; with {@code loadOnStart} it loads the island in the background.
     *
     * @param jpa the {@code demo} persistence unit
     * @param ledger the activity ledger
     * @param configAdmin to find the HTTP port
     * @param users the platform's user store, for the demo's service and juror accounts
     * @param config the settings
     */
    @Activate
    public DemoService(@Reference(target = "(osgi.unit.name=demo)") JpaTemplate jpa, @Reference ActivityLedger ledger,
            @Reference ConfigurationAdmin configAdmin,
            @Reference UserStore users, Config config) {
        this.store = new DemoStore(jpa);
        this.ledger = ledger;
        this.configAdmin = configAdmin;
        this.config = config;
        this.accounts = new ServiceAccounts(users);
        if (config.loadOnStart()) {
            background.submit(this::loadOnStart);
        }
    }

    /** Stops background work. */
    @Deactivate
    void stop() {
        background.shutdownNow();
    }

    private void loadOnStart() {
        try {
            IslandClient anonymous = new IslandClient(base(), null, null);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (!anonymous.ok("/api/health")) {
                if (System.nanoTime() > deadline) {
                    LOG.warn("Demo island: the platform did not answer /api/health within 5 minutes; not loaded");
                    return;
                }
                Thread.sleep(500);
            }
            if (store.total() > 0) {
                LOG.info("Demo island: already loaded ({} records); nothing to do", store.total());
                return;
            }
            load(config.force(), true, line -> LOG.info("Demo island: {}", line));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Demo island: the load on start failed: {}", e.getMessage());
        }
    }

    /**
     * What is loaded.
     *
     * @return the status
     */
    public Status status() {
        Map<String, Long> counts = store.counts();
        synchronized (log) {
            String current = operation;
            return new Status(!counts.isEmpty(), current != null, current, counts, lastOutcome, lastFinishedAt,
                    lastDurationMs, List.copyOf(log));
        }
    }

    /**
     * Loads the demo island (or what of it is missing) and waits for the end.
     *
     * @param force load even into a registry that holds people who are not demo people
     * @param installPrograms install the programs the island fills when they are not installed
     * @param progress told what happens
     * @return the outcome
     * @throws IllegalStateException when another operation runs or the load is refused or fails
     */
    public String load(boolean force, boolean installPrograms, Consumer<String> progress) {
        return run("load", progress, say -> {
            long seed = config.seed();
            int people = Math.max(10, Math.min(2000, config.people()));
            return new Loader(store, ledger, client(), Clock.system(FiscalYear.ISLAND_ZONE), seed, people, say)
                    .load(force, installPrograms);
        });
    }

    /**
     * Removes what the demo island loaded and waits for the end.
     *
     * @param progress told what happens
     * @return the outcome
     */
    public String clear(Consumer<String> progress) {
        return run("clear", progress, say -> new Clearer(store, client(), say).clear());
    }

    /**
     * Starts a load in the background.
     *
     * @param force see {@link #load}
     * @param installPrograms see {@link #load}
     * @return {@code false} when another operation runs
     */
    public boolean loadInBackground(boolean force, boolean installPrograms) {
        return inBackground("load", () -> load(force, installPrograms, line -> LOG.info("Demo island: {}", line)));
    }

    /**
     * Starts a clear in the background.
     *
     * @return {@code false} when another operation runs
     */
    public boolean clearInBackground() {
        return inBackground("clear", () -> clear(line -> LOG.info("Demo island: {}", line)));
    }

    /** Accepts a job for the background: it is running (status, other callers) from now until it ends. */
    private boolean inBackground(String name, Runnable job) {
        if (!busy.tryAcquire()) {
            return false;
        }
        operation = name;
        try {
            background.submit(() -> {
                try {
                    HELD.set(Boolean.TRUE);
                    job.run();
                } catch (RuntimeException e) {
                    LOG.warn("Demo island: {}", e.getMessage());
                } finally {
                    HELD.remove();
                    operation = null;
                    busy.release();
                }
            });
        } catch (RuntimeException e) {
            operation = null;
            busy.release();
            throw e;
        }
        return true;
    }

    /** Set on the background thread while it runs a job whose permit was taken when it was accepted. */
    private static final ThreadLocal<Boolean> HELD = new ThreadLocal<>();

    private interface Work {
        String run(Consumer<String> say);
    }

    private String run(String name, Consumer<String> progress, Work work) {
        boolean held = Boolean.TRUE.equals(HELD.get());
        if (!held && !busy.tryAcquire()) {
            throw new IllegalStateException("The demo island is busy (" + operation + "); try again when it is done");
        }
        long started = System.nanoTime();
        operation = name;
        synchronized (log) {
            log.clear();
        }
        Consumer<String> say = line -> {
            synchronized (log) {
                log.add(line);
                if (log.size() > 200) {
                    log.remove(0);
                }
            }
            progress.accept(line);
        };
        try {
            String outcome = work.run(say);
            lastOutcome = outcome;
            say.accept(outcome);
            return outcome;
        } catch (RuntimeException e) {
            lastOutcome = name + " failed: " + e.getMessage();
            say.accept(lastOutcome);
            LOG.warn("Demo island: {}", lastOutcome, e);
            throw new IllegalStateException(lastOutcome, e);
        } finally {
            accounts.remove(ServiceAccounts.SERVICE);
            for (String juror : accounts.jurors()) {
                accounts.remove(juror);
            }
            lastFinishedAt = Instant.now();
            lastDurationMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
            if (!held) {
                operation = null;
                busy.release();
            }
        }
    }

    private Accounts client() {
        String password = accounts.create(ServiceAccounts.SERVICE, "admingroup");
        return new Accounts(new IslandClient(base(), ServiceAccounts.SERVICE, password), accounts);
    }

    /** The client of the service account, and the realm for further accounts (jurors). */
    public record Accounts(IslandClient api, ServiceAccounts realm) {
    }

    /**
     * The platform's own address on the loopback interface, with the HTTP port Pax Web listens on.
     *
     * @return for example {@code http://127.0.0.1:8181/}
     */
    URI base() {
        String port = null;
        try {
            Configuration[] found = configAdmin.listConfigurations("(service.pid=org.ops4j.pax.web)");
            if (found != null && found.length > 0) {
                Dictionary<String, Object> props = found[0].getProperties();
                Object value = props == null ? null : props.get("org.osgi.service.http.port");
                port = value == null ? null : value.toString();
            }
        } catch (IOException | org.osgi.framework.InvalidSyntaxException e) {
            LOG.debug("Cannot read the Pax Web configuration", e);
        }
        if (port == null || !port.matches("\\d{1,5}")) {
            port = System.getProperty("org.osgi.service.http.port");
        }
        if (port == null || !port.matches("\\d{1,5}")) {
            String env = System.getenv("FREELANCE_ISLAND_PORT");
            port = env != null && env.matches("\\d{1,5}") ? env : "8181";
        }
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /**
     * Today on the island.
     *
     * @return the day
     */
    static LocalDate today() {
        return LocalDate.now(FiscalYear.ISLAND_ZONE);
    }

    /**
     * Counts as text, for the shell.
     *
     * @param records the counts
     * @return one line per module
     */
    public static List<String> lines(Map<String, Long> records) {
        Map<String, List<String>> byModule = new LinkedHashMap<>();
        records.forEach((k, v) -> {
            String[] mk = k.split("/", 2);
            byModule.computeIfAbsent(mk[0], x -> new ArrayList<>()).add(mk[1] + " " + v);
        });
        List<String> out = new ArrayList<>();
        byModule.forEach((m, l) -> out.add(String.format("%-10s %s", m, String.join(", ", l))));
        return out;
    }
}
