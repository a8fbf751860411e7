package org.freelanceisland.community.internal;

import java.time.Clock;
import java.time.Duration;

import javax.servlet.Servlet;

import org.apache.aries.jpa.template.JpaTemplate;
import org.freelanceisland.community.internal.service.ICalendar;
import org.freelanceisland.community.internal.service.People;
import org.freelanceisland.community.internal.service.Suppression;
import org.freelanceisland.platform.persistence.Tx;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.audit.AuditLog;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.rest.ModuleServlet;
import org.freelanceisland.platform.rest.RestSupport;
import org.glassfish.jersey.server.ResourceConfig;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The community program's REST API under {@code /api/community/}. */
@Component(service = Servlet.class, configurationPid = "org.freelanceisland.community")
@HttpWhiteboardServletPattern("/api/community/*")
@HttpWhiteboardServletName("community-api")
@Designate(ocd = CommunityApi.Config.class)
public final class CommunityApi extends ModuleServlet {

    private static final long serialVersionUID = 1L;

    /** Settings of the community program, in {@code etc/org.freelanceisland.community.cfg}. */
    @ObjectClassDefinition(name = "Freelance Island Community", description = "Events, consultation desk, surveys, role models")
    public @interface Config {
        /** @return minutes before an event's start when check-in opens */
        @AttributeDefinition(name = "Check-in opens (minutes before the start)", min = "0", max = "1440")
        int checkInOpensMinutesBefore() default 60;

        /** @return days after an event's end during which staff may still record attendance */
        @AttributeDefinition(name = "Staff may record attendance until (days after the end)", min = "0", max = "365")
        int staffCheckInDaysAfter() default 30;

        /** @return the smallest count exports show */
        @AttributeDefinition(name = "Smallest count shown in exports", min = "1", max = "100",
                description = "Counts from 1 to this minus one (and what would let one work them out) are shown as x in CSV exports")
        int suppressBelow() default 3;

        /** @return the domain of the calendar feed's event UIDs */
        @AttributeDefinition(name = "Calendar UID domain", description = "Makes the UIDs of the iCalendar feed globally unique")
        String calendarDomain() default "community.freelance-island.jp";
    }

    /**
     * Builds the API.
     *
     * @param rest the platform's REST support
     * @param jpa the {@code community} persistence unit
     * @param ledger the activity ledger
     * @param audit the audit log
     * @param people the people registry, while there is one
     * @param config the settings
     */
    @Activate
    public CommunityApi(@Reference RestSupport rest, @Reference(target = "(osgi.unit.name=community)") JpaTemplate jpa,
            @Reference ActivityLedger ledger, @Reference AuditLog audit, @Reference PeopleGateway people, Config config) {
        super(application(rest, new Tx(jpa, Clock.system(FiscalYear.ISLAND_ZONE)), ledger, audit,
                new People(people::directory), config));
    }

    /**
     * The application with every resource, as the runtime and the tests build it.
     *
     * @param rest the platform's REST support
     * @param tx the unit-of-work runner
     * @param ledger the ledger
     * @param audit the audit log
     * @param people the people registry
     * @param config the settings
     * @return the application
     */
    static ResourceConfig application(RestSupport rest, Tx tx, ActivityLedger ledger, AuditLog audit, People people, Config config) {
        Services s = new Services(tx, people, ledger, Duration.ofMinutes(config.checkInOpensMinutesBefore()),
                Duration.ofDays(config.staffCheckInDaysAfter()));
        return Services.resources(rest.application(CommunityModule.ID), s, audit, new Suppression(config.suppressBelow()),
                new ICalendar(config.calendarDomain()));
    }
}
