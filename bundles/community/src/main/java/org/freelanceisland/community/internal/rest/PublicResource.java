package org.freelanceisland.community.internal.rest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.annotation.security.PermitAll;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.freelanceisland.community.internal.model.EventKind;
import org.freelanceisland.community.internal.model.MigrantPhase;
import org.freelanceisland.community.internal.model.RoleModelPhoto;
import org.freelanceisland.community.internal.service.Dto;
import org.freelanceisland.community.internal.service.EventService;
import org.freelanceisland.community.internal.service.ICalendar;
import org.freelanceisland.community.internal.service.MigrantPageService;
import org.freelanceisland.community.internal.service.RoleModelService;
import org.freelanceisland.community.internal.service.SurveyService;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.PageParams;
import org.freelanceisland.platform.rest.Params;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * {@code /api/community/public}: what anyone may see or do without signing in. Public events and
 * their iCalendar feed (no people in them), the attendee's own check-in with their code, role models
 * who are published and consent at this moment, published pages for would-be migrants, and the
 * survey form behind a one-time token. Nothing here reveals a person id or anything unpublished.
 */
@Path("public")
@PermitAll
public final class PublicResource {

    private static final int FEED_MAX = 500;
    private static final int FEED_DAYS_BACK = 90;

    private final EventService events;
    private final ICalendar calendar;
    private final RoleModelService roleModels;
    private final MigrantPageService pages;
    private final SurveyService surveys;

    /**
     * Creates the resource.
     *
     * @param events the events
     * @param calendar the iCalendar writer
     * @param roleModels the role models
     * @param pages the migrant pages
     * @param surveys the surveys
     */
    public PublicResource(EventService events, ICalendar calendar, RoleModelService roleModels, MigrantPageService pages,
            SurveyService surveys) {
        this.events = events;
        this.calendar = calendar;
        this.roleModels = roleModels;
        this.pages = pages;
        this.surveys = surveys;
    }

    // ---- events

    /**
     * Public events from a day on (today when left out).
     *
     * @param from first day
     * @param to last day
     * @param kind a kind
     * @param page offset and limit
     * @return the page
     */
    @GET
    @Path("events")
    @Produces(MediaType.APPLICATION_JSON)
    public Page<Dto.PublicEventView> events(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("kind") String kind, @BeanParam PageParams page) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate f = Params.date("from", from, errors);
        LocalDate t = Params.date("to", to, errors);
        EventKind k = Params.choice("kind", kind, EventKind.class, errors);
        var window = page.toRequest();
        Params.check(errors);
        return events.publicList(f, t, k, window);
    }

    /**
     * One public event.
     *
     * @param id the event
     * @return it
     */
    @GET
    @Path("events/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Dto.PublicEventView event(@PathParam("id") long id) {
        return events.publicGet(id);
    }

    /**
     * The calendar feed to subscribe to: public events from 90 days ago on, in iCalendar.
     *
     * @param lang {@code ja} (default) or {@code en}
     * @param kind only one kind of event
     * @return the feed
     */
    @GET
    @Path("calendar.ics")
    @Produces({ "text/calendar", MediaType.WILDCARD })
    public Response calendar(@QueryParam("lang") String lang, @QueryParam("kind") String kind) {
        List<FieldError> errors = new ArrayList<>();
        String language = Params.text(lang);
        if (language != null && !language.equals("ja") && !language.equals("en")) {
            errors.add(new FieldError("lang", "must be ja or en"));
        }
        EventKind k = Params.choice("kind", kind, EventKind.class, errors);
        Params.check(errors);
        boolean english = "en".equals(language);
        String name = english ? "Freelance Island events" : "フリーランスの島 イベント";
        if (k != null) {
            name += " (" + (english ? k.label().en() : k.label().ja()) + ")";
        }
        String feed = calendar.write(name, english, events.feed(FEED_DAYS_BACK, k, FEED_MAX));
        return Response.ok(feed.getBytes(StandardCharsets.UTF_8), ICalendar.MEDIA_TYPE)
                .header("Content-Disposition", "inline; filename=\"community-events.ics\"")
                .header("Cache-Control", "public, max-age=300").build();
    }

    /**
     * The attendee checks in with the code of their registration, during the event.
     *
     * @param id the event
     * @param body the code
     * @return what happened
     */
    @POST
    @Path("events/{id}/check-in")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Dto.SelfCheckInView checkIn(@PathParam("id") long id, Dto.CodeInput body) {
        return events.selfCheckIn(id, body.code());
    }

    // ---- role models

    /**
     * Role models who are published and consent now, optionally of one kind of work.
     *
     * @param work a kind of work (skill code)
     * @param page offset and limit
     * @return the page
     */
    @GET
    @Path("role-models")
    @Produces(MediaType.APPLICATION_JSON)
    public Page<Dto.PublicRoleModelView> roleModels(@QueryParam("work") String work, @BeanParam PageParams page) {
        String w = Params.text(work);
        if (w != null && !w.matches("[a-z0-9-]{1,40}")) {
            throw ProblemException.invalid("work", "must be a skill code such as writing");
        }
        return roleModels.publicList(w, page.toRequest());
    }

    /**
     * The kinds of work of the role models shown, for the filter.
     *
     * @return the kinds with their counts
     */
    @GET
    @Path("role-models/work-kinds")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Dto.WorkKindView> workKinds() {
        return roleModels.publicWorkKinds();
    }

    /**
     * One role model.
     *
     * @param id the profile
     * @return it
     */
    @GET
    @Path("role-models/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Dto.PublicRoleModelView roleModel(@PathParam("id") long id) {
        return roleModels.publicGet(id);
    }

    /**
     * A role model's photo.
     *
     * @param id the profile
     * @return the image
     */
    @GET
    @Path("role-models/{id}/photo")
    @Produces({ "image/*", MediaType.WILDCARD })
    public Response photo(@PathParam("id") long id) {
        RoleModelPhoto photo = roleModels.publicPhoto(id);
        // not cached: a withdrawn consent must take the photo out of view at once
        return Response.ok(photo.bytes(), photo.contentType()).build();
    }

    // ---- migrant pages

    /**
     * The published pages for would-be migrants, by phase (without their bodies).
     *
     * @param phase only one phase
     * @return the phases with their pages
     */
    @GET
    @Path("migrant-pages")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Dto.PhaseView> migrantPages(@QueryParam("phase") String phase) {
        List<FieldError> errors = new ArrayList<>();
        MigrantPhase p = Params.choice("phase", phase, MigrantPhase.class, errors);
        Params.check(errors);
        return pages.publicContents(p);
    }

    /**
     * One published page.
     *
     * @param slug its address
     * @return it
     */
    @GET
    @Path("migrant-pages/{slug}")
    @Produces(MediaType.APPLICATION_JSON)
    public Dto.PublicPageView migrantPage(@PathParam("slug") String slug) {
        if (!slug.matches("[a-z0-9][a-z0-9-]{0,79}")) {
            throw ProblemException.notFound("page", slug);
        }
        return pages.publicGet(slug);
    }

    // ---- surveys

    /**
     * The survey form behind a one-time token.
     *
     * @param token the token
     * @return the questions
     */
    @GET
    @Path("surveys/{token}")
    @Produces(MediaType.APPLICATION_JSON)
    public Dto.FormView form(@PathParam("token") String token) {
        return surveys.form(token);
    }

    /**
     * Answers the survey with a one-time token.
     *
     * @param token the token
     * @param body the answers
     * @return 201 with the response (no person in it)
     */
    @POST
    @Path("surveys/{token}/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response answer(@PathParam("token") String token, Dto.FormInput body) {
        return Response.status(201).entity(surveys.answer(token, body.answers())).build();
    }
}
