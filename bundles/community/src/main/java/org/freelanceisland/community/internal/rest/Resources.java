package org.freelanceisland.community.internal.rest;

import org.freelanceisland.community.internal.service.ConsultationService;
import org.freelanceisland.community.internal.service.EventService;
import org.freelanceisland.community.internal.service.ICalendar;
import org.freelanceisland.community.internal.service.LeaderService;
import org.freelanceisland.community.internal.service.MigrantPageService;
import org.freelanceisland.community.internal.service.RoleModelService;
import org.freelanceisland.community.internal.service.Suppression;
import org.freelanceisland.community.internal.service.SurveyService;
import org.freelanceisland.platform.api.audit.AuditLog;
import org.glassfish.jersey.server.ResourceConfig;

/** Registers the community program's resources on its application. */
public final class Resources {

    private Resources() {
    }

    /**
     * Registers every resource.
     *
     * @param app the application
     * @param events events
     * @param consultations the desk
     * @param leaders leaders
     * @param surveys surveys
     * @param roleModels role models
     * @param pages migrant pages
     * @param auditLog the audit log
     * @param suppression the small-count rule of exports
     * @param calendar the iCalendar writer
     * @return the application
     */
    public static ResourceConfig register(ResourceConfig app, EventService events, ConsultationService consultations,
            LeaderService leaders, SurveyService surveys, RoleModelService roleModels, MigrantPageService pages, AuditLog auditLog,
            Suppression suppression, ICalendar calendar) {
        Audit audit = new Audit(auditLog);
        return app.register(new EventResource(events))
                .register(new ConsultationResource(consultations, suppression, audit))
                .register(new LeaderResource(leaders))
                .register(new SurveyResource(surveys, suppression, audit))
                .register(new RoleModelResource(roleModels))
                .register(new MigrantPageResource(pages))
                .register(new PublicResource(events, calendar, roleModels, pages, surveys));
    }
}
