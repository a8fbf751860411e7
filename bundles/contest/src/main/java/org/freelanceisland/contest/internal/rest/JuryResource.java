package org.freelanceisland.contest.internal.rest;

import java.net.URI;
import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.freelanceisland.contest.internal.service.Dto;
import org.freelanceisland.contest.internal.service.JudgingService;
import org.freelanceisland.platform.api.Roles;

/**
 * The jury of a contest: staff assign juror accounts; a juror declares the makers they know, sees
 * the works to judge and scores each once, revising until judging closes. Every juror call acts
 * for the signed-in account only.
 */
@Path("contests")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
public final class JuryResource {

    private final JudgingService judging;

    /**
     * Creates the resource.
     *
     * @param judging the jury
     */
    public JuryResource(JudgingService judging) {
        this.judging = judging;
    }

    /**
     * The jurors with their progress.
     *
     * @param id the contest
     * @return the jurors
     */
    @GET
    @Path("{id}/jurors")
    public List<Dto.JurorView> jurors(@PathParam("id") long id) {
        return judging.jurors(id);
    }

    /**
     * Assigns a juror account.
     *
     * @param id the contest
     * @param body the account
     * @return 201 with the juror
     */
    @POST
    @Path("{id}/jurors")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response assign(@PathParam("id") long id, Dto.JurorInput body) {
        Dto.JurorView j = judging.assign(id, body);
        return Response.created(URI.create("contests/" + id + "/jurors/" + j.account())).entity(j).build();
    }

    /**
     * Removes a juror who has not scored.
     *
     * @param id the contest
     * @param account the account
     * @return 204
     */
    @DELETE
    @Path("{id}/jurors/{account}")
    public Response unassign(@PathParam("id") long id, @PathParam("account") String account) {
        judging.unassign(id, account);
        return Response.noContent().build();
    }

    /**
     * Records, for a juror, the makers they know.
     *
     * @param id the contest
     * @param account the juror
     * @param body the makers
     * @return the juror
     */
    @PUT
    @Path("{id}/jurors/{account}/conflicts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.JurorView conflictsFor(@PathParam("id") long id, @PathParam("account") String account, Dto.ConflictsInput body) {
        return judging.declare(id, account, body.personIds());
    }

    // ---- the signed-in juror

    /**
     * The makers of the contest, to declare whom the juror knows.
     *
     * @param id the contest
     * @param security the juror
     * @return the makers
     */
    @GET
    @Path("{id}/jury/makers")
    @RolesAllowed(Roles.JUROR)
    public List<Dto.MakerView> makers(@PathParam("id") long id, @Context SecurityContext security) {
        return judging.makers(id, Http.user(security));
    }

    /**
     * Declares the makers the juror knows (replaces the earlier declaration; their scores of those
     * makers' works are withdrawn).
     *
     * @param id the contest
     * @param body the makers
     * @param security the juror
     * @return the juror
     */
    @PUT
    @Path("{id}/jury/conflicts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.JUROR)
    public Dto.JurorView declare(@PathParam("id") long id, Dto.ConflictsInput body, @Context SecurityContext security) {
        requireJuror(id, security);
        return judging.declare(id, Http.user(security), body.personIds());
    }

    /**
     * What the juror judges: the rubric and the works with the juror's own scores.
     *
     * @param id the contest
     * @param security the juror
     * @return the judging view
     */
    @GET
    @Path("{id}/jury/entries")
    @RolesAllowed(Roles.JUROR)
    public Dto.JudgingView entries(@PathParam("id") long id, @Context SecurityContext security) {
        return judging.judging(id, Http.user(security));
    }

    /**
     * Scores a work (once).
     *
     * @param id the contest
     * @param entryId the entry
     * @param body the values
     * @param security the juror
     * @return 201 with the score
     */
    @POST
    @Path("{id}/entries/{entryId}/score")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.JUROR)
    public Response score(@PathParam("id") long id, @PathParam("entryId") long entryId, Dto.ScoreInput body,
            @Context SecurityContext security) {
        Dto.ScoreView s = judging.score(id, entryId, Http.user(security), body, false);
        return Response.created(URI.create("contests/" + id + "/entries/" + entryId + "/score")).entity(s).build();
    }

    /**
     * Revises the juror's score of a work while judging is open.
     *
     * @param id the contest
     * @param entryId the entry
     * @param body the values
     * @param security the juror
     * @return the score
     */
    @PUT
    @Path("{id}/entries/{entryId}/score")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.JUROR)
    public Dto.ScoreView revise(@PathParam("id") long id, @PathParam("entryId") long entryId, Dto.ScoreInput body,
            @Context SecurityContext security) {
        return judging.score(id, entryId, Http.user(security), body, true);
    }

    /**
     * The juror's own score of a work.
     *
     * @param id the contest
     * @param entryId the entry
     * @param security the juror
     * @return the score
     */
    @GET
    @Path("{id}/entries/{entryId}/score")
    @RolesAllowed(Roles.JUROR)
    public Dto.ScoreView mine(@PathParam("id") long id, @PathParam("entryId") long entryId, @Context SecurityContext security) {
        return judging.myScore(id, entryId, Http.user(security));
    }

    private void requireJuror(long id, SecurityContext security) {
        if (!judging.isJuror(id, Http.user(security))) {
            throw new org.freelanceisland.platform.rest.ProblemException(403, "forbidden", "Forbidden",
                    "Account " + Http.user(security) + " is not a juror of contest " + id, List.of());
        }
    }
}
