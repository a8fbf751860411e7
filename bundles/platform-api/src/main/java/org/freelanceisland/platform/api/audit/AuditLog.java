package org.freelanceisland.platform.api.audit;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Writes the audit log. The platform provides it; any program that shows personal data or
 * exports records uses it. Entries are stored with the time of recording and can be read only by
 * administrators ({@code GET /api/admin/audit}); no API changes or deletes them.
 */
@ProviderType
public interface AuditLog {

    /**
     * Records an act. Recording must not fail silently: when the log cannot be written, this
     * throws and the caller must not hand out the data.
     *
     * @param entry the act
     * @throws IllegalStateException if the audit log cannot be written
     */
    void record(AuditEntry entry);
}
