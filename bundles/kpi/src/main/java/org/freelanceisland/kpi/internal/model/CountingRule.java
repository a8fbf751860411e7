package org.freelanceisland.kpi.internal.model;

import java.util.List;

/**
 * How an indicator is counted from the activity ledger (see docs/ledger-events.md).
 *
 * @param eventTypes the event types (or prefixes such as {@code terakoya.*}) that count
 * @param fromYear the first fiscal year counted
 * @param toYear the last fiscal year counted
 * @param measure what is counted
 * @param thresholdYen the yearly amount a person must reach, for
 *        {@link Measure#PERSONS_REACHING_YEARLY_AMOUNT}; otherwise {@code null}
 * @param attributes attribute conditions the counted events must all meet
 * @param personFilters conditions the person of each counted event must all meet
 * @param ratioAttribute for {@link Measure#RATIO}: the attribute value of the events counted in the
 *        numerator; the denominator is all selected events
 */
public record CountingRule(List<String> eventTypes, int fromYear, int toYear, Measure measure, Long thresholdYen,
        List<AttributeCondition> attributes, List<PersonCondition> personFilters, AttributeCondition ratioAttribute) {

    /** Copies the lists. */
    public CountingRule {
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        personFilters = personFilters == null ? List.of() : List.copyOf(personFilters);
    }
}
