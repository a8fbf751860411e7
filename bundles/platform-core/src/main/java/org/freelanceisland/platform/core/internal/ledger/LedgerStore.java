package org.freelanceisland.platform.core.internal.ledger;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.LedgerQuery;
import org.freelanceisland.platform.api.ledger.LedgerUnavailableException;
import org.freelanceisland.platform.api.ledger.RecordedActivity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Stores and queries ledger events in the {@code platform} persistence unit. Announcing new events
 * is left to the caller, after the transaction has committed.
 */
public final class LedgerStore {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerStore.class);
    private static final TypeReference<LinkedHashMap<String, String>> ATTRIBUTES = new TypeReference<>() {
    };

    private final JpaTemplate jpa;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * Creates the store.
     *
     * @param jpa the template of the {@code platform} persistence unit
     */
    public LedgerStore(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    /**
     * Stores an event unless its id is already stored.
     *
     * @param event the event
     * @param recordedBy who records it
     * @param onStored called after commit when the event was new
     * @return whether the event was new
     */
    public boolean record(ActivityEvent event, String recordedBy, Consumer<RecordedActivity> onStored) {
        Instant now = Instant.now();
        LedgerEntry entry = new LedgerEntry(event.id(), event.type(), event.module(), event.personId(),
                utc(event.occurredAt()), event.fiscalYear().startYear(), event.amountYen(),
                writeAttributes(event.attributes()), recordedBy, utc(now));
        boolean stored;
        try {
            stored = jpa.txExpr(TransactionType.Required, em -> {
                if (em.find(LedgerEntry.class, event.id()) != null) {
                    return false;
                }
                em.persist(entry);
                em.flush();
                return true;
            });
        } catch (RuntimeException e) {
            // a concurrent writer may have stored the same id between our check and insert
            if (find(event.id()).isPresent()) {
                return false;
            }
            throw unavailable("record " + event.id(), e);
        }
        if (stored) {
            onStored.accept(new RecordedActivity(event, recordedBy, now));
        }
        return stored;
    }

    /**
     * Finds one event.
     *
     * @param id the id
     * @return the event if stored
     */
    public Optional<RecordedActivity> find(String id) {
        return read(em -> Optional.ofNullable(em.find(LedgerEntry.class, id)).map(this::toActivity));
    }

    /**
     * Lists events, newest first.
     *
     * @param query the criteria
     * @param page the window
     * @return the page
     */
    public Page<RecordedActivity> query(LedgerQuery query, PageRequest page) {
        return read(em -> {
            Criteria criteria = Criteria.of(query);
            TypedQuery<LedgerEntry> select = em.createQuery("SELECT e FROM LedgerEntry e" + criteria.where
                    + " ORDER BY e.occurredAt DESC, e.id ASC", LedgerEntry.class);
            criteria.bind(select);
            select.setFirstResult(page.offset());
            select.setMaxResults(page.limit());
            List<RecordedActivity> items = select.getResultList().stream().map(this::toActivity).toList();
            long total = items.size() < page.limit() && (page.offset() == 0 || !items.isEmpty())
                    ? page.offset() + items.size()
                    : aggregate(em, "COUNT(e)", criteria);
            return new Page<>(items, total, page.offset(), page.limit());
        });
    }

    /**
     * Counts events.
     *
     * @param query the criteria
     * @return the count
     */
    public long count(LedgerQuery query) {
        return read(em -> aggregate(em, "COUNT(e)", Criteria.of(query)));
    }

    /**
     * Counts distinct people.
     *
     * @param query the criteria
     * @return the count
     */
    public long countDistinctPersons(LedgerQuery query) {
        return read(em -> aggregate(em, "COUNT(DISTINCT e.personId)", Criteria.of(query)));
    }

    /**
     * Sums amounts.
     *
     * @param query the criteria
     * @return the sum in yen
     */
    public long sumAmountYen(LedgerQuery query) {
        return read(em -> aggregate(em, "SUM(e.amountYen)", Criteria.of(query)));
    }

    private static long aggregate(EntityManager em, String expression, Criteria criteria) {
        TypedQuery<Number> q = em.createQuery("SELECT " + expression + " FROM LedgerEntry e" + criteria.where, Number.class);
        criteria.bind(q);
        Number n = q.getSingleResult();
        return n == null ? 0 : n.longValue();
    }

    private <R> R read(org.apache.aries.jpa.template.EmFunction<R> work) {
        try {
            return jpa.txExpr(TransactionType.Supports, work);
        } catch (PersistenceException e) {
            throw unavailable("query", e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof PersistenceException || e.getCause() instanceof java.sql.SQLException) {
                throw unavailable("query", e);
            }
            throw e;
        }
    }

    private static LedgerUnavailableException unavailable(String what, Exception e) {
        LOG.warn("Ledger could not {}: {}", what, e.toString());
        return new LedgerUnavailableException("The ledger could not " + what + ": " + e.getMessage(), e);
    }

    private RecordedActivity toActivity(LedgerEntry e) {
        ActivityEvent event = new ActivityEvent(e.id(), e.type(), e.personId(), e.occurredAt().toInstant(ZoneOffset.UTC),
                FiscalYear.of(e.fiscalYear()), e.amountYen(), readAttributes(e.attributes()));
        return new RecordedActivity(event, e.recordedBy(), e.recordedAt().toInstant(ZoneOffset.UTC));
    }

    private String writeAttributes(Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(attributes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("attributes cannot be written as JSON", e);
        }
    }

    private Map<String, String> readAttributes(String text) {
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        try {
            return json.readValue(text, ATTRIBUTES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored attributes are not JSON", e);
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The WHERE clause of a query and its parameters. */
    private record Criteria(String where, Map<String, Object> parameters) {

        static Criteria of(LedgerQuery query) {
            StringBuilder where = new StringBuilder();
            Map<String, Object> parameters = new HashMap<>();
            if (query.typePrefix().isPresent()) {
                add(where, "e.type LIKE :type ESCAPE '\\'");
                parameters.put("type", query.typePrefix().get().replace("\\", "\\\\").replace("_", "\\_")
                        .replace("%", "\\%") + "%");
            } else if (query.type() != null) {
                add(where, "e.type = :type");
                parameters.put("type", query.type());
            }
            if (query.fiscalYear() != null) {
                add(where, "e.fiscalYear = :fiscalYear");
                parameters.put("fiscalYear", query.fiscalYear().startYear());
            }
            if (query.personId() != null) {
                add(where, "e.personId = :personId");
                parameters.put("personId", query.personId());
            }
            if (query.from() != null) {
                add(where, "e.occurredAt >= :from");
                parameters.put("from", utc(query.from()));
            }
            if (query.to() != null) {
                add(where, "e.occurredAt < :to");
                parameters.put("to", utc(query.to()));
            }
            return new Criteria(where.toString(), parameters);
        }

        private static void add(StringBuilder where, String condition) {
            where.append(where.length() == 0 ? " WHERE " : " AND ").append(condition);
        }

        void bind(TypedQuery<?> query) {
            parameters.forEach(query::setParameter);
        }
    }
}
