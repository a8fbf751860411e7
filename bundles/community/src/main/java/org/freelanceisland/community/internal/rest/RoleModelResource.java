package org.freelanceisland.community.internal.rest;

import java.io.InputStream;
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
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.freelanceisland.community.internal.model.Publication;
import org.freelanceisland.community.internal.model.RoleModelPhoto;
import org.freelanceisland.community.internal.service.Dto;
import org.freelanceisland.community.internal.service.RoleModelService;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.Multipart;
import org.freelanceisland.platform.rest.PageParams;
import org.freelanceisland.platform.rest.Params;

/**
 * {@code /api/community/role-models}: staff prepare role model profiles, their photos, and publish
 * them (only with the person's consent, which the public endpoints check again on every request).
 */
@Path("role-models")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
public final class RoleModelResource {

    private final RoleModelService roleModels;

    /**
     * Creates the resource.
     *
     * @param roleModels the profiles
     */
    public RoleModelResource(RoleModelService roleModels) {
        this.roleModels = roleModels;
    }

    /**
     * Lists profiles with whether each person consents now.
     *
     * @param status {@code DRAFT} or {@code PUBLISHED}
     * @param work a kind of work (skill code)
     * @param page offset and limit
     * @return the page
     */
    @GET
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Page<Dto.RoleModelView> list(@QueryParam("status") String status, @QueryParam("work") String work,
            @BeanParam PageParams page) {
        List<FieldError> errors = new ArrayList<>();
        Publication s = Params.choice("status", status, Publication.class, errors);
        var window = page.toRequest();
        Params.check(errors);
        return roleModels.list(s, Params.text(work), window);
    }

    /**
     * Creates a draft profile.
     *
     * @param body the profile
     * @return 201 with it
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Dto.RoleModelInput body) {
        Dto.RoleModelView r = roleModels.create(body);
        return Response.created(URI.create("role-models/" + r.id())).entity(r).build();
    }

    /**
     * One profile.
     *
     * @param id the profile
     * @return it
     */
    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Dto.RoleModelView get(@PathParam("id") long id) {
        return roleModels.get(id);
    }

    /**
     * Changes a profile's text.
     *
     * @param id the profile
     * @param body all fields
     * @return it
     */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.RoleModelView update(@PathParam("id") long id, Dto.RoleModelInput body) {
        return roleModels.update(id, body);
    }

    /**
     * Deletes a profile and its photo.
     *
     * @param id the profile
     * @return 204
     */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        roleModels.delete(id);
        return Response.noContent().build();
    }

    /**
     * Publishes a profile (422 without the person's consent).
     *
     * @param id the profile
     * @return it
     */
    @POST
    @Path("{id}/publish")
    public Dto.RoleModelView publish(@PathParam("id") long id) {
        return roleModels.publish(id);
    }

    /**
     * Takes a profile back to draft.
     *
     * @param id the profile
     * @return it
     */
    @POST
    @Path("{id}/unpublish")
    public Dto.RoleModelView unpublish(@PathParam("id") long id) {
        return roleModels.unpublish(id);
    }

    /**
     * Stores the photo: a JPEG, PNG or WebP image as the body, or as the file of a form.
     *
     * @param id the profile
     * @param contentType the body's type
     * @param body the image
     * @return the profile
     */
    @PUT
    @Path("{id}/photo")
    @Consumes({ "image/jpeg", "image/png", "image/webp", MediaType.APPLICATION_OCTET_STREAM, MediaType.MULTIPART_FORM_DATA })
    public Dto.RoleModelView photo(@PathParam("id") long id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) {
        return roleModels.photo(id, contentType, Multipart.file(contentType, body));
    }

    /**
     * Stores the photo sent as the file of a form (as the console's upload sends it).
     *
     * @param id the profile
     * @param contentType the body's type
     * @param body the form or the image
     * @return the profile
     */
    @POST
    @Path("{id}/photo")
    @Consumes({ MediaType.MULTIPART_FORM_DATA, "image/jpeg", "image/png", "image/webp", MediaType.APPLICATION_OCTET_STREAM })
    public Dto.RoleModelView uploadPhoto(@PathParam("id") long id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) {
        return photo(id, contentType, body);
    }

    /**
     * The photo, whatever the profile's publication.
     *
     * @param id the profile
     * @return the image
     */
    @GET
    @Path("{id}/photo")
    @Produces({ "image/*", MediaType.WILDCARD })
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Response getPhoto(@PathParam("id") long id) {
        RoleModelPhoto photo = roleModels.staffPhoto(id);
        return Response.ok(photo.bytes(), photo.contentType()).build();
    }

    /**
     * Removes the photo.
     *
     * @param id the profile
     * @return the profile
     */
    @DELETE
    @Path("{id}/photo")
    public Dto.RoleModelView removePhoto(@PathParam("id") long id) {
        return roleModels.removePhoto(id);
    }
}
