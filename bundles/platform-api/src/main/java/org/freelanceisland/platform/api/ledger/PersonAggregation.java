package org.freelanceisland.platform.api.ledger;

import java.util.Objects;

/**
 * Totals of the ledger per person (or per person and fiscal year), computed by the database, for
 * indicators such as "people who earned at least 600,000 yen in a year". Only events with a person
 * take part. A group is kept when it reaches both minimums.
 *
 * @param query which events take part
 * @param perFiscalYear {@code true} to total each person's events per fiscal year, {@code false}
 *        to total them over the whole query
 * @param minAmountYen the smallest total amount a group must reach, or {@code null} for no minimum
 *        (events without an amount count as zero)
 * @param minEvents the smallest number of events a group must have, or {@code null} for no minimum
 * @since 1.1
 */
public record PersonAggregation(LedgerQuery query, boolean perFiscalYear, Long minAmountYen, Long minEvents) {

    /** Checks the arguments. */
    public PersonAggregation {
        Objects.requireNonNull(query, "query");
        if (minEvents != null && minEvents < 0) {
            throw new IllegalArgumentException("minEvents: must not be negative");
        }
    }

    /**
     * Every person the query concerns, with their totals.
     *
     * @param query which events
     * @return the aggregation
     */
    public static PersonAggregation perPerson(LedgerQuery query) {
        return new PersonAggregation(query, false, null, null);
    }

    /**
     * The people whose total amount in some fiscal year reaches a threshold, one group per person and
     * year that reaches it.
     *
     * @param query which events (for example {@code jobs.paid} in fiscal years 2025 to 2027)
     * @param minAmountYen the yearly threshold
     * @return the aggregation
     */
    public static PersonAggregation yearlyAmountAtLeast(LedgerQuery query, long minAmountYen) {
        return new PersonAggregation(query, true, minAmountYen, null);
    }
}
