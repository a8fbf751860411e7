package org.freelanceisland.people.internal.rest;

import java.io.InputStream;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javax.annotation.security.RolesAllowed;
import javax.validation.constraints.Max;
import javax.validation.constraints.Min;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;
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
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.freelanceisland.people.internal.PeopleService;
import org.freelanceisland.people.internal.csv.PeopleCsv;
import org.freelanceisland.people.internal.index.PeopleIndex;
import org.freelanceisland.people.internal.index.SearchCriteria;
import org.freelanceisland.people.internal.model.IncomeSource;
import org.freelanceisland.people.internal.model.Origin;
import org.freelanceisland.people.internal.model.PeopleException;
import org.freelanceisland.people.internal.model.Person;
import org.freelanceisland.people.internal.model.PersonInput;
import org.freelanceisland.people.internal.model.RelationPhase;
import org.freelanceisland.people.internal.rest.PersonViews.PersonListItem;
import org.freelanceisland.people.internal.rest.PersonViews.PersonView;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.api.audit.AuditEntry;
import org.freelanceisland.platform.api.audit.AuditLog;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.api.people.LifestyleConstraint;
import org.freelanceisland.platform.api.people.PersonFlag;
import org.freelanceisland.platform.api.people.SkillVocabulary;
import org.freelanceisland.platform.api.people.TimeWindow;
import org.freelanceisland.platform.rest.Csv;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.Multipart;
import org.freelanceisland.platform.rest.PageParams;
import org.freelanceisland.platform.rest.Params;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * {@code /api/people}: the people registry for staff. Staff and coordinators search and read;
 * staff register and change records; administrators erase personal data. Jurors have no access
 * (a contest needs no personal data of the people registry; programs that must show a name use
 * the {@code PersonDirectory} service on the server side). Reading one person's whole record and
 * every export is written to the audit log before the data leave.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
public final class PeopleResource {

    private static final String ID = "{id: [0-9]{1,18}}";

    private final PeopleService people;
    private final Supplier<AuditLog> audit;

    /**
     * Creates the resource.
     *
     * @param people the registry
     * @param audit the audit log
     */
    public PeopleResource(PeopleService people, Supplier<AuditLog> audit) {
        this.people = people;
        this.audit = audit;
    }

    /** A skill of the curated vocabulary. */
    public record Skill(String code, LocalizedText label) {
    }

    /** A counted status that began. */
    public record FlagStart(@NotNull PersonFlag flag, @NotNull LocalDate since, LocalDate until) {
    }

    /** A counted status that ended. */
    public record FlagEnd(@NotNull LocalDate until) {
    }

    /** A yearly income report. */
    public record IncomeReport(@NotNull @Min(0) @Max(10_000_000_000L) Long amountYen, @NotNull IncomeSource source) {
    }

    /** Why personal data are erased. */
    public record Erasure(@NotBlank @Size(max = 500) String reason) {
    }

    /**
     * The curated skills with their labels. Open to every signed-in role: it holds no personal data
     * and programs (courses, contest categories, jobs) label skills with it.
     *
     * @return the skills in display order
     */
    @GET
    @Path("skills")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR, Roles.JUROR })
    public List<Skill> skills() {
        return SkillVocabulary.SKILLS.entrySet().stream().map(e -> new Skill(e.getKey(), e.getValue())).toList();
    }

    /**
     * Searches the registry, ordered by kana.
     *
     * @param q part of the name or kana
     * @param skills skills the person must all have
     * @param district part of the district
     * @param flag a counted status that holds today
     * @param minHours at least this many hours a week
     * @param weekdays days the person must all be available on
     * @param windows parts of the day the person must all be available in
     * @param lifestyle lifestyle constraints the person must all have
     * @param consent a purpose the person consents to
     * @param origin the origin
     * @param phase the relation phase
     * @param status {@code active} (default), {@code inactive} or {@code all}
     * @param page offset and limit
     * @param security the caller
     * @return one page of people
     */
    @GET
    public Page<PersonListItem> search(@QueryParam("q") String q, @QueryParam("skill") List<String> skills,
            @QueryParam("district") String district, @QueryParam("flag") String flag,
            @QueryParam("minHours") String minHours, @QueryParam("weekday") List<String> weekdays,
            @QueryParam("window") List<String> windows, @QueryParam("lifestyle") List<String> lifestyle,
            @QueryParam("consent") String consent, @QueryParam("origin") String origin, @QueryParam("phase") String phase,
            @QueryParam("status") String status, @BeanParam PageParams page, @Context SecurityContext security) {
        List<FieldError> errors = new ArrayList<>();
        SearchCriteria criteria = criteria(q, skills, district, flag, minHours, weekdays, windows, lifestyle, consent,
                origin, phase, status, errors);
        PageRequest window = page.toRequest();
        Params.check(errors);
        Page<PeopleIndex.Entry> found = people.search(criteria, window);
        boolean sensitive = sensitive(security);
        LocalDate today = people.today();
        return new Page<>(found.items().stream().map(e -> PersonViews.item(e, sensitive, today)).toList(), found.total(),
                found.offset(), found.limit());
    }

    /**
     * Exports the people matching the same criteria as the search, as a CSV file for Excel
     * (UTF-8 with BOM). Written to the audit log.
     *
     * @param q see {@link #search}
     * @param skills see {@link #search}
     * @param district see {@link #search}
     * @param flag see {@link #search}
     * @param minHours see {@link #search}
     * @param weekdays see {@link #search}
     * @param windows see {@link #search}
     * @param lifestyle see {@link #search}
     * @param consent see {@link #search}
     * @param origin see {@link #search}
     * @param phase see {@link #search}
     * @param status see {@link #search}
     * @param purpose why the export is made, for the audit log
     * @param uri the request, for the audit log
     * @param security the caller
     * @return the file
     */
    @GET
    @Path("export")
    @Produces("text/csv")
    public Response export(@QueryParam("q") String q, @QueryParam("skill") List<String> skills,
            @QueryParam("district") String district, @QueryParam("flag") String flag,
            @QueryParam("minHours") String minHours, @QueryParam("weekday") List<String> weekdays,
            @QueryParam("window") List<String> windows, @QueryParam("lifestyle") List<String> lifestyle,
            @QueryParam("consent") String consent, @QueryParam("origin") String origin, @QueryParam("phase") String phase,
            @QueryParam("status") String status, @QueryParam("purpose") String purpose, @Context UriInfo uri,
            @Context SecurityContext security) {
        List<FieldError> errors = new ArrayList<>();
        SearchCriteria criteria = criteria(q, skills, district, flag, minHours, weekdays, windows, lifestyle, consent,
                origin, phase, status, errors);
        String why = purpose(purpose, errors);
        Params.check(errors);
        List<Person> records = people.export(criteria);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("rows", Integer.toString(records.size()));
        details.put("query", uri.getRequestUri().getRawQuery() == null ? "" : uri.getRequestUri().getRawQuery());
        audit(new AuditEntry(actor(security), "people.export", "export", null, why, details));
        String file = "people-" + people.today() + ".csv";
        return Response.ok(PeopleCsv.write(records), Csv.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .header("Cache-Control", "no-store").build();
    }

    /**
     * Imports a spreadsheet (the columns of the export). Every row is checked; when any is invalid
     * nothing is stored and the answer is a 400 listing every bad row and column. With
     * {@code dryRun=true} nothing is stored either way.
     *
     * @param dryRun check only
     * @param contentType the body's type: {@code text/csv}, {@code application/octet-stream} or
     *        {@code multipart/form-data} with a file part
     * @param body the file
     * @param security the caller
     * @return how many rows were (or would be) registered and updated
     */
    @POST
    @Path("import")
    @Consumes({ "text/csv", MediaType.APPLICATION_OCTET_STREAM, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN })
    @RolesAllowed(Roles.STAFF)
    public PeopleService.ImportResult importCsv(@QueryParam("dryRun") String dryRun,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body, @Context SecurityContext security) {
        boolean check = dryRun != null && (dryRun.equalsIgnoreCase("true") || dryRun.equals("1"));
        if (dryRun != null && !check && !dryRun.equalsIgnoreCase("false") && !dryRun.equals("0")) {
            throw ProblemException.invalid("dryRun", "must be true or false");
        }
        byte[] file = Multipart.file(contentType, body);
        PeopleService.ImportResult result = run(() -> people.importCsv(file, check, actor(security)));
        if (!check) {
            audit(new AuditEntry(actor(security), "people.import", "import", null, null,
                    Map.of("created", Integer.toString(result.created()), "updated", Integer.toString(result.updated()))));
        }
        return result;
    }

    /**
     * Registers a person.
     *
     * @param body the profile and the consents given
     * @param security the caller
     * @return 201 with the record
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public Response create(PersonInput body, @Context SecurityContext security) {
        Person person = run(() -> people.create(body, actor(security)));
        return Response.created(URI.create(person.key())).entity(view(person, security)).build();
    }

    /**
     * One person's whole record. Written to the audit log.
     *
     * @param id the person's id
     * @param purpose why the record is read, for the audit log
     * @param security the caller
     * @return the record
     */
    @GET
    @Path(ID)
    public PersonView get(@PathParam("id") long id, @QueryParam("purpose") String purpose, @Context SecurityContext security) {
        List<FieldError> errors = new ArrayList<>();
        String why = purpose(purpose, errors);
        Params.check(errors);
        Person person = run(() -> people.get(id));
        audit(AuditEntry.of(actor(security), "people.record.read", "person", person.key(), why));
        return view(person, security);
    }

    /**
     * Replaces a person's profile (send {@code version} to be told of concurrent changes).
     *
     * @param id the person's id
     * @param body the profile
     * @param security the caller
     * @return the record
     */
    @PUT
    @Path(ID)
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public PersonView update(@PathParam("id") long id, PersonInput body, @Context SecurityContext security) {
        return view(run(() -> people.update(id, body, actor(security))), security);
    }

    /**
     * Deactivates a person (soft delete): they leave searches and are no longer offered to programs;
     * the record stays and can be reactivated.
     *
     * @param id the person's id
     * @param security the caller
     * @return the record
     */
    @POST
    @Path(ID + "/deactivate")
    @RolesAllowed(Roles.STAFF)
    public PersonView deactivate(@PathParam("id") long id, @Context SecurityContext security) {
        return view(run(() -> people.setActive(id, false, actor(security))), security);
    }

    /**
     * Reactivates a deactivated person.
     *
     * @param id the person's id
     * @param security the caller
     * @return the record
     */
    @POST
    @Path(ID + "/reactivate")
    @RolesAllowed(Roles.STAFF)
    public PersonView reactivate(@PathParam("id") long id, @Context SecurityContext security) {
        return view(run(() -> people.setActive(id, true, actor(security))), security);
    }

    /**
     * Erases a person's personal data on their request. The id and the anonymous ledger facts
     * stay, so the plan's counts do not change. Cannot be undone; written to the audit log.
     *
     * @param id the person's id
     * @param body the reason
     * @param security the administrator
     * @return the record as left
     */
    @POST
    @Path(ID + "/erase")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public PersonView erase(@PathParam("id") long id, Erasure body, @Context SecurityContext security) {
        run(() -> people.get(id));
        audit(AuditEntry.of(actor(security), "people.erase", "person", Long.toString(id), body.reason()));
        return view(run(() -> people.erase(id, actor(security))), security);
    }

    /**
     * A person's consents, withdrawn ones included.
     *
     * @param id the person's id
     * @return the consents
     */
    @GET
    @Path(ID + "/consents")
    public List<PersonViews.ConsentView> consents(@PathParam("id") long id) {
        return PersonViews.view(run(() -> people.get(id)), false, people.today()).consents();
    }

    /**
     * Records a consent (giving it again for a new notice version replaces the old one).
     *
     * @param id the person's id
     * @param body purpose, date and notice version
     * @param security the caller
     * @return the record
     */
    @POST
    @Path(ID + "/consents")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public PersonView giveConsent(@PathParam("id") long id, PersonInput.ConsentInput body, @Context SecurityContext security) {
        return view(run(() -> people.giveConsent(id, body, actor(security))), security);
    }

    /**
     * Withdraws a consent from now on.
     *
     * @param id the person's id
     * @param purpose the purpose
     * @param security the caller
     * @return the record
     */
    @DELETE
    @Path(ID + "/consents/{purpose}")
    @RolesAllowed(Roles.STAFF)
    public PersonView withdrawConsent(@PathParam("id") long id, @PathParam("purpose") String purpose,
            @Context SecurityContext security) {
        List<FieldError> errors = new ArrayList<>();
        ConsentPurpose p = Params.choice("purpose", purpose, ConsentPurpose.class, errors);
        Params.check(errors);
        return view(run(() -> people.withdrawConsent(id, p, actor(security))), security);
    }

    /**
     * Records that a counted status began (and, with {@code until}, a past period).
     *
     * @param id the person's id
     * @param body the status and dates
     * @param security the caller
     * @return the record
     */
    @POST
    @Path(ID + "/flags")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public PersonView setFlag(@PathParam("id") long id, FlagStart body, @Context SecurityContext security) {
        return view(run(() -> people.setFlag(id, body.flag(), body.since(), body.until(), actor(security))), security);
    }

    /**
     * Records that a counted status ended.
     *
     * @param id the person's id
     * @param flag the status
     * @param body the day it ended
     * @param security the caller
     * @return the record
     */
    @POST
    @Path(ID + "/flags/{flag}/clear")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public PersonView clearFlag(@PathParam("id") long id, @PathParam("flag") String flag, FlagEnd body,
            @Context SecurityContext security) {
        List<FieldError> errors = new ArrayList<>();
        PersonFlag f = Params.choice("flag", flag, PersonFlag.class, errors);
        Params.check(errors);
        return view(run(() -> people.clearFlag(id, f, body.until(), actor(security))), security);
    }

    /**
     * Records a person's freelance income of a fiscal year (integer yen), replacing an earlier
     * report of that year.
     *
     * @param id the person's id
     * @param fiscalYear the fiscal year (start year)
     * @param body amount and source
     * @param security the caller
     * @return the record
     */
    @PUT
    @Path(ID + "/income/{fiscalYear}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public PersonView reportIncome(@PathParam("id") long id, @PathParam("fiscalYear") String fiscalYear, IncomeReport body,
            @Context SecurityContext security) {
        List<FieldError> errors = new ArrayList<>();
        FiscalYear year = Params.fiscalYear("fiscalYear", fiscalYear, errors);
        Params.check(errors);
        return view(run(() -> people.reportIncome(id, year, body.amountYen(), body.source(), actor(security))), security);
    }

    // ------------------------------------------------------------------ helpers

    private SearchCriteria criteria(String q, List<String> skills, String district, String flag, String minHours,
            List<String> weekdays, List<String> windows, List<String> lifestyle, String consent, String origin,
            String phase, String status, List<FieldError> errors) {
        String text = Params.text(q);
        if (text != null && text.length() > 100) {
            errors.add(new FieldError("q", "at most 100 characters"));
        }
        List<String> skillList = skills == null ? List.of() : skills.stream().map(Params::text).filter(s -> s != null).toList();
        if (skillList.size() > 20) {
            errors.add(new FieldError("skill", "at most 20 skills"));
        }
        Long hours = Params.number("minHours", minHours, 0, 168, errors);
        SearchCriteria.Status state = Params.choice("status", status, SearchCriteria.Status.class, errors);
        return new SearchCriteria(text, Set.copyOf(skillList), Params.text(district),
                Params.choice("flag", flag, PersonFlag.class, errors), hours == null ? null : hours.intValue(),
                choices("weekday", weekdays, DayOfWeek.class, errors), choices("window", windows, TimeWindow.class, errors),
                choices("lifestyle", lifestyle, LifestyleConstraint.class, errors),
                Params.choice("consent", consent, ConsentPurpose.class, errors),
                Params.choice("origin", origin, Origin.class, errors), Params.choice("phase", phase, RelationPhase.class, errors),
                state);
    }

    private static <E extends Enum<E>> Set<E> choices(String name, List<String> values, Class<E> type, List<FieldError> errors) {
        Set<E> result = EnumSet.noneOf(type);
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    E e = Params.choice(name, part, type, errors);
                    if (e != null) {
                        result.add(e);
                    }
                }
            }
        }
        return result;
    }

    private PersonView view(Person person, SecurityContext security) {
        return PersonViews.view(person, sensitive(security), people.today());
    }

    /** Lifestyle, household and income: staff, coordinators and administrators only. */
    private static boolean sensitive(SecurityContext security) {
        return security.isUserInRole(Roles.STAFF) || security.isUserInRole(Roles.COORDINATOR);
    }

    /** The most characters of the purpose of a read or an export, as the audit log keeps it. */
    static final int MAX_PURPOSE = 200;

    /** Why personal data is read, as given: blank is none; longer than the audit log keeps is refused. */
    private static String purpose(String purpose, List<FieldError> errors) {
        String text = Params.text(purpose);
        if (text != null && text.codePointCount(0, text.length()) > MAX_PURPOSE) {
            errors.add(new FieldError("purpose", "must be at most " + MAX_PURPOSE + " characters"));
            return null;
        }
        return text;
    }

    private void audit(AuditEntry entry) {
        AuditLog log = audit.get();
        if (log == null) {
            throw ProblemException.unavailable("The audit log is not available, so personal data cannot be handed out now");
        }
        try {
            log.record(entry);
        } catch (IllegalStateException e) {
            throw ProblemException.unavailable("The audit log cannot be written, so personal data cannot be handed out now");
        }
    }

    private static String actor(SecurityContext security) {
        return security.getUserPrincipal().getName();
    }

    private static <T> T run(Supplier<T> call) {
        try {
            return call.get();
        } catch (PeopleException e) {
            throw switch (e.kind()) {
                case NOT_FOUND -> new ProblemException(404, "not-found", "Not found", e.getMessage(), List.of());
                case CONFLICT -> ProblemException.conflict(e.getMessage());
                case RULE -> ProblemException.unprocessable(e.field(), e.getMessage());
                case INVALID -> ProblemException.invalid(e.errors());
            };
        }
    }
}
