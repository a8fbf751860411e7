package org.freelanceisland.platform.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.freelanceisland.platform.api.FiscalYear;

/**
 * Reads optional query parameters the way every endpoint of the platform reads them: blank means
 * absent, and a value that cannot be read adds a {@link FieldError} naming the parameter instead
 * of failing at once, so that one 400 can list every bad parameter
 * ({@link ProblemException#invalid(List)}).
 */
public final class Params {

    private Params() {
    }

    /**
     * Trims a text parameter.
     *
     * @param text the raw value
     * @return the trimmed value, or {@code null} when blank or absent
     */
    public static String text(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /**
     * Reads a fiscal year (its start year).
     *
     * @param name the parameter's name
     * @param text the raw value
     * @param errors where a bad value is reported
     * @return the fiscal year, or {@code null} when absent or bad
     */
    public static FiscalYear fiscalYear(String name, String text, List<FieldError> errors) {
        if (text(text) == null) {
            return null;
        }
        try {
            return FiscalYear.of(Integer.parseInt(text.trim()));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, "must be a year from " + FiscalYear.MIN_YEAR + " to " + FiscalYear.MAX_YEAR));
            return null;
        }
    }

    /**
     * Reads a date ({@code 2025-04-01}, the start of that day in Japan) or an instant
     * ({@code 2025-04-01T09:00:00Z}).
     *
     * @param name the parameter's name
     * @param text the raw value
     * @param errors where a bad value is reported
     * @return the instant, or {@code null} when absent or bad
     */
    public static Instant instant(String name, String text, List<FieldError> errors) {
        String value = text(text);
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(FiscalYear.ISLAND_ZONE).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a date (2025-04-01) or an instant (2025-04-01T09:00:00Z)"));
            return null;
        }
    }

    /**
     * Reads a date ({@code 2025-04-01}).
     *
     * @param name the parameter's name
     * @param text the raw value
     * @param errors where a bad value is reported
     * @return the date, or {@code null} when absent or bad
     */
    public static LocalDate date(String name, String text, List<FieldError> errors) {
        String value = text(text);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, "must be a date such as 2025-04-01"));
            return null;
        }
    }

    /**
     * Reads a whole number within bounds.
     *
     * @param name the parameter's name
     * @param text the raw value
     * @param min the smallest value accepted
     * @param max the largest value accepted
     * @param errors where a bad value is reported
     * @return the number, or {@code null} when absent or bad
     */
    public static Long number(String name, String text, long min, long max, List<FieldError> errors) {
        String value = text(text);
        if (value == null) {
            return null;
        }
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
        return null;
    }

    /**
     * Reads an enum constant by name, case-insensitively.
     *
     * @param <E> the enum type
     * @param name the parameter's name
     * @param text the raw value
     * @param type the enum class
     * @param errors where a bad value is reported
     * @return the constant, or {@code null} when absent or bad
     */
    public static <E extends Enum<E>> E choice(String name, String text, Class<E> type, List<FieldError> errors) {
        String value = text(text);
        if (value == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.replace('-', '_'))) {
                return constant;
            }
        }
        errors.add(new FieldError(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
        return null;
    }

    /**
     * Ends the request with a 400 when any parameter was bad.
     *
     * @param errors the errors collected
     * @throws ProblemException 400 listing them, when there are any
     */
    public static void check(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }
}
