package org.freelanceisland.jobs.internal.rest;

import org.freelanceisland.jobs.internal.service.Services;
import org.freelanceisland.platform.api.audit.AuditLog;
import org.freelanceisland.platform.rest.RestSupport;
import org.glassfish.jersey.server.ResourceConfig;

/** Builds the program's Jersey application from its services (the servlet and the tests use the same). */
public final class JobsApplication {

    /** The module id, also the application's name. */
    public static final String ID = "jobs";

    private JobsApplication() {
    }

    /**
     * The application with every resource.
     *
     * @param rest the platform's REST support
     * @param s the services
     * @param audit the audit log
     * @return the application
     */
    public static ResourceConfig build(RestSupport rest, Services s, AuditLog audit) {
        return rest.application(ID)
                .register(new PartnerResource(s.partners()))
                .register(new JobResource(s.jobs(), s.matching(), s.introductions(), audit))
                .register(new IntroductionResource(s.introductions(), s.contracts()))
                .register(new ContractResource(s.contracts()))
                .register(new EarningsResource(s.earnings(), audit))
                .register(new PersonResource(s.matching(), s.earnings(), audit))
                .register(new TeamResource(s.teams()))
                .register(new SkillShareResource(s.skillShare()))
                .register(new SkillResource());
    }
}
