package org.freelanceisland.platform.api.ledger;

import org.freelanceisland.platform.api.FiscalYear;

/**
 * One group of a {@link PersonAggregation}: a person's events, in one fiscal year or in all.
 *
 * @param personId the person
 * @param fiscalYear the fiscal year of the group, or {@code null} when the aggregation is not per year
 * @param events how many events the group has
 * @param amountYen the sum of their amounts (events without an amount count as zero)
 * @since 1.1
 */
public record PersonTotal(String personId, FiscalYear fiscalYear, long events, long amountYen) {
}
