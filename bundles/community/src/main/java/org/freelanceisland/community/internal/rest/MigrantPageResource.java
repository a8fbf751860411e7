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
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.freelanceisland.community.internal.model.MigrantPhase;
import org.freelanceisland.community.internal.model.Publication;
import org.freelanceisland.community.internal.service.Dto;
import org.freelanceisland.community.internal.service.MigrantPageService;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.PageParams;
import org.freelanceisland.platform.rest.Params;

/** {@code /api/community/migrant-pages}: staff write and publish the pages for would-be migrants. */
@Path("migrant-pages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
public final class MigrantPageResource {

    private final MigrantPageService pages;

    /**
     * Creates the resource.
     *
     * @param pages the pages
     */
    public MigrantPageResource(MigrantPageService pages) {
        this.pages = pages;
    }

    /**
     * Lists pages by phase and position.
     *
     * @param phase a phase
     * @param status {@code DRAFT} or {@code PUBLISHED}
     * @param page offset and limit
     * @return the page
     */
    @GET
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Page<Dto.PageView> list(@QueryParam("phase") String phase, @QueryParam("status") String status, @BeanParam PageParams page) {
        List<FieldError> errors = new ArrayList<>();
        MigrantPhase p = Params.choice("phase", phase, MigrantPhase.class, errors);
        Publication s = Params.choice("status", status, Publication.class, errors);
        var window = page.toRequest();
        Params.check(errors);
        return pages.list(p, s, window);
    }

    /**
     * Creates a draft page.
     *
     * @param body the page
     * @return 201 with it
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Dto.PageInput body) {
        Dto.PageView p = pages.create(body);
        return Response.created(URI.create("migrant-pages/" + p.id())).entity(p).build();
    }

    /**
     * The phases, for forms.
     *
     * @return codes with labels
     */
    @GET
    @Path("phases")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public List<Dto.Choice> phases() {
        List<Dto.Choice> out = new ArrayList<>();
        for (MigrantPhase p : MigrantPhase.values()) {
            out.add(new Dto.Choice(p.name(), p.label()));
        }
        return out;
    }

    /**
     * One page.
     *
     * @param id the page
     * @return it
     */
    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Dto.PageView get(@PathParam("id") long id) {
        return pages.get(id);
    }

    /**
     * Changes a page.
     *
     * @param id the page
     * @param body all fields
     * @return it
     */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.PageView update(@PathParam("id") long id, Dto.PageInput body) {
        return pages.update(id, body);
    }

    /**
     * Deletes a page.
     *
     * @param id the page
     * @return 204
     */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        pages.delete(id);
        return Response.noContent().build();
    }

    /**
     * Publishes a page.
     *
     * @param id the page
     * @return it
     */
    @POST
    @Path("{id}/publish")
    public Dto.PageView publish(@PathParam("id") long id) {
        return pages.status(id, Publication.PUBLISHED);
    }

    /**
     * Takes a page back to draft.
     *
     * @param id the page
     * @return it
     */
    @POST
    @Path("{id}/unpublish")
    public Dto.PageView unpublish(@PathParam("id") long id) {
        return pages.status(id, Publication.DRAFT);
    }
}
