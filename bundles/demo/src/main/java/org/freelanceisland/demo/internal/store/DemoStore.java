package org.freelanceisland.demo.internal.store;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/** The demo island's record of what it created ({@code demo_record}). */
public final class DemoStore {

    private final JpaTemplate jpa;

    /**
     * A store.
     *
     * @param jpa the {@code demo} persistence unit
     */
    public DemoStore(JpaTemplate jpa) {
        this.jpa = jpa;
    }

    /**
     * The id a key was created as.
     *
     * @param key the stable key
     * @return the record, if the key was loaded
     */
    public Optional<DemoRecord> find(String key) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT r FROM DemoRecord r WHERE r.key = :k",
                DemoRecord.class).setParameter("k", key).getResultStream().findFirst());
    }

    /**
     * Notes something created (or a step done).
     *
     * @param key the stable key
     * @param module the module
     * @param kind the kind
     * @param ref the id in the module, or {@code null}
     */
    public void add(String key, String module, String kind, String ref) {
        jpa.tx(TransactionType.Required, em -> em.persist(new DemoRecord(key, module, kind, ref, LocalDateTime.now(ZoneOffset.UTC))));
    }

    /**
     * Everything of a module and kind, oldest first.
     *
     * @param module the module
     * @param kind the kind
     * @return the records
     */
    public List<DemoRecord> list(String module, String kind) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT r FROM DemoRecord r WHERE r.module = :m AND r.kind = :k ORDER BY r.id", DemoRecord.class)
                .setParameter("m", module).setParameter("k", kind).getResultList());
    }

    /**
     * How many records there are of each module and kind (steps left out).
     *
     * @return {@code module/kind} to count, in order
     */
    public Map<String, Long> counts() {
        return jpa.txExpr(TransactionType.Supports, em -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Object[] row : em.createQuery("SELECT r.module, r.kind, COUNT(r) FROM DemoRecord r WHERE r.kind <> 'step'"
                    + " GROUP BY r.module, r.kind ORDER BY r.module, r.kind", Object[].class).getResultList()) {
                counts.put(row[0] + "/" + row[1], ((Number) row[2]).longValue());
            }
            return counts;
        });
    }

    /**
     * How many records there are in all (steps included).
     *
     * @return the count
     */
    public long total() {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT COUNT(r) FROM DemoRecord r", Long.class)
                .getSingleResult());
    }

    /**
     * Forgets one record (after what it names was removed).
     *
     * @param key the key
     */
    public void remove(String key) {
        jpa.tx(TransactionType.Required, em -> em.createQuery("DELETE FROM DemoRecord r WHERE r.key = :k")
                .setParameter("k", key).executeUpdate());
    }

    /**
     * Forgets every record of a module.
     *
     * @param module the module
     * @return how many
     */
    public int removeModule(String module) {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery("DELETE FROM DemoRecord r WHERE r.module = :m")
                .setParameter("m", module).executeUpdate());
    }

    /**
     * Forgets every record.
     *
     * @return how many
     */
    public int forgetAll() {
        return jpa.txExpr(TransactionType.Required, em -> em.createQuery("DELETE FROM DemoRecord r").executeUpdate());
    }
}
