package org.freelanceisland.contest.internal.rest;

import java.net.URI;
import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.freelanceisland.contest.internal.service.Dto;
import org.freelanceisland.contest.internal.service.VotingService;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.api.audit.AuditLog;
import org.freelanceisland.platform.rest.Csv;

/**
 * Staff's side of the Audience Award: ticket batches and their printable sheets, vote totals
 * (live for administrators only) and the audit export of votes.
 */
@Path("contests")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
public final class VotingResource {

    private static final String PDF = "application/pdf";

    private final VotingService voting;
    private final AuditLog audit;

    /**
     * Creates the resource.
     *
     * @param voting the audience vote
     * @param audit the audit log (sheet downloads and vote exports are recorded)
     */
    public VotingResource(VotingService voting, AuditLog audit) {
        this.voting = voting;
        this.audit = audit;
    }

    /**
     * The ticket batches of a contest.
     *
     * @param id the contest
     * @return the batches
     */
    @GET
    @Path("{id}/ticket-batches")
    public List<Dto.BatchView> batches(@PathParam("id") long id) {
        return voting.batches(id);
    }

    /**
     * Generates a batch of one-time codes; its sheet can be downloaded for a short time.
     *
     * @param id the contest
     * @param body how many
     * @param security the caller
     * @return 201 with the batch
     */
    @POST
    @Path("{id}/ticket-batches")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response generate(@PathParam("id") long id, Dto.BatchInput body, @Context SecurityContext security) {
        Dto.BatchView b = voting.generate(id, body, Http.user(security));
        Http.audit(audit, security, "contest.tickets.generated", "ticket-batch", Long.toString(b.id()), b.size() + " codes");
        return Response.created(URI.create("contests/" + id + "/ticket-batches/" + b.id())).entity(b).build();
    }

    /**
     * The printable sheet of a batch (PDF), while it is available; 410 afterwards.
     *
     * @param id the contest
     * @param batchId the batch
     * @param security the caller
     * @return the PDF
     */
    @GET
    @Path("{id}/ticket-batches/{batchId}/sheet")
    @Produces({ PDF, MediaType.WILDCARD })
    public Response sheet(@PathParam("id") long id, @PathParam("batchId") long batchId, @Context SecurityContext security) {
        VotingService.SheetFile sheet = voting.sheet(id, batchId);
        Http.audit(audit, security, "contest.tickets.sheet-downloaded", "ticket-batch", Long.toString(batchId), "printing");
        return Http.file(sheet.pdf(), PDF, "attachment", sheet.fileName(), "no-store");
    }

    /**
     * Voids a batch: its unused codes stop working.
     *
     * @param id the contest
     * @param batchId the batch
     * @param body the reason (may be {@code {}})
     * @param security the caller
     * @return the batch
     */
    @POST
    @Path("{id}/ticket-batches/{batchId}/void")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.BatchView voidBatch(@PathParam("id") long id, @PathParam("batchId") long batchId, Dto.ReasonInput body,
            @Context SecurityContext security) {
        Dto.BatchView b = voting.voidBatch(id, batchId, body == null ? null : body.reason(), Http.user(security));
        Http.audit(audit, security, "contest.tickets.voided", "ticket-batch", Long.toString(batchId), b.voidReason());
        return b;
    }

    /**
     * Votes per entry: administrators at any time, staff once voting has closed.
     *
     * @param id the contest
     * @param security the caller
     * @return the totals
     */
    @GET
    @Path("{id}/votes/totals")
    public Dto.VoteTotals totals(@PathParam("id") long id, @Context SecurityContext security) {
        return voting.totals(id, Http.admin(security));
    }

    /**
     * The audit export of votes (CSV: time, entry number, code hash, batch): administrators at any
     * time, staff once voting has closed.
     *
     * @param id the contest
     * @param security the caller
     * @return the CSV
     */
    @GET
    @Path("{id}/votes.csv")
    @Produces({ Csv.MEDIA_TYPE, MediaType.WILDCARD })
    public Response votes(@PathParam("id") long id, @Context SecurityContext security) {
        byte[] csv = voting.auditCsv(id, Http.admin(security));
        Http.audit(audit, security, "contest.votes.exported", "contest", Long.toString(id), "vote audit");
        return Http.file(csv, Csv.MEDIA_TYPE, "attachment", "votes-contest-" + id + ".csv", "no-store");
    }
}
