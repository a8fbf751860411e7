package org.freelanceisland.platform.core.internal.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.BeanParam;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.PageParams;
import org.freelanceisland.platform.rest.Params;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * {@code /api/admin/audit}: the audit log, for administrators only. Read-only: no method of the
 * API changes or deletes an entry.
 */
@Path("admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public final class AuditResource {

    private final Supplier<AuditService> audit;

    /**
     * Creates the resource.
     *
     * @param audit the audit log, or {@code null} while the database is not ready
     */
    public AuditResource(Supplier<AuditService> audit) {
        this.audit = audit;
    }

    /**
     * Lists entries, newest first.
     *
     * @param actor a user name
     * @param action an action, or a prefix such as {@code people.*}
     * @param subjectId a subject id, for example a person id
     * @param from earliest time: a date or an instant
     * @param to end, exclusive, in the same forms
     * @param page offset and limit
     * @return the page
     */
    @GET
    public Page<AuditStore.StoredEntry> list(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("subjectId") String subjectId, @QueryParam("from") String from, @QueryParam("to") String to,
            @BeanParam PageParams page) {
        List<FieldError> errors = new ArrayList<>();
        Instant fromInstant = Params.instant("from", from, errors);
        Instant toInstant = Params.instant("to", to, errors);
        PageRequest window = page.toRequest();
        String actionFilter = Params.text(action);
        if (actionFilter != null && !actionFilter.matches("[a-z][a-z0-9-]{0,31}(\\.[a-z][a-z0-9_-]{0,63}){0,4}(\\.\\*)?")) {
            errors.add(new FieldError("action", "an action such as people.record.read or a prefix such as people.*"));
        }
        Params.check(errors);
        AuditService service = audit.get();
        if (service == null) {
            throw ProblemException.unavailable("The audit log is not available: the database is not ready");
        }
        return service.query(new AuditStore.Filter(Params.text(actor), actionFilter, Params.text(subjectId),
                fromInstant, toInstant), window);
    }
}
