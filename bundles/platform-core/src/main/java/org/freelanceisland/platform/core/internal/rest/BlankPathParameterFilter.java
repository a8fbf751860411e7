package org.freelanceisland.platform.core.internal.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;

import org.freelanceisland.platform.rest.FieldError;

/**
 * Refuses a path parameter that is blank ({@code /api/kpi/stages/%20}) with a 400 naming it,
 * before any resource sees it: Jersey hands a resource {@code null} for a blank {@code Long},
 * {@code Integer} or fiscal year, which no resource expects. Runs after the role check, so callers
 * without the role still get 401 or 403.
 */
@Priority(Priorities.USER - 100)
final class BlankPathParameterFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        List<FieldError> errors = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getPathParameters(true).entrySet()) {
            for (String value : parameter.getValue()) {
                if (value == null || value.isBlank()) {
                    errors.add(new FieldError(parameter.getKey(), "must not be blank"));
                }
            }
        }
        if (!errors.isEmpty()) {
            request.abortWith(Problems.response(Problems.invalid(errors.size() == 1
                    ? errors.get(0).field() + ": must not be blank" : errors.size() + " fields are invalid", errors)));
        }
    }
}
