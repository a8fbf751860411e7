package org.freelanceisland.platform.core.internal.records;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import javax.annotation.security.RolesAllowed;
import javax.validation.Valid;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.api.audit.AuditEntry;
import org.freelanceisland.platform.api.audit.AuditLog;
import org.freelanceisland.platform.api.records.RecordRemoval;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * {@code /api/admin/records}: removal of programs' records for good (sample data, records entered by
 * mistake), offered by the programs that register a {@link RecordRemoval}. Administrators only;
 * every removal is written to the audit log ({@code platform.records.removed}) before the answer.
 */
@Path("admin/records")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public final class RecordResource {

    /** The most records one call removes. */
    static final int MAX_IDS = 10_000;

    private final RecordRemovals removals;
    private final Supplier<AuditLog> audit;

    /**
     * Creates the resource.
     *
     * @param removals the programs' removals
     * @param audit the audit log, or {@code null} while the database is not available
     */
    public RecordResource(RecordRemovals removals, Supplier<AuditLog> audit) {
        this.removals = removals;
        this.audit = audit;
    }

    /**
     * Records to remove.
     *
     * @param module the program
     * @param kind the kind of record, one the program lists
     * @param ids the records' ids
     * @param reason why, for the audit log
     */
    public record Removal(@NotBlank @Size(max = 32) String module, @NotBlank @Size(max = 50) String kind,
            @NotNull @Size(min = 1, max = MAX_IDS) List<@NotBlank @Size(max = 100) String> ids,
            @NotBlank @Size(max = 500) String reason) {
    }

    /** What a removal did. */
    public record Removed(String module, String kind, int requested, int removed) {
    }

    /**
     * The programs installed now that remove records, with the kinds each removes.
     *
     * @return the programs by id
     */
    @GET
    public Page<RecordRemovals.Removable> list() {
        List<RecordRemovals.Removable> list = removals.list();
        return new Page<>(list, list.size(), 0, Math.max(list.size(), 1));
    }

    /**
     * Removes records of one program for good, with what belongs to them. Ids of records that are
     * gone already are skipped, so a removal can be repeated. The ledger facts about the records stay
     * until purged ({@code POST /api/ledger/purge}).
     *
     * @param body what to remove and why
     * @param security the administrator
     * @return how many records were removed
     */
    @POST
    @Path("remove")
    @Consumes(MediaType.APPLICATION_JSON)
    public Removed remove(@Valid Removal body, @Context SecurityContext security) {
        RecordRemoval removal = removals.of(body.module())
                .orElseThrow(() -> ProblemException.notFound("program with removable records", body.module()));
        if (!removal.kinds().contains(body.kind())) {
            throw ProblemException.invalid("kind", "must be one of " + new TreeSet<>(removal.kinds()));
        }
        Set<String> ids = new LinkedHashSet<>(body.ids());
        AuditLog log = audit.get();
        if (log == null) {
            throw ProblemException.unavailable("The audit log is not available: the database is not ready");
        }
        int removed;
        try {
            removed = removal.remove(body.kind(), ids);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("ids", e.getMessage());
        }
        log.record(new AuditEntry(security.getUserPrincipal().getName(), "platform.records.removed", body.module() + "." + body.kind(),
                ids.size() == 1 ? ids.iterator().next() : ids.size() + " records", null,
                Map.of("requested", Integer.toString(ids.size()), "removed", Integer.toString(removed),
                        "reason", body.reason().strip())));
        return new Removed(body.module(), body.kind(), ids.size(), removed);
    }
}
