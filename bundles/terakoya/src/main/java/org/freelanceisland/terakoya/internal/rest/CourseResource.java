package org.freelanceisland.terakoya.internal.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
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

import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.api.audit.AuditEntry;
import org.freelanceisland.platform.api.audit.AuditLog;
import org.freelanceisland.platform.rest.Csv;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.PageParams;
import org.freelanceisland.platform.rest.Params;
import org.freelanceisland.platform.rest.ProblemException;
import org.freelanceisland.terakoya.internal.model.EnrolmentStatus;
import org.freelanceisland.terakoya.internal.pdf.CertificateRenderer;
import org.freelanceisland.terakoya.internal.service.AttendanceService;
import org.freelanceisland.terakoya.internal.service.CompletionService;
import org.freelanceisland.terakoya.internal.service.CourseService;
import org.freelanceisland.terakoya.internal.service.Dto;
import org.freelanceisland.terakoya.internal.service.EnrolmentService;

/**
 * {@code /api/terakoya/courses}: courses, their sessions, applications and the waitlist,
 * attendance, completion and certificates. Staff run it; coordinators may read courses.
 */
@Path("courses")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
public final class CourseResource {

    private static final String PDF = "application/pdf";

    private final CourseService courses;
    private final EnrolmentService enrolments;
    private final AttendanceService attendance;
    private final CompletionService completion;
    private final AuditLog audit;

    /**
     * Creates the resource.
     *
     * @param courses courses and sessions
     * @param enrolments applications
     * @param attendance attendance
     * @param completion completion and certificates
     * @param audit the audit log, for exports and certificates
     */
    public CourseResource(CourseService courses, EnrolmentService enrolments, AttendanceService attendance,
            CompletionService completion, AuditLog audit) {
        this.courses = courses;
        this.enrolments = enrolments;
        this.attendance = attendance;
        this.completion = completion;
        this.audit = audit;
    }

    /**
     * Lists courses.
     *
     * @param fiscalYear a fiscal year (start year)
     * @param category a skill code
     * @param q words of the title
     * @param page offset and limit
     * @return the page
     */
    @GET
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Page<Dto.CourseView> list(@QueryParam("fiscalYear") String fiscalYear, @QueryParam("category") String category,
            @QueryParam("q") String q, @BeanParam PageParams page) {
        List<FieldError> errors = new ArrayList<>();
        FiscalYear year = Params.fiscalYear("fiscalYear", fiscalYear, errors);
        var window = page.toRequest();
        Params.check(errors);
        return courses.list(year, Params.text(category), Params.text(q), window);
    }

    /**
     * Creates a course.
     *
     * @param body the course
     * @return 201 with the course
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Dto.CourseInput body) {
        Dto.CourseView created = courses.create(body);
        return Response.created(URI.create("courses/" + created.id())).entity(created).build();
    }

    /**
     * One course.
     *
     * @param id the course
     * @return the course
     */
    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Dto.CourseView get(@PathParam("id") long id) {
        return courses.get(id);
    }

    /**
     * Changes a course (all fields).
     *
     * @param id the course
     * @param body the course
     * @return the course
     */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.CourseView update(@PathParam("id") long id, Dto.CourseInput body) {
        return courses.update(id, body);
    }

    /**
     * Deletes a course nobody applied to.
     *
     * @param id the course
     * @return 204
     */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        courses.delete(id);
        return Response.noContent().build();
    }

    // ---- sessions

    /**
     * The sessions of a course.
     *
     * @param id the course
     * @return the sessions by number
     */
    @GET
    @Path("{id}/sessions")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public List<Dto.SessionView> sessions(@PathParam("id") long id) {
        return courses.sessions(id);
    }

    /**
     * Adds a session.
     *
     * @param id the course
     * @param body the session
     * @return 201 with the session
     */
    @POST
    @Path("{id}/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addSession(@PathParam("id") long id, Dto.SessionInput body) {
        Dto.SessionView s = courses.addSession(id, body);
        return Response.created(URI.create("courses/" + id + "/sessions/" + s.id())).entity(s).build();
    }

    /**
     * Changes a session.
     *
     * @param id the course
     * @param sessionId the session
     * @param body the session
     * @return the session
     */
    @PUT
    @Path("{id}/sessions/{sessionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.SessionView updateSession(@PathParam("id") long id, @PathParam("sessionId") long sessionId,
            Dto.SessionInput body) {
        return courses.updateSession(id, sessionId, body);
    }

    /**
     * Deletes a session without attendance.
     *
     * @param id the course
     * @param sessionId the session
     * @return 204
     */
    @DELETE
    @Path("{id}/sessions/{sessionId}")
    public Response deleteSession(@PathParam("id") long id, @PathParam("sessionId") long sessionId) {
        courses.deleteSession(id, sessionId);
        return Response.noContent().build();
    }

    // ---- enrolments

    /**
     * The applications of a course in order of arrival.
     *
     * @param id the course
     * @param status only this status (APPLIED, ACCEPTED, WAITLISTED, DECLINED, WITHDRAWN)
     * @param page offset and limit
     * @return the page
     */
    @GET
    @Path("{id}/enrolments")
    public Page<Dto.EnrolmentView> enrolments(@PathParam("id") long id, @QueryParam("status") String status,
            @BeanParam PageParams page) {
        List<FieldError> errors = new ArrayList<>();
        EnrolmentStatus s = Params.choice("status", status, EnrolmentStatus.class, errors);
        var window = page.toRequest();
        Params.check(errors);
        return enrolments.list(id, s, window);
    }

    /**
     * A person applies: 201 with status APPLIED (holding a seat) or WAITLISTED.
     *
     * @param id the course
     * @param body the person
     * @return 201 with the application
     */
    @POST
    @Path("{id}/enrolments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response apply(@PathParam("id") long id, Dto.ApplyInput body) {
        Dto.EnrolmentView e = enrolments.apply(id, body.personId(), body.note());
        return Response.created(URI.create("courses/" + id + "/enrolments/" + e.id())).entity(e).build();
    }

    /**
     * One application.
     *
     * @param id the course
     * @param enrolmentId the application
     * @return the application
     */
    @GET
    @Path("{id}/enrolments/{enrolmentId}")
    public Dto.EnrolmentView enrolment(@PathParam("id") long id, @PathParam("enrolmentId") long enrolmentId) {
        return enrolments.get(id, enrolmentId);
    }

    /**
     * Accepts an application that holds a seat.
     *
     * @param id the course
     * @param enrolmentId the application
     * @return the enrolment
     */
    @POST
    @Path("{id}/enrolments/{enrolmentId}/accept")
    public Dto.EnrolmentView accept(@PathParam("id") long id, @PathParam("enrolmentId") long enrolmentId) {
        return enrolments.accept(id, enrolmentId);
    }

    /**
     * Declines an application.
     *
     * @param id the course
     * @param enrolmentId the application
     * @param body the reason (optional body)
     * @return the application
     */
    @POST
    @Path("{id}/enrolments/{enrolmentId}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.EnrolmentView decline(@PathParam("id") long id, @PathParam("enrolmentId") long enrolmentId,
            Dto.ReasonInput body) {
        return enrolments.decline(id, enrolmentId, body.reason());
    }

    /**
     * Withdraws an application or enrolment.
     *
     * @param id the course
     * @param enrolmentId the application
     * @param body the reason
     * @return the application
     */
    @POST
    @Path("{id}/enrolments/{enrolmentId}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.EnrolmentView withdraw(@PathParam("id") long id, @PathParam("enrolmentId") long enrolmentId,
            Dto.ReasonInput body) {
        return enrolments.withdraw(id, enrolmentId, body.reason());
    }

    /**
     * Records the final assignment.
     *
     * @param id the course
     * @param enrolmentId the enrolment
     * @param body whether (and when) it was submitted
     * @return the enrolment
     */
    @PUT
    @Path("{id}/enrolments/{enrolmentId}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.EnrolmentView assignment(@PathParam("id") long id, @PathParam("enrolmentId") long enrolmentId,
            Dto.AssignmentInput body) {
        return enrolments.assignment(id, enrolmentId, body.submitted(), body.submittedOn());
    }

    // ---- attendance

    /**
     * The attendance grid.
     *
     * @param id the course
     * @return the grid
     */
    @GET
    @Path("{id}/attendance")
    public Dto.AttendanceGrid grid(@PathParam("id") long id) {
        return attendance.grid(id);
    }

    /**
     * The attendance grid as CSV (audit-logged).
     *
     * @param id the course
     * @param security who exports
     * @return the file
     */
    @GET
    @Path("{id}/attendance.csv")
    @Produces({ "text/csv", MediaType.WILDCARD }) // a download: served whatever the client said it accepts
    public Response exportAttendance(@PathParam("id") long id, @Context SecurityContext security) {
        String csv = Csv.write(attendance.exportRows(id));
        audit(security, "terakoya.attendance.exported", "course", Long.toString(id), "attendance export");
        return Response.ok(csv.getBytes(StandardCharsets.UTF_8), Csv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"attendance-course-" + id + ".csv\"").build();
    }

    /**
     * Records one session's roll, as typed from the paper roll.
     *
     * @param id the course
     * @param sessionId the session (of this course)
     * @param body the roll
     * @param security who takes it
     * @return what was recorded
     */
    @PUT
    @Path("{id}/sessions/{sessionId}/attendance")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.RecordedAttendance roll(@PathParam("id") long id, @PathParam("sessionId") long sessionId,
            Dto.RollInput body, @Context SecurityContext security) {
        return attendance.roll(id, sessionId, body, actor(security));
    }

    /**
     * Imports attendance from CSV ({@code session,personId,status[,note]}); all rows or none.
     *
     * @param id the course
     * @param csv the file
     * @param security who imports
     * @return what was recorded
     */
    @POST
    @Path("{id}/attendance/import")
    @Consumes({ "text/csv", MediaType.TEXT_PLAIN })
    public Dto.RecordedAttendance importAttendance(@PathParam("id") long id, String csv, @Context SecurityContext security) {
        return attendance.importCsv(id, csv, actor(security));
    }

    // ---- completion

    /**
     * Confirms completion: everyone who meets the rule now graduates.
     *
     * @param id the course
     * @return the result
     */
    @POST
    @Path("{id}/completion")
    public Dto.CompletionResult confirm(@PathParam("id") long id) {
        return completion.confirm(id);
    }

    /**
     * The graduates of a course.
     *
     * @param id the course
     * @param page offset and limit
     * @return the page
     */
    @GET
    @Path("{id}/graduates")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Page<Dto.GraduateView> graduates(@PathParam("id") long id, @BeanParam PageParams page) {
        return completion.graduates(null, id, page.toRequest());
    }

    /**
     * A graduate's certificate of completion (audit-logged).
     *
     * @param id the course
     * @param enrolmentId the graduate's enrolment
     * @param security who prints it
     * @return the PDF
     */
    @GET
    @Path("{id}/enrolments/{enrolmentId}/certificate")
    @Produces({ PDF, MediaType.WILDCARD }) // a download: served whatever the client said it accepts
    public Response certificate(@PathParam("id") long id, @PathParam("enrolmentId") long enrolmentId,
            @Context SecurityContext security) {
        CertificateRenderer.Pdf pdf = completion.certificate(id, enrolmentId);
        audit(security, "terakoya.certificate.issued", "enrolment", Long.toString(enrolmentId), "certificate of completion");
        return Response.ok(pdf.bytes(), PDF)
                .header("Content-Disposition", "attachment; filename=\"" + pdf.fileName() + "\"").build();
    }

    private void audit(SecurityContext security, String action, String type, String subject, String purpose) {
        try {
            audit.record(AuditEntry.of(actor(security), action, type, subject, purpose));
        } catch (RuntimeException e) {
            throw ProblemException.unavailable("The audit log cannot be written, so the data is not handed out");
        }
    }

    static String actor(SecurityContext security) {
        return security.getUserPrincipal() == null ? "unknown" : security.getUserPrincipal().getName();
    }
}
