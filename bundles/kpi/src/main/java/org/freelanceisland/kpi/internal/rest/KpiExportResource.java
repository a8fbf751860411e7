package org.freelanceisland.kpi.internal.rest;

import java.util.ArrayList;
import java.util.List;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.freelanceisland.kpi.internal.KpiService;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.api.audit.AuditEntry;
import org.freelanceisland.platform.api.audit.AuditLog;
import org.freelanceisland.platform.rest.Csv;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.Params;

/**
 * The KPI CSV exports (the platform's {@link Csv}: UTF-8 with a byte order mark, for Excel): one stage for staff (audit-logged),
 * and the open data of every stage for anyone, with figures resting on fewer than five people
 * suppressed. No {@code @Produces}: the files answer whatever the client accepts.
 */
@Path("")
public final class KpiExportResource {

    private final KpiService kpi;
    private final AuditLog audit;

    /**
     * Creates the resource.
     *
     * @param kpi the program
     * @param audit the audit log
     */
    public KpiExportResource(KpiService kpi, AuditLog audit) {
        this.kpi = kpi;
        this.audit = audit;
    }

    /**
     * One stage's indicators as CSV.
     *
     * @param number the stage
     * @param security who exports
     * @return the file
     */
    @GET
    @Path("stages/{number}/export.csv")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Response stage(@PathParam("number") String number, @Context SecurityContext security) {
        List<FieldError> errors = new ArrayList<>();
        Long n = Params.number("number", number, 1, 99, errors);
        Params.check(errors);
        byte[] csv = kpi.stageCsv(n.intValue());
        audit.record(AuditEntry.of(security.getUserPrincipal().getName(), "kpi.export", "stage", n.toString(),
                "KPI stage export"));
        return file(csv, "kpi-stage-" + n + ".csv");
    }

    /**
     * Every stage's indicators as open data.
     *
     * @return the file
     */
    @GET
    @Path("open-data.csv")
    @PermitAll
    public Response openData() {
        return file(kpi.openDataCsv(), "kpi-open-data.csv");
    }

    private static Response file(byte[] csv, String name) {
        return Response.ok(csv, Csv.MEDIA_TYPE).header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store").build();
    }
}
