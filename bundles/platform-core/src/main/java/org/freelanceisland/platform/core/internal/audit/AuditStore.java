package org.freelanceisland.platform.core.internal.audit;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.audit.AuditEntry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Appends to and reads the audit log in the {@code platform} persistence unit. */
public final class AuditStore {

    private static final TypeReference<LinkedHashMap<String, String>> DETAILS = new TypeReference<>() {
    };

    /** An entry as it was stored. */
    public record StoredEntry(long id, Instant recordedAt, String actor, String action, String subjectType,
            String subjectId, String purpose, Map<String, String> details) {
    }

    /**
     * What to select; every criterion is optional.
     *
     * @param actor exact user name
     * @param action exact action, or a prefix ending in {@code .*}
     * @param subjectId exact subject id
     * @param from earliest time, inclusive
     * @param to end, exclusive
     */
    public record Filter(String actor, String action, String subjectId, Instant from, Instant to) {
    }

    private final JpaTemplate jpa;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * Creates the store.
     *
     * @param jpa the template of the {@code platform} unit
     */
    public AuditStore(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    /**
     * Appends an entry.
     *
     * @param entry the act
     * @param at when it was recorded
     */
    public void append(AuditEntry entry, Instant at) {
        AuditRecord record = new AuditRecord(LocalDateTime.ofInstant(at, ZoneOffset.UTC), entry.actor(), entry.action(),
                entry.subjectType(), entry.subjectId(), entry.purpose(), write(entry.details()));
        jpa.tx(TransactionType.Required, em -> em.persist(record));
    }

    /**
     * Lists entries, newest first.
     *
     * @param filter which entries
     * @param page the window
     * @return the page
     */
    public Page<StoredEntry> query(Filter filter, PageRequest page) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            StringBuilder where = new StringBuilder();
            Map<String, Object> parameters = new HashMap<>();
            if (filter.actor() != null) {
                and(where, "a.actor = :actor");
                parameters.put("actor", filter.actor());
            }
            if (filter.action() != null) {
                if (filter.action().endsWith(".*")) {
                    and(where, "a.action LIKE :action");
                    parameters.put("action", filter.action().substring(0, filter.action().length() - 1)
                            .replace("_", "\\_").replace("%", "\\%") + "%");
                } else {
                    and(where, "a.action = :action");
                    parameters.put("action", filter.action());
                }
            }
            if (filter.subjectId() != null) {
                and(where, "a.subjectId = :subject");
                parameters.put("subject", filter.subjectId());
            }
            if (filter.from() != null) {
                and(where, "a.recordedAt >= :from");
                parameters.put("from", LocalDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
            }
            if (filter.to() != null) {
                and(where, "a.recordedAt < :to");
                parameters.put("to", LocalDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
            }
            TypedQuery<AuditRecord> select = em.createQuery(
                    "SELECT a FROM AuditRecord a" + where + " ORDER BY a.recordedAt DESC, a.id DESC", AuditRecord.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(a) FROM AuditRecord a" + where, Long.class);
            parameters.forEach((k, v) -> {
                select.setParameter(k, v);
                count.setParameter(k, v);
            });
            List<StoredEntry> items = select.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList()
                    .stream().map(this::toEntry).toList();
            return new Page<>(items, count.getSingleResult(), page.offset(), page.limit());
        });
    }

    private static void and(StringBuilder where, String condition) {
        where.append(where.length() == 0 ? " WHERE " : " AND ").append(condition);
    }

    private StoredEntry toEntry(AuditRecord r) {
        return new StoredEntry(r.id(), r.recordedAt().toInstant(ZoneOffset.UTC), r.actor(), r.action(), r.subjectType(),
                r.subjectId(), r.purpose(), read(r.details()));
    }

    private String write(Map<String, String> details) {
        if (details.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit details cannot be written as JSON", e);
        }
    }

    private Map<String, String> read(String text) {
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        try {
            return json.readValue(text, DETAILS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored audit details are not JSON", e);
        }
    }
}
