package org.freelanceisland.jobs.internal.rest;

import java.util.ArrayList;
import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.freelanceisland.jobs.internal.service.Dto;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.api.people.SkillVocabulary;

/** {@code /api/jobs/skills}: the curated skills a job can ask for (free tags are accepted too). */
@Path("skills")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.STAFF, Roles.COORDINATOR })
public final class SkillResource {

    /**
     * The curated skills in display order.
     *
     * @return code and label of each
     */
    @GET
    public List<Dto.SkillView> skills() {
        List<Dto.SkillView> out = new ArrayList<>();
        SkillVocabulary.SKILLS.forEach((code, label) -> out.add(new Dto.SkillView(code, label, true)));
        return out;
    }
}
