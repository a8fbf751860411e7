package org.freelanceisland.community.internal;

import java.time.Duration;

import org.freelanceisland.community.internal.rest.Resources;
import org.freelanceisland.community.internal.service.CheckIns;
import org.freelanceisland.community.internal.service.ConsultationService;
import org.freelanceisland.community.internal.service.EventService;
import org.freelanceisland.community.internal.service.ICalendar;
import org.freelanceisland.community.internal.service.LeaderService;
import org.freelanceisland.community.internal.service.MigrantPageService;
import org.freelanceisland.community.internal.service.People;
import org.freelanceisland.community.internal.service.RoleModelService;
import org.freelanceisland.community.internal.service.Suppression;
import org.freelanceisland.community.internal.service.SurveyService;
import org.freelanceisland.platform.persistence.Tx;
import org.freelanceisland.platform.api.audit.AuditLog;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The community program's services, wired once: the runtime and the tests build the same graph.
 *
 * @param events events, registrations and check-in
 * @param consultations the consultation desk
 * @param leaders community leaders
 * @param surveys satisfaction surveys
 * @param roleModels role models
 * @param pages migrant pages
 */
public record Services(EventService events, ConsultationService consultations, LeaderService leaders, SurveyService surveys,
        RoleModelService roleModels, MigrantPageService pages) {

    /**
     * Wires the services.
     *
     * @param tx the unit-of-work runner
     * @param people the people registry
     * @param ledger the ledger
     * @param checkInOpensBefore how long before the start check-in opens
     * @param staffGrace how long after the end staff may record attendance
     */
    public Services(Tx tx, People people, ActivityLedger ledger, Duration checkInOpensBefore, Duration staffGrace) {
        this(new EventService(tx, people, ledger, new CheckIns(checkInOpensBefore, staffGrace)),
                new ConsultationService(tx, people, ledger), new LeaderService(tx, people, ledger),
                new SurveyService(tx, people, ledger), new RoleModelService(tx, people), new MigrantPageService(tx));
    }

    /**
     * Registers every resource of the API on an application.
     *
     * @param application the module's application
     * @param s the services
     * @param audit the audit log
     * @param suppression the small-count rule of exports
     * @param calendar the iCalendar writer
     * @return the application
     */
    public static ResourceConfig resources(ResourceConfig application, Services s, AuditLog audit, Suppression suppression,
            ICalendar calendar) {
        return Resources.register(application, s.events(), s.consultations(), s.leaders(), s.surveys(), s.roleModels(), s.pages(),
                audit, suppression, calendar);
    }
}
