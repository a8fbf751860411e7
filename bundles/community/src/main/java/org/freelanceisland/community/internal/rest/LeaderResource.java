package org.freelanceisland.community.internal.rest;

import java.net.URI;
import java.time.LocalDate;
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

import org.freelanceisland.community.internal.service.Dto;
import org.freelanceisland.community.internal.service.LeaderService;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.PageParams;
import org.freelanceisland.platform.rest.Params;

/** {@code /api/community/leaders}: who leads which community or activity, since and until when. */
@Path("leaders")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
public final class LeaderResource {

    private final LeaderService leaders;

    /**
     * Creates the resource.
     *
     * @param leaders the leaders
     */
    public LeaderResource(LeaderService leaders) {
        this.leaders = leaders;
    }

    /**
     * Lists leaderships, the latest start first.
     *
     * @param active {@code true}: only those active today
     * @param activeOn only those active on this day
     * @param community a community code
     * @param personId a person
     * @param page offset and limit
     * @return the page
     */
    @GET
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Page<Dto.LeaderView> list(@QueryParam("active") String active, @QueryParam("activeOn") String activeOn,
            @QueryParam("community") String community, @QueryParam("personId") String personId, @BeanParam PageParams page) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate on = Params.date("activeOn", activeOn, errors);
        String a = Params.text(active);
        if (a != null && !a.equalsIgnoreCase("true") && !a.equalsIgnoreCase("false")) {
            errors.add(new FieldError("active", "must be true or false"));
        } else if (on == null && "true".equalsIgnoreCase(a)) {
            on = leaders.today();
        }
        var window = page.toRequest();
        Params.check(errors);
        return leaders.list(on, Params.text(community), Params.text(personId), window);
    }

    /**
     * Records that a person began leading a community (ledger {@code community.leader.started}).
     *
     * @param body the leadership
     * @return 201 with it
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(Dto.LeaderInput body) {
        Dto.LeaderView l = leaders.start(body);
        return Response.created(URI.create("leaders/" + l.id())).entity(l).build();
    }

    /**
     * One leadership.
     *
     * @param id the leadership
     * @return it
     */
    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Dto.LeaderView get(@PathParam("id") long id) {
        return leaders.get(id);
    }

    /**
     * Changes the community's names and the note.
     *
     * @param id the leadership
     * @param body names and note
     * @return it
     */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.LeaderView describe(@PathParam("id") long id, Dto.LeaderUpdate body) {
        return leaders.describe(id, body);
    }

    /**
     * Records the last day (ledger {@code community.leader.ended}).
     *
     * @param id the leadership
     * @param body the last day
     * @return it
     */
    @POST
    @Path("{id}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.LeaderView end(@PathParam("id") long id, Dto.EndInput body) {
        return leaders.end(id, body.until());
    }
}
