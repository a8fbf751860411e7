package org.freelanceisland.jobs.internal.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.freelanceisland.jobs.internal.model.ExchangeStatus;
import org.freelanceisland.jobs.internal.model.ListingKind;
import org.freelanceisland.jobs.internal.service.Dto;
import org.freelanceisland.jobs.internal.service.SkillShareService;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.PageParams;
import org.freelanceisland.platform.rest.Params;

/**
 * {@code /api/jobs/skillshare}: skills freelancers offer and request, the matches between them and
 * the exchanges that took place. Staff (community managers) and coordinators record them for the
 * freelancers.
 */
@Path("skillshare")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
public final class SkillShareResource {

    private final SkillShareService skillShare;

    /**
     * Creates the resource.
     *
     * @param skillShare skill share
     */
    public SkillShareResource(SkillShareService skillShare) {
        this.skillShare = skillShare;
    }

    /**
     * Lists offers and requests.
     *
     * @param kind OFFER or REQUEST
     * @param skill a skill
     * @param personId a person
     * @param active {@code true} or {@code false}
     * @param page offset and limit
     * @return the page
     */
    @GET
    @Path("listings")
    public Page<Dto.ListingView> listings(@QueryParam("kind") String kind, @QueryParam("skill") String skill,
            @QueryParam("personId") String personId, @QueryParam("active") String active, @BeanParam PageParams page) {
        List<FieldError> errors = new ArrayList<>();
        ListingKind k = Params.choice("kind", kind, ListingKind.class, errors);
        Boolean a = Flags.bool("active", active, errors);
        var window = page.toRequest();
        Params.check(errors);
        return skillShare.listings(k, Params.text(skill), Params.text(personId), a, window);
    }

    /**
     * A person offers or requests a skill.
     *
     * @param body the listing
     * @return 201 with the listing
     */
    @POST
    @Path("listings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response list(Dto.ListingInput body) {
        Dto.ListingView l = skillShare.list(body);
        return Response.created(URI.create("skillshare/listings/" + l.id())).entity(l).build();
    }

    /**
     * Closes a listing.
     *
     * @param id the listing
     * @return the listing
     */
    @POST
    @Path("listings/{id}/close")
    public Dto.ListingView close(@PathParam("id") long id) {
        return skillShare.close(id);
    }

    /**
     * Open offers and requests of the same skill by different people.
     *
     * @param skill a skill
     * @param page offset and limit
     * @return the page
     */
    @GET
    @Path("matches")
    public Page<Dto.MatchView> matches(@QueryParam("skill") String skill, @BeanParam PageParams page) {
        return skillShare.matches(Params.text(skill), page.toRequest());
    }

    /**
     * Lists exchanges.
     *
     * @param status AGREED, COMPLETED or CANCELLED
     * @param personId a person on either side
     * @param page offset and limit
     * @return the page
     */
    @GET
    @Path("exchanges")
    public Page<Dto.ExchangeView> exchanges(@QueryParam("status") String status, @QueryParam("personId") String personId,
            @BeanParam PageParams page) {
        List<FieldError> errors = new ArrayList<>();
        ExchangeStatus s = Params.choice("status", status, ExchangeStatus.class, errors);
        var window = page.toRequest();
        Params.check(errors);
        return skillShare.exchanges(s, Params.text(personId), window);
    }

    /**
     * Records an exchange agreed between two people.
     *
     * @param body the exchange
     * @param security who
     * @return 201 with the exchange
     */
    @POST
    @Path("exchanges")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response agree(Dto.ExchangeInput body, @Context SecurityContext security) {
        if (body == null) {
            throw org.freelanceisland.platform.rest.ProblemException.invalid("offerId", "give offerId and requestId, or providerId, receiverId and skill");
        }
        Dto.ExchangeView x = skillShare.agree(body, Audit.actor(security));
        return Response.created(URI.create("skillshare/exchanges/" + x.id())).entity(x).build();
    }

    /**
     * One exchange.
     *
     * @param id the exchange
     * @return the exchange
     */
    @GET
    @Path("exchanges/{id}")
    public Dto.ExchangeView exchange(@PathParam("id") long id) {
        return skillShare.exchange(id);
    }

    /**
     * The exchange took place.
     *
     * @param id the exchange
     * @param body the day (today when left out) and a note
     * @return the exchange
     */
    @POST
    @Path("exchanges/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.ExchangeView complete(@PathParam("id") long id, Dto.CompleteInput body) {
        return skillShare.complete(id, body == null ? null : body.completedOn(), body == null ? null : body.note());
    }

    /**
     * The exchange did not take place.
     *
     * @param id the exchange
     * @param body the reason
     * @return the exchange
     */
    @POST
    @Path("exchanges/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.ExchangeView cancel(@PathParam("id") long id, Dto.ReasonInput body) {
        return skillShare.cancel(id, body == null ? null : body.reason());
    }
}
