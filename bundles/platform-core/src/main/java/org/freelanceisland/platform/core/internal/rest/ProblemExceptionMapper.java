package org.freelanceisland.platform.core.internal.rest;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.freelanceisland.platform.rest.ProblemException;

/** Sends a {@link ProblemException} as it is. */
final class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Override
    public Response toResponse(ProblemException exception) {
        return Problems.response(exception.toProblem());
    }
}
