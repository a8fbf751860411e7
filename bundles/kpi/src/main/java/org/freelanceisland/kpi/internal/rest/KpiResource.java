package org.freelanceisland.kpi.internal.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.freelanceisland.kpi.internal.KpiService;
import org.freelanceisland.kpi.internal.model.DefinitionInput;
import org.freelanceisland.kpi.internal.store.Revision;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.api.audit.AuditEntry;
import org.freelanceisland.platform.api.audit.AuditLog;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.PageParams;
import org.freelanceisland.platform.rest.Params;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * {@code /api/kpi}: the plan's stages and indicators with their figures (staff and coordinators),
 * the records behind each figure (staff, audit-logged), and the indicator definitions, which
 * administrators add, change and retire.
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public final class KpiResource {

    private final KpiService kpi;
    private final AuditLog audit;

    /**
     * Creates the resource.
     *
     * @param kpi the program
     * @param audit the audit log
     */
    public KpiResource(KpiService kpi, AuditLog audit) {
        this.kpi = kpi;
        this.audit = audit;
    }

    /**
     * Every stage with its indicators, targets, actuals, rates and grades.
     *
     * @param includeRetired {@code true} to list retired indicators too
     * @return the stages
     */
    @GET
    @Path("stages")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public List<Views.Stage> stages(@QueryParam("includeRetired") String includeRetired) {
        return kpi.stages(flag("includeRetired", includeRetired));
    }

    /**
     * One stage.
     *
     * @param number the stage number
     * @param includeRetired {@code true} to list retired indicators too
     * @return the stage
     */
    @GET
    @Path("stages/{number}")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Views.Stage stage(@PathParam("number") String number, @QueryParam("includeRetired") String includeRetired) {
        return kpi.stage(stageNumber(number), flag("includeRetired", includeRetired));
    }

    /**
     * Every active indicator of a stage year by year (for the stage's chart).
     *
     * @param number the stage number
     * @return the breakdowns
     */
    @GET
    @Path("stages/{number}/years")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public List<Views.YearBreakdown> stageYears(@PathParam("number") String number) {
        return kpi.stageYears(stageNumber(number));
    }

    /**
     * Indicators across stages.
     *
     * @param stage only this stage
     * @param includeRetired {@code true} to list retired ones too
     * @param page offset and limit
     * @return the page
     */
    @GET
    @Path("indicators")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Page<Views.Indicator> indicators(@QueryParam("stage") String stage,
            @QueryParam("includeRetired") String includeRetired, @BeanParam PageParams page) {
        List<FieldError> errors = new ArrayList<>();
        Long n = Params.number("stage", stage, 1, 99, errors);
        boolean retired = flag("includeRetired", includeRetired);
        PageRequest window = page.toRequest();
        Params.check(errors);
        return kpi.indicators(n == null ? null : n.intValue(), retired, window);
    }

    /**
     * One indicator with its definition and figures.
     *
     * @param id the indicator
     * @return the indicator
     */
    @GET
    @Path("indicators/{id}")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Views.Indicator indicator(@PathParam("id") String id) {
        return kpi.indicator(id);
    }

    /**
     * An indicator year by year.
     *
     * @param id the indicator
     * @return each fiscal year's figure and the running figure
     */
    @GET
    @Path("indicators/{id}/years")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Views.YearBreakdown years(@PathParam("id") String id) {
        return kpi.years(id);
    }

    /**
     * The ledger events or people that make up an indicator's actual. Audit-logged: the records
     * name people.
     *
     * @param id the indicator
     * @param fiscalYear only this fiscal year
     * @param page offset and limit
     * @param security who asks
     * @return the records
     */
    @GET
    @Path("indicators/{id}/records")
    @RolesAllowed(Roles.STAFF)
    public Views.Records records(@PathParam("id") String id, @QueryParam("fiscalYear") String fiscalYear,
            @BeanParam PageParams page, @Context SecurityContext security) {
        List<FieldError> errors = new ArrayList<>();
        var year = Params.fiscalYear("fiscalYear", fiscalYear, errors);
        PageRequest window = page.toRequest();
        Params.check(errors);
        kpi.indicator(id);
        audit.record(new AuditEntry(security.getUserPrincipal().getName(), "kpi.records.read", "indicator", id,
                "KPI drill-down", Map.of("fiscalYear", year == null ? "all" : year.toString(),
                        "offset", Integer.toString(window.offset()), "limit", Integer.toString(window.limit()))));
        return kpi.records(id, year == null ? null : year.startYear(), window);
    }

    /**
     * The revisions of an indicator's definition, newest first.
     *
     * @param id the indicator
     * @param page offset and limit
     * @return the page
     */
    @GET
    @Path("indicators/{id}/revisions")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Page<Revision> revisions(@PathParam("id") String id, @BeanParam PageParams page) {
        return kpi.revisions(id, page.toRequest());
    }

    /**
     * Adds an indicator (administrators).
     *
     * @param body the definition
     * @param security who adds it
     * @return 201 with the indicator
     */
    @POST
    @Path("indicators")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Response create(DefinitionInput body, @Context SecurityContext security) {
        Views.Indicator created = kpi.create(required(body), security.getUserPrincipal().getName());
        return Response.created(URI.create("indicators/" + created.id())).entity(created).build();
    }

    /**
     * Changes an indicator's definition (administrators). The body's {@code revision}, when given,
     * must be the current one (409 otherwise).
     *
     * @param id the indicator
     * @param body the new definition
     * @param security who changes it
     * @return the indicator
     */
    @PUT
    @Path("indicators/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    public Views.Indicator update(@PathParam("id") String id, DefinitionInput body, @Context SecurityContext security) {
        return kpi.update(id, required(body), security.getUserPrincipal().getName());
    }

    /**
     * Retires an indicator (administrators): it leaves the stages and exports; its definition and
     * revisions stay.
     *
     * @param id the indicator
     * @param security who
     * @return the indicator
     */
    @POST
    @Path("indicators/{id}/retire")
    @RolesAllowed(Roles.ADMIN)
    public Views.Indicator retire(@PathParam("id") String id, @Context SecurityContext security) {
        return kpi.setRetired(id, true, security.getUserPrincipal().getName());
    }

    /**
     * Brings a retired indicator back (administrators).
     *
     * @param id the indicator
     * @param security who
     * @return the indicator
     */
    @POST
    @Path("indicators/{id}/reinstate")
    @RolesAllowed(Roles.ADMIN)
    public Views.Indicator reinstate(@PathParam("id") String id, @Context SecurityContext security) {
        return kpi.setRetired(id, false, security.getUserPrincipal().getName());
    }

    /**
     * Comparable indicators across stages.
     *
     * @return each series with its indicators
     */
    @GET
    @Path("trends")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public List<Views.Trend> trends() {
        return kpi.trends();
    }

    /**
     * The grade thresholds in force.
     *
     * @return the thresholds
     */
    @GET
    @Path("grading")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Views.GradingView grading() {
        return kpi.grading();
    }

    private static DefinitionInput required(DefinitionInput body) {
        if (body == null) {
            throw ProblemException.invalid("body", "an indicator definition is required");
        }
        return body;
    }

    private static int stageNumber(String text) {
        List<FieldError> errors = new ArrayList<>();
        Long n = Params.number("number", text, 1, 99, errors);
        Params.check(errors);
        return n.intValue();
    }

    private static boolean flag(String name, String text) {
        String value = Params.text(text);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw ProblemException.invalid(name, "true or false");
    }
}
