package org.freelanceisland.terakoya.internal;

import java.time.Clock;

import javax.servlet.Servlet;

import org.apache.aries.jpa.template.JpaTemplate;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.audit.AuditLog;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.rest.ModuleServlet;
import org.freelanceisland.platform.rest.RestSupport;
import org.freelanceisland.terakoya.internal.pdf.CertificateRenderer;
import org.freelanceisland.terakoya.internal.rest.CourseResource;
import org.freelanceisland.terakoya.internal.rest.GraduateResource;
import org.freelanceisland.terakoya.internal.rest.OnlineSeatResource;
import org.freelanceisland.terakoya.internal.service.AttendanceService;
import org.freelanceisland.terakoya.internal.service.CompletionService;
import org.freelanceisland.terakoya.internal.service.CourseService;
import org.freelanceisland.terakoya.internal.service.EnrolmentService;
import org.freelanceisland.terakoya.internal.service.OnlineSeatService;
import org.freelanceisland.terakoya.internal.service.People;
import org.freelanceisland.platform.persistence.Tx;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The Terakoya's REST API under {@code /api/terakoya/}. */
@Component(service = Servlet.class, configurationPid = "org.freelanceisland.terakoya")
@HttpWhiteboardServletPattern("/api/terakoya/*")
@HttpWhiteboardServletName("terakoya-api")
@Designate(ocd = TerakoyaApi.Config.class)
public final class TerakoyaApi extends ModuleServlet {

    private static final long serialVersionUID = 1L;

    /** Settings of the Terakoya, in {@code etc/org.freelanceisland.terakoya.cfg}. */
    @ObjectClassDefinition(name = "Freelance Island Terakoya", description = "Certificates of the Freelance Terakoya")
    public @interface Config {
        /** @return who issues certificates, in Japanese */
        @AttributeDefinition(name = "Issuer (Japanese)", description = "Printed at the foot of every certificate")
        String issuerJa() default "フリーランス寺子屋 運営事務局";

        /** @return who issues certificates, in English */
        @AttributeDefinition(name = "Issuer (English)")
        String issuerEn() default "Freelance Terakoya Office";

        /** @return a TrueType font file to set certificates in instead of the bundled Noto Sans JP */
        @AttributeDefinition(name = "Certificate font (TrueType file)", required = false,
                description = "Leave empty for the bundled Noto Sans JP")
        String fontPath() default "";
    }

    /**
     * Builds the API.
     *
     * @param rest the platform's REST support
     * @param jpa the {@code terakoya} persistence unit
     * @param ledger the activity ledger
     * @param audit the audit log
     * @param people the people registry, while there is one
     * @param config the settings
     */
    @Activate
    public TerakoyaApi(@Reference RestSupport rest, @Reference(target = "(osgi.unit.name=terakoya)") JpaTemplate jpa,
            @Reference ActivityLedger ledger, @Reference AuditLog audit, @Reference PeopleGateway people, Config config) {
        super(application(rest, jpa, ledger, audit, new People(people::directory), config));
    }

    private static org.glassfish.jersey.server.ResourceConfig application(RestSupport rest, JpaTemplate jpa,
            ActivityLedger ledger, AuditLog audit, People people, Config config) {
        Tx tx = new Tx(jpa, Clock.system(FiscalYear.ISLAND_ZONE));
        CertificateRenderer certificates = new CertificateRenderer(CertificateRenderer.fonts(config.fontPath()),
                LocalizedText.of(config.issuerJa(), config.issuerEn()));
        CompletionService completion = new CompletionService(tx, people, ledger, certificates);
        return rest.application(TerakoyaModule.ID)
                .register(new CourseResource(new CourseService(tx, people), new EnrolmentService(tx, people, ledger),
                        new AttendanceService(tx, people), completion, audit))
                .register(new GraduateResource(completion))
                .register(new OnlineSeatResource(new OnlineSeatService(tx, people, ledger)));
    }
}
