package org.freelanceisland.contest.internal.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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

import org.freelanceisland.contest.internal.service.Dto;
import org.freelanceisland.contest.internal.service.MarketService;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.PageParams;
import org.freelanceisland.platform.rest.Params;

/**
 * {@code /api/contest/markets}: handmade markets, their exhibitors and visitor counts, and the
 * attendance across the years. Staff run them; coordinators may read.
 */
@Path("markets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
public final class MarketResource {

    private final MarketService markets;

    /**
     * Creates the resource.
     *
     * @param markets the markets
     */
    public MarketResource(MarketService markets) {
        this.markets = markets;
    }

    /**
     * Lists markets, newest first.
     *
     * @param fiscalYear a fiscal year
     * @param page offset and limit
     * @return the page
     */
    @GET
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Page<Dto.MarketView> list(@QueryParam("fiscalYear") String fiscalYear, @BeanParam PageParams page) {
        List<FieldError> errors = new ArrayList<>();
        FiscalYear year = Params.fiscalYear("fiscalYear", fiscalYear, errors);
        var window = page.toRequest();
        Params.check(errors);
        return markets.list(year, window);
    }

    /**
     * Attendance per fiscal year and across the years.
     *
     * @return the attendance
     */
    @GET
    @Path("attendance")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Dto.Attendance attendance() {
        return markets.attendance();
    }

    /**
     * Creates a market.
     *
     * @param body the market
     * @return 201 with the market
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Dto.MarketInput body) {
        Dto.MarketView m = markets.create(body);
        return Response.created(URI.create("markets/" + m.id())).entity(m).build();
    }

    /**
     * One market.
     *
     * @param id the market
     * @return the market
     */
    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Dto.MarketView get(@PathParam("id") long id) {
        return markets.get(id);
    }

    /**
     * Changes a market.
     *
     * @param id the market
     * @param body all fields
     * @return the market
     */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.MarketView update(@PathParam("id") long id, Dto.MarketInput body) {
        return markets.update(id, body);
    }

    /**
     * Deletes an empty market.
     *
     * @param id the market
     * @return 204
     */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        markets.delete(id);
        return Response.noContent().build();
    }

    /**
     * Closes a market that is over; its exhibitors and visitors go to the ledger.
     *
     * @param id the market
     * @return the market
     */
    @POST
    @Path("{id}/close")
    public Dto.MarketView close(@PathParam("id") long id) {
        return markets.close(id);
    }

    /**
     * The exhibitors.
     *
     * @param id the market
     * @return the exhibitors
     */
    @GET
    @Path("{id}/exhibitors")
    public List<Dto.ExhibitorView> exhibitors(@PathParam("id") long id) {
        return markets.exhibitors(id);
    }

    /**
     * Adds an exhibitor.
     *
     * @param id the market
     * @param body the maker and booth
     * @return 201 with the exhibitor
     */
    @POST
    @Path("{id}/exhibitors")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addExhibitor(@PathParam("id") long id, Dto.ExhibitorInput body) {
        Dto.ExhibitorView x = markets.addExhibitor(id, body);
        return Response.created(URI.create("markets/" + id + "/exhibitors/" + x.id())).entity(x).build();
    }

    /**
     * Records the sales an exhibitor reported.
     *
     * @param id the market
     * @param exhibitorId the exhibitor
     * @param body the sales
     * @return the exhibitor
     */
    @PUT
    @Path("{id}/exhibitors/{exhibitorId}/sales")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.ExhibitorView sales(@PathParam("id") long id, @PathParam("exhibitorId") long exhibitorId, Dto.SalesInput body) {
        return markets.reportSales(id, exhibitorId, body.salesYen());
    }

    /**
     * Removes an exhibitor.
     *
     * @param id the market
     * @param exhibitorId the exhibitor
     * @return 204
     */
    @DELETE
    @Path("{id}/exhibitors/{exhibitorId}")
    public Response removeExhibitor(@PathParam("id") long id, @PathParam("exhibitorId") long exhibitorId) {
        markets.removeExhibitor(id, exhibitorId);
        return Response.noContent().build();
    }

    /**
     * The visitor counts, day by day.
     *
     * @param id the market
     * @return the counts
     */
    @GET
    @Path("{id}/visitors")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Dto.VisitorsView visitors(@PathParam("id") long id) {
        return markets.visitors(id);
    }

    /**
     * Records visitor counts (per day and hour, or per whole day).
     *
     * @param id the market
     * @param body the counts
     * @param security the caller
     * @return the counts
     */
    @PUT
    @Path("{id}/visitors")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.VisitorsView record(@PathParam("id") long id, Dto.VisitorsInput body, @Context SecurityContext security) {
        return markets.record(id, body, Http.user(security));
    }
}
