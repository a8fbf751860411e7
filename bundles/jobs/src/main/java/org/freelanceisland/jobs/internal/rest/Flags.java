package org.freelanceisland.jobs.internal.rest;

import java.util.List;

import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.Params;

/** Reads yes/no query parameters the way {@link Params} reads the others. */
final class Flags {

    private Flags() {
    }

    /**
     * Reads {@code true} or {@code false}.
     *
     * @param name the parameter
     * @param text the raw value
     * @param errors where a bad value is reported
     * @return the value, or {@code null} when absent or bad
     */
    static Boolean bool(String name, String text, List<FieldError> errors) {
        String v = Params.text(text);
        if (v == null) {
            return null;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        errors.add(new FieldError(name, "must be true or false"));
        return null;
    }
}
