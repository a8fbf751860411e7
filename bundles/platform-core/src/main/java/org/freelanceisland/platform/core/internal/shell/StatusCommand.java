package org.freelanceisland.platform.core.internal.shell;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.time.Duration;

import javax.sql.DataSource;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.freelanceisland.platform.core.internal.PlatformServices;
import org.freelanceisland.platform.core.internal.schema.SchemaService;
import org.freelanceisland.platform.core.internal.programs.ProgramCatalog;

/** {@code island:status}: the health of the platform at a glance. */
@Service
@Command(scope = "island", name = "status", description = "Shows the health of Freelance Island: database, programs, memory, uptime")
public final class StatusCommand implements Action {

    @Reference
    PlatformServices services;

    @Reference
    ProgramCatalog catalog;

    @Override
    public Object execute() throws Exception {
        DataSource ds = services.dataSource();
        String database;
        if (ds == null) {
            String why = services.dataSourceDiagnosis();
            database = "DOWN (" + (why != null ? why : "no DataSource registered: check etc/org.ops4j.datasource-freelanceisland.cfg") + ")";
        } else {
            try (Connection c = ds.getConnection()) {
                database = c.isValid(2) ? "UP (" + c.getMetaData().getDatabaseProductName() + " "
                        + c.getMetaData().getDatabaseProductVersion() + ")" : "DOWN";
            } catch (Exception e) {
                database = "DOWN (" + e.getMessage() + ")";
            }
        }
        System.out.println("Database : " + database);
        System.out.println("Ledger   : " + (services.ledger() != null ? "ready" : "not ready"));
        SchemaService schemas = services.schemas();
        if (schemas != null) {
            for (SchemaService.UnitStatus unit : schemas.statuses()) {
                System.out.println("Schema   : " + unit.unit() + " " + (unit.state() == SchemaService.State.READY
                        ? "version " + unit.version()
                        : unit.state() + " (" + unit.message() + ")"));
            }
        }
        System.out.println("Programs : " + catalog.list().stream()
                .map(p -> p.id() + (p.installed() ? (p.module() != null ? " [running]" : " [starting]") : " [available]"))
                .reduce((a, b) -> a + ", " + b).orElse("none"));
        Runtime rt = Runtime.getRuntime();
        System.out.printf("Memory   : %d MB used of %d MB heap%n", (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
        System.out.println("Uptime   : " + Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime()).withNanos(0));
        return null;
    }
}
