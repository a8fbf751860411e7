package org.freelanceisland.platform.api.ledger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Selects events by one attribute: the event must carry the attribute {@code name} with one of
 * the {@code values} (compared exactly, case-sensitively). Several filters in one
 * {@link LedgerQuery} must all hold.
 *
 * @param name the attribute name, as in {@link ActivityEvent#attributes()}
 * @param values the accepted values, 1 to {@value #MAX_VALUES}, without duplicates
 * @since 1.1
 */
public record AttributeFilter(String name, List<String> values) {

    /** The most values one filter accepts. */
    public static final int MAX_VALUES = 100;

    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_.-]{0,63}");

    /** Checks the name and values; duplicates are dropped, order is kept. */
    public AttributeFilter {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("attributes.name: a letter followed by up to 63 letters, digits, '_', '.' or '-'");
        }
        if (values == null || values.isEmpty() || values.size() > MAX_VALUES) {
            throw new IllegalArgumentException("attributes.values: 1 to " + MAX_VALUES + " values");
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String value : values) {
            if (value == null || value.length() > ActivityEvent.MAX_ATTRIBUTE_LENGTH) {
                throw new IllegalArgumentException("attributes.values: each value 0 to "
                        + ActivityEvent.MAX_ATTRIBUTE_LENGTH + " characters");
            }
            distinct.add(value);
        }
        values = List.copyOf(new ArrayList<>(distinct));
    }

    /**
     * A filter on one attribute value.
     *
     * @param name the attribute
     * @param values one or more accepted values
     * @return the filter
     */
    public static AttributeFilter of(String name, String... values) {
        return new AttributeFilter(name, List.of(values));
    }
}
