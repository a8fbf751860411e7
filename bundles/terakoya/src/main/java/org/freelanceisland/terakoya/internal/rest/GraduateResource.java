package org.freelanceisland.terakoya.internal.rest;

import java.util.ArrayList;
import java.util.List;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.BeanParam;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.api.people.SkillVocabulary;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.PageParams;
import org.freelanceisland.platform.rest.Params;
import org.freelanceisland.terakoya.internal.service.CompletionService;
import org.freelanceisland.terakoya.internal.service.Dto;

/** {@code /api/terakoya/graduates} per fiscal year and course, and {@code /api/terakoya/categories}. */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public final class GraduateResource {

    private final CompletionService completion;

    /**
     * Creates the resource.
     *
     * @param completion completion
     */
    public GraduateResource(CompletionService completion) {
        this.completion = completion;
    }

    /**
     * Graduates, newest first.
     *
     * @param fiscalYear a fiscal year (start year)
     * @param courseId a course
     * @param page offset and limit
     * @return the page
     */
    @GET
    @Path("graduates")
    @RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
    public Page<Dto.GraduateView> graduates(@QueryParam("fiscalYear") String fiscalYear,
            @QueryParam("courseId") String courseId, @BeanParam PageParams page) {
        List<FieldError> errors = new ArrayList<>();
        FiscalYear year = Params.fiscalYear("fiscalYear", fiscalYear, errors);
        Long course = Params.number("courseId", courseId, 1, Long.MAX_VALUE, errors);
        var window = page.toRequest();
        Params.check(errors);
        return completion.graduates(year, course, window);
    }

    /**
     * The skills a course can teach (the platform's skill vocabulary).
     *
     * @return the skills in display order
     */
    @GET
    @Path("categories")
    @PermitAll
    public List<Dto.CategoryView> categories() {
        return SkillVocabulary.SKILLS.entrySet().stream().map(e -> new Dto.CategoryView(e.getKey(), e.getValue())).toList();
    }
}
