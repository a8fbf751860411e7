package org.freelanceisland.jobs.internal.rest;

import java.net.URI;
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
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.freelanceisland.jobs.internal.model.PartnerKind;
import org.freelanceisland.jobs.internal.service.Dto;
import org.freelanceisland.jobs.internal.service.PartnerService;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.PageParams;
import org.freelanceisland.platform.rest.Params;

/** {@code /api/jobs/partners}: the companies and platforms that send work. Coordinators keep them; staff read. */
@Path("partners")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.COORDINATOR)
public final class PartnerResource {

    private final PartnerService partners;

    /**
     * Creates the resource.
     *
     * @param partners the partners
     */
    public PartnerResource(PartnerService partners) {
        this.partners = partners;
    }

    /**
     * Lists partners.
     *
     * @param kind a {@link PartnerKind}
     * @param active {@code true} or {@code false}
     * @param q words of the name
     * @param page offset and limit
     * @return the page
     */
    @GET
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Page<Dto.PartnerView> list(@QueryParam("kind") String kind, @QueryParam("active") String active,
            @QueryParam("q") String q, @BeanParam PageParams page) {
        List<FieldError> errors = new ArrayList<>();
        PartnerKind k = Params.choice("kind", kind, PartnerKind.class, errors);
        Boolean a = Flags.bool("active", active, errors);
        var window = page.toRequest();
        Params.check(errors);
        return partners.list(k, a, Params.text(q), window);
    }

    /**
     * Adds a partner.
     *
     * @param body the partner
     * @return 201 with the partner
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Dto.PartnerInput body) {
        Dto.PartnerView p = partners.create(body);
        return Response.created(URI.create("partners/" + p.id())).entity(p).build();
    }

    /**
     * One partner.
     *
     * @param id the partner
     * @return the partner
     */
    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Dto.PartnerView get(@PathParam("id") long id) {
        return partners.get(id);
    }

    /**
     * Changes a partner.
     *
     * @param id the partner
     * @param body all fields
     * @return the partner
     */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.PartnerView update(@PathParam("id") long id, Dto.PartnerInput body) {
        return partners.update(id, body);
    }
}
