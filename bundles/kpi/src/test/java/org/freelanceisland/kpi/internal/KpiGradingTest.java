package org.freelanceisland.kpi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;

import org.freelanceisland.kpi.internal.compute.Grading;
import org.junit.jupiter.api.Test;

/** The grading configuration: taken when valid, refused (the previous thresholds stay) when B is not below A. */
class KpiGradingTest {

    private static KpiGrading.Config config(double a, double b) {
        return new KpiGrading.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return KpiGrading.Config.class;
            }

            @Override
            public double gradeA() {
                return a;
            }

            @Override
            public double gradeB() {
                return b;
            }
        };
    }

    @Test
    void takesValidThresholdsAndKeepsThePreviousOnesWhenAnEditIsRefused() {
        KpiGrading grading = new KpiGrading(config(100, 80));
        assertEquals(new Grading(100, 80), grading.current());
        grading.modified(config(30, 20));
        assertEquals(new Grading(30, 20), grading.current());
        grading.modified(config(30, 50));
        assertEquals(new Grading(30, 20), grading.current(), "B not below A is refused");
        grading.modified(config(-5, -10));
        assertEquals(new Grading(30, 20), grading.current());
    }

    @Test
    void startsWithTheDefaultsWhenTheConfigurationIsRefusedAtStart() {
        assertEquals(Grading.DEFAULT, new KpiGrading(config(50, 60)).current());
    }
}
