package org.freelanceisland.kpi.internal;

import org.freelanceisland.kpi.internal.compute.Grading;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The grade thresholds, from the configuration {@value #PID} (editable with
 * {@code config:edit org.freelanceisland.kpi.grading} or the web console). A change applies to the
 * next request; invalid thresholds are refused with a warning and the previous ones stay.
 */
@Component(service = KpiGrading.class, configurationPid = KpiGrading.PID)
@Designate(ocd = KpiGrading.Config.class)
public final class KpiGrading {

    /** The configuration PID. */
    public static final String PID = "org.freelanceisland.kpi.grading";

    private static final Logger LOG = LoggerFactory.getLogger(KpiGrading.class);

    /** The thresholds. */
    @ObjectClassDefinition(name = "Freelance Island KPI grading",
            description = "Achievement rates (actual / target, percent) at which an indicator is graded A or B; below B it is C.")
    public @interface Config {

        /**
         * @return the lowest rate graded A
         */
        @AttributeDefinition(name = "Grade A from (%)", description = "Lowest achievement rate graded A", min = "0")
        double gradeA() default 100.0;

        /**
         * @return the lowest rate graded B
         */
        @AttributeDefinition(name = "Grade B from (%)", description = "Lowest achievement rate graded B; must be below grade A", min = "0")
        double gradeB() default 80.0;
    }

    private volatile Grading current = Grading.DEFAULT;

    /**
     * Starts with the configuration.
     *
     * @param config the thresholds
     */
    @Activate
    public KpiGrading(Config config) {
        modified(config);
    }

    /**
     * Takes a changed configuration.
     *
     * @param config the thresholds
     */
    @Modified
    void modified(Config config) {
        try {
            current = new Grading(config.gradeA(), config.gradeB());
            LOG.info("KPI grades: A from {} %, B from {} %", current.gradeA(), current.gradeB());
        } catch (IllegalArgumentException e) {
            LOG.warn("KPI grading configuration refused, keeping A from {} %, B from {} %: {}", current.gradeA(),
                    current.gradeB(), e.getMessage());
        }
    }

    /**
     * The thresholds in force.
     *
     * @return the grading
     */
    public Grading current() {
        return current;
    }
}
