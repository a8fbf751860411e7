package org.freelanceisland.platform.core.internal.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Dictionary;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches for the shared DataSource {@code freelanceisland} and says why it is missing.
 *
 * <p>pax-jdbc creates the pooled XA DataSource once, when its configuration arrives; if the database
 * does not answer at that moment (PostgreSQL started after Karaf, a network outage at boot) it logs
 * "Could not get XAResource for recovery" and never tries again. While the DataSource is missing,
 * this watch connects with the configured driver directly every {@value #CHECK_SECONDS} s: it keeps
 * the database's own answer ("connection refused", "password authentication failed") for
 * {@code /api/health} and {@code island:status}, and once the database answers it restarts the
 * pax-jdbc configuration bundle, which creates the DataSource again (no other bundle restarts).
 */
@Component(service = DataSourceWatch.class, immediate = true)
public final class DataSourceWatch {

    static final int CHECK_SECONDS = 10;

    private static final Logger LOG = LoggerFactory.getLogger(DataSourceWatch.class);
    private static final String SHARED = "(&(objectClass=" + DataSource.class.getName()
            + ")(osgi.jndi.service.name=freelanceisland)(!(" + SchemaService.UNIT_PROPERTY + "=*)))";
    private static final String CONFIG = "(&(service.factoryPid=org.ops4j.datasource)(dataSourceName=freelanceisland))";

    private final BundleContext context;
    private final ConfigurationAdmin configurationAdmin;
    private final ScheduledExecutorService executor;
    private volatile String diagnosis;
    private volatile boolean lastCheckFailed;

    /**
     * Starts watching.
     *
     * @param context the platform bundle's context
     * @param configurationAdmin where the DataSource's configuration lives
     */
    @Activate
    public DataSourceWatch(BundleContext context, @Reference ConfigurationAdmin configurationAdmin) {
        this.context = context;
        this.configurationAdmin = configurationAdmin;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "freelanceisland-datasource-watch");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::check, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    /**
     * Why the shared DataSource is missing, as far as known.
     *
     * @return the database's answer or what is wrong with the configuration; {@code null} while the
     *         DataSource is registered or nothing is known yet
     */
    public String diagnosis() {
        return diagnosis;
    }

    void check() {
        try {
            if (!context.getServiceReferences(DataSource.class, SHARED).isEmpty()) {
                diagnosis = null;
                lastCheckFailed = false;
                return;
            }
            Configuration[] configurations = configurationAdmin.listConfigurations(CONFIG);
            if (configurations == null || configurations.length == 0) {
                diagnosis = "no configuration with dataSourceName=freelanceisland (etc/org.ops4j.datasource-freelanceisland.cfg)";
                return;
            }
            Configuration configuration = configurations[0];
            Dictionary<String, Object> properties = processed(configuration);
            String driver = string(properties.get("osgi.jdbc.driver.class"));
            String url = string(properties.get("url"));
            ServiceReference<DataSourceFactory> factory = context.getServiceReferences(DataSourceFactory.class,
                    "(osgi.jdbc.driver.class=" + driver + ")").stream().findFirst().orElse(null);
            if (factory == null) {
                diagnosis = "no JDBC driver for " + driver + " is installed (pax-jdbc-h2 / pax-jdbc-postgresql)";
                return;
            }
            DataSourceFactory dsf = context.getService(factory);
            try {
                Properties connect = new Properties();
                connect.setProperty(DataSourceFactory.JDBC_URL, url);
                if (properties.get("user") != null) {
                    connect.setProperty(DataSourceFactory.JDBC_USER, string(properties.get("user")));
                }
                if (properties.get("password") != null) {
                    connect.setProperty(DataSourceFactory.JDBC_PASSWORD, string(properties.get("password")));
                }
                try (Connection connection = dsf.createDataSource(connect).getConnection()) {
                    connection.isValid(2);
                }
            } finally {
                context.ungetService(factory);
            }
            // the database answers, yet pax-jdbc gave up on the DataSource: let it try again
            diagnosis = "the database answers again; the DataSource is being created";
            LOG.info("The database {} answers: restarting the pax-jdbc configuration to create the DataSource freelanceisland", url);
            restartPaxJdbcConfig();
            lastCheckFailed = false;
        } catch (SQLException e) {
            diagnosis = "database unreachable: " + e.getMessage();
            if (!lastCheckFailed) {
                LOG.error("The DataSource freelanceisland is missing and the database does not answer: {} (SQLState {})."
                        + " Check etc/org.ops4j.datasource-freelanceisland.cfg (or FREELANCE_ISLAND_DB_URL/_USER/_PASSWORD)"
                        + " and that the database runs; checking again every {} s.", e.getMessage(), e.getSQLState(), CHECK_SECONDS);
            }
            lastCheckFailed = true;
        } catch (InvalidSyntaxException | RuntimeException | java.io.IOException | BundleException e) {
            diagnosis = "the DataSource freelanceisland is missing: " + e;
            LOG.warn("Cannot check the database: {}", e.toString());
        }
    }

    private void restartPaxJdbcConfig() throws BundleException {
        for (Bundle bundle : context.getBundles()) {
            if ("org.ops4j.pax.jdbc.config".equals(bundle.getSymbolicName()) && bundle.getState() == Bundle.ACTIVE) {
                bundle.stop(Bundle.STOP_TRANSIENT);
                bundle.start(Bundle.START_TRANSIENT);
            }
        }
    }

    private static Dictionary<String, Object> processed(Configuration configuration) {
        try {
            Dictionary<String, Object> processed = configuration.getProcessedProperties(null);
            if (processed != null) {
                return processed;
            }
        } catch (RuntimeException e) {
            // an older ConfigurationAdmin: the raw properties
        }
        return configuration.getProperties();
    }

    private static String string(Object value) {
        return value == null ? "" : value.toString();
    }
}
