package org.freelanceisland.jobs.internal.rest;

import java.util.Map;

import javax.ws.rs.core.SecurityContext;

import org.freelanceisland.platform.api.audit.AuditEntry;
import org.freelanceisland.platform.api.audit.AuditLog;
import org.freelanceisland.platform.rest.ProblemException;

/** Writes the audit entries of the program's reads of personal data, before the data is handed out. */
final class Audit {

    private final AuditLog log;

    Audit(AuditLog log) {
        this.log = log;
    }

    /**
     * Records a read; when the audit log cannot be written the request fails with 503.
     */
    void record(SecurityContext security, String action, String subjectType, String subjectId, String purpose,
            Map<String, String> details) {
        try {
            log.record(new AuditEntry(actor(security), action, subjectType, subjectId, purpose, details));
        } catch (RuntimeException e) {
            throw ProblemException.unavailable("The audit log cannot be written, so the data is not handed out");
        }
    }

    /** The signed-in user's name. */
    static String actor(SecurityContext security) {
        return security.getUserPrincipal() == null ? "unknown" : security.getUserPrincipal().getName();
    }
}
