package org.freelanceisland.platform.core.internal.audit;

import java.time.Instant;

import org.apache.aries.jpa.template.JpaTemplate;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.audit.AuditEntry;
import org.freelanceisland.platform.api.audit.AuditLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link AuditLog} of the platform, stored in the {@code platform} persistence unit. */
@Component(service = { AuditLog.class, AuditService.class })
public final class AuditService implements AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditService.class);

    private final AuditStore store;

    /**
     * Starts the audit log.
     *
     * @param jpa the template of the {@code platform} unit
     */
    @Activate
    public AuditService(@Reference(target = "(osgi.unit.name=platform)") JpaTemplate jpa) {
        this.store = new AuditStore(jpa);
    }

    @Override
    public void record(AuditEntry entry) {
        try {
            store.append(entry, Instant.now());
        } catch (RuntimeException e) {
            LOG.error("The audit log could not record {} by {} on {} {}", entry.action(), entry.actor(),
                    entry.subjectType(), entry.subjectId(), e);
            throw new IllegalStateException("The audit log cannot be written", e);
        }
    }

    /**
     * Lists entries, newest first.
     *
     * @param filter which entries
     * @param page the window
     * @return the page
     */
    public Page<AuditStore.StoredEntry> query(AuditStore.Filter filter, PageRequest page) {
        return store.query(filter, page);
    }
}
