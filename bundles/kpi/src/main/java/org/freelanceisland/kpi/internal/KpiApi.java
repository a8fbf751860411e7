package org.freelanceisland.kpi.internal;

import javax.servlet.Servlet;

import org.freelanceisland.kpi.internal.rest.KpiExportResource;
import org.freelanceisland.kpi.internal.rest.KpiResource;
import org.freelanceisland.platform.api.audit.AuditLog;
import org.freelanceisland.platform.rest.ModuleServlet;
import org.freelanceisland.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** The KPI program's REST API under {@code /api/kpi/}. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/kpi/*")
@HttpWhiteboardServletName("kpi-api")
public final class KpiApi extends ModuleServlet {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the API.
     *
     * @param rest the platform's REST support
     * @param kpi the program
     * @param audit the audit log
     */
    @Activate
    public KpiApi(@Reference RestSupport rest, @Reference KpiService kpi, @Reference AuditLog audit) {
        super(rest.application(KpiProgram.ID).register(new KpiResource(kpi, audit)).register(new KpiExportResource(kpi, audit)));
    }
}
