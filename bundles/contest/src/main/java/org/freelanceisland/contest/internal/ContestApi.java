package org.freelanceisland.contest.internal;

import java.time.Clock;

import javax.servlet.Servlet;

import org.apache.aries.jpa.template.JpaTemplate;
import org.freelanceisland.contest.internal.pdf.TicketSheetRenderer;
import org.freelanceisland.contest.internal.rest.ContestResource;
import org.freelanceisland.contest.internal.rest.JuryResource;
import org.freelanceisland.contest.internal.rest.MarketResource;
import org.freelanceisland.contest.internal.rest.PublicResource;
import org.freelanceisland.contest.internal.rest.ResultResource;
import org.freelanceisland.contest.internal.rest.VotingResource;
import org.freelanceisland.contest.internal.service.ContestService;
import org.freelanceisland.contest.internal.service.EntryService;
import org.freelanceisland.contest.internal.service.JudgingService;
import org.freelanceisland.contest.internal.service.MarketService;
import org.freelanceisland.contest.internal.service.People;
import org.freelanceisland.contest.internal.service.ResultService;
import org.freelanceisland.contest.internal.service.TicketCodes;
import org.freelanceisland.platform.persistence.Tx;
import org.freelanceisland.contest.internal.service.VotingService;
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

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The contest program's REST API under {@code /api/contest/}. */
@Component(service = Servlet.class, configurationPid = "org.freelanceisland.contest")
@HttpWhiteboardServletPattern("/api/contest/*")
@HttpWhiteboardServletName("contest-api")
@Designate(ocd = ContestApi.Config.class)
public final class ContestApi extends ModuleServlet {

    private static final long serialVersionUID = 1L;

    /** Settings of the contest program, in {@code etc/org.freelanceisland.contest.cfg}. */
    @ObjectClassDefinition(name = "Freelance Island contest and market", description = "Photos, ticket sheets and voting")
    public @interface Config {
        /** @return the largest photo accepted */
        @AttributeDefinition(name = "Largest photo (bytes)", min = "10000", max = "6000000")
        long maxPhotoBytes() default 5L * 1024 * 1024;

        /** @return the most photos an entry may have */
        @AttributeDefinition(name = "Photos per entry", min = "1", max = "6")
        int maxPhotos() default 6;

        /** @return minutes a batch's printable sheet can be downloaded */
        @AttributeDefinition(name = "Ticket sheet available (minutes)", min = "1", max = "1440")
        int sheetMinutes() default 30;

        /** @return the voting address printed in QR codes */
        @AttributeDefinition(name = "Voting address for QR codes",
                description = "{contest} and {code} are filled in; point it at the public voting page")
        String voteUrl() default "http://localhost:8181/contest/vote.html?contest={contest}&code={code}";

        /** @return a TrueType font file for ticket sheets instead of the bundled Noto Sans JP */
        @AttributeDefinition(name = "Ticket sheet font (TrueType file)", required = false)
        String fontPath() default "";
    }

    /**
     * Builds the API.
     *
     * @param rest the platform's REST support
     * @param jpa the {@code contest} persistence unit
     * @param ledger the activity ledger
     * @param audit the audit log
     * @param people the people registry, while there is one
     * @param secret the ticket secret
     * @param config the settings
     */
    @Activate
    public ContestApi(@Reference RestSupport rest, @Reference(target = "(osgi.unit.name=contest)") JpaTemplate jpa,
            @Reference ActivityLedger ledger, @Reference AuditLog audit, @Reference PeopleGateway people,
            @Reference TicketSecret secret, Config config) {
        super(application(rest, new Tx(jpa, Clock.system(FiscalYear.ISLAND_ZONE)), ledger, audit,
                new People(people::directory), new TicketCodes(secret.secret()), config));
    }

    /**
     * The application with every resource.
     *
     * @param rest the platform's REST support
     * @param tx the unit-of-work runner
     * @param ledger the ledger
     * @param audit the audit log
     * @param people the people registry
     * @param codes the ticket codec
     * @param config the settings
     * @return the application
     */
    static ResourceConfig application(RestSupport rest, Tx tx, ActivityLedger ledger, AuditLog audit, People people,
            TicketCodes codes, Config config) {
        ContestService contests = new ContestService(tx);
        EntryService entries = new EntryService(tx, people, ledger,
                new EntryService.Limits(config.maxPhotoBytes(), Math.min(6, Math.max(1, config.maxPhotos()))));
        JudgingService judging = new JudgingService(tx, people);
        VotingService voting = new VotingService(tx, codes,
                new TicketSheetRenderer(TicketSheetRenderer.fonts(config.fontPath())), config.voteUrl(), config.sheetMinutes());
        ResultService results = new ResultService(tx, people, ledger);
        return rest.application(ContestModule.ID)
                .register(new ContestResource(contests, entries, judging, jsonReader()))
                .register(new JuryResource(judging))
                .register(new VotingResource(voting, audit))
                .register(new ResultResource(results, judging))
                .register(new PublicResource(results, voting))
                .register(new MarketResource(new MarketService(tx, people, ledger)));
    }

    /**
     * Reads the JSON part of a multipart form as strictly as the platform reads JSON bodies.
     *
     * @return the mapper
     */
    public static ObjectMapper jsonReader() {
        return JsonMapper.builder().disable(MapperFeature.ALLOW_COERCION_OF_SCALARS).build();
    }
}
