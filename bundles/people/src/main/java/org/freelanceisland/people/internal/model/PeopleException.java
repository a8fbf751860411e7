package org.freelanceisland.people.internal.model;

import java.util.List;

import org.freelanceisland.platform.rest.FieldError;

/** A request the registry refuses: the REST API answers it as a problem of the matching status. */
public final class PeopleException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of refusal. */
    public enum Kind {
        /** No person with the id: 404. */
        NOT_FOUND,
        /** The record changed meanwhile or is in a state that forbids the change: 409. */
        CONFLICT,
        /** Well-formed, but breaks a rule: 422 naming the field. */
        RULE,
        /** Invalid fields: 400 listing them. */
        INVALID
    }

    private final Kind kind;
    private final String field;
    private final List<FieldError> errors;

    private PeopleException(Kind kind, String field, String message) {
        this(kind, field, message, List.of());
    }

    private PeopleException(Kind kind, String field, String message, List<FieldError> errors) {
        super(message);
        this.kind = kind;
        this.field = field;
        this.errors = List.copyOf(errors);
    }

    /**
     * Invalid fields.
     *
     * @param errors every bad field
     * @return the exception
     */
    public static PeopleException invalid(List<FieldError> errors) {
        return new PeopleException(Kind.INVALID, null, errors.size() == 1 ? errors.get(0).field() + ": "
                + errors.get(0).message() : errors.size() + " fields are invalid", errors);
    }

    /**
     * The bad fields of an {@link Kind#INVALID} refusal.
     *
     * @return the errors
     */
    public List<FieldError> errors() {
        return errors;
    }

    /**
     * No such person.
     *
     * @param id the id asked for
     * @return the exception
     */
    public static PeopleException notFound(Object id) {
        return new PeopleException(Kind.NOT_FOUND, null, "No person with id " + id);
    }

    /**
     * A conflict with the current state.
     *
     * @param message what conflicts
     * @return the exception
     */
    public static PeopleException conflict(String message) {
        return new PeopleException(Kind.CONFLICT, null, message);
    }

    /**
     * A broken rule.
     *
     * @param field the field concerned
     * @param message the rule
     * @return the exception
     */
    public static PeopleException rule(String field, String message) {
        return new PeopleException(Kind.RULE, field, message);
    }

    /**
     * The kind.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The field concerned by a broken rule.
     *
     * @return the field, or {@code null}
     */
    public String field() {
        return field;
    }
}
