package org.freelanceisland.platform.core.internal.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.annotation.security.PermitAll;
import javax.sql.DataSource;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.freelanceisland.platform.core.internal.modules.ModuleRegistry;
import org.freelanceisland.platform.core.internal.schema.SchemaService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/health}: 200 when the database answers, every module's schema is usable and the
 * platform's own ledger and audit log serve; 503 with the same body and the reasons when not. Open to everyone, for load balancers and monitoring.
 */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public final class HealthResource {

    private static final Logger LOG = LoggerFactory.getLogger(HealthResource.class);

    private final Supplier<DataSource> dataSource;
    private final Supplier<String> diagnosis;
    private final Supplier<SchemaService> schemas;
    private final ModuleRegistry registry;
    private final Supplier<Boolean> platformServing;

    /**
     * The health report.
     *
     * @param status {@code UP} or {@code DOWN}
     * @param database {@code UP} or {@code DOWN}
     * @param modules the ids of the programs registered now
     * @param schemas each unit's schema version in the database, for the units that run now
     * @param problems why the status is {@code DOWN} (or a unit is not ready yet); empty when all is well
     */
    public record Health(String status, String database, List<String> modules, Map<String, Integer> schemas,
            List<String> problems) {
    }

    /**
     * Creates the resource.
     *
     * @param dataSource the shared data source, {@code null} while it is not registered
     * @param diagnosis why the data source is missing, {@code null} when not known
     * @param schemas the schema migrations, {@code null} while not active
     * @param registry the module registry
     * @param platformServing whether the platform's own units (the ledger, the audit log) serve: the
     *        database can answer before they have started, and a write then would get a 503
     */
    public HealthResource(Supplier<DataSource> dataSource, Supplier<String> diagnosis, Supplier<SchemaService> schemas,
            ModuleRegistry registry, Supplier<Boolean> platformServing) {
        this.dataSource = dataSource;
        this.diagnosis = diagnosis;
        this.schemas = schemas;
        this.registry = registry;
        this.platformServing = platformServing;
    }

    /**
     * Reports the health of the platform.
     *
     * @return 200 or 503 with the report
     */
    @GET
    public Response health() {
        List<String> problems = new ArrayList<>();
        boolean database = databaseUp(problems);
        boolean schemasUsable = true;
        Map<String, Integer> versions = new LinkedHashMap<>();
        SchemaService service = schemas.get();
        if (service != null) {
            for (SchemaService.UnitStatus unit : service.statuses()) {
                switch (unit.state()) {
                case READY -> versions.put(unit.unit(), unit.version());
                case FAILED -> {
                    schemasUsable = false;
                    problems.add("schema of " + unit.unit() + ": " + unit.message());
                }
                case DATABASE_UNREACHABLE, WAITING_FOR_DATABASE -> problems.add("schema of " + unit.unit() + " not ready: "
                        + unit.message());
                default -> problems.add("schema of " + unit.unit() + " is being migrated");
                }
            }
        }
        boolean serving = !database || Boolean.TRUE.equals(platformServing.get());
        if (!serving) {
            problems.add("the platform's activity ledger and audit log are starting");
        }
        boolean up = database && schemasUsable && serving;
        List<String> modules = registry.list().stream().map(ModuleRegistry.ModuleInfo::id).toList();
        Health health = new Health(up ? "UP" : "DOWN", database ? "UP" : "DOWN", modules, versions, problems);
        return Response.status(up ? 200 : 503).entity(health).build();
    }

    private boolean databaseUp(List<String> problems) {
        DataSource ds = dataSource.get();
        if (ds == null) {
            String why = diagnosis.get();
            problems.add(why != null ? why : "database: no DataSource freelanceisland is registered yet (check"
                    + " etc/org.ops4j.datasource-freelanceisland.cfg and data/log/karaf.log)");
            return false;
        }
        try (Connection connection = ds.getConnection()) {
            if (connection.isValid(2)) {
                return true;
            }
            problems.add("database: the connection is not valid");
            return false;
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Database health check failed: {}", e.toString());
            problems.add("database unreachable: " + e.getMessage());
            return false;
        }
    }
}
