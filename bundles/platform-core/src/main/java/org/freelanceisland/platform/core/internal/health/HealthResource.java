package org.freelanceisland.platform.core.internal.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;

import javax.annotation.security.PermitAll;
import javax.sql.DataSource;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.freelanceisland.platform.core.internal.modules.ModuleRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/health}: 200 when the database answers, 503 with the same body when it does not.
 * Open to everyone, for load balancers and monitoring.
 */
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public final class HealthResource {

    private static final Logger LOG = LoggerFactory.getLogger(HealthResource.class);

    private final Supplier<DataSource> dataSource;
    private final ModuleRegistry registry;

    /** The health report. */
    public record Health(String status, String database, List<String> modules) {
    }

    /**
     * Creates the resource.
     *
     * @param dataSource the shared data source, {@code null} while it is not registered
     * @param registry the module registry
     */
    public HealthResource(Supplier<DataSource> dataSource, ModuleRegistry registry) {
        this.dataSource = dataSource;
        this.registry = registry;
    }

    /**
     * Reports the health of the platform.
     *
     * @return 200 or 503 with the report
     */
    @GET
    public Response health() {
        boolean database = databaseUp();
        List<String> modules = registry.list().stream().map(ModuleRegistry.ModuleInfo::id).toList();
        Health health = new Health(database ? "UP" : "DOWN", database ? "UP" : "DOWN", modules);
        return Response.status(database ? 200 : 503).entity(health).build();
    }

    private boolean databaseUp() {
        DataSource ds = dataSource.get();
        if (ds == null) {
            return false;
        }
        try (Connection connection = ds.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Database health check failed: {}", e.toString());
            return false;
        }
    }
}
