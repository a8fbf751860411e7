package org.freelanceisland.platform.core.internal.rest;

import java.util.Comparator;
import java.util.List;

import javax.validation.ConstraintViolation;
import javax.validation.ConstraintViolationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.freelanceisland.platform.rest.FieldError;

/** Bean validation failures of a request body: 400 listing every bad field. */
final class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        List<FieldError> errors = exception.getConstraintViolations().stream()
                .map(ConstraintViolationMapper::toError)
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .distinct()
                .toList();
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        return Problems.response(Problems.invalid(detail, errors));
    }

    private static FieldError toError(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return new FieldError(path.isEmpty() ? "body" : path, violation.getMessage());
    }
}
