package org.freelanceisland.platform.core.internal.rest;

import java.util.List;

import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.glassfish.jersey.server.ParamException;

/**
 * Turns Jersey's own errors (no such resource, wrong method or media type, unparsable
 * parameters) into problem+json, keeping headers such as {@code Allow}.
 */
final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        if (exception instanceof ParamException param) {
            // Jersey answers 404 for a query parameter it cannot convert; that is bad input
            String name = param.getParameterName();
            return Problems.response(Problems.invalid(name + ": has the wrong format",
                    List.of(new org.freelanceisland.platform.rest.FieldError(name, "has the wrong format"))));
        }
        Response original = exception.getResponse();
        int status = original.getStatus();
        String detail;
        if (exception instanceof NotFoundException) {
            detail = "There is no resource at this address";
        } else if (exception instanceof NotAllowedException) {
            detail = "This resource does not accept this method; allowed: " + original.getAllowedMethods();
        } else if (exception instanceof NotSupportedException) {
            detail = "The request body must be application/json";
        } else if (status == 401) {
            detail = "Sign in with HTTP Basic authentication";
        } else {
            detail = exception.getMessage();
        }
        Response.ResponseBuilder builder = Response.fromResponse(Problems.response(Problems.forStatus(status, detail)));
        for (String header : List.of(HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE, HttpHeaders.RETRY_AFTER)) {
            Object value = original.getHeaders().getFirst(header);
            if (value != null) {
                builder.header(header, value);
            }
        }
        return builder.build();
    }
}
