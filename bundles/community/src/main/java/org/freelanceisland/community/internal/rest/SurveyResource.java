package org.freelanceisland.community.internal.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.freelanceisland.community.internal.model.SurveyStatus;
import org.freelanceisland.community.internal.service.Dto;
import org.freelanceisland.community.internal.service.Suppression;
import org.freelanceisland.community.internal.service.SurveyService;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.rest.Csv;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.PageParams;
import org.freelanceisland.platform.rest.Params;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * {@code /api/community/surveys}: the yearly satisfaction surveys, their tokens, responses typed in
 * by staff, results and the satisfaction rate per fiscal year.
 */
@Path("surveys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
public final class SurveyResource {

    private final SurveyService surveys;
    private final Suppression suppression;
    private final Audit audit;

    /**
     * Creates the resource.
     *
     * @param surveys the surveys
     * @param suppression the small-count rule of exports
     * @param audit the audit log
     */
    public SurveyResource(SurveyService surveys, Suppression suppression, Audit audit) {
        this.surveys = surveys;
        this.suppression = suppression;
        this.audit = audit;
    }

    /**
     * Lists surveys.
     *
     * @param fiscalYear a fiscal year
     * @param status a status
     * @param page offset and limit
     * @return the page
     */
    @GET
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Page<Dto.SurveyView> list(@QueryParam("fiscalYear") String fiscalYear, @QueryParam("status") String status,
            @BeanParam PageParams page) {
        List<FieldError> errors = new ArrayList<>();
        FiscalYear y = Params.fiscalYear("fiscalYear", fiscalYear, errors);
        SurveyStatus s = Params.choice("status", status, SurveyStatus.class, errors);
        var window = page.toRequest();
        Params.check(errors);
        return surveys.list(y, s, window);
    }

    /**
     * Creates a survey (a draft).
     *
     * @param body the survey
     * @return 201 with it
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(Dto.SurveyInput body) {
        Dto.SurveyView s = surveys.create(body);
        return Response.created(URI.create("surveys/" + s.id())).entity(s).build();
    }

    /**
     * Satisfaction per fiscal year against the plan's target of 80 %.
     *
     * @param from first fiscal year (this one when left out)
     * @param to last fiscal year (the same as {@code from} when left out)
     * @return one row per fiscal year
     */
    @GET
    @Path("satisfaction")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public List<Dto.SatisfactionView> satisfaction(@QueryParam("from") String from, @QueryParam("to") String to) {
        List<FieldError> errors = new ArrayList<>();
        FiscalYear f = Params.fiscalYear("from", from, errors);
        FiscalYear t = Params.fiscalYear("to", to, errors);
        Params.check(errors);
        FiscalYear first = f == null ? (t == null ? surveys.currentYear() : t) : f;
        FiscalYear last = t == null ? first : t;
        if (last.startYear() < first.startYear() || last.startYear() - first.startYear() > 50) {
            throw ProblemException.invalid("to", "must be from " + first.startYear() + " to " + (first.startYear() + 50));
        }
        return surveys.satisfaction(first, last);
    }

    /**
     * One survey.
     *
     * @param id the survey
     * @return it
     */
    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Dto.SurveyView get(@PathParam("id") long id) {
        return surveys.get(id);
    }

    /**
     * Changes a draft survey.
     *
     * @param id the survey
     * @param body all fields
     * @return it
     */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Dto.SurveyView update(@PathParam("id") long id, Dto.SurveyInput body) {
        return surveys.update(id, body);
    }

    /**
     * Deletes a draft survey.
     *
     * @param id the survey
     * @return 204
     */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        surveys.delete(id);
        return Response.noContent().build();
    }

    /**
     * Opens a survey for answers.
     *
     * @param id the survey
     * @return it
     */
    @POST
    @Path("{id}/open")
    public Dto.SurveyView open(@PathParam("id") long id) {
        return surveys.open(id);
    }

    /**
     * Closes a survey.
     *
     * @param id the survey
     * @return it
     */
    @POST
    @Path("{id}/close")
    public Dto.SurveyView close(@PathParam("id") long id) {
        return surveys.close(id);
    }

    /**
     * Issues one-time tokens for the public form (shown this once).
     *
     * @param id the survey
     * @param body how many (anonymous) or for whom (named)
     * @param security who issues
     * @return 201 with the tokens
     */
    @POST
    @Path("{id}/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response tokens(@PathParam("id") long id, Dto.TokenRequest body, @Context SecurityContext security) {
        Dto.IssuedTokens issued = surveys.issue(id, body);
        audit.record(security, "community.survey.tokens.issued", "survey", Long.toString(id), issued.issued() + " tokens");
        return Response.status(201).entity(issued).build();
    }

    /**
     * Records a response typed in by staff.
     *
     * @param id the survey
     * @param body the response
     * @return 201 with it
     */
    @POST
    @Path("{id}/responses")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response respond(@PathParam("id") long id, Dto.ResponseInput body) {
        Dto.ResponseView r = surveys.record(id, body);
        return Response.status(201).entity(r).build();
    }

    /**
     * Who answered a named survey, satisfied or not.
     *
     * @param id the survey
     * @param page offset and limit
     * @param security who reads
     * @return the page
     */
    @GET
    @Path("{id}/responses")
    public Page<Dto.ResponseView> responses(@PathParam("id") long id, @BeanParam PageParams page, @Context SecurityContext security) {
        Page<Dto.ResponseView> result = surveys.responses(id, page.toRequest());
        audit.record(security, "community.survey.responses.read", "survey", Long.toString(id), "survey follow-up");
        return result;
    }

    /**
     * The results: satisfaction and the distribution of every rating and choice question.
     *
     * @param id the survey
     * @return the results
     */
    @GET
    @Path("{id}/results")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Dto.SurveyResults results(@PathParam("id") long id) {
        return surveys.results(id);
    }

    /**
     * The results as CSV: one line per answer option with its count, small counts suppressed.
     *
     * @param id the survey
     * @param security who exports
     * @return the file
     */
    @GET
    @Path("{id}/results.csv")
    @Produces({ "text/csv", MediaType.WILDCARD })
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Response resultsCsv(@PathParam("id") long id, @Context SecurityContext security) {
        Dto.SurveyResults results = surveys.results(id);
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of("設問", "種類", "回答", "件数"));
        for (Dto.QuestionResult q : results.questions()) {
            if (q.distribution() == null) {
                continue;
            }
            List<String> keys = new ArrayList<>(q.distribution().keySet());
            int[][] grid = new int[1][keys.size()];
            for (int i = 0; i < keys.size(); i++) {
                grid[0][i] = q.distribution().get(keys.get(i));
            }
            Suppression.Table table = suppression.table(grid);
            for (int i = 0; i < keys.size(); i++) {
                rows.add(List.of(q.code(), q.type().name(), keys.get(i), suppression.text(table.counts()[0][i], table.hidden()[0][i])));
            }
            rows.add(List.of(q.code(), q.type().name(), "合計", suppression.text(table.counts()[0][keys.size()],
                    table.hidden()[0][keys.size()])));
        }
        boolean hideRate = !suppression.shows(results.responses());
        rows.add(List.of("satisfied", "RATE", "満足", hideRate || results.satisfactionRate() == null ? ""
                : Double.toString(results.satisfactionRate())));
        audit.record(security, "community.survey.results.exported", "survey", Long.toString(id), "survey results export");
        return Response.ok(Csv.writeBytes(rows), Csv.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"survey-" + id + "-results.csv\"").build();
    }

    /**
     * The free-text answers to a question, sorted by text, without who wrote them.
     *
     * @param id the survey
     * @param question the question's code
     * @param page offset and limit
     * @return the texts
     */
    @GET
    @Path("{id}/free-text")
    public Page<String> freeText(@PathParam("id") long id, @QueryParam("question") String question, @BeanParam PageParams page) {
        String q = Params.text(question);
        if (q == null) {
            throw ProblemException.invalid("question", "the code of a free-text question");
        }
        return surveys.freeTexts(id, q, page.toRequest());
    }

    /**
     * The question types, for forms.
     *
     * @return codes with labels
     */
    @GET
    @Path("question-types")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public List<Dto.Choice> questionTypes() {
        List<Dto.Choice> out = new ArrayList<>();
        for (var t : org.freelanceisland.community.internal.model.QuestionType.values()) {
            out.add(new Dto.Choice(t.name(), t.label()));
        }
        return out;
    }
}
