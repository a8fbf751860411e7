package org.freelanceisland.kpi.internal.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * An indicator definition as an administrator sends it (and as the seed file holds it), before
 * validation. Enumerations are text so that a wrong value is reported with its field.
 *
 * @param id the identifier (required when creating; must match the path when updating)
 * @param stage the stage number
 * @param name the name in Japanese and English
 * @param unit {@code PEOPLE}, {@code PERCENT}, {@code YEN} or {@code EVENTS}
 * @param target the target
 * @param actualSource {@code reported} or {@code computed}
 * @param reportedActual the reported figure (reported indicators only)
 * @param series the comparison key across stages, optional
 * @param note the counting rule in words
 * @param rule the counting rule
 * @param sortOrder the position within the stage, optional
 * @param revision when updating: the revision the change is based on (optimistic locking)
 */
public record DefinitionInput(String id, Integer stage, Text name, String unit, BigDecimal target, String actualSource,
        BigDecimal reportedActual, String series, Text note, Rule rule, Integer sortOrder, Integer revision) {

    /**
     * A text in Japanese and English.
     *
     * @param ja Japanese, required
     * @param en English, optional
     */
    public record Text(String ja, String en) {
    }

    /**
     * The counting rule.
     *
     * @param eventTypes event types or prefixes
     * @param fromYear first fiscal year (defaults to the stage's first)
     * @param toYear last fiscal year (defaults to the stage's last)
     * @param measure {@code EVENTS}, {@code DISTINCT_PERSONS}, {@code SUM_AMOUNT},
     *        {@code PERSONS_REACHING_YEARLY_AMOUNT} or {@code RATIO}
     * @param thresholdYen the yearly threshold for {@code PERSONS_REACHING_YEARLY_AMOUNT}
     * @param attributes attribute conditions of the counted events
     * @param personFilters conditions on the person
     * @param ratioAttribute the numerator's attribute value for {@code RATIO}
     */
    public record Rule(List<String> eventTypes, Integer fromYear, Integer toYear, String measure, Long thresholdYen,
            List<Attribute> attributes, List<PersonFilter> personFilters, Attribute ratioAttribute) {
    }

    /**
     * An attribute condition.
     *
     * @param name the attribute
     * @param values accepted values
     */
    public record Attribute(String name, List<String> values) {
    }

    /**
     * A condition on the person.
     *
     * @param eventTypes event types or prefixes the person must have
     * @param attributes attribute conditions of those events
     * @param scope {@code UNTIL_END} (default), {@code WITHIN_YEARS} or {@code ANY_TIME}
     */
    public record PersonFilter(List<String> eventTypes, List<Attribute> attributes, String scope) {
    }
}
