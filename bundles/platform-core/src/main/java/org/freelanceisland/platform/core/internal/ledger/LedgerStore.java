package org.freelanceisland.platform.core.internal.ledger;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.LedgerQuery;
import org.freelanceisland.platform.api.ledger.LedgerUnavailableException;
import org.freelanceisland.platform.api.ledger.PersonAggregation;
import org.freelanceisland.platform.api.ledger.PersonTotal;
import org.freelanceisland.platform.api.ledger.RecordedActivity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Stores and queries ledger events in the {@code platform} persistence unit. Announcing new events
 * is left to the caller, after the transaction has committed.
 *
 * <p>Every transaction that changes the events also sets a new random token in the one row of
 * {@code platform_ledger_revision}, as its last statement ({@link #revision()}): the token changes
 * exactly when the content does, on every node, and a restored archive brings back the token of the
 * content it holds.
 */
public final class LedgerStore {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerStore.class);
    private static final TypeReference<LinkedHashMap<String, String>> ATTRIBUTES = new TypeReference<>() {
    };

    /** How many events one transaction of a batch stores. */
    static final int BATCH = 500;

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
     * Stores an event unless its id is already stored, with its attributes in the side table, in one
     * transaction.
     *
     * @param event the event
     * @param recordedBy who records it
     * @param onStored called after commit when the event was new
     * @return whether the event was new
     */
    public boolean record(ActivityEvent event, String recordedBy, Consumer<RecordedActivity> onStored) {
        Instant now = Instant.now();
        boolean stored;
        try {
            stored = jpa.txExpr(TransactionType.Required, em -> {
                if (em.find(LedgerEntry.class, event.id()) != null) {
                    return false;
                }
                persist(em, event, recordedBy, now);
                em.flush();
                changed(em);
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
     * Deletes the events whose id starts with one of the prefixes, with their attributes, in one
     * transaction. This is an administrator's explicit act (the REST API checks and audits it): the
     * ledger is otherwise append-only. Each prefix must end with {@code :} so that {@code people:1:}
     * never takes {@code people:12:}.
     *
     * @param prefixes the id prefixes, each ending with {@code :}
     * @return how many events were deleted
     * @throws IllegalArgumentException for a prefix that does not end with {@code :}
     */
    public int purge(Collection<String> prefixes) {
        for (String prefix : prefixes) {
            if (prefix == null || prefix.isEmpty() || !prefix.endsWith(":")) {
                throw new IllegalArgumentException("idPrefixes: every prefix must end with ':' (" + prefix + ")");
            }
        }
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                int deleted = 0;
                for (String prefix : prefixes) {
                    String like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                    em.createQuery("DELETE FROM LedgerAttribute a WHERE a.eventId LIKE :p ESCAPE '\\'")
                            .setParameter("p", like).executeUpdate();
                    deleted += em.createQuery("DELETE FROM LedgerEntry e WHERE e.id LIKE :p ESCAPE '\\'")
                            .setParameter("p", like).executeUpdate();
                }
                if (deleted > 0) {
                    changed(em);
                }
                return deleted;
            });
        } catch (RuntimeException e) {
            throw unavailable("purge " + prefixes.size() + " prefixes", e);
        }
    }

    /**
     * Stores many events, {@value #BATCH} to a transaction; events whose id is already stored, or
     * that come twice, are skipped.
     *
     * @param events the events
     * @param recordedBy who records them
     * @param onStored called after each commit for every event stored by it
     * @return how many were stored
     */
    public int recordAll(Collection<ActivityEvent> events, String recordedBy, Consumer<RecordedActivity> onStored) {
        List<ActivityEvent> list = new ArrayList<>(events);
        int stored = 0;
        for (int start = 0; start < list.size(); start += BATCH) {
            List<ActivityEvent> batch = list.subList(start, Math.min(list.size(), start + BATCH));
            Instant now = Instant.now();
            List<ActivityEvent> fresh;
            try {
                fresh = jpa.txExpr(TransactionType.Required, em -> {
                    Set<String> known = new HashSet<>(em.createQuery(
                            "SELECT e.id FROM LedgerEntry e WHERE e.id IN :ids", String.class)
                            .setParameter("ids", batch.stream().map(ActivityEvent::id).distinct().toList())
                            .getResultList());
                    List<ActivityEvent> added = new ArrayList<>();
                    for (ActivityEvent event : batch) {
                        if (known.add(event.id())) {
                            persist(em, event, recordedBy, now);
                            added.add(event);
                        }
                    }
                    em.flush();
                    if (!added.isEmpty()) {
                        changed(em);
                    }
                    return added;
                });
            } catch (RuntimeException e) {
                throw unavailable("record a batch of " + batch.size() + " events", e);
            }
            stored += fresh.size();
            fresh.forEach(event -> onStored.accept(new RecordedActivity(event, recordedBy, now)));
        }
        return stored;
    }

    /**
     * The token of the ledger's current content (see the class comment).
     *
     * @return the token
     * @throws LedgerUnavailableException if the database cannot be reached
     */
    public long revision() {
        return read(em -> ((Number) em.createNativeQuery("SELECT token FROM platform_ledger_revision WHERE id = 1")
                .getSingleResult()).longValue());
    }

    /** Marks the content changed; the last statement of a changing transaction, so the row is locked briefly. */
    private static void changed(EntityManager em) {
        em.createNativeQuery("UPDATE platform_ledger_revision SET token = ? WHERE id = 1")
                .setParameter(1, ThreadLocalRandom.current().nextLong()).executeUpdate();
    }

    private void persist(EntityManager em, ActivityEvent event, String recordedBy, Instant now) {
        em.persist(new LedgerEntry(event.id(), event.type(), event.module(), event.personId(), utc(event.occurredAt()),
                event.fiscalYear().startYear(), event.amountYen(), writeAttributes(event.attributes()), recordedBy,
                utc(now)));
        event.attributes().forEach((name, value) -> em.persist(new LedgerAttribute(event.id(), name, value)));
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
            LedgerSql sql = new LedgerSql();
            String from = sql.from(query, false);
            @SuppressWarnings("unchecked")
            List<LedgerEntry> rows = sql.bind(em.createNativeQuery("SELECT e.*" + from
                    + " ORDER BY e.occurred_at DESC, e.id ASC" + window(page), LedgerEntry.class)).getResultList();
            List<RecordedActivity> items = rows.stream().map(this::toActivity).toList();
            long total = items.size() < page.limit() && (page.offset() == 0 || !items.isEmpty())
                    ? page.offset() + items.size()
                    : single(em, sql, "SELECT COUNT(*)" + from);
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
        return read(em -> {
            LedgerSql sql = new LedgerSql();
            return single(em, sql, "SELECT COUNT(*)" + sql.from(query, false));
        });
    }

    /**
     * Counts distinct people.
     *
     * @param query the criteria
     * @return the count
     */
    public long countDistinctPersons(LedgerQuery query) {
        return read(em -> {
            LedgerSql sql = new LedgerSql();
            return single(em, sql, "SELECT COUNT(DISTINCT e.person_id)" + sql.from(query, false));
        });
    }

    /**
     * Sums amounts.
     *
     * @param query the criteria
     * @return the sum in yen
     */
    public long sumAmountYen(LedgerQuery query) {
        return read(em -> {
            LedgerSql sql = new LedgerSql();
            return single(em, sql, "SELECT SUM(e.amount_yen)" + sql.from(query, false));
        });
    }

    /**
     * Counts the people who have at least one group of an aggregation that reaches its minimums.
     *
     * @param aggregation the aggregation
     * @return the number of people
     */
    public long countPersons(PersonAggregation aggregation) {
        return read(em -> {
            LedgerSql sql = new LedgerSql();
            String from = sql.from(aggregation.query(), true);
            String having = having(sql, aggregation);
            if (having.isEmpty()) {
                return single(em, sql, "SELECT COUNT(DISTINCT e.person_id)" + from);
            }
            return single(em, sql, "SELECT COUNT(DISTINCT g.person_id) FROM (SELECT e.person_id AS person_id" + from
                    + groupBy(aggregation) + having + ") g");
        });
    }

    /**
     * Lists the groups of an aggregation that reach its minimums, by person and fiscal year.
     *
     * @param aggregation the aggregation
     * @param page the window
     * @return the page
     */
    public Page<PersonTotal> personTotals(PersonAggregation aggregation, PageRequest page) {
        return read(em -> {
            LedgerSql sql = new LedgerSql();
            String from = sql.from(aggregation.query(), true);
            String grouped = from + groupBy(aggregation) + having(sql, aggregation);
            String year = aggregation.perFiscalYear() ? "e.fiscal_year" : "NULL";
            @SuppressWarnings("unchecked")
            List<Object[]> rows = sql.bind(em.createNativeQuery("SELECT e.person_id, " + year
                    + ", COUNT(*), SUM(COALESCE(e.amount_yen, 0))" + grouped + " ORDER BY e.person_id"
                    + (aggregation.perFiscalYear() ? ", e.fiscal_year" : "") + window(page))).getResultList();
            List<PersonTotal> items = rows.stream().map(row -> new PersonTotal((String) row[0],
                    row[1] == null ? null : FiscalYear.of(((Number) row[1]).intValue()), ((Number) row[2]).longValue(),
                    row[3] == null ? 0 : ((Number) row[3]).longValue())).toList();
            long total = items.size() < page.limit() && (page.offset() == 0 || !items.isEmpty())
                    ? page.offset() + items.size()
                    : single(em, sql, "SELECT COUNT(*) FROM (SELECT e.person_id AS person_id" + grouped + ") g");
            return new Page<>(items, total, page.offset(), page.limit());
        });
    }

    private static String groupBy(PersonAggregation aggregation) {
        return aggregation.perFiscalYear() ? " GROUP BY e.person_id, e.fiscal_year" : " GROUP BY e.person_id";
    }

    private static String having(LedgerSql sql, PersonAggregation aggregation) {
        List<String> conditions = new ArrayList<>();
        if (aggregation.minAmountYen() != null) {
            conditions.add("SUM(COALESCE(e.amount_yen, 0)) >= " + sql.parameter(aggregation.minAmountYen()));
        }
        if (aggregation.minEvents() != null) {
            conditions.add("COUNT(*) >= " + sql.parameter(aggregation.minEvents()));
        }
        return conditions.isEmpty() ? "" : " HAVING " + String.join(" AND ", conditions);
    }

    private static String window(PageRequest page) {
        return " LIMIT " + page.limit() + " OFFSET " + page.offset();
    }

    private static long single(EntityManager em, LedgerSql sql, String statement) {
        Object n = sql.bind(em.createNativeQuery(statement)).getSingleResult();
        return n == null ? 0 : ((Number) n).longValue();
    }

    /**
     * Brings a ledger stored by an earlier version up to date: copies the attributes of events stored
     * before the side table existed into it (its indexes are made by the platform's migrations). Safe
     * to run at every start and from several nodes.
     *
     * @return how many events had their attributes copied
     */
    public int upgrade() {
        int copied = 0;
        while (true) {
            int batch = jpa.txExpr(TransactionType.Required, em -> {
                List<LedgerEntry> legacy = em.createQuery("SELECT e FROM LedgerEntry e WHERE e.attributesIndexed IS NULL",
                        LedgerEntry.class).setMaxResults(BATCH).getResultList();
                for (LedgerEntry entry : legacy) {
                    readAttributes(entry.attributes()).forEach((name, value) -> {
                        if (em.find(LedgerAttribute.class, key(entry.id(), name)) == null) {
                            em.persist(new LedgerAttribute(entry.id(), name, value));
                        }
                    });
                    entry.markAttributesIndexed();
                }
                if (!legacy.isEmpty()) {
                    changed(em); // attribute filters now see these events
                }
                return legacy.size();
            });
            copied += batch;
            if (batch < BATCH) {
                break;
            }
        }
        if (copied > 0) {
            LOG.info("Copied the attributes of {} earlier ledger events into the attribute index", copied);
        }
        return copied;
    }

    private static LedgerAttribute.Key key(String eventId, String name) {
        return new LedgerAttribute.Key(eventId, name);
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
}
