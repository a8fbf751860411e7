package org.freelanceisland.platform.core.internal.schema;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.freelanceisland.platform.schema.Dialect;
import org.freelanceisland.platform.schema.MigrationException;
import org.freelanceisland.platform.schema.Migrations;
import org.freelanceisland.platform.schema.SchemaMigrator;
import org.freelanceisland.platform.schema.SchemaTooNewException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the schema migrations of every module before the module may use the database.
 *
 * <p>A bundle that carries scripts under {@code db/<unit>/} is migrated when it starts (in the
 * starting thread when the database answers, so its components find their schema ready exactly as
 * before; otherwise in the background, retried every {@value #RETRY_SECONDS} s). Once a unit is up to
 * date, the shared DataSource {@code freelanceisland} is published again for it with the property
 * {@code freelanceisland.schema=<unit>}: that is the DataSource the unit's {@code persistence.xml}
 * names, so Aries JPA creates the unit's EntityManagerFactory (and the module's services appear) only
 * on a migrated schema. A unit whose database holds a newer schema than its scripts, or whose
 * migration fails, stays without a DataSource and is reported by {@code /api/health} and
 * {@code island:status}. Retiring a program withdraws its DataSource and never touches its tables.
 */
@Component(service = SchemaService.class, immediate = true)
public final class SchemaService {

    /** The service property that names the unit a DataSource was published for. */
    public static final String UNIT_PROPERTY = "freelanceisland.schema";
    /** The service property with the unit's schema version. */
    public static final String VERSION_PROPERTY = "freelanceisland.schema.version";

    static final int RETRY_SECONDS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(SchemaService.class);
    private static final String SHARED = "(&(objectClass=" + DataSource.class.getName()
            + ")(osgi.jndi.service.name=freelanceisland)(!(" + UNIT_PROPERTY + "=*)))";

    /** Where a unit stands. */
    public enum State {
        /** no DataSource is registered yet (etc/org.ops4j.datasource-freelanceisland.cfg) */
        WAITING_FOR_DATABASE,
        /** its migrations run now */
        MIGRATING,
        /** up to date; its DataSource is published */
        READY,
        /** the database does not answer; retried */
        DATABASE_UNREACHABLE,
        /** the schema is newer than the code, or a migration failed; not retried until the bundle restarts */
        FAILED
    }

    /**
     * A unit's state.
     *
     * @param unit the unit (the module id)
     * @param bundle the symbolic name of the bundle it belongs to
     * @param state where it stands
     * @param version its schema version in the database, 0 while unknown
     * @param message what went wrong, or what was done
     * @param since when it reached this state
     */
    public record UnitStatus(String unit, String bundle, State state, int version, String message, Instant since) {
    }

    private static final class Unit {
        final String name;
        final Bundle bundle;
        volatile UnitStatus status;
        ServiceRegistration<DataSource> registration;
        boolean retryScheduled;

        Unit(String name, Bundle bundle) {
            this.name = name;
            this.bundle = bundle;
            this.status = new UnitStatus(name, bundle.getSymbolicName(), State.WAITING_FOR_DATABASE, 0,
                    "waiting for the DataSource freelanceisland", Instant.now());
        }
    }

    private final BundleContext context;
    private final SchemaMigrator migrator;
    private final ScheduledExecutorService executor;
    private final Map<String, Unit> units = new ConcurrentHashMap<>();
    private final ServiceTracker<DataSource, DataSource> dataSources;
    private final BundleTracker<List<Unit>> bundles;
    private volatile boolean closed;
    private volatile boolean h2CommitsDurable;

    /**
     * Starts tracking the DataSource and the bundles with migrations.
     *
     * @param context the platform bundle's context
     * @throws InvalidSyntaxException never (the filter is constant)
     */
    @Activate
    public SchemaService(BundleContext context) throws InvalidSyntaxException {
        this.context = context;
        this.migrator = new SchemaMigrator(nodeName());
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "freelanceisland-schema");
            thread.setDaemon(true);
            return thread;
        });
        this.dataSources = new ServiceTracker<>(context, context.createFilter(SHARED),
                new ServiceTrackerCustomizer<DataSource, DataSource>() {
                    @Override
                    public DataSource addingService(ServiceReference<DataSource> reference) {
                        DataSource ds = context.getService(reference);
                        executor.execute(SchemaService.this::migrateAll);
                        return ds;
                    }

                    @Override
                    public void modifiedService(ServiceReference<DataSource> reference, DataSource service) {
                    }

                    @Override
                    public void removedService(ServiceReference<DataSource> reference, DataSource service) {
                        withdrawAll();
                        context.ungetService(reference);
                        executor.execute(SchemaService.this::migrateAll); // another DataSource may remain
                    }
                });
        this.bundles = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE,
                new BundleTrackerCustomizer<List<Unit>>() {
                    @Override
                    public List<Unit> addingBundle(Bundle bundle, BundleEvent event) {
                        return track(bundle);
                    }

                    @Override
                    public void modifiedBundle(Bundle bundle, BundleEvent event, List<Unit> tracked) {
                    }

                    @Override
                    public void removedBundle(Bundle bundle, BundleEvent event, List<Unit> tracked) {
                        for (Unit unit : tracked) {
                            units.remove(unit.name, unit);
                            withdraw(unit);
                        }
                    }
                });
        dataSources.open();
        bundles.open();
    }

    /** Withdraws every unit's DataSource and stops. */
    @Deactivate
    void deactivate() {
        closed = true;
        bundles.close();
        dataSources.close();
        executor.shutdownNow();
        units.values().forEach(SchemaService::withdraw);
        units.clear();
    }

    /**
     * The state of every unit of the bundles that run now, by unit name.
     *
     * @return the states, sorted by unit
     */
    public List<UnitStatus> statuses() {
        List<UnitStatus> list = new ArrayList<>();
        units.values().forEach(u -> list.add(u.status));
        list.sort(Comparator.comparing(UnitStatus::unit));
        return list;
    }

    /**
     * The state of one unit.
     *
     * @param unit the unit
     * @return its state, or {@code null} when no running bundle has migrations for it
     */
    public UnitStatus status(String unit) {
        Unit u = units.get(unit);
        return u == null ? null : u.status;
    }

    private List<Unit> track(Bundle bundle) {
        List<String> names = unitNames(bundle);
        if (names.isEmpty()) {
            return null;
        }
        List<Unit> tracked = new ArrayList<>();
        for (String name : names) {
            Unit unit = new Unit(name, bundle);
            Unit previous = units.put(name, unit);
            if (previous != null && previous.bundle.getBundleId() != bundle.getBundleId()) {
                LOG.error("Two bundles carry migrations for the unit {}: {} and {}; the later one is used", name,
                        previous.bundle.getSymbolicName(), bundle.getSymbolicName());
                withdraw(previous);
            }
            tracked.add(unit);
            if (databaseUnreachable()) {
                executor.execute(() -> migrate(unit)); // do not hold up the bundle's start
            } else {
                // in the starting thread, so that the unit's EntityManagerFactory exists before its components start
                migrate(unit);
            }
        }
        return tracked;
    }

    private boolean databaseUnreachable() {
        return units.values().stream().anyMatch(u -> u.status.state() == State.DATABASE_UNREACHABLE);
    }

    private static List<String> unitNames(Bundle bundle) {
        Enumeration<String> folders = bundle.getEntryPaths(Migrations.ROOT);
        if (folders == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String folder : Collections.list(folders)) {
            if (folder.endsWith("/")) {
                String name = folder.substring(Migrations.ROOT.length(), folder.length() - 1);
                Enumeration<URL> scripts = bundle.findEntries(folder, "V*.sql", false);
                if (scripts != null && scripts.hasMoreElements()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private void migrateAll() {
        for (Unit unit : new ArrayList<>(units.values())) {
            migrate(unit);
        }
    }

    private void migrate(Unit unit) {
        synchronized (unit) {
            if (closed || unit.registration != null || units.get(unit.name) != unit
                    || unit.status.state() == State.FAILED) {
                return;
            }
            DataSource ds = dataSources.getService();
            if (ds == null) {
                setStatus(unit, State.WAITING_FOR_DATABASE, 0, "waiting for the DataSource freelanceisland"
                        + " (etc/org.ops4j.datasource-freelanceisland.cfg)");
                return;
            }
            int known = unit.status.version();
            State before = unit.status.state();
            setStatus(unit, State.MIGRATING, known, "migrating");
            try (Connection connection = ds.getConnection()) {
                Dialect dialect = Dialect.of(connection);
                if (dialect == Dialect.H2) {
                    durableCommits(connection);
                }
                SchemaMigrator.Result result = migrator.migrate(connection, unit.name,
                        Migrations.select(unit.name, scripts(unit.bundle, unit.name), dialect));
                report(result);
                Hashtable<String, Object> properties = new Hashtable<>();
                properties.put(UNIT_PROPERTY, unit.name);
                properties.put(VERSION_PROPERTY, result.toVersion());
                if ((unit.bundle.getState() & (Bundle.STARTING | Bundle.ACTIVE)) == 0) {
                    return; // stopped meanwhile
                }
                setStatus(unit, State.READY, result.toVersion(), "version " + result.toVersion() + " on " + dialect);
                unit.registration = context.registerService(DataSource.class, ds, properties);
            } catch (SchemaTooNewException e) {
                setStatus(unit, State.FAILED, e.databaseVersion(), e.getMessage());
                LOG.error("{}", e.getMessage());
            } catch (MigrationException e) {
                setStatus(unit, State.FAILED, known, e.getMessage());
                LOG.error("{} The module stays stopped until the script or the database is fixed and the bundle is"
                        + " restarted.", e.getMessage(), e.getCause());
            } catch (SQLException e) {
                boolean first = before != State.DATABASE_UNREACHABLE;
                setStatus(unit, State.DATABASE_UNREACHABLE, known, "the database does not answer: " + e.getMessage());
                if (first) {
                    LOG.error("Cannot reach the database to prepare the schema of {}: {} (SQLState {}). Check"
                            + " etc/org.ops4j.datasource-freelanceisland.cfg and that the database runs; retrying every {} s.",
                            unit.name, e.getMessage(), e.getSQLState(), RETRY_SECONDS);
                }
                scheduleRetry(unit);
            } catch (IOException | RuntimeException e) {
                setStatus(unit, State.FAILED, known, "cannot read the migrations of " + unit.name + ": " + e.getMessage());
                LOG.error("Cannot prepare the schema of {}", unit.name, e);
            }
        }
    }

    /**
     * Makes H2 write every commit to its file before the commit returns. By default H2 writes
     * committed transactions up to half a second later (WRITE_DELAY 500): a process killed in that
     * half second (SIGKILL, the OOM killer) loses writes it had acknowledged, which the crash test
     * showed. The setting is persistent in the database; setting it again is harmless.
     */
    private void durableCommits(Connection connection) throws SQLException {
        if (h2CommitsDurable) {
            return;
        }
        try (java.sql.Statement s = connection.createStatement()) {
            s.execute("SET WRITE_DELAY 0");
        }
        h2CommitsDurable = true;
        LOG.info("H2: every commit is written to the database file before it returns (WRITE_DELAY 0)");
    }

    private void scheduleRetry(Unit unit) {
        if (unit.retryScheduled || closed) {
            return;
        }
        unit.retryScheduled = true;
        executor.schedule(() -> {
            synchronized (unit) {
                unit.retryScheduled = false;
            }
            migrate(unit);
        }, RETRY_SECONDS, TimeUnit.SECONDS);
    }

    private static void report(SchemaMigrator.Result result) {
        result.warnings().forEach(w -> LOG.warn("Schema of {}: {}", result.unit(), w));
        if (result.steps().isEmpty()) {
            LOG.info("Schema of {} is up to date (version {} on {})", result.unit(), result.toVersion(), result.dialect());
            return;
        }
        long millis = result.steps().stream().mapToLong(SchemaMigrator.Step::millis).sum();
        LOG.info("Schema of {} brought from version {} to {} on {} in {} ms: {}", result.unit(), result.fromVersion(),
                result.toVersion(), result.dialect(), millis, result.steps().stream()
                        .map(s -> "V" + s.version() + " " + s.description()
                                + (s.kind() == SchemaMigrator.Kind.ADOPTED ? " (adopted the tables of an earlier build)" : ""))
                        .collect(Collectors.joining(", ")));
    }

    private static Map<String, String> scripts(Bundle bundle, String unit) throws IOException {
        Map<String, String> scripts = new LinkedHashMap<>();
        Enumeration<URL> entries = bundle.findEntries(Migrations.ROOT + unit, "*.sql", false);
        if (entries != null) {
            for (URL url : Collections.list(entries)) {
                String path = url.getPath();
                String name = path.substring(path.lastIndexOf('/') + 1);
                try (InputStream in = url.openStream()) {
                    scripts.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return scripts;
    }

    private void withdrawAll() {
        units.values().forEach(unit -> {
            synchronized (unit) {
                withdraw(unit);
                if (unit.status.state() != State.FAILED) {
                    setStatus(unit, State.WAITING_FOR_DATABASE, unit.status.version(), "the DataSource went away");
                }
            }
        });
    }

    private static void withdraw(Unit unit) {
        synchronized (unit) {
            if (unit.registration != null) {
                try {
                    unit.registration.unregister();
                } catch (IllegalStateException e) {
                    // already gone with the framework
                }
                unit.registration = null;
            }
        }
    }

    private static void setStatus(Unit unit, State state, int version, String message) {
        unit.status = new UnitStatus(unit.name, unit.bundle.getSymbolicName(), state, version, message, Instant.now());
    }

    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "localhost";
        }
        Bundle self = FrameworkUtil.getBundle(SchemaService.class);
        String version = self == null ? "" : " " + self.getVersion();
        return System.getProperty("karaf.name", "karaf") + "@" + host + version;
    }
}
