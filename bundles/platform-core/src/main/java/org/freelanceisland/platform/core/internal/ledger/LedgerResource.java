package org.freelanceisland.platform.core.internal.ledger;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import javax.annotation.security.RolesAllowed;
import javax.validation.Valid;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.api.audit.AuditEntry;
import org.freelanceisland.platform.api.audit.AuditLog;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.LedgerQuery;
import org.freelanceisland.platform.api.ledger.RecordedActivity;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.PageParams;
import org.freelanceisland.platform.rest.Params;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * {@code /api/ledger}: staff read the facts programs recorded; administrators may record a fact by
 * hand (for example from a paper register), which is stored as recorded by {@code user:<name>}, and
 * may purge facts by id prefix (an explicit, audited act: the ledger is otherwise append-only).
 */
@Path("ledger")
@Produces(MediaType.APPLICATION_JSON)
public final class LedgerResource {

    /** The most prefixes one purge takes. */
    static final int MAX_PREFIXES = 20_000;

    private final Supplier<LedgerService> ledger;
    private final Supplier<AuditLog> audit;

    /**
     * Creates the resource.
     *
     * @param ledger the ledger, or {@code null} while the database is not available
     * @param audit the audit log, or {@code null} while the database is not available
     */
    public LedgerResource(Supplier<LedgerService> ledger, Supplier<AuditLog> audit) {
        this.ledger = ledger;
        this.audit = audit;
    }

    /**
     * Facts to delete: every event whose id starts with one of the prefixes. A prefix ends with
     * {@code :} and names at least a module and one more segment ({@code people:12:},
     * {@code terakoya:enrolment:7:}), or is a whole namespace of facts recorded by hand or loaded as
     * samples ({@code demo:}, {@code manual:}); a bare module ({@code people:}) is refused.
     */
    public record Purge(@NotNull @Size(min = 1, max = MAX_PREFIXES) List<@NotBlank @Size(max = ActivityEvent.MAX_ID_LENGTH) String> idPrefixes,
            @NotBlank @Size(max = 500) String reason) {
    }

    /** What a purge deleted. */
    public record Purged(int prefixes, int deleted) {
    }

    /** A ledger event as the API shows it. */
    public record Entry(String id, String type, String personId, Instant occurredAt, int fiscalYear,
            LocalizedText fiscalYearLabel, Long amountYen, Map<String, String> attributes, String recordedBy,
            Instant recordedAt) {

        static Entry of(RecordedActivity recorded) {
            ActivityEvent e = recorded.event();
            return new Entry(e.id(), e.type(), e.personId(), e.occurredAt(), e.fiscalYear().startYear(),
                    e.fiscalYear().label(), e.amountYen(), e.attributes(), recorded.recordedBy(), recorded.recordedAt());
        }
    }

    /** A fact recorded by hand. */
    public record NewEvent(
            @Size(min = 1, max = ActivityEvent.MAX_ID_LENGTH) String id,
            @NotBlank @Size(max = 200) String type,
            @Size(min = 1, max = 100) String personId,
            @NotNull Instant occurredAt,
            FiscalYear fiscalYear,
            Long amountYen,
            @Valid @Size(max = ActivityEvent.MAX_ATTRIBUTES) Map<String, @NotNull @Size(max = ActivityEvent.MAX_ATTRIBUTE_LENGTH) String> attributes) {
    }

    /**
     * Lists events, newest first.
     *
     * @param type an event type or a prefix such as {@code terakoya.*}
     * @param fiscalYear a fiscal year (start year)
     * @param personId a person id
     * @param from earliest occurrence: a date ({@code 2025-04-01}, Japan time) or an instant
     * @param to end of the span, exclusive, in the same forms
     * @param page offset and limit
     * @return the page
     */
    @GET
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Page<Entry> list(@QueryParam("type") String type, @QueryParam("fiscalYear") String fiscalYear,
            @QueryParam("personId") String personId, @QueryParam("from") String from, @QueryParam("to") String to,
            @BeanParam PageParams page) {
        List<FieldError> errors = new ArrayList<>();
        FiscalYear year = Params.fiscalYear("fiscalYear", fiscalYear, errors);
        Instant fromInstant = Params.instant("from", from, errors);
        Instant toInstant = Params.instant("to", to, errors);
        var window = page.toRequest();
        Params.check(errors);
        LedgerQuery query;
        try {
            query = new LedgerQuery(type, year, Params.text(personId), fromInstant, toInstant);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(e, "type");
        }
        Page<RecordedActivity> result = ledger().query(query, window);
        return new Page<>(result.items().stream().map(Entry::of).toList(), result.total(), result.offset(), result.limit());
    }

    /**
     * One event.
     *
     * @param id its id
     * @return the event
     */
    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Entry get(@PathParam("id") String id) {
        return ledger().find(id).map(Entry::of).orElseThrow(() -> ProblemException.notFound("ledger event", id));
    }

    /**
     * Records a fact by hand. Recording an id that is already in the ledger changes nothing and
     * answers 200 with the stored event; a new event answers 201.
     *
     * @param body the fact
     * @param security who records it
     * @return the stored event
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Response record(NewEvent body, @Context SecurityContext security) {
        ActivityEvent event;
        try {
            event = new ActivityEvent(body.id() == null ? "manual:" + UUID.randomUUID() : body.id(), body.type(),
                    body.personId(), body.occurredAt(), body.fiscalYear(), body.amountYen(), body.attributes());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(e, "body");
        }
        boolean created = ledger().record(event, "user:" + security.getUserPrincipal().getName());
        Entry stored = ledger().find(event.id()).map(Entry::of)
                .orElseThrow(() -> ProblemException.unavailable("The event was recorded but cannot be read back"));
        return created
                ? Response.created(URI.create("ledger/" + encode(event.id()))).entity(stored).build()
                : Response.ok(stored).build();
    }

    /**
     * Deletes facts by id prefix (for example everything the demo island loaded). Administrators
     * only; the purge is written to the audit log ({@code platform.ledger.purged}) with the number of
     * prefixes and events and the reason. KPI figures change accordingly: use it for data that should
     * never have counted (samples, tests, a mistaken import), never to correct history (record a
     * correcting fact instead).
     *
     * @param body the prefixes and why
     * @param security the administrator
     * @return how many events were deleted
     */
    @POST
    @Path("purge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Purged purge(@Valid Purge body, @Context SecurityContext security) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < body.idPrefixes().size(); i++) {
            String prefix = body.idPrefixes().get(i);
            if (!acceptablePrefix(prefix)) {
                errors.add(new FieldError("idPrefixes[" + i + "]", "must end with ':' and name a module and a record"
                        + " (people:12:), or be demo: or manual:"));
            }
        }
        Params.check(errors);
        LedgerService service = ledger();
        AuditLog log = audit.get();
        if (log == null) {
            throw ProblemException.unavailable("The audit log is not available: the database is not ready");
        }
        int deleted = service.store().purge(body.idPrefixes());
        log.record(new AuditEntry(security.getUserPrincipal().getName(), "platform.ledger.purged", "ledger",
                body.idPrefixes().size() == 1 ? body.idPrefixes().get(0) : body.idPrefixes().size() + " prefixes", null,
                Map.of("prefixes", Integer.toString(body.idPrefixes().size()), "deleted", Integer.toString(deleted),
                        "reason", body.reason().strip())));
        return new Purged(body.idPrefixes().size(), deleted);
    }

    static boolean acceptablePrefix(String prefix) {
        if (prefix == null || !prefix.endsWith(":") || prefix.chars().anyMatch(c -> c <= ' ' || c == '%')) {
            return false;
        }
        if (prefix.equals("demo:") || prefix.equals("manual:")) {
            return true;
        }
        String[] segments = prefix.substring(0, prefix.length() - 1).split(":", -1);
        if (segments.length < 2) {
            return false;
        }
        for (String segment : segments) {
            if (segment.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private LedgerService ledger() {
        LedgerService service = ledger.get();
        if (service == null) {
            throw ProblemException.unavailable("The ledger is not available: the database is not ready");
        }
        return service;
    }

    private static String encode(String id) {
        return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }
}
