package org.freelanceisland.kpi.internal.compute;

import java.math.BigDecimal;

/**
 * Grades an achievement rate: A at or above {@code gradeA} percent, B at or above {@code gradeB},
 * C below.
 *
 * @param gradeA the lowest rate graded A, in percent
 * @param gradeB the lowest rate graded B, in percent
 */
public record Grading(double gradeA, double gradeB) {

    /** The plan's default: A from 100 %, B from 80 %. */
    public static final Grading DEFAULT = new Grading(100.0, 80.0);

    /** Checks the thresholds. */
    public Grading {
        if (!(gradeB >= 0) || !(gradeA > gradeB) || gradeA > 10_000) {
            throw new IllegalArgumentException("grades: need 0 <= gradeB < gradeA <= 10000, got A=" + gradeA + " B=" + gradeB);
        }
    }

    /**
     * The grade of a rate.
     *
     * @param achievementRate the rate in percent, or {@code null} when there is no figure
     * @return {@code A}, {@code B}, {@code C}, or {@code null} without a rate
     */
    public String grade(BigDecimal achievementRate) {
        if (achievementRate == null) {
            return null;
        }
        double rate = achievementRate.doubleValue();
        return rate >= gradeA ? "A" : rate >= gradeB ? "B" : "C";
    }
}
