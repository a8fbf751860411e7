package ${package}.internal;

import java.time.Clock;
import java.util.Map;

import javax.servlet.Servlet;

import org.apache.aries.jpa.template.JpaTemplate;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.audit.AuditLog;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.rest.ModuleServlet;
import org.freelanceisland.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import ${package}.internal.rest.ItemResource;
import ${package}.internal.store.ItemStore;

/**
 * The program's REST API under {@code /api/${programId}/}: a Jersey application from the platform's
 * {@link RestSupport} (JSON, problem+json errors, validation, authentication and roles) on the HTTP
 * whiteboard. Its settings are in {@code etc/${package}.cfg}.
 */
@Component(service = Servlet.class, configurationPid = "${package}")
@HttpWhiteboardServletPattern("/api/${programId}/*")
@HttpWhiteboardServletName("${programId}-api")
@Designate(ocd = ${programName}Api.Config.class)
public final class ${programName}Api extends ModuleServlet {

    private static final long serialVersionUID = 1L;

    /** The EventAdmin topic of a newly registered item. */
    public static final String TOPIC_ITEM_REGISTERED = "freelanceisland/${programId}/ITEM_REGISTERED";

    /** Settings of the program. */
    @ObjectClassDefinition(name = "${titleEn}", description = "Settings of the ${titleEn} program")
    public @interface Config {
        /** @return the largest number of items one fiscal year may hold */
        @AttributeDefinition(name = "Items per fiscal year", min = "1", description = "More are refused with 422")
        int maxItemsPerYear() default 10_000;
    }

    /**
     * Builds the API.
     *
     * @param rest the platform's REST support
     * @param jpa the {@code ${programId}} persistence unit
     * @param ledger the activity ledger
     * @param audit the audit log
     * @param people the people registry, while there is one
     * @param events where the program announces its own events
     * @param config the settings
     */
    @Activate
    public ${programName}Api(@Reference RestSupport rest, @Reference(target = "(osgi.unit.name=${programId})") JpaTemplate jpa,
            @Reference ActivityLedger ledger, @Reference AuditLog audit, @Reference PeopleGateway people,
            @Reference EventGateway events, Config config) {
        super(rest.application(${programName}Module.ID).register(new ItemResource(
                new ItemStore(jpa, ledger, people::directory,
                        item -> events.post(new Event(TOPIC_ITEM_REGISTERED,
                                Map.of("id", item.id(), "fiscalYear", item.fiscalYear()))),
                        Clock.system(FiscalYear.ISLAND_ZONE), config.maxItemsPerYear()),
                audit)));
    }
}
