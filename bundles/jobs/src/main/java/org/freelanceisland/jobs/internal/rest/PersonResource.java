package org.freelanceisland.jobs.internal.rest;

import java.util.Map;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.BeanParam;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.freelanceisland.jobs.internal.service.Dto;
import org.freelanceisland.jobs.internal.service.EarningsService;
import org.freelanceisland.jobs.internal.service.MatchingService;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.rest.PageParams;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * {@code /api/jobs/people/{personId}}: one freelancer as the program sees them: the open jobs ranked
 * for them (freelancer → jobs search) and their earnings year by year. Both are audit-logged.
 */
@Path("people/{personId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
public final class PersonResource {

    private final MatchingService matching;
    private final EarningsService earnings;
    private final Audit audit;

    /**
     * Creates the resource.
     *
     * @param matching matching
     * @param earnings earnings
     * @param audit the audit log
     */
    public PersonResource(MatchingService matching, EarningsService earnings,
            org.freelanceisland.platform.api.audit.AuditLog audit) {
        this.matching = matching;
        this.earnings = earnings;
        this.audit = new Audit(audit);
    }

    /**
     * The jobs open to introductions, ranked for the person with the reasons of each score.
     *
     * @param personId the person
     * @param page offset and limit
     * @param security who
     * @return the page
     */
    @GET
    @Path("jobs")
    public Page<Dto.JobMatchView> jobs(@PathParam("personId") String personId, @BeanParam PageParams page,
            @Context SecurityContext security) {
        String person = personId(personId);
        var window = page.toRequest();
        Page<Dto.JobMatchView> result = matching.jobsFor(person, window);
        audit.record(security, "jobs.matches.read", "person", person, "jobs matched to a freelancer",
                Map.of("shown", Integer.toString(result.items().size())));
        return result;
    }

    /**
     * The person's earnings per fiscal year, beside their self-reported income.
     *
     * @param personId the person
     * @param security who
     * @return the earnings
     */
    @GET
    @Path("earnings")
    public Dto.PersonEarningsView earnings(@PathParam("personId") String personId, @Context SecurityContext security) {
        String person = personId(personId);
        Dto.PersonEarningsView result = earnings.person(person);
        audit.record(security, "jobs.earnings.read", "person", person, "earnings of a freelancer", Map.of());
        return result;
    }

    /** A person id as every body of this program takes it: 1 to 100 characters (the audit log keeps at most 200). */
    private static String personId(String personId) {
        String id = personId == null ? "" : personId.strip();
        if (id.isEmpty() || id.length() > 100) {
            throw ProblemException.invalid("personId", "must be 1 to 100 characters");
        }
        return id;
    }
}
