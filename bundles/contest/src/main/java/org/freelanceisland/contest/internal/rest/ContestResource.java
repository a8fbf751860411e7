package org.freelanceisland.contest.internal.rest;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
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

import org.freelanceisland.contest.internal.model.EntryStatus;
import org.freelanceisland.contest.internal.service.ContestService;
import org.freelanceisland.contest.internal.service.Dto;
import org.freelanceisland.contest.internal.service.EntryService;
import org.freelanceisland.contest.internal.service.JudgingService;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.MaxRequestBytes;
import org.freelanceisland.platform.rest.Multipart;
import org.freelanceisland.platform.rest.PageParams;
import org.freelanceisland.platform.rest.Params;
import org.freelanceisland.platform.rest.ProblemException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code /api/contest/contests}: contests with their windows, and their entries with photos.
 * Staff run them; jurors may read a contest and see the photos of the contests they judge.
 */
@Path("contests")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
public final class ContestResource {

    /** The largest upload: six photos of 5 MB and the form around them. */
    static final long MAX_UPLOAD = 40L * 1024 * 1024;

    private final ContestService contests;
    private final EntryService entries;
    private final JudgingService judging;
    private final ObjectMapper json;

    /**
     * Creates the resource.
     *
     * @param contests contests
     * @param entries entries and photos
     * @param judging the jury (to let jurors see photos)
     * @param json the platform's JSON mapper settings, for the JSON part of multipart forms
     */
    public ContestResource(ContestService contests, EntryService entries, JudgingService judging, ObjectMapper json) {
        this.contests = contests;
        this.entries = entries;
        this.judging = judging;
        this.json = json;
    }

    /**
     * Lists contests, newest year first.
     *
     * @param fiscalYear a fiscal year
     * @param page offset and limit
     * @return the page
     */
    @GET
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR, Roles.JUROR })
    public Page<Dto.ContestView> list(@QueryParam("fiscalYear") String fiscalYear, @BeanParam PageParams page) {
        List<FieldError> errors = new ArrayList<>();
        FiscalYear year = Params.fiscalYear("fiscalYear", fiscalYear, errors);
        var window = page.toRequest();
        Params.check(errors);
        return contests.list(year, window);
    }

    /**
     * The contests the signed-in juror is assigned to.
     *
     * @param security the juror
     * @return the contests
     */
    @GET
    @Path("assigned")
    @RolesAllowed(Roles.JUROR)
    public List<Dto.ContestView> assigned(@Context SecurityContext security) {
        return contests.assignedTo(Http.user(security));
    }

    /**
     * Creates a contest.
     *
     * @param body the contest
     * @return 201 with the contest
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Dto.ContestInput body) {
        Dto.ContestView c = contests.create(body);
        return Response.created(URI.create("contests/" + c.id())).entity(c).build();
    }

    /**
     * One contest.
     *
     * @param id the contest
     * @return the contest
     */
    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR, Roles.JUROR })
    public Dto.ContestView get(@PathParam("id") long id) {
        return contests.get(id);
    }

    /**
     * Changes a contest (all fields).
     *
     * @param id the contest
     * @param body the contest
     * @return the contest
     */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.ContestView update(@PathParam("id") long id, Dto.ContestInput body) {
        return contests.update(id, body);
    }

    /**
     * Deletes a contest that has nothing yet.
     *
     * @param id the contest
     * @return 204
     */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        contests.delete(id);
        return Response.noContent().build();
    }

    /**
     * Closes a window now: {@code entry}, {@code judging} or {@code voting}.
     *
     * @param id the contest
     * @param window the window
     * @return the contest
     */
    @POST
    @Path("{id}/windows/{window}/close")
    public Dto.ContestView close(@PathParam("id") long id, @PathParam("window") String window) {
        return contests.close(id, window);
    }

    // ---- entries

    /**
     * The entries of a contest.
     *
     * @param id the contest
     * @param category a category code
     * @param status SUBMITTED or WITHDRAWN
     * @param makerId a maker
     * @param page offset and limit
     * @return the page
     */
    @GET
    @Path("{id}/entries")
    public Page<Dto.EntryView> entries(@PathParam("id") long id, @QueryParam("category") String category,
            @QueryParam("status") String status, @QueryParam("makerId") String makerId, @BeanParam PageParams page) {
        List<FieldError> errors = new ArrayList<>();
        EntryStatus s = Params.choice("status", status, EntryStatus.class, errors);
        var window = page.toRequest();
        Params.check(errors);
        return entries.list(id, Params.text(category), s, Params.text(makerId), window);
    }

    /**
     * Submits an entry without photos (JSON).
     *
     * @param id the contest
     * @param body the entry
     * @return 201 with the entry
     */
    @POST
    @Path("{id}/entries")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@PathParam("id") long id, Dto.EntryInput body) {
        Dto.EntryView e = entries.submit(id, body, List.of());
        return Response.created(URI.create("contests/" + id + "/entries/" + e.id())).entity(e).build();
    }

    /**
     * Submits an entry with its photos: {@code multipart/form-data} with a part {@code entry}
     * (the entry as JSON) and up to six parts {@code photos} (JPEG, PNG or WebP files).
     *
     * @param id the contest
     * @param contentType the request's content type (with the boundary)
     * @param body the form
     * @return 201 with the entry
     */
    @POST
    @Path("{id}/entries")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @MaxRequestBytes(MAX_UPLOAD)
    public Response submitWithPhotos(@PathParam("id") long id, @HeaderParam("Content-Type") String contentType, byte[] body) {
        List<Multipart.Part> parts = Multipart.parse(contentType, body);
        Multipart.Part entry = parts.stream().filter(p -> p.name().equals("entry")).findFirst()
                .orElseThrow(() -> ProblemException.invalid("entry", "the form needs a part named entry with the entry as JSON"));
        Dto.EntryInput input;
        try {
            input = json.readValue(entry.bytes(), Dto.EntryInput.class);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("entry", "is not a valid entry: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProblemException.invalid("entry", "cannot be read");
        }
        Dto.EntryView e = entries.submit(id, input, uploads(parts));
        return Response.created(URI.create("contests/" + id + "/entries/" + e.id())).entity(e).build();
    }

    /**
     * One entry.
     *
     * @param id the contest
     * @param entryId the entry
     * @return the entry
     */
    @GET
    @Path("{id}/entries/{entryId}")
    public Dto.EntryView entry(@PathParam("id") long id, @PathParam("entryId") long entryId) {
        return entries.get(id, entryId);
    }

    /**
     * Corrects an entry (all fields; not its maker).
     *
     * @param id the contest
     * @param entryId the entry
     * @param body the entry
     * @return the entry
     */
    @PUT
    @Path("{id}/entries/{entryId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.EntryView update(@PathParam("id") long id, @PathParam("entryId") long entryId, Dto.EntryInput body) {
        return entries.update(id, entryId, body);
    }

    /**
     * Withdraws an entry.
     *
     * @param id the contest
     * @param entryId the entry
     * @param body the reason (may be {@code {}})
     * @return the entry
     */
    @POST
    @Path("{id}/entries/{entryId}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.EntryView withdraw(@PathParam("id") long id, @PathParam("entryId") long entryId, Dto.ReasonInput body) {
        return entries.withdraw(id, entryId, body == null ? null : body.reason());
    }

    /**
     * Adds photos to an entry ({@code multipart/form-data}, parts {@code photos}).
     *
     * @param id the contest
     * @param entryId the entry
     * @param contentType the request's content type
     * @param body the form
     * @return the entry
     */
    @POST
    @Path("{id}/entries/{entryId}/photos")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @MaxRequestBytes(MAX_UPLOAD)
    public Dto.EntryView addPhotos(@PathParam("id") long id, @PathParam("entryId") long entryId,
            @HeaderParam("Content-Type") String contentType, byte[] body) {
        return entries.addPhotos(id, entryId, uploads(Multipart.parse(contentType, body)));
    }

    /**
     * Removes a photo.
     *
     * @param id the contest
     * @param entryId the entry
     * @param photoId the photo
     * @return 204
     */
    @DELETE
    @Path("{id}/entries/{entryId}/photos/{photoId}")
    public Response deletePhoto(@PathParam("id") long id, @PathParam("entryId") long entryId, @PathParam("photoId") long photoId) {
        entries.deletePhoto(id, entryId, photoId);
        return Response.noContent().build();
    }

    /**
     * A photo as uploaded.
     *
     * @param id the contest
     * @param entryId the entry
     * @param photoId the photo
     * @param security the caller
     * @return the image
     */
    @GET
    @Path("{id}/entries/{entryId}/photos/{photoId}")
    @Produces({ "image/jpeg", "image/png", "image/webp", MediaType.WILDCARD })
    @RolesAllowed({ Roles.STAFF, Roles.JUROR })
    public Response photo(@PathParam("id") long id, @PathParam("entryId") long entryId, @PathParam("photoId") long photoId,
            @Context SecurityContext security) {
        requireStaffOrJuror(id, security);
        return Http.image(entries.image(id, entryId, photoId, false), "private, max-age=300");
    }

    /**
     * A photo's thumbnail (JPEG, at most 480 px; a WebP photo is its own thumbnail).
     *
     * @param id the contest
     * @param entryId the entry
     * @param photoId the photo
     * @param security the caller
     * @return the image
     */
    @GET
    @Path("{id}/entries/{entryId}/photos/{photoId}/thumbnail")
    @Produces({ "image/jpeg", "image/png", "image/webp", MediaType.WILDCARD })
    @RolesAllowed({ Roles.STAFF, Roles.JUROR })
    public Response thumbnail(@PathParam("id") long id, @PathParam("entryId") long entryId, @PathParam("photoId") long photoId,
            @Context SecurityContext security) {
        requireStaffOrJuror(id, security);
        return Http.image(entries.image(id, entryId, photoId, true), "private, max-age=300");
    }

    private void requireStaffOrJuror(long contestId, SecurityContext security) {
        if (!Http.staff(security) && !judging.isJuror(contestId, Http.user(security))) {
            throw new ProblemException(403, "forbidden", "Forbidden", "Only staff and the contest's jurors see its photos", List.of());
        }
    }

    private static List<EntryService.Upload> uploads(List<Multipart.Part> parts) {
        List<EntryService.Upload> uploads = new ArrayList<>();
        for (Multipart.Part p : parts) {
            if (p.name().equals("photos") || p.name().equals("photo")) {
                uploads.add(new EntryService.Upload(p.name(), p.fileName(), p.bytes()));
            } else if (!p.name().equals("entry")) {
                throw ProblemException.invalid(p.name(), "unknown form field (expected entry and photos)");
            }
        }
        return uploads;
    }
}
