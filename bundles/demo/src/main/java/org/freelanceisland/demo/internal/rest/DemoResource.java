package org.freelanceisland.demo.internal.rest;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.freelanceisland.demo.internal.DemoService;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * {@code /api/demo}: what the demo island holds (staff and coordinators, for the console's card),
 * and loading and clearing it (administrators). Loading and clearing run in the background: the
 * answer is 202 and {@code GET /api/demo} tells when they are done.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public final class DemoResource {

    private final DemoService demo;

    /**
     * The resource.
     *
     * @param demo the demo island
     */
    public DemoResource(DemoService demo) {
        this.demo = demo;
    }

    /**
     * What is loaded, and the last operation.
     *
     * @return the status
     */
    @GET
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR, Roles.JUROR })
    public DemoService.Status status() {
        return demo.status();
    }

    /**
     * Starts loading the demo island (what of it is missing).
     *
     * @param force {@code true} to load into a registry that holds other people
     * @return 202 with the status
     */
    @POST
    @Path("load")
    @RolesAllowed(Roles.ADMIN)
    public Response load(@QueryParam("force") String force) {
        if (!demo.loadInBackground("true".equals(force), true)) {
            throw ProblemException.conflict("The demo island is busy (" + demo.status().operation() + ")");
        }
        return Response.accepted(demo.status()).build();
    }

    /**
     * Starts removing what the demo island loaded.
     *
     * @return 202 with the status
     */
    @POST
    @Path("clear")
    @RolesAllowed(Roles.ADMIN)
    public Response clear() {
        if (!demo.clearInBackground()) {
            throw ProblemException.conflict("The demo island is busy (" + demo.status().operation() + ")");
        }
        return Response.accepted(demo.status()).build();
    }
}
