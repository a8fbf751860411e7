package org.freelanceisland.community.internal.rest;

import java.net.URI;
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

import org.freelanceisland.community.internal.model.EventKind;
import org.freelanceisland.community.internal.model.EventStatus;
import org.freelanceisland.community.internal.model.RegistrationStatus;
import org.freelanceisland.community.internal.model.Visibility;
import org.freelanceisland.community.internal.service.Dto;
import org.freelanceisland.community.internal.service.EventService;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.PageParams;
import org.freelanceisland.platform.rest.Params;

/**
 * {@code /api/community/events}: events and exchange meetings, registrations, check-in and
 * attendance. Staff run them; coordinators may read events and attendance.
 */
@Path("events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
public final class EventResource {

    private final EventService events;

    /**
     * Creates the resource.
     *
     * @param events the events
     */
    public EventResource(EventService events) {
        this.events = events;
    }

    /**
     * Lists events by start.
     *
     * @param from first day (island), for example {@code 2025-04-01}
     * @param to last day
     * @param kind a kind
     * @param visibility {@code PUBLIC} or {@code INTERNAL}
     * @param page offset and limit
     * @return the page
     */
    @GET
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Page<Dto.EventView> list(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("kind") String kind,
            @QueryParam("visibility") String visibility, @BeanParam PageParams page) {
        List<FieldError> errors = new ArrayList<>();
        var f = Params.date("from", from, errors);
        var t = Params.date("to", to, errors);
        EventKind k = Params.choice("kind", kind, EventKind.class, errors);
        Visibility v = Params.choice("visibility", visibility, Visibility.class, errors);
        var window = page.toRequest();
        Params.check(errors);
        return events.list(f, t, k, v, window);
    }

    /**
     * Plans an event.
     *
     * @param body the event
     * @return 201 with it
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Dto.EventInput body) {
        Dto.EventView e = events.create(body);
        return Response.created(URI.create("events/" + e.id())).entity(e).build();
    }

    /**
     * Attendance of a fiscal year's events by kind.
     *
     * @param fiscalYear the fiscal year (start year), this one when left out
     * @return the summary
     */
    @GET
    @Path("attendance")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Dto.AttendanceSummary attendance(@QueryParam("fiscalYear") String fiscalYear) {
        List<FieldError> errors = new ArrayList<>();
        FiscalYear year = Params.fiscalYear("fiscalYear", fiscalYear, errors);
        Params.check(errors);
        return events.attendance(year);
    }

    /**
     * One event with its attendance counts.
     *
     * @param id the event
     * @return it
     */
    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Dto.EventView get(@PathParam("id") long id) {
        return events.get(id);
    }

    /**
     * Changes an event (all fields).
     *
     * @param id the event
     * @param body the event
     * @return it
     */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.EventView update(@PathParam("id") long id, Dto.EventInput body) {
        return events.update(id, body);
    }

    /**
     * Deletes an event nobody registered for.
     *
     * @param id the event
     * @return 204
     */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        events.delete(id);
        return Response.noContent().build();
    }

    /**
     * Calls an event off (it stays in the calendar, marked cancelled).
     *
     * @param id the event
     * @return it
     */
    @POST
    @Path("{id}/cancel")
    public Dto.EventView cancel(@PathParam("id") long id) {
        return events.status(id, EventStatus.CANCELLED);
    }

    /**
     * Puts a cancelled event back on.
     *
     * @param id the event
     * @return it
     */
    @POST
    @Path("{id}/reinstate")
    public Dto.EventView reinstate(@PathParam("id") long id) {
        return events.status(id, EventStatus.SCHEDULED);
    }

    /**
     * Sets the head count of visitors who came without registering.
     *
     * @param id the event
     * @param body the count
     * @return the event
     */
    @PUT
    @Path("{id}/visitors")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.EventView visitors(@PathParam("id") long id, Dto.VisitorsInput body) {
        return events.visitors(id, body.count());
    }

    /**
     * The registrations of an event in order of arrival.
     *
     * @param id the event
     * @param status {@code REGISTERED}, {@code WAITLISTED} or {@code CANCELLED}
     * @param checkedIn {@code true} or {@code false}
     * @param page offset and limit
     * @return the page
     */
    @GET
    @Path("{id}/registrations")
    public Page<Dto.RegistrationView> registrations(@PathParam("id") long id, @QueryParam("status") String status,
            @QueryParam("checkedIn") String checkedIn, @BeanParam PageParams page) {
        List<FieldError> errors = new ArrayList<>();
        RegistrationStatus s = Params.choice("status", status, RegistrationStatus.class, errors);
        Boolean c = null;
        String flag = Params.text(checkedIn);
        if (flag != null) {
            if (flag.equalsIgnoreCase("true") || flag.equalsIgnoreCase("false")) {
                c = Boolean.parseBoolean(flag);
            } else {
                errors.add(new FieldError("checkedIn", "must be true or false"));
            }
        }
        var window = page.toRequest();
        Params.check(errors);
        return events.registrations(id, s, c, window);
    }

    /**
     * Registers a person; the answer carries the check-in code to give them.
     *
     * @param id the event
     * @param body the person
     * @return 201 with the registration
     */
    @POST
    @Path("{id}/registrations")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@PathParam("id") long id, Dto.RegisterInput body) {
        Dto.RegistrationView r = events.register(id, body.personId(), body.note());
        return Response.created(URI.create("events/" + id + "/registrations/" + r.id())).entity(r).build();
    }

    /**
     * One registration.
     *
     * @param id the event
     * @param registrationId the registration
     * @return it
     */
    @GET
    @Path("{id}/registrations/{registrationId}")
    public Dto.RegistrationView registration(@PathParam("id") long id, @PathParam("registrationId") long registrationId) {
        return events.registration(id, registrationId);
    }

    /**
     * Cancels a registration; the place goes to the first in line.
     *
     * @param id the event
     * @param registrationId the registration
     * @return it
     */
    @POST
    @Path("{id}/registrations/{registrationId}/cancel")
    public Dto.RegistrationView cancelRegistration(@PathParam("id") long id, @PathParam("registrationId") long registrationId) {
        return events.cancel(id, registrationId);
    }

    /**
     * Staff check a person in (registering a walk-in at the door).
     *
     * @param id the event
     * @param body the person
     * @param security who checks in
     * @return the registration
     */
    @POST
    @Path("{id}/check-ins")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.RegistrationView checkIn(@PathParam("id") long id, Dto.CheckInInput body, @Context SecurityContext security) {
        return events.checkIn(id, body.personId(), Audit.actor(security));
    }
}
