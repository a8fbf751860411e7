package org.freelanceisland.kpi.internal.compute;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.freelanceisland.kpi.internal.model.AttributeCondition;
import org.freelanceisland.kpi.internal.model.CountingRule;
import org.freelanceisland.kpi.internal.model.PersonCondition;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.api.ledger.AttributeFilter;
import org.freelanceisland.platform.api.ledger.LedgerQuery;
import org.freelanceisland.platform.api.ledger.PersonAggregation;

/**
 * Counts an indicator's counting rule in the activity ledger. Every figure is one or two aggregate
 * queries that the database answers (the ledger API's counts, sums and per-person totals); no events
 * are loaded.
 */
public final class IndicatorCalculator {

    private final ActivityLedger ledger;

    /**
     * Creates the calculator.
     *
     * @param ledger the platform's ledger
     */
    public IndicatorCalculator(ActivityLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * The ledger query of a rule over some of its fiscal years.
     *
     * @param rule the rule
     * @param fromYear the first fiscal year
     * @param toYear the last fiscal year
     * @return the query selecting the counted events (for a ratio: the denominator)
     */
    public static LedgerQuery query(CountingRule rule, int fromYear, int toYear) {
        LedgerQuery query = LedgerQuery.ofTypes(rule.eventTypes().toArray(String[]::new))
                .inFiscalYears(FiscalYear.of(fromYear), FiscalYear.of(toYear));
        for (AttributeCondition attribute : rule.attributes()) {
            query = query.withAttribute(filter(attribute));
        }
        for (PersonCondition person : rule.personFilters()) {
            LedgerQuery condition = LedgerQuery.ofTypes(person.eventTypes().toArray(String[]::new));
            for (AttributeCondition attribute : person.attributes()) {
                condition = condition.withAttribute(filter(attribute));
            }
            condition = switch (person.scope()) {
                case UNTIL_END -> condition.inFiscalYears(null, FiscalYear.of(toYear));
                case WITHIN_YEARS -> condition.inFiscalYears(FiscalYear.of(fromYear), FiscalYear.of(toYear));
                case ANY_TIME -> condition;
            };
            query = query.forPersonsWith(condition);
        }
        return query;
    }

    /**
     * The numerator query of a ratio.
     *
     * @param rule a RATIO rule
     * @param fromYear the first fiscal year
     * @param toYear the last fiscal year
     * @return the query of the events counted in the numerator
     */
    public static LedgerQuery numerator(CountingRule rule, int fromYear, int toYear) {
        return query(rule, fromYear, toYear).withAttribute(filter(rule.ratioAttribute()));
    }

    private static AttributeFilter filter(AttributeCondition condition) {
        return new AttributeFilter(condition.name(), condition.values());
    }

    /**
     * The rule's figure over its own fiscal years.
     *
     * @param rule the rule
     * @return the figure
     */
    public Figure compute(CountingRule rule) {
        return compute(rule, rule.fromYear(), rule.toYear());
    }

    /**
     * The rule's figure over some of its fiscal years.
     *
     * @param rule the rule
     * @param fromYear the first fiscal year
     * @param toYear the last fiscal year
     * @return the figure
     */
    public Figure compute(CountingRule rule, int fromYear, int toYear) {
        LedgerQuery query = query(rule, fromYear, toYear);
        return switch (rule.measure()) {
            case EVENTS -> {
                long n = ledger.count(query);
                yield new Figure(BigDecimal.valueOf(n), n);
            }
            case DISTINCT_PERSONS -> {
                long n = ledger.countDistinctPersons(query);
                yield new Figure(BigDecimal.valueOf(n), n);
            }
            case SUM_AMOUNT -> new Figure(BigDecimal.valueOf(ledger.sumAmountYen(query)), ledger.count(query));
            case PERSONS_REACHING_YEARLY_AMOUNT -> {
                long n = ledger.countPersons(PersonAggregation.yearlyAmountAtLeast(query, rule.thresholdYen()));
                yield new Figure(BigDecimal.valueOf(n), n);
            }
            case RATIO -> {
                long all = ledger.count(query);
                if (all == 0) {
                    yield new Figure(null, 0);
                }
                long counted = ledger.count(numerator(rule, fromYear, toYear));
                yield new Figure(BigDecimal.valueOf(counted * 100L).divide(BigDecimal.valueOf(all), 1, RoundingMode.HALF_UP), all);
            }
        };
    }

    /**
     * The number of different people behind the rule's figure, for suppressing small groups.
     *
     * @param rule the rule
     * @return the number of people (for a ratio, the number of answers, which may be anonymous)
     */
    public long people(CountingRule rule) {
        return switch (rule.measure()) {
            case RATIO -> ledger.count(query(rule, rule.fromYear(), rule.toYear()));
            case PERSONS_REACHING_YEARLY_AMOUNT, DISTINCT_PERSONS -> compute(rule).basis();
            default -> ledger.countDistinctPersons(query(rule, rule.fromYear(), rule.toYear()));
        };
    }

    /**
     * Achievement in percent, one decimal.
     *
     * @param actual the actual, or {@code null}
     * @param target the target, above zero
     * @return actual / target × 100, rounded half up to one decimal, or {@code null} without an actual
     */
    public static BigDecimal achievementRate(BigDecimal actual, BigDecimal target) {
        if (actual == null) {
            return null;
        }
        return actual.multiply(BigDecimal.valueOf(100)).divide(target, 1, RoundingMode.HALF_UP);
    }
}
