package org.freelanceisland.jobs.internal.rest;

import java.util.ArrayList;
import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.freelanceisland.jobs.internal.model.ContractStatus;
import org.freelanceisland.jobs.internal.service.ContractService;
import org.freelanceisland.jobs.internal.service.Dto;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.PageParams;
import org.freelanceisland.platform.rest.Params;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * {@code /api/jobs/contracts}: contracts, their written terms, delivery and payment, and the
 * Freelance Act findings ({@code flags} on each contract; {@code /contracts/flagged} lists the
 * contracts that have any). Coordinators change them; staff read.
 */
@Path("contracts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COORDINATOR)
public final class ContractResource {

    private final ContractService contracts;

    /**
     * Creates the resource.
     *
     * @param contracts contracts
     */
    public ContractResource(ContractService contracts) {
        this.contracts = contracts;
    }

    /**
     * Lists contracts.
     *
     * @param status a {@link ContractStatus}
     * @param personId a person
     * @param jobId a job
     * @param flagged {@code true} for contracts with Freelance Act findings only
     * @param page offset and limit
     * @return the page
     */
    @GET
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Page<Dto.ContractView> list(@QueryParam("status") String status, @QueryParam("personId") String personId,
            @QueryParam("jobId") String jobId, @QueryParam("flagged") String flagged, @BeanParam PageParams page) {
        List<FieldError> errors = new ArrayList<>();
        ContractStatus s = Params.choice("status", status, ContractStatus.class, errors);
        Long job = Params.number("jobId", jobId, 1, Long.MAX_VALUE, errors);
        Boolean f = Flags.bool("flagged", flagged, errors);
        var window = page.toRequest();
        Params.check(errors);
        return contracts.list(s, Params.text(personId), job, Boolean.TRUE.equals(f), window);
    }

    /**
     * The contracts with a Freelance Act finding (terms missing or not given in writing, payment
     * date beyond 60 days, late or overdue payment, less paid), newest first.
     *
     * @param page offset and limit
     * @return the page
     */
    @GET
    @Path("flagged")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Page<Dto.ContractView> flagged(@BeanParam PageParams page) {
        return contracts.list(null, null, null, true, page.toRequest());
    }

    /**
     * One contract.
     *
     * @param id the contract
     * @return the contract
     */
    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Dto.ContractView get(@PathParam("id") long id) {
        return contracts.get(id);
    }

    /**
     * Amends the written terms (fields given replace the current ones).
     *
     * @param id the contract
     * @param body the terms
     * @return the contract
     */
    @PATCH
    @Path("{id}/terms")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.ContractView amend(@PathParam("id") long id, Dto.TermsInput body) {
        if (body == null) {
            throw ProblemException.invalid("body", "the terms to change are required");
        }
        return contracts.amend(id, body);
    }

    /**
     * Records the delivery.
     *
     * @param id the contract
     * @param body the day and a note
     * @return the contract
     */
    @POST
    @Path("{id}/delivery")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.ContractView deliver(@PathParam("id") long id, Dto.DeliveryInput body) {
        if (body == null) {
            throw ProblemException.invalid("deliveredOn", "must not be null");
        }
        return contracts.deliver(id, body.deliveredOn(), body.note());
    }

    /**
     * Records the payment.
     *
     * @param id the contract
     * @param body the day and the amount
     * @return the contract
     */
    @POST
    @Path("{id}/payment")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.ContractView pay(@PathParam("id") long id, Dto.PaymentInput body) {
        if (body == null) {
            throw ProblemException.invalid("paidOn", "must not be null");
        }
        return contracts.pay(id, body.paidOn(), body.amountYen());
    }

    /**
     * Cancels a contract in progress.
     *
     * @param id the contract
     * @param body the reason, optional
     * @return the contract
     */
    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.ContractView cancel(@PathParam("id") long id, Dto.ReasonInput body) {
        return contracts.cancel(id, body == null ? null : body.reason());
    }
}
