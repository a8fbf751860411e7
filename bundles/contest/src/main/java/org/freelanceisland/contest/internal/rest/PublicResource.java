package org.freelanceisland.contest.internal.rest;

import java.util.List;

import javax.annotation.security.PermitAll;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.freelanceisland.contest.internal.service.Dto;
import org.freelanceisland.contest.internal.service.ResultService;
import org.freelanceisland.contest.internal.service.VotingService;

/**
 * {@code /api/contest/public}: what anyone may see and do without an account. While voting is
 * open: the works on the ballot and voting with a ticket code. After publication: the winners.
 * Nothing else: an unpublished contest is the same 404 as an unknown one.
 */
@Path("public/contests")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public final class PublicResource {

    private final ResultService results;
    private final VotingService voting;

    /**
     * Creates the resource.
     *
     * @param results results
     * @param voting the audience vote
     */
    public PublicResource(ResultService results, VotingService voting) {
        this.results = results;
        this.voting = voting;
    }

    /**
     * The contests whose results are published.
     *
     * @return the contests
     */
    @GET
    public List<Dto.PublicContest> published() {
        return results.publishedContests();
    }

    /**
     * The published results (winners only).
     *
     * @param id the contest
     * @return the results
     */
    @GET
    @Path("{id}/results")
    public Dto.PublicResults results(@PathParam("id") long id) {
        return results.publicResults(id);
    }

    /**
     * The works to vote for, while voting is open.
     *
     * @param id the contest
     * @return the ballot
     */
    @GET
    @Path("{id}/ballot")
    public Dto.PublicBallot ballot(@PathParam("id") long id) {
        return results.ballot(id);
    }

    /**
     * Votes with a ticket code for a work, by its number. One vote per code; it cannot be changed.
     *
     * @param id the contest
     * @param body the code and the work's number
     * @return 201 with the receipt
     */
    @POST
    @Path("{id}/votes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response vote(@PathParam("id") long id, Dto.VoteInput body) {
        return Response.status(201).entity(voting.vote(id, body)).build();
    }

    /**
     * A photo of a winning work (after publication), or a thumbnail of a work on the ballot.
     *
     * @param id the contest
     * @param number the work's number
     * @param photoId the photo
     * @return the image
     */
    @GET
    @Path("{id}/entries/{number}/photos/{photoId}")
    @Produces({ "image/jpeg", "image/png", "image/webp", MediaType.WILDCARD })
    public Response photo(@PathParam("id") long id, @PathParam("number") int number, @PathParam("photoId") long photoId) {
        return Http.image(results.publicPhoto(id, number, photoId, false), "public, max-age=3600");
    }

    /**
     * A thumbnail of a winning work or of a work on the ballot.
     *
     * @param id the contest
     * @param number the work's number
     * @param photoId the photo
     * @return the image
     */
    @GET
    @Path("{id}/entries/{number}/photos/{photoId}/thumbnail")
    @Produces({ "image/jpeg", "image/png", "image/webp", MediaType.WILDCARD })
    public Response thumbnail(@PathParam("id") long id, @PathParam("number") int number, @PathParam("photoId") long photoId) {
        return Http.image(results.publicPhoto(id, number, photoId, true), "public, max-age=600");
    }
}
