package org.freelanceisland.kpi.internal.model;

import java.util.List;

/**
 * An attribute an event must carry with one of the values, for example {@code satisfied = true} or
 * {@code flag = CHILD_REARING_FREELANCER | SIDE_JOB_FREELANCER}.
 *
 * @param name the attribute name of the ledger catalogue
 * @param values the accepted values
 */
public record AttributeCondition(String name, List<String> values) {

    /** Copies the values. */
    public AttributeCondition {
        values = values == null ? List.of() : List.copyOf(values);
    }
}
