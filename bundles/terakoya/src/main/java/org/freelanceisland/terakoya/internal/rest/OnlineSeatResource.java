package org.freelanceisland.terakoya.internal.rest;

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
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.PageParams;
import org.freelanceisland.platform.rest.Params;
import org.freelanceisland.terakoya.internal.service.Dto;
import org.freelanceisland.terakoya.internal.service.OnlineSeatService;

/** {@code /api/terakoya/online-seats}: partner pools of online-learning seats, allocations and use. */
@Path("online-seats")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
public final class OnlineSeatResource {

    private final OnlineSeatService seats;

    /**
     * Creates the resource.
     *
     * @param seats the seats
     */
    public OnlineSeatResource(OnlineSeatService seats) {
        this.seats = seats;
    }

    /**
     * Pools.
     *
     * @param fiscalYear a fiscal year
     * @param page offset and limit
     * @return the page
     */
    @GET
    @Path("pools")
    public Page<Dto.PoolView> pools(@QueryParam("fiscalYear") String fiscalYear, @BeanParam PageParams page) {
        List<FieldError> errors = new ArrayList<>();
        FiscalYear year = Params.fiscalYear("fiscalYear", fiscalYear, errors);
        var window = page.toRequest();
        Params.check(errors);
        return seats.pools(year, window);
    }

    /**
     * Creates a pool.
     *
     * @param body the pool
     * @return 201 with the pool
     */
    @POST
    @Path("pools")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createPool(Dto.PoolInput body) {
        Dto.PoolView pool = seats.createPool(body);
        return Response.created(URI.create("online-seats/pools/" + pool.id())).entity(pool).build();
    }

    /**
     * One pool.
     *
     * @param id the pool
     * @return the pool
     */
    @GET
    @Path("pools/{id}")
    public Dto.PoolView pool(@PathParam("id") long id) {
        return seats.pool(id);
    }

    /**
     * Changes a pool.
     *
     * @param id the pool
     * @param body the changes
     * @return the pool
     */
    @PUT
    @Path("pools/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.PoolView updatePool(@PathParam("id") long id, Dto.PoolUpdate body) {
        return seats.updatePool(id, body);
    }

    /**
     * The seats of a pool.
     *
     * @param id the pool
     * @param active {@code true} to leave released seats out
     * @param page offset and limit
     * @return the page
     */
    @GET
    @Path("pools/{id}/allocations")
    public Page<Dto.AllocationView> allocations(@PathParam("id") long id, @QueryParam("active") String active,
            @BeanParam PageParams page) {
        return seats.allocations(id, "true".equalsIgnoreCase(Params.text(active)), page.toRequest());
    }

    /**
     * Gives a seat to a person.
     *
     * @param id the pool
     * @param body the person
     * @return 201 with the allocation
     */
    @POST
    @Path("pools/{id}/allocations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response allocate(@PathParam("id") long id, Dto.AllocateInput body) {
        Dto.AllocationView a = seats.allocate(id, body);
        return Response.created(URI.create("online-seats/allocations/" + a.id())).entity(a).build();
    }

    /**
     * Returns an unused seat to its pool.
     *
     * @param allocationId the allocation
     * @return the allocation
     */
    @POST
    @Path("allocations/{allocationId}/release")
    public Dto.AllocationView release(@PathParam("allocationId") long allocationId) {
        return seats.release(allocationId);
    }

    /**
     * The use of a seat.
     *
     * @param allocationId the allocation
     * @return the use, newest first
     */
    @GET
    @Path("allocations/{allocationId}/usage")
    public List<Dto.UsageView> usage(@PathParam("allocationId") long allocationId) {
        return seats.usage(allocationId);
    }

    /**
     * Records a day's use.
     *
     * @param allocationId the allocation
     * @param body the use
     * @param security who records it
     * @return 201 with the use
     */
    @POST
    @Path("allocations/{allocationId}/usage")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response recordUsage(@PathParam("allocationId") long allocationId, Dto.UsageInput body,
            @Context SecurityContext security) {
        Dto.UsageView u = seats.recordUsage(allocationId, body, CourseResource.actor(security));
        return Response.status(201).entity(u).build();
    }
}
