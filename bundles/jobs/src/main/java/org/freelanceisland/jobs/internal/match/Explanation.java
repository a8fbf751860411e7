package org.freelanceisland.jobs.internal.match;

import java.util.List;

/**
 * A candidate's score and why.
 *
 * @param score 0 to 100
 * @param skills points for skills (0 to {@value Scorer#SKILLS_MAX})
 * @param availability points for time (at most {@value Scorer#AVAILABILITY_MAX}, less for schedule clashes)
 * @param lifestyle points for the fit with the person's lifestyle (at most {@value Scorer#LIFESTYLE_MAX})
 * @param load points for having room for more work (0 to {@value Scorer#LOAD_MAX})
 * @param results points for past deliveries (0 to {@value Scorer#RESULTS_MAX})
 * @param reasons the reasons, in the order skills, time, lifestyle, load, results; their points add up
 *        to the parts
 */
public record Explanation(int score, int skills, int availability, int lifestyle, int load, int results,
        List<Reason> reasons) {

    /** Copies the reasons. */
    public Explanation {
        reasons = List.copyOf(reasons);
    }

    /**
     * The same explanation without the reasons that reveal lifestyle, for readers without the role
     * to see them (the score stays the same).
     *
     * @return the explanation without sensitive reasons
     */
    public Explanation withoutSensitive() {
        return new Explanation(score, skills, availability, lifestyle, load, results,
                reasons.stream().filter(r -> !r.sensitive()).toList());
    }
}
