package org.freelanceisland.platform.rest;

import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error response
 * ({@code application/problem+json}).
 *
 * @param type a URI naming the kind of problem
 * @param title a short summary of the kind of problem
 * @param status the HTTP status
 * @param detail what went wrong in this case
 * @param errors the invalid fields, empty when the problem is not about input
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    /** The media type of problem details. */
    public static final String MEDIA_TYPE = "application/problem+json";

    /** The prefix of the platform's problem type URIs. */
    public static final String TYPE_PREFIX = "urn:freelance-island:problem:";

    /** Copies the error list. */
    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }
}
