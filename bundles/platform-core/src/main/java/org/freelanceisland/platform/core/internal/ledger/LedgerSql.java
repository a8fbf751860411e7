package org.freelanceisland.platform.core.internal.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.Query;

import org.freelanceisland.platform.api.ledger.AttributeFilter;
import org.freelanceisland.platform.api.ledger.LedgerQuery;

/**
 * Turns a {@link LedgerQuery} into the FROM and WHERE clauses of one SQL statement over
 * {@code platform_ledger_event}, with numbered parameters, so the database does all the work:
 * attribute filters are joins on the side table by its key (event, name), which has at most one row
 * per event and name, so a join never duplicates an event; person conditions are joins on a derived
 * table of the distinct people who have a matching event. (An {@code IN (SELECT ...)} on the person
 * made H2 scan the whole person index; a join lets it start from the types and fiscal years, and
 * PostgreSQL plans both the same.)
 *
 * <p>The SQL is plain enough for H2 and PostgreSQL alike.
 */
final class LedgerSql {

    static final String EVENTS = "platform_ledger_event";
    static final String ATTRIBUTES = "platform_ledger_attribute";

    private final List<Object> parameters = new ArrayList<>();
    private int aliases;

    /**
     * The FROM and WHERE clauses selecting the events of a query, under the alias {@code e}.
     *
     * @param query the query
     * @param requirePerson whether events without a person must be left out
     * @return the clauses, starting with a space
     */
    String from(LedgerQuery query, boolean requirePerson) {
        StringBuilder joins = new StringBuilder();
        List<String> where = new ArrayList<>();
        conditions("e", query, joins, where);
        if (requirePerson || !query.personHas().isEmpty()) {
            where.add("e.person_id IS NOT NULL");
        }
        return " FROM " + EVENTS + " e" + joins + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where));
    }

    private void conditions(String alias, LedgerQuery query, StringBuilder joins, List<String> where) {
        List<String> exact = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        for (String type : query.types()) {
            if (type.endsWith(".*")) {
                prefixes.add(type.substring(0, type.length() - 1));
            } else {
                exact.add(type);
            }
        }
        List<String> typeConditions = new ArrayList<>();
        if (exact.size() == 1) {
            typeConditions.add(alias + ".event_type = " + parameter(exact.get(0)));
        } else if (!exact.isEmpty()) {
            typeConditions.add(alias + ".event_type IN (" + parameters(exact) + ")");
        }
        for (String prefix : prefixes) {
            typeConditions.add(alias + ".event_type LIKE " + parameter(escapeLike(prefix) + "%") + " ESCAPE '\\'");
        }
        if (typeConditions.size() == 1) {
            where.add(typeConditions.get(0));
        } else if (!typeConditions.isEmpty()) {
            where.add("(" + String.join(" OR ", typeConditions) + ")");
        }
        if (query.fiscalYear() != null) {
            where.add(alias + ".fiscal_year = " + parameter(query.fiscalYear().startYear()));
        }
        if (query.fromYear() != null && query.toYear() != null) {
            where.add(alias + ".fiscal_year BETWEEN " + parameter(query.fromYear().startYear()) + " AND "
                    + parameter(query.toYear().startYear()));
        } else if (query.fromYear() != null) {
            where.add(alias + ".fiscal_year >= " + parameter(query.fromYear().startYear()));
        } else if (query.toYear() != null) {
            where.add(alias + ".fiscal_year <= " + parameter(query.toYear().startYear()));
        }
        if (query.personId() != null) {
            where.add(alias + ".person_id = " + parameter(query.personId()));
        }
        if (query.from() != null) {
            where.add(alias + ".occurred_at >= " + parameter(timestamp(query.from())));
        }
        if (query.to() != null) {
            where.add(alias + ".occurred_at < " + parameter(timestamp(query.to())));
        }
        for (AttributeFilter filter : query.attributes()) {
            String a = "a" + (++aliases);
            joins.append(" JOIN ").append(ATTRIBUTES).append(' ').append(a).append(" ON ").append(a)
                    .append(".event_id = ").append(alias).append(".id AND ").append(a).append(".name = ")
                    .append(parameter(filter.name()));
            List<String> keys = filter.values().stream().map(LedgerAttribute::key).toList();
            joins.append(" AND ").append(a).append(keys.size() == 1 ? ".value_key = " + parameter(keys.get(0))
                    : ".value_key IN (" + parameters(keys) + ")");
            if (filter.values().stream().anyMatch(v -> v.length() > LedgerAttribute.SHORT_VALUE)) {
                joins.append(" AND ").append(a).append(".attr_value IN (").append(parameters(filter.values())).append(')');
            }
        }
        for (LedgerQuery condition : query.personHas()) {
            String f = "f" + (++aliases);
            StringBuilder subJoins = new StringBuilder();
            List<String> subWhere = new ArrayList<>();
            subWhere.add(f + ".person_id IS NOT NULL");
            conditions(f, condition, subJoins, subWhere);
            joins.append(" JOIN (SELECT DISTINCT ").append(f).append(".person_id AS person_id FROM ").append(EVENTS)
                    .append(' ').append(f).append(subJoins).append(" WHERE ").append(String.join(" AND ", subWhere))
                    .append(") p").append(f).append(" ON p").append(f).append(".person_id = ").append(alias).append(".person_id");
        }
    }

    private String parameters(List<?> values) {
        List<String> placeholders = new ArrayList<>();
        for (Object value : values) {
            placeholders.add(parameter(value));
        }
        return String.join(", ", placeholders);
    }

    /**
     * Adds a parameter.
     *
     * @param value its value
     * @return its placeholder
     */
    String parameter(Object value) {
        parameters.add(value);
        return "?" + parameters.size();
    }

    /**
     * Binds the parameters collected so far.
     *
     * @param query the native query
     * @return the query
     */
    Query bind(Query query) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%");
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
