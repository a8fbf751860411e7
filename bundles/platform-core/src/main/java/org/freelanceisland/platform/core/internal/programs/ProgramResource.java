package org.freelanceisland.platform.core.internal.programs;

import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.rest.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/admin/programs}: the programs administrators install and retire while the system
 * runs. Every change is audit-logged.
 */
@Path("admin/programs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public final class ProgramResource {

    private static final Logger LOG = LoggerFactory.getLogger(ProgramResource.class);

    private final ProgramCatalog catalog;

    /**
     * Creates the resource.
     *
     * @param catalog the program catalog
     */
    public ProgramResource(ProgramCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Lists every program, installed or available.
     *
     * @return the programs by id
     */
    @GET
    public Page<ProgramCatalog.Program> list() {
        List<ProgramCatalog.Program> programs = call(catalog::list);
        return new Page<>(programs, programs.size(), 0, Math.max(programs.size(), 1));
    }

    /**
     * One program.
     *
     * @param id its id
     * @return the program
     */
    @GET
    @Path("{id}")
    public ProgramCatalog.Program get(@PathParam("id") String id) {
        return call(() -> catalog.get(id)).orElseThrow(() -> ProblemException.notFound("program", id));
    }

    /**
     * Installs a program (no change if it is installed).
     *
     * @param id its id
     * @param security who asks
     * @return the outcome
     */
    @POST
    @Path("{id}/install")
    public ProgramCatalog.Outcome install(@PathParam("id") String id, @Context SecurityContext security) {
        String actor = security.getUserPrincipal().getName();
        return call(() -> catalog.install(id, actor));
    }

    /**
     * Retires a program (no change if it is not installed); its data stays.
     *
     * @param id its id
     * @param security who asks
     * @return the outcome
     */
    @POST
    @Path("{id}/retire")
    public ProgramCatalog.Outcome retire(@PathParam("id") String id, @Context SecurityContext security) {
        String actor = security.getUserPrincipal().getName();
        return call(() -> catalog.retire(id, actor));
    }

    private interface Call<T> {
        T run() throws Exception;
    }

    private static <T> T call(Call<T> call) {
        try {
            return call.run();
        } catch (IllegalArgumentException e) {
            throw new ProblemException(404, "not-found", "Not found", e.getMessage(), List.of());
        } catch (ProblemException e) {
            throw e;
        } catch (Exception e) {
            LOG.warn("Program operation failed", e);
            throw new ProblemException(409, "program-operation-failed", "The program operation failed",
                    e.getMessage() == null ? e.toString() : e.getMessage(), List.of());
        }
    }
}
