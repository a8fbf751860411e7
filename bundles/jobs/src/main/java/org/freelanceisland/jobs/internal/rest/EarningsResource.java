package org.freelanceisland.jobs.internal.rest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.BeanParam;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.freelanceisland.jobs.internal.service.Dto;
import org.freelanceisland.jobs.internal.service.EarningsService;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.rest.Csv;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.PageParams;
import org.freelanceisland.platform.rest.Params;

/**
 * {@code /api/jobs/earnings}: freelancers' earnings through the program per fiscal year of payment,
 * beside their self-reported income. Income is sensitive: every read is audit-logged
 * ({@code jobs.earnings.read}, {@code jobs.earnings.export}).
 */
@Path("earnings")
@RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
public final class EarningsResource {

    private final EarningsService earnings;
    private final Audit audit;

    /**
     * Creates the resource.
     *
     * @param earnings earnings
     * @param audit the audit log
     */
    public EarningsResource(EarningsService earnings, org.freelanceisland.platform.api.audit.AuditLog audit) {
        this.earnings = earnings;
        this.audit = new Audit(audit);
    }

    /**
     * Everyone paid in a fiscal year, highest first.
     *
     * @param fiscalYear the fiscal year (this one when left out)
     * @param page offset and limit
     * @param security who
     * @return the page
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Page<Dto.EarningsView> year(@QueryParam("fiscalYear") String fiscalYear, @BeanParam PageParams page,
            @Context SecurityContext security) {
        FiscalYear year = year(fiscalYear);
        var window = page.toRequest();
        Page<Dto.EarningsView> result = earnings.year(year, window);
        audit.record(security, "jobs.earnings.read", "earnings", Integer.toString(year.startYear()), "earnings per freelancer",
                Map.of("shown", Integer.toString(result.items().size())));
        return result;
    }

    /**
     * Everyone paid in a fiscal year as CSV (UTF-8 with a BOM, for Excel).
     *
     * @param fiscalYear the fiscal year (this one when left out)
     * @param security who
     * @return the file
     */
    @GET
    @Path("export.csv")
    @Produces({ "text/csv", MediaType.WILDCARD }) // a download: served whatever the client said it accepts
    public Response csv(@QueryParam("fiscalYear") String fiscalYear, @Context SecurityContext security) {
        FiscalYear year = year(fiscalYear);
        List<Dto.EarningsView> rows = earnings.all(year);
        audit.record(security, "jobs.earnings.export", "export", null, "earnings of fiscal year " + year.startYear(),
                Map.of("fiscalYear", Integer.toString(year.startYear()), "rows", Integer.toString(rows.size())));
        List<List<?>> lines = new ArrayList<>();
        lines.add(List.of("personId", "name", "fiscalYear", "fiscalYearLabel", "paidYen", "contracts", "selfReportedYen"));
        for (Dto.EarningsView e : rows) {
            lines.add(java.util.Arrays.asList(e.personId(), e.name(), e.fiscalYear(), e.fiscalYearLabel().ja(), e.paidYen(),
                    e.contracts(), e.selfReportedYen()));
        }
        return Response.ok(Csv.write(lines).getBytes(StandardCharsets.UTF_8), Csv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"jobs-earnings-" + year.startYear() + ".csv\"").build();
    }

    private static FiscalYear year(String text) {
        List<FieldError> errors = new ArrayList<>();
        FiscalYear year = Params.fiscalYear("fiscalYear", text, errors);
        Params.check(errors);
        if (year == null) {
            year = FiscalYear.of(java.time.LocalDate.now(FiscalYear.ISLAND_ZONE));
        }
        return year;
    }
}
