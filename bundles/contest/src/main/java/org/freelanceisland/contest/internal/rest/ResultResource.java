package org.freelanceisland.contest.internal.rest;

import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.freelanceisland.contest.internal.service.Dto;
import org.freelanceisland.contest.internal.service.JudgingService;
import org.freelanceisland.contest.internal.service.ResultService;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * The results of a contest for staff, jurors and administrators, the choice of designated awards
 * and publication.
 */
@Path("contests")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
public final class ResultResource {

    private final ResultService results;
    private final JudgingService judging;

    /**
     * Creates the resource.
     *
     * @param results results
     * @param judging the jury (to tell a contest's jurors from others)
     */
    public ResultResource(ResultService results, JudgingService judging) {
        this.results = results;
        this.judging = judging;
    }

    /**
     * The results as the caller may see them: administrators everything; staff and the contest's
     * jurors the jury ranking once judging closed and the audience ranking once voting closed.
     *
     * @param id the contest
     * @param security the caller
     * @return the results
     */
    @GET
    @Path("{id}/results")
    @RolesAllowed({ Roles.STAFF, Roles.JUROR })
    public Dto.ResultsView results(@PathParam("id") long id, @Context SecurityContext security) {
        ResultService.Viewer viewer;
        if (Http.admin(security)) {
            viewer = ResultService.Viewer.ADMIN;
        } else if (Http.staff(security)) {
            viewer = ResultService.Viewer.STAFF;
        } else if (judging.isJuror(id, Http.user(security))) {
            viewer = ResultService.Viewer.JUROR;
        } else {
            throw new ProblemException(403, "forbidden", "Forbidden", "Account " + Http.user(security)
                    + " is not a juror of contest " + id, List.of());
        }
        return results.results(id, viewer);
    }

    /**
     * Chooses the work a designated award goes to.
     *
     * @param id the contest
     * @param award the award's code
     * @param body the entry's number
     * @return the results
     */
    @PUT
    @Path("{id}/awards/{award}/winner")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.ResultsView designate(@PathParam("id") long id, @PathParam("award") String award, Dto.DesignationInput body) {
        return results.designate(id, award, body.entryNumber());
    }

    /**
     * Publishes the results (judging and voting must be closed); it cannot be undone.
     *
     * @param id the contest
     * @param security the caller
     * @return the results
     */
    @POST
    @Path("{id}/results/publish")
    public Dto.ResultsView publish(@PathParam("id") long id, @Context SecurityContext security) {
        return results.publish(id, Http.user(security));
    }
}
