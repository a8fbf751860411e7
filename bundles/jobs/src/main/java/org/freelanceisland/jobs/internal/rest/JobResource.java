package org.freelanceisland.jobs.internal.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

import org.freelanceisland.jobs.internal.model.IntroductionStatus;
import org.freelanceisland.jobs.internal.model.JobStatus;
import org.freelanceisland.jobs.internal.service.Dto;
import org.freelanceisland.jobs.internal.service.IntroductionService;
import org.freelanceisland.jobs.internal.service.JobService;
import org.freelanceisland.jobs.internal.service.MatchingService;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.PageParams;
import org.freelanceisland.platform.rest.Params;

/**
 * {@code /api/jobs/jobs}: the job board, the ranked candidates of a job and its introductions.
 * Coordinators take jobs and introduce them; staff read. Every view of a candidate ranking is
 * audit-logged ({@code jobs.candidates.read}): it reveals people's availability and lifestyle.
 */
@Path("jobs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COORDINATOR)
public final class JobResource {

    private final JobService jobs;
    private final MatchingService matching;
    private final IntroductionService introductions;
    private final Audit audit;

    /**
     * Creates the resource.
     *
     * @param jobs the jobs
     * @param matching candidate ranking
     * @param introductions introductions
     * @param audit the audit log
     */
    public JobResource(JobService jobs, MatchingService matching, IntroductionService introductions,
            org.freelanceisland.platform.api.audit.AuditLog audit) {
        this.jobs = jobs;
        this.matching = matching;
        this.introductions = introductions;
        this.audit = new Audit(audit);
    }

    /**
     * Lists jobs, newest first.
     *
     * @param status a {@link JobStatus}
     * @param partnerId a partner
     * @param skill a skill code or tag
     * @param fiscalYear the fiscal year received
     * @param q words of the title
     * @param page offset and limit
     * @return the page
     */
    @GET
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Page<Dto.JobView> list(@QueryParam("status") String status, @QueryParam("partnerId") String partnerId,
            @QueryParam("skill") String skill, @QueryParam("fiscalYear") String fiscalYear, @QueryParam("q") String q,
            @BeanParam PageParams page) {
        List<FieldError> errors = new ArrayList<>();
        JobStatus s = Params.choice("status", status, JobStatus.class, errors);
        Long partner = Params.number("partnerId", partnerId, 1, Long.MAX_VALUE, errors);
        FiscalYear year = Params.fiscalYear("fiscalYear", fiscalYear, errors);
        var window = page.toRequest();
        Params.check(errors);
        return jobs.list(s, partner, Params.text(skill), year, Params.text(q), window);
    }

    /**
     * Takes a job from a partner.
     *
     * @param body the job
     * @param security who
     * @return 201 with the job
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Dto.JobInput body, @Context SecurityContext security) {
        Dto.JobView j = jobs.create(body, Audit.actor(security));
        return Response.created(URI.create("jobs/" + j.id())).entity(j).build();
    }

    /**
     * One job.
     *
     * @param id the job
     * @return the job
     */
    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Dto.JobView get(@PathParam("id") long id) {
        return jobs.get(id);
    }

    /**
     * Changes a job that is open or introduced.
     *
     * @param id the job
     * @param body all fields
     * @return the job
     */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.JobView update(@PathParam("id") long id, Dto.JobInput body) {
        return jobs.update(id, body);
    }

    /**
     * Closes a job (paid, or nobody took it).
     *
     * @param id the job
     * @param body the reason, optional
     * @param security who
     * @return the job
     */
    @POST
    @Path("{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.JobView close(@PathParam("id") long id, Dto.ReasonInput body, @Context SecurityContext security) {
        return jobs.close(id, body == null ? null : body.reason(), Audit.actor(security));
    }

    /**
     * The candidates of a job, best first, with the reasons of each score. Audit-logged.
     *
     * @param id the job
     * @param notIntroduced {@code true} to leave out people the job was introduced to
     * @param page offset and limit
     * @param security who
     * @return the ranking; {@code total} is the number of candidates
     */
    @GET
    @Path("{id}/candidates")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Page<Dto.CandidateView> candidates(@PathParam("id") long id, @QueryParam("notIntroduced") String notIntroduced,
            @BeanParam PageParams page, @Context SecurityContext security) {
        List<FieldError> errors = new ArrayList<>();
        Boolean exclude = Flags.bool("notIntroduced", notIntroduced, errors);
        var window = page.toRequest();
        Params.check(errors);
        Page<Dto.CandidateView> ranking = matching.candidates(id, Boolean.TRUE.equals(exclude), window);
        audit.record(security, "jobs.candidates.read", "job", Long.toString(id), "candidate ranking",
                Map.of("offset", Integer.toString(window.offset()), "shown", Integer.toString(ranking.items().size()),
                        "candidates", Long.toString(ranking.total())));
        return ranking;
    }

    /**
     * The introductions of a job.
     *
     * @param id the job
     * @param status an {@link IntroductionStatus}
     * @param page offset and limit
     * @return the page
     */
    @GET
    @Path("{id}/introductions")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Page<Dto.IntroductionView> introductions(@PathParam("id") long id, @QueryParam("status") String status,
            @BeanParam PageParams page) {
        List<FieldError> errors = new ArrayList<>();
        IntroductionStatus s = Params.choice("status", status, IntroductionStatus.class, errors);
        var window = page.toRequest();
        Params.check(errors);
        jobs.get(id);
        return introductions.list(id, null, null, s, window);
    }

    /**
     * Introduces the job to people, or to a team.
     *
     * @param id the job
     * @param body whom and on what terms
     * @param security who
     * @return 201 with the introductions
     */
    @POST
    @Path("{id}/introductions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response introduce(@PathParam("id") long id, Dto.IntroduceInput body, @Context SecurityContext security) {
        List<Dto.IntroductionView> made = introductions.introduce(id, body, Audit.actor(security));
        return Response.status(Response.Status.CREATED).entity(made).build();
    }
}
