package org.freelanceisland.contest.internal.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.freelanceisland.contest.internal.service.EntryService;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.api.audit.AuditEntry;
import org.freelanceisland.platform.api.audit.AuditLog;
import org.freelanceisland.platform.rest.ProblemException;

/** What the contest's resources share: the caller, audit entries and file responses. */
final class Http {

    private Http() {
    }

    static String user(SecurityContext security) {
        return security.getUserPrincipal() == null ? "unknown" : security.getUserPrincipal().getName();
    }

    static boolean admin(SecurityContext security) {
        return security.isUserInRole(Roles.ADMIN);
    }

    /** Staff (or an administrator): {@code isUserInRole} is true for administrators in every role. */
    static boolean staff(SecurityContext security) {
        return security.isUserInRole(Roles.STAFF);
    }

    static void audit(AuditLog audit, SecurityContext security, String action, String type, String subject, String purpose) {
        try {
            audit.record(AuditEntry.of(user(security), action, type, subject, purpose));
        } catch (RuntimeException e) {
            throw ProblemException.unavailable("The audit log cannot be written, so the data is not handed out");
        }
    }

    /**
     * A file answer with its type and a {@code Content-Disposition} naming it (ASCII and UTF-8 forms).
     */
    static Response file(byte[] bytes, String type, String disposition, String fileName, String cacheControl) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(bytes, type)
                .header("Content-Disposition", disposition + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
                .header("Cache-Control", cacheControl)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    static Response image(EntryService.Image image, String cacheControl) {
        return file(image.bytes(), image.contentType(), "inline", image.fileName(), cacheControl);
    }
}
