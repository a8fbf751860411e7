package org.freelanceisland.platform.core.internal.rest;

import java.util.List;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.Problem;

/** Builds problem+json responses. */
final class Problems {

    static final MediaType PROBLEM_JSON = MediaType.valueOf(Problem.MEDIA_TYPE);

    private Problems() {
    }

    static Response response(Problem problem) {
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem).build();
    }

    /** 401 with the challenge that tells clients to use HTTP Basic. */
    static Response unauthorized(String detail) {
        return unauthorized(detail, true);
    }

    /**
     * 401, with or without the HTTP Basic challenge. Scripts get the challenge; the console's own
     * requests do not, since a browser answers a challenge with its own password dialog.
     */
    static Response unauthorized(String detail, boolean challenge) {
        Response.ResponseBuilder response = Response.status(401).type(PROBLEM_JSON).entity(forStatus(401, detail));
        if (challenge) {
            response.header(javax.ws.rs.core.HttpHeaders.WWW_AUTHENTICATE, AuthenticationFilter.CHALLENGE);
        }
        return response.build();
    }

    /** 429 for a user name locked after too many failed sign-ins, saying when to try again. */
    static Response tooManySignIns(java.time.Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return Response.status(429).type(PROBLEM_JSON)
                .entity(of(429, "too-many-sign-ins", "Too many failed sign-ins",
                        "Too many failed sign-ins with this user name: try again in " + seconds + " seconds"))
                .header("Retry-After", Long.toString(seconds)).build();
    }

    static Problem of(int status, String type, String title, String detail) {
        return new Problem(Problem.TYPE_PREFIX + type, title, status, detail, List.of());
    }

    static Problem invalid(String detail, List<FieldError> errors) {
        return new Problem(Problem.TYPE_PREFIX + "validation", "Invalid request", 400, detail, errors);
    }

    /** The problem type and title of a plain HTTP status. */
    static Problem forStatus(int status, String detail) {
        return switch (status) {
            case 400 -> of(400, "bad-request", "Bad request", detail);
            case 401 -> of(401, "unauthorized", "Authentication required", detail);
            case 403 -> of(403, "forbidden", "Forbidden", detail);
            case 404 -> of(404, "not-found", "Not found", detail);
            case 405 -> of(405, "method-not-allowed", "Method not allowed", detail);
            case 406 -> of(406, "not-acceptable", "Not acceptable", detail);
            case 409 -> of(409, "conflict", "Conflict", detail);
            case 413 -> of(413, "too-large", "Request too large", detail);
            case 415 -> of(415, "unsupported-media-type", "Unsupported media type", detail);
            case 429 -> of(429, "too-many-requests", "Too many requests", detail);
            case 503 -> of(503, "unavailable", "Service unavailable", detail);
            default -> status >= 500
                    ? of(status, "internal", "Internal error", detail)
                    : of(status, "http-" + status, Response.Status.fromStatusCode(status) == null
                            ? "HTTP " + status : Response.Status.fromStatusCode(status).getReasonPhrase(), detail);
        };
    }
}
