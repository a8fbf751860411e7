package org.freelanceisland.community.internal.rest;

import javax.ws.rs.core.SecurityContext;

import org.freelanceisland.platform.api.audit.AuditEntry;
import org.freelanceisland.platform.api.audit.AuditLog;
import org.freelanceisland.platform.rest.ProblemException;

/** Writes the audit entries of the community program's reads of personal data and exports. */
final class Audit {

    private final AuditLog log;

    Audit(AuditLog log) {
        this.log = log;
    }

    /**
     * Records an act; when the audit log cannot be written, nothing is handed out.
     *
     * @param security the caller
     * @param action the action
     * @param type the kind of subject
     * @param subject the subject's id or {@code null}
     * @param purpose why
     */
    void record(SecurityContext security, String action, String type, String subject, String purpose) {
        try {
            log.record(AuditEntry.of(actor(security), action, type, subject, purpose));
        } catch (RuntimeException e) {
            throw ProblemException.unavailable("The audit log cannot be written, so the data is not handed out");
        }
    }

    /**
     * The signed-in user's name.
     *
     * @param security the caller
     * @return the name
     */
    static String actor(SecurityContext security) {
        return security == null || security.getUserPrincipal() == null ? "anonymous" : security.getUserPrincipal().getName();
    }
}
