package org.freelanceisland.platform.core.internal.rest;

import java.util.UUID;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.freelanceisland.platform.api.ledger.LedgerUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything unexpected: logged with a reference, answered with a problem that carries the
 * reference and no stack trace.
 */
final class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(FallbackExceptionMapper.class);

    private final String moduleId;

    FallbackExceptionMapper(String moduleId) {
        this.moduleId = moduleId;
    }

    @Override
    public Response toResponse(Throwable exception) {
        String reference = UUID.randomUUID().toString();
        if (exception instanceof LedgerUnavailableException) {
            LOG.warn("[{}] ledger unavailable (reference {}): {}", moduleId, reference, exception.getMessage());
            return Problems.response(Problems.of(503, "unavailable", "Service unavailable",
                    "The database cannot be reached; try again later (reference " + reference + ")"));
        }
        LOG.error("[{}] request failed (reference {})", moduleId, reference, exception);
        return Problems.response(Problems.of(500, "internal", "Internal error",
                "The request could not be completed; the error was logged with reference " + reference));
    }
}
