package org.freelanceisland.platform.rest;

import java.util.List;

/**
 * Ends a request with a problem+json response. Resources throw it for every expected failure:
 * invalid input, unknown ids, conflicts and unavailable services.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;

    /**
     * Creates a problem.
     *
     * @param status the HTTP status
     * @param type the last part of the problem type URI, for example {@code validation}
     * @param title a short summary of the kind of problem
     * @param detail what went wrong in this case
     * @param errors the invalid fields, if any
     */
    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /**
     * Invalid input: 400 with the fields that are wrong.
     *
     * @param errors the invalid fields, at least one
     * @return the problem
     */
    public static ProblemException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return new ProblemException(400, "validation", "Invalid request", detail, errors);
    }

    /**
     * One invalid field: 400.
     *
     * @param field the field's path
     * @param message what is wrong
     * @return the problem
     */
    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /**
     * Turns the message of an {@link IllegalArgumentException} of the form
     * {@code "field: message"}, as the platform API throws them, into a 400 naming the field.
     *
     * @param e the exception
     * @param defaultField the field to name when the message names none
     * @return the problem
     */
    public static ProblemException invalid(IllegalArgumentException e, String defaultField) {
        String message = e.getMessage() == null ? "invalid value" : e.getMessage();
        int colon = message.indexOf(": ");
        if (colon > 0 && message.substring(0, colon).matches("[A-Za-z][A-Za-z0-9_.\\[\\]]*")) {
            return invalid(message.substring(0, colon), message.substring(colon + 2));
        }
        return invalid(defaultField, message);
    }

    /**
     * An unknown id: 404.
     *
     * @param what the kind of thing, for example {@code course}
     * @param id the id that was asked for
     * @return the problem
     */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", "No " + what + " with id " + id, List.of());
    }

    /**
     * A conflict with the current state: 409.
     *
     * @param detail what conflicts
     * @return the problem
     */
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, List.of());
    }

    /**
     * Well-formed input that breaks a rule of the domain: 422.
     *
     * @param field the field concerned
     * @param message the rule that is broken
     * @return the problem
     */
    public static ProblemException unprocessable(String field, String message) {
        return new ProblemException(422, "rule-violated", "Request breaks a rule", field + ": " + message,
                List.of(new FieldError(field, message)));
    }

    /**
     * A service the request needs is not available right now: 503.
     *
     * @param detail what is unavailable
     * @return the problem
     */
    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "unavailable", "Service unavailable", detail, List.of());
    }

    /**
     * The HTTP status.
     *
     * @return the status
     */
    public int status() {
        return status;
    }

    /**
     * The problem as it is sent.
     *
     * @return the problem detail
     */
    public Problem toProblem() {
        return new Problem(Problem.TYPE_PREFIX + type, title, status, getMessage(), errors);
    }
}
