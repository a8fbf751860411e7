package org.freelanceisland.platform.rest;

import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.QueryParam;

import org.freelanceisland.platform.api.PageRequest;

/**
 * The {@code offset} and {@code limit} query parameters of every list, for {@code @BeanParam}.
 * Missing values default to offset 0 and limit {@value PageRequest#DEFAULT_LIMIT}; values out of
 * range are refused with a 400 naming the parameter.
 */
public class PageParams {

    @QueryParam("offset")
    private String offset;

    @QueryParam("limit")
    private String limit;

    /** Used by Jersey. */
    public PageParams() {
    }

    /**
     * Creates the parameters from text, as they come in a URL.
     *
     * @param offset the offset or {@code null}
     * @param limit the limit or {@code null}
     */
    public PageParams(String offset, String limit) {
        this.offset = offset;
        this.limit = limit;
    }

    /**
     * The checked window.
     *
     * @return the page request
     * @throws ProblemException 400 when a value is not a number or out of range
     */
    public PageRequest toRequest() {
        List<FieldError> errors = new ArrayList<>();
        int o = parse("offset", offset, 0, 0, Integer.MAX_VALUE, errors);
        int l = parse("limit", limit, PageRequest.DEFAULT_LIMIT, 1, PageRequest.MAX_LIMIT, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new PageRequest(o, l);
    }

    private static int parse(String name, String text, int fallback, int min, int max, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
        return fallback;
    }
}
