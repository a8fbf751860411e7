package org.freelanceisland.jobs.internal.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.freelanceisland.jobs.internal.service.Dto;
import org.freelanceisland.jobs.internal.service.TeamService;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.PageParams;
import org.freelanceisland.platform.rest.Params;

/** {@code /api/jobs/teams}: project teams with roles and pay shares. Coordinators form them; staff read. */
@Path("teams")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COORDINATOR)
public final class TeamResource {

    private final TeamService teams;

    /**
     * Creates the resource.
     *
     * @param teams teams
     */
    public TeamResource(TeamService teams) {
        this.teams = teams;
    }

    /**
     * Lists teams.
     *
     * @param personId teams with this member
     * @param active {@code true} or {@code false}
     * @param page offset and limit
     * @return the page
     */
    @GET
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Page<Dto.TeamView> list(@QueryParam("personId") String personId, @QueryParam("active") String active,
            @BeanParam PageParams page) {
        List<FieldError> errors = new ArrayList<>();
        Boolean a = Flags.bool("active", active, errors);
        var window = page.toRequest();
        Params.check(errors);
        return teams.list(Params.text(personId), a, window);
    }

    /**
     * Forms a team.
     *
     * @param body the team
     * @return 201 with the team
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Dto.TeamInput body) {
        Dto.TeamView t = teams.create(body);
        return Response.created(URI.create("teams/" + t.id())).entity(t).build();
    }

    /**
     * One team.
     *
     * @param id the team
     * @return the team
     */
    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Dto.TeamView get(@PathParam("id") long id) {
        return teams.get(id);
    }

    /**
     * Changes a team.
     *
     * @param id the team
     * @param body all fields
     * @return the team
     */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.TeamView update(@PathParam("id") long id, Dto.TeamInput body) {
        return teams.update(id, body);
    }
}
