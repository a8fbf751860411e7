package ${package}.internal.rest;

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

import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.api.audit.AuditEntry;
import org.freelanceisland.platform.api.audit.AuditLog;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.PageParams;
import org.freelanceisland.platform.rest.Params;

import ${package}.internal.model.ItemStatus;
import ${package}.internal.store.ItemInput;
import ${package}.internal.store.ItemStore;
import ${package}.internal.store.ItemView;

/**
 * {@code /api/${programId}/items}: staff and coordinators read, staff register and change,
 * administrators delete (audit-logged). Lists are pages ({@code ?offset=&limit=}); bad parameters
 * and bodies get a 400 naming the field.
 */
@Path("items")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
public final class ItemResource {

    private final ItemStore items;
    private final AuditLog audit;

    /**
     * Creates the resource.
     *
     * @param items the store
     * @param audit the audit log
     */
    public ItemResource(ItemStore items, AuditLog audit) {
        this.items = items;
        this.audit = audit;
    }

    /**
     * A page of items.
     *
     * @param fiscalYear only this fiscal year (start year)
     * @param status only this status ({@code open}, {@code closed})
     * @param q words of the title
     * @param page offset and limit
     * @return the page
     */
    @GET
    public Page<ItemView> list(@QueryParam("fiscalYear") String fiscalYear, @QueryParam("status") String status,
            @QueryParam("q") String q, @BeanParam PageParams page) {
        List<FieldError> errors = new ArrayList<>();
        FiscalYear year = Params.fiscalYear("fiscalYear", fiscalYear, errors);
        ItemStatus state = Params.choice("status", status, ItemStatus.class, errors);
        PageRequest window = page.toRequest();
        Params.check(errors);
        return items.list(year, state, Params.text(q), window);
    }

    /**
     * Registers an item.
     *
     * @param body the item
     * @param security who asks
     * @return 201 with the item
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public Response create(ItemInput body, @Context SecurityContext security) {
        ItemView created = items.create(body, security.getUserPrincipal().getName());
        return Response.created(URI.create("items/" + created.id())).entity(created).build();
    }

    /**
     * One item.
     *
     * @param id the item
     * @return the item
     */
    @GET
    @Path("{id}")
    public ItemView get(@PathParam("id") long id) {
        return items.get(id);
    }

    /**
     * Changes an item (all fields, with the version read).
     *
     * @param id the item
     * @param body its fields
     * @return the item as changed
     */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public ItemView update(@PathParam("id") long id, ItemInput body) {
        return items.update(id, body);
    }

    /**
     * Deletes an item; the audit log keeps who did it.
     *
     * @param id the item
     * @param security who asks
     * @return 204
     */
    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    public Response delete(@PathParam("id") long id, @Context SecurityContext security) {
        ItemView deleted = items.delete(id);
        audit.record(AuditEntry.of(security.getUserPrincipal().getName(), "${programId}.item.deleted", "item",
                Long.toString(id), deleted.title().ja()));
        return Response.noContent().build();
    }
}
