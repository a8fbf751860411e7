package org.freelanceisland.platform.api.ledger;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.freelanceisland.platform.api.FiscalYear;

/**
 * A fact recorded in the ledger. Its identifier is chosen by the program that records it and must
 * be stable (for example {@code terakoya:enrolment:42:completed}), so that recording the same fact
 * again is a no-op.
 *
 * @param id stable identifier of the fact, 1 to {@value #MAX_ID_LENGTH} printable characters
 * @param type what happened, {@code <module>.<fact>} in lowercase, for example
 *        {@code terakoya.course.completed}
 * @param personId the person the fact concerns, or {@code null}
 * @param occurredAt when it happened
 * @param fiscalYear the fiscal year it counts in (by default the one {@code occurredAt} falls in)
 * @param amountYen an amount of money in yen, or {@code null}
 * @param attributes further details as text, at most {@value #MAX_ATTRIBUTES} entries
 */
public record ActivityEvent(String id, String type, String personId, Instant occurredAt,
        FiscalYear fiscalYear, Long amountYen, Map<String, String> attributes) {

    /** The longest identifier accepted. */
    public static final int MAX_ID_LENGTH = 200;
    /** The most attributes an event may carry. */
    public static final int MAX_ATTRIBUTES = 50;
    /** The longest attribute value accepted. */
    public static final int MAX_ATTRIBUTE_LENGTH = 1000;

    /** The shape of an event type: a module id, a dot, and one or more dotted lowercase words. */
    public static final Pattern TYPE_PATTERN = Pattern.compile("[a-z][a-z0-9-]{0,31}(\\.[a-z][a-z0-9_-]{0,63}){1,4}");
    private static final Pattern ID_PATTERN = Pattern.compile("[\\p{Graph}&&[^<>\"'`\\\\]]{1," + MAX_ID_LENGTH + "}");
    private static final Pattern ATTRIBUTE_NAME_PATTERN = Pattern.compile("[a-zA-Z][a-zA-Z0-9_.-]{0,63}");

    /** Checks every field; an invalid event is refused with a message naming the field. */
    public ActivityEvent {
        if (id == null || !ID_PATTERN.matcher(id).matches()) {
            throw new IllegalArgumentException("id: 1 to " + MAX_ID_LENGTH
                    + " printable characters without spaces, quotes, angle brackets or backslashes");
        }
        if (type == null || !TYPE_PATTERN.matcher(type).matches()) {
            throw new IllegalArgumentException("type: must look like <module>.<fact>, lowercase, e.g. terakoya.course.completed");
        }
        if (personId != null && (personId.isBlank() || personId.length() > 100)) {
            throw new IllegalArgumentException("personId: 1 to 100 characters when present");
        }
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (fiscalYear == null) {
            fiscalYear = FiscalYear.of(occurredAt);
        }
        if (amountYen != null && (amountYen < -1_000_000_000_000L || amountYen > 1_000_000_000_000L)) {
            throw new IllegalArgumentException("amountYen: out of range");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        if (attributes != null) {
            if (attributes.size() > MAX_ATTRIBUTES) {
                throw new IllegalArgumentException("attributes: at most " + MAX_ATTRIBUTES + " entries");
            }
            attributes.forEach((name, value) -> {
                if (name == null || !ATTRIBUTE_NAME_PATTERN.matcher(name).matches()) {
                    throw new IllegalArgumentException("attributes: invalid name " + name);
                }
                if (value == null || value.length() > MAX_ATTRIBUTE_LENGTH) {
                    throw new IllegalArgumentException("attributes." + name + ": 0 to "
                            + MAX_ATTRIBUTE_LENGTH + " characters");
                }
                copy.put(name, value);
            });
        }
        attributes = Collections.unmodifiableMap(copy);
    }

    /**
     * The module that recorded the event: the part of the type before the first dot.
     *
     * @return the module id
     */
    public String module() {
        return type.substring(0, type.indexOf('.'));
    }

    /**
     * The person the fact concerns.
     *
     * @return the person id, if any
     */
    public Optional<String> person() {
        return Optional.ofNullable(personId);
    }

    /**
     * Starts an event.
     *
     * @param id stable identifier of the fact
     * @param type the event type
     * @param occurredAt when it happened
     * @return a builder
     */
    public static Builder builder(String id, String type, Instant occurredAt) {
        return new Builder(id, type, occurredAt);
    }

    /** Builds an {@link ActivityEvent} step by step. */
    public static final class Builder {
        private final String id;
        private final String type;
        private final Instant occurredAt;
        private String personId;
        private FiscalYear fiscalYear;
        private Long amountYen;
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private Builder(String id, String type, Instant occurredAt) {
            this.id = id;
            this.type = type;
            this.occurredAt = occurredAt;
        }

        /**
         * Sets the person the fact concerns.
         *
         * @param personId the person's id
         * @return this builder
         */
        public Builder person(String personId) {
            this.personId = personId;
            return this;
        }

        /**
         * Counts the fact in another fiscal year than the one it occurred in.
         *
         * @param fiscalYear the fiscal year
         * @return this builder
         */
        public Builder fiscalYear(FiscalYear fiscalYear) {
            this.fiscalYear = fiscalYear;
            return this;
        }

        /**
         * Sets the amount in yen.
         *
         * @param amountYen the amount
         * @return this builder
         */
        public Builder amountYen(long amountYen) {
            this.amountYen = amountYen;
            return this;
        }

        /**
         * Adds a detail.
         *
         * @param name the attribute name
         * @param value the text
         * @return this builder
         */
        public Builder attribute(String name, String value) {
            attributes.put(name, value);
            return this;
        }

        /**
         * Builds the event.
         *
         * @return the event
         * @throws IllegalArgumentException if a field is invalid
         */
        public ActivityEvent build() {
            return new ActivityEvent(id, type, personId, occurredAt, fiscalYear, amountYen, attributes);
        }
    }
}
