package org.freelanceisland.jobs.internal;

import java.time.Clock;

import javax.servlet.Servlet;

import org.apache.aries.jpa.template.JpaTemplate;
import org.freelanceisland.jobs.internal.rest.JobsApplication;
import org.freelanceisland.jobs.internal.service.People;
import org.freelanceisland.jobs.internal.service.Services;
import org.freelanceisland.platform.persistence.Tx;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.audit.AuditLog;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.rest.ModuleServlet;
import org.freelanceisland.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** The job brokering program's REST API under {@code /api/jobs/}. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/jobs/*")
@HttpWhiteboardServletName("jobs-api")
public final class JobsApi extends ModuleServlet {

    private static final long serialVersionUID = 1L;

    /**
     * Builds the API.
     *
     * @param rest the platform's REST support
     * @param jpa the {@code jobs} persistence unit
     * @param ledger the activity ledger
     * @param audit the audit log
     * @param people the people registry, while there is one
     */
    @Activate
    public JobsApi(@Reference RestSupport rest, @Reference(target = "(osgi.unit.name=jobs)") JpaTemplate jpa,
            @Reference ActivityLedger ledger, @Reference AuditLog audit, @Reference PeopleGateway people) {
        super(JobsApplication.build(rest, Services.wire(new Tx(jpa, Clock.system(FiscalYear.ISLAND_ZONE)),
                new People(people::directory), ledger), audit));
    }
}
