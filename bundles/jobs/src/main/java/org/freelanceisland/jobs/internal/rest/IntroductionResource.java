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

import org.freelanceisland.jobs.internal.model.IntroductionStatus;
import org.freelanceisland.jobs.internal.service.ContractService;
import org.freelanceisland.jobs.internal.service.Dto;
import org.freelanceisland.jobs.internal.service.IntroductionService;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.PageParams;
import org.freelanceisland.platform.rest.Params;

/**
 * {@code /api/jobs/introductions}: the freelancers' answers and the coordinator's decisions.
 *
 * <p>Freelancers have no accounts: staff and coordinators record a freelancer's answer
 * ({@code accept}, {@code decline}, {@code propose}) as it came to them, naming the channel; the
 * history keeps who recorded it. Decisions on proposals, withdrawals and contracts are the
 * coordinator's. An action the introduction's status does not allow is a 409 naming the status.
 */
@Path("introductions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COORDINATOR)
public final class IntroductionResource {

    private final IntroductionService introductions;
    private final ContractService contracts;

    /**
     * Creates the resource.
     *
     * @param introductions introductions
     * @param contracts contracts
     */
    public IntroductionResource(IntroductionService introductions, ContractService contracts) {
        this.introductions = introductions;
        this.contracts = contracts;
    }

    /**
     * Lists introductions.
     *
     * @param jobId a job
     * @param personId a person
     * @param teamId a team
     * @param status an {@link IntroductionStatus}
     * @param page offset and limit
     * @return the page
     */
    @GET
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Page<Dto.IntroductionView> list(@QueryParam("jobId") String jobId, @QueryParam("personId") String personId,
            @QueryParam("teamId") String teamId, @QueryParam("status") String status, @BeanParam PageParams page) {
        List<FieldError> errors = new ArrayList<>();
        Long job = Params.number("jobId", jobId, 1, Long.MAX_VALUE, errors);
        Long team = Params.number("teamId", teamId, 1, Long.MAX_VALUE, errors);
        IntroductionStatus s = Params.choice("status", status, IntroductionStatus.class, errors);
        var window = page.toRequest();
        Params.check(errors);
        return introductions.list(job, Params.text(personId), team, s, window);
    }

    /**
     * One introduction with its history.
     *
     * @param id the introduction
     * @return the introduction
     */
    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Dto.IntroductionView get(@PathParam("id") long id) {
        return introductions.get(id);
    }

    /**
     * The freelancer accepts (recorded by staff).
     *
     * @param id the introduction
     * @param body channel and note, optional
     * @param security who records it
     * @return the introduction
     */
    @POST
    @Path("{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Dto.IntroductionView accept(@PathParam("id") long id, Dto.AnswerInput body, @Context SecurityContext security) {
        return introductions.accept(id, body == null ? null : body.channel(), body == null ? null : body.note(),
                Audit.actor(security));
    }

    /**
     * The freelancer declines (recorded by staff).
     *
     * @param id the introduction
     * @param body channel and reason, optional
     * @param security who records it
     * @return the introduction
     */
    @POST
    @Path("{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Dto.IntroductionView decline(@PathParam("id") long id, Dto.DeclineInput body, @Context SecurityContext security) {
        return introductions.decline(id, body == null ? null : body.channel(), body == null ? null : body.reason(),
                Audit.actor(security));
    }

    /**
     * The freelancer proposes other terms (recorded by staff).
     *
     * @param id the introduction
     * @param body the proposal
     * @param security who records it
     * @return the introduction
     */
    @POST
    @Path("{id}/propose")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Dto.IntroductionView propose(@PathParam("id") long id, Dto.ProposalInput body, @Context SecurityContext security) {
        if (body == null) {
            throw org.freelanceisland.platform.rest.ProblemException.invalid("body", "a proposal is required");
        }
        return introductions.propose(id, body, Audit.actor(security));
    }

    /**
     * The coordinator accepts the pending proposal.
     *
     * @param id the introduction
     * @param body a note, optional
     * @param security who
     * @return the introduction
     */
    @POST
    @Path("{id}/proposal/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.IntroductionView acceptProposal(@PathParam("id") long id, Dto.ReasonInput body,
            @Context SecurityContext security) {
        return introductions.acceptProposal(id, body == null ? null : body.reason(), Audit.actor(security));
    }

    /**
     * The coordinator rejects the pending proposal; the offer stands.
     *
     * @param id the introduction
     * @param body the reason, optional
     * @param security who
     * @return the introduction
     */
    @POST
    @Path("{id}/proposal/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.IntroductionView rejectProposal(@PathParam("id") long id, Dto.ReasonInput body,
            @Context SecurityContext security) {
        return introductions.rejectProposal(id, body == null ? null : body.reason(), Audit.actor(security));
    }

    /**
     * The coordinator withdraws the introduction.
     *
     * @param id the introduction
     * @param body the reason, optional
     * @param security who
     * @return the introduction
     */
    @POST
    @Path("{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.IntroductionView withdraw(@PathParam("id") long id, Dto.ReasonInput body, @Context SecurityContext security) {
        return introductions.withdraw(id, body == null ? null : body.reason(), Audit.actor(security));
    }

    /**
     * Makes the contract of an accepted introduction with its written terms.
     *
     * @param id the introduction
     * @param body the terms; fields left out come from the agreed terms
     * @param security who
     * @return 201 with the contract
     */
    @POST
    @Path("{id}/contract")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response contract(@PathParam("id") long id, Dto.TermsInput body, @Context SecurityContext security) {
        Dto.TermsInput terms = body != null ? body : new Dto.TermsInput(null, null, null, null, null, null, null);
        Dto.ContractView c = contracts.contract(id, terms, Audit.actor(security));
        return Response.created(URI.create("contracts/" + c.id())).entity(c).build();
    }
}
