package org.freelanceisland.platform.api.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.freelanceisland.platform.api.FiscalYear;

/**
 * Which events of the ledger to select. Every criterion is optional; the ones given are combined
 * with AND.
 *
 * <p>Since 1.1 a query can also name several types ({@link #ofTypes(String...)}), a range of fiscal
 * years ({@link #inFiscalYears(FiscalYear, FiscalYear)}), filters on attribute values
 * ({@link #withAttribute(AttributeFilter)}) and conditions on the person
 * ({@link #forPersonsWith(LedgerQuery)}: only events of people who also have an event matching
 * another query, for example a {@code people.flag.set} with {@code flag=CHILD_REARING_FREELANCER}).
 * The database evaluates all of them, so they stay fast on millions of events.
 *
 * @param type an exact event type, or a prefix ending in {@code .*} such as {@code terakoya.*}
 * @param fiscalYear the fiscal year the events count in
 * @param personId the person the events concern
 * @param from the earliest occurrence, inclusive
 * @param to the latest occurrence, exclusive
 * @param moreTypes further types or prefixes; an event matches when its type is {@code type} or any
 *        of these (since 1.1; empty when unused)
 * @param fromYear the earliest fiscal year, inclusive, or {@code null} (since 1.1)
 * @param toYear the latest fiscal year, inclusive, or {@code null} (since 1.1)
 * @param attributes attribute filters that must all hold (since 1.1; empty when unused)
 * @param personHas queries the event's person must each have at least one event of; events without
 *        a person never match when this is not empty (since 1.1; empty when unused)
 */
public record LedgerQuery(String type, FiscalYear fiscalYear, String personId, Instant from, Instant to,
        List<String> moreTypes, FiscalYear fromYear, FiscalYear toYear, List<AttributeFilter> attributes,
        List<LedgerQuery> personHas) {

    /** The most types one query may name. */
    public static final int MAX_TYPES = 50;
    /** The most attribute filters one query may have. */
    public static final int MAX_ATTRIBUTE_FILTERS = 10;
    /** The most person conditions one query may have, and the deepest they may nest. */
    public static final int MAX_PERSON_CONDITIONS = 5;

    /** Checks the type patterns, the date range and the fiscal year range. */
    public LedgerQuery {
        type = checkType(type);
        LinkedHashSet<String> extra = new LinkedHashSet<>();
        if (moreTypes != null) {
            for (String t : moreTypes) {
                String checked = checkType(t);
                if (checked != null && !checked.equals(type)) {
                    extra.add(checked);
                }
            }
        }
        if (extra.size() + 1 > MAX_TYPES) {
            throw new IllegalArgumentException("types: at most " + MAX_TYPES + " types");
        }
        moreTypes = List.copyOf(new ArrayList<>(extra));
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from: must be before to");
        }
        if (fromYear != null && toYear != null && fromYear.compareTo(toYear) > 0) {
            throw new IllegalArgumentException("fromYear: must not be after toYear");
        }
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        if (attributes.size() > MAX_ATTRIBUTE_FILTERS) {
            throw new IllegalArgumentException("attributes: at most " + MAX_ATTRIBUTE_FILTERS + " filters");
        }
        personHas = personHas == null ? List.of() : List.copyOf(personHas);
        if (personHas.size() > MAX_PERSON_CONDITIONS) {
            throw new IllegalArgumentException("personHas: at most " + MAX_PERSON_CONDITIONS + " conditions");
        }
        if (depth(personHas) > MAX_PERSON_CONDITIONS) {
            throw new IllegalArgumentException("personHas: nested at most " + MAX_PERSON_CONDITIONS + " deep");
        }
    }

    /**
     * The query of version 1.0: one type or prefix, one fiscal year, one person and a span of time.
     *
     * @param type an exact event type, or a prefix ending in {@code .*}
     * @param fiscalYear the fiscal year the events count in
     * @param personId the person the events concern
     * @param from the earliest occurrence, inclusive
     * @param to the latest occurrence, exclusive
     */
    public LedgerQuery(String type, FiscalYear fiscalYear, String personId, Instant from, Instant to) {
        this(type, fiscalYear, personId, from, to, List.of(), null, null, List.of(), List.of());
    }

    private static String checkType(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        String bare = type.endsWith(".*") ? type.substring(0, type.length() - 2) + ".x" : type;
        if (!ActivityEvent.TYPE_PATTERN.matcher(bare).matches() && !bare.matches("[a-z][a-z0-9-]{0,31}\\.x")) {
            throw new IllegalArgumentException("type: an event type such as terakoya.course.completed or a prefix such as terakoya.*");
        }
        return type;
    }

    private static int depth(List<LedgerQuery> conditions) {
        int deepest = 0;
        for (LedgerQuery condition : conditions) {
            deepest = Math.max(deepest, 1 + depth(condition.personHas()));
        }
        return deepest;
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
     * A query for events of any of several types or prefixes.
     *
     * @param types the types, or prefixes ending in {@code .*}; at least one
     * @return the query
     * @since 1.1
     */
    public static LedgerQuery ofTypes(String... types) {
        if (types.length == 0) {
            throw new IllegalArgumentException("types: at least one type");
        }
        return new LedgerQuery(types[0], null, null, null, null, List.of(types).subList(1, types.length), null, null,
                List.of(), List.of());
    }

    /**
     * The same query limited to one fiscal year.
     *
     * @param year the fiscal year
     * @return a new query
     */
    public LedgerQuery inFiscalYear(FiscalYear year) {
        return new LedgerQuery(type, year, personId, from, to, moreTypes, fromYear, toYear, attributes, personHas);
    }

    /**
     * The same query limited to a range of fiscal years.
     *
     * @param first the earliest fiscal year, inclusive, or {@code null}
     * @param last the latest fiscal year, inclusive, or {@code null}
     * @return a new query
     * @since 1.1
     */
    public LedgerQuery inFiscalYears(FiscalYear first, FiscalYear last) {
        return new LedgerQuery(type, fiscalYear, personId, from, to, moreTypes, first, last, attributes, personHas);
    }

    /**
     * The same query limited to one person.
     *
     * @param person the person id
     * @return a new query
     */
    public LedgerQuery forPerson(String person) {
        return new LedgerQuery(type, fiscalYear, person, from, to, moreTypes, fromYear, toYear, attributes, personHas);
    }

    /**
     * The same query limited to a span of time.
     *
     * @param fromInclusive the earliest occurrence, or {@code null}
     * @param toExclusive the end, or {@code null}
     * @return a new query
     */
    public LedgerQuery between(Instant fromInclusive, Instant toExclusive) {
        return new LedgerQuery(type, fiscalYear, personId, fromInclusive, toExclusive, moreTypes, fromYear, toYear,
                attributes, personHas);
    }

    /**
     * The same query with one more attribute filter.
     *
     * @param filter the filter
     * @return a new query
     * @since 1.1
     */
    public LedgerQuery withAttribute(AttributeFilter filter) {
        List<AttributeFilter> more = new ArrayList<>(attributes);
        more.add(filter);
        return new LedgerQuery(type, fiscalYear, personId, from, to, moreTypes, fromYear, toYear, more, personHas);
    }

    /**
     * The same query limited to events of people who also have at least one event matching
     * {@code condition}.
     *
     * @param condition the other query, for example
     *        {@code LedgerQuery.ofType("people.flag.set").withAttribute(AttributeFilter.of("flag", "COMMUNITY_LEADER"))}
     * @return a new query
     * @since 1.1
     */
    public LedgerQuery forPersonsWith(LedgerQuery condition) {
        List<LedgerQuery> more = new ArrayList<>(personHas);
        more.add(condition);
        return new LedgerQuery(type, fiscalYear, personId, from, to, moreTypes, fromYear, toYear, attributes, more);
    }

    /**
     * Every type and prefix the query names: {@code type} followed by {@code moreTypes}.
     *
     * @return the types, empty when the query selects every type
     * @since 1.1
     */
    public List<String> types() {
        List<String> all = new ArrayList<>();
        if (type != null) {
            all.add(type);
        }
        all.addAll(moreTypes);
        return List.copyOf(all);
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
