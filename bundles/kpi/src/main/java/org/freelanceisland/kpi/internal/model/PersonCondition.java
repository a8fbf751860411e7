package org.freelanceisland.kpi.internal.model;

import java.util.List;

/**
 * A condition on the person of the counted events: they must also have an event of one of these
 * types (with these attributes) in the given scope, for example a {@code people.flag.set} with
 * {@code flag=CHILD_REARING_FREELANCER} up to the end of the period.
 *
 * @param eventTypes event types or prefixes ({@code community.*})
 * @param attributes attribute conditions that must all hold
 * @param scope which fiscal years count
 */
public record PersonCondition(List<String> eventTypes, List<AttributeCondition> attributes, PersonScope scope) {

    /** Copies the lists and defaults the scope. */
    public PersonCondition {
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        scope = scope == null ? PersonScope.UNTIL_END : scope;
    }
}
