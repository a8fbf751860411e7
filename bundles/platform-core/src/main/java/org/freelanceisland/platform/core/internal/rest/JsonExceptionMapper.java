package org.freelanceisland.platform.core.internal.rest;

import java.util.List;
import java.util.stream.Collectors;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.freelanceisland.platform.rest.FieldError;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/** A request body that is not valid JSON, or JSON of the wrong shape: 400 naming the field. */
final class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException exception) {
        if (exception instanceof JsonParseException || !(exception instanceof JsonMappingException mapping)) {
            var location = exception.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            return Problems.response(Problems.invalid("The request body is not well-formed JSON" + where,
                    List.of(new FieldError("body", "malformed JSON" + where))));
        }
        String field = path(mapping);
        String message;
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            field = field.isEmpty() ? unknown.getPropertyName() : field;
            message = "unknown field";
        } else if (mapping instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            String cause = instantiation.getCause().getMessage();
            int colon = cause == null ? -1 : cause.indexOf(": ");
            if (colon > 0 && cause.substring(0, colon).matches("[A-Za-z][A-Za-z0-9_.]*")) {
                field = field.isEmpty() ? cause.substring(0, colon) : field + "." + cause.substring(0, colon);
                message = cause.substring(colon + 2);
            } else {
                message = cause == null ? "invalid value" : cause;
            }
        } else if (mapping instanceof InvalidFormatException format) {
            message = "cannot be read as " + simpleType(format.getTargetType());
        } else if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = field.isEmpty() && mismatch.getPath().isEmpty()
                    ? "a JSON body of the right shape is required"
                    : "must be " + simpleType(mismatch.getTargetType());
        } else {
            message = "invalid value";
        }
        if (field.isEmpty()) {
            field = "body";
        }
        return Problems.response(Problems.invalid(field + ": " + message, List.of(new FieldError(field, message))));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName()
                : "[" + ref.getIndex() + "]").collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "a value of the right type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type.getName().startsWith("java.time.")) {
            return "an ISO-8601 " + type.getSimpleName();
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object";
    }
}
