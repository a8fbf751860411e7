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
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.freelanceisland.community.internal.model.CaseStatus;
import org.freelanceisland.community.internal.model.Channel;
import org.freelanceisland.community.internal.model.ConsultationTopic;
import org.freelanceisland.community.internal.service.ConsultationService;
import org.freelanceisland.community.internal.service.Dto;
import org.freelanceisland.community.internal.service.Suppression;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.rest.Csv;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.PageParams;
import org.freelanceisland.platform.rest.Params;

/**
 * {@code /api/community/consultations}: the consultation desk's case log (staff only: the notes are
 * for staff), follow-ups, and counts by topic and month (coordinators too) with an export that
 * suppresses small counts.
 */
@Path("consultations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
public final class ConsultationResource {

    private final ConsultationService consultations;
    private final Suppression suppression;
    private final Audit audit;

    /**
     * Creates the resource.
     *
     * @param consultations the desk
     * @param suppression the small-count rule of exports
     * @param audit the audit log
     */
    public ConsultationResource(ConsultationService consultations, Suppression suppression, Audit audit) {
        this.consultations = consultations;
        this.suppression = suppression;
        this.audit = audit;
    }

    /**
     * Lists cases, newest first, without notes.
     *
     * @param from first day
     * @param to last day
     * @param topic a topic
     * @param status a status
     * @param personId a person
     * @param page offset and limit
     * @return the page
     */
    @GET
    public Page<Dto.ConsultationView> list(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("topic") String topic, @QueryParam("status") String status, @QueryParam("personId") String personId,
            @BeanParam PageParams page) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate f = Params.date("from", from, errors);
        LocalDate t = Params.date("to", to, errors);
        ConsultationTopic tp = Params.choice("topic", topic, ConsultationTopic.class, errors);
        CaseStatus s = Params.choice("status", status, CaseStatus.class, errors);
        var window = page.toRequest();
        Params.check(errors);
        return consultations.list(f, t, tp, s, Params.text(personId), window);
    }

    /**
     * Logs a consultation.
     *
     * @param body the case
     * @param security who logs it
     * @return 201 with it
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Dto.ConsultationInput body, @Context SecurityContext security) {
        Dto.ConsultationView c = consultations.create(body, Audit.actor(security));
        return Response.created(URI.create("consultations/" + c.id())).entity(c).build();
    }

    /**
     * The follow-ups due by a day (today when left out), overdue ones first.
     *
     * @param dueBy the day
     * @param page offset and limit
     * @return the page
     */
    @GET
    @Path("follow-ups")
    public Page<Dto.ConsultationView> followUps(@QueryParam("dueBy") String dueBy, @BeanParam PageParams page) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate d = Params.date("dueBy", dueBy, errors);
        var window = page.toRequest();
        Params.check(errors);
        return consultations.followUps(d, window);
    }

    /**
     * Counts of a fiscal year by month and topic, without personal detail.
     *
     * @param fiscalYear the fiscal year (this one when left out)
     * @return the counts
     */
    @GET
    @Path("counts")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Dto.ConsultationCounts counts(@QueryParam("fiscalYear") String fiscalYear) {
        return consultations.counts(year(fiscalYear));
    }

    /**
     * The counts as CSV for Excel: months by topics with totals; counts below the threshold, and
     * what would let one work them out from a total, shown as {@code x}.
     *
     * @param fiscalYear the fiscal year (this one when left out)
     * @param security who exports
     * @return the file
     */
    @GET
    @Path("counts.csv")
    @Produces({ "text/csv", MediaType.WILDCARD })
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Response countsCsv(@QueryParam("fiscalYear") String fiscalYear, @Context SecurityContext security) {
        Dto.ConsultationCounts counts = consultations.counts(year(fiscalYear));
        ConsultationTopic[] topics = ConsultationTopic.values();
        List<String> months = new ArrayList<>(counts.byMonth().keySet());
        int[][] grid = new int[months.size()][topics.length];
        for (Dto.CountCell cell : counts.cells()) {
            grid[months.indexOf(cell.month())][cell.topic().ordinal()] = cell.count();
        }
        Suppression.Table table = suppression.table(grid);
        List<List<?>> rows = new ArrayList<>();
        List<Object> header = new ArrayList<>();
        header.add("月");
        for (ConsultationTopic t : topics) {
            header.add(t.label().ja());
        }
        header.add("合計");
        rows.add(header);
        for (int r = 0; r <= months.size(); r++) {
            List<Object> row = new ArrayList<>();
            row.add(r < months.size() ? months.get(r) : "合計");
            for (int c = 0; c <= topics.length; c++) {
                row.add(suppression.text(table.counts()[r][c], table.hidden()[r][c]));
            }
            rows.add(row);
        }
        audit.record(security, "community.consultation.counts.exported", "export", Integer.toString(counts.fiscalYear()),
                "consultation counts export");
        return Response.ok(Csv.writeBytes(rows), Csv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"consultations-" + counts.fiscalYear() + ".csv\"").build();
    }

    /**
     * One case with its notes (audit-logged when it names a person).
     *
     * @param id the case
     * @param security who reads
     * @return it
     */
    @GET
    @Path("{id}")
    public Dto.ConsultationView get(@PathParam("id") long id, @Context SecurityContext security) {
        Dto.ConsultationView c = consultations.get(id);
        if (c.personId() != null) {
            audit.record(security, "community.consultation.read", "person", c.personId(), "consultation " + id);
        }
        return c;
    }

    /**
     * Changes a case (all fields).
     *
     * @param id the case
     * @param body the case
     * @return it
     */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.ConsultationView update(@PathParam("id") long id, Dto.ConsultationInput body) {
        return consultations.update(id, body);
    }

    /**
     * Closes a case.
     *
     * @param id the case
     * @param body an optional last note
     * @return it
     */
    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.ConsultationView close(@PathParam("id") long id, Dto.CloseInput body) {
        return consultations.close(id, body.note());
    }

    /**
     * The topics and channels of the desk, for forms.
     *
     * @return codes with labels
     */
    @GET
    @Path("choices")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public java.util.Map<String, List<Dto.Choice>> choices() {
        List<Dto.Choice> topics = new ArrayList<>();
        for (ConsultationTopic t : ConsultationTopic.values()) {
            topics.add(new Dto.Choice(t.name(), t.label()));
        }
        List<Dto.Choice> channels = new ArrayList<>();
        for (Channel c : Channel.values()) {
            channels.add(new Dto.Choice(c.name(), c.label()));
        }
        List<Dto.Choice> statuses = new ArrayList<>();
        for (CaseStatus s : CaseStatus.values()) {
            statuses.add(new Dto.Choice(s.name(), s.label()));
        }
        return java.util.Map.of("topics", topics, "channels", channels, "statuses", statuses);
    }

    private static FiscalYear year(String fiscalYear) {
        List<FieldError> errors = new ArrayList<>();
        FiscalYear year = Params.fiscalYear("fiscalYear", fiscalYear, errors);
        Params.check(errors);
        return year;
    }
}
