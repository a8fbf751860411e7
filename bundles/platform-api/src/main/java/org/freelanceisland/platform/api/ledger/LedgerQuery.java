package org.freelanceisland.platform.api.ledger;

import java.time.Instant;
import java.util.Optional;

import org.freelanceisland.platform.api.FiscalYear;

/**
 * Which events of the ledger to select. Every criterion is optional; the ones given are combined
 * with AND.
 *
 * @param type an exact event type, or a prefix ending in {@code .*} such as {@code terakoya.*}
 * @param fiscalYear the fiscal year the events count in
 * @param personId the person the events concern
 * @param from the earliest occurrence, inclusive
 * @param to the latest occurrence, exclusive
 */
public record LedgerQuery(String type, FiscalYear fiscalYear, String personId, Instant from, Instant to) {

    /** Checks the type pattern and the date range. */
    public LedgerQuery {
        if (type != null && !type.isBlank()) {
            String bare = type.endsWith(".*") ? type.substring(0, type.length() - 2) + ".x" : type;
            if (!ActivityEvent.TYPE_PATTERN.matcher(bare).matches() && !bare.matches("[a-z][a-z0-9-]{0,31}\\.x")) {
                throw new IllegalArgumentException("type: an event type such as terakoya.course.completed or a prefix such as terakoya.*");
            }
        } else {
            type = null;
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from: must be before to");
        }
    }

    /**
     * A query that selects every event.
     *
     * @return the query
     */
    public static LedgerQuery all() {
        return new LedgerQuery(null, null, null, null, null);
    }

    /**
     * A query for one type or type prefix.
     *
     * @param type the type, or a prefix ending in {@code .*}
     * @return the query
     */
    public static LedgerQuery ofType(String type) {
        return new LedgerQuery(type, null, null, null, null);
    }

    /**
     * The same query limited to one fiscal year.
     *
     * @param year the fiscal year
     * @return a new query
     */
    public LedgerQuery inFiscalYear(FiscalYear year) {
        return new LedgerQuery(type, year, personId, from, to);
    }

    /**
     * The same query limited to one person.
     *
     * @param person the person id
     * @return a new query
     */
    public LedgerQuery forPerson(String person) {
        return new LedgerQuery(type, fiscalYear, person, from, to);
    }

    /**
     * The same query limited to a span of time.
     *
     * @param fromInclusive the earliest occurrence, or {@code null}
     * @param toExclusive the end, or {@code null}
     * @return a new query
     */
    public LedgerQuery between(Instant fromInclusive, Instant toExclusive) {
        return new LedgerQuery(type, fiscalYear, personId, fromInclusive, toExclusive);
    }

    /**
     * The type prefix when the type ends in {@code .*}.
     *
     * @return the prefix including the final dot, if this is a prefix query
     */
    public Optional<String> typePrefix() {
        return type != null && type.endsWith(".*") ? Optional.of(type.substring(0, type.length() - 1)) : Optional.empty();
    }
}
