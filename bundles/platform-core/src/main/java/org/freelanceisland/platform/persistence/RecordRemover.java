package org.freelanceisland.platform.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.freelanceisland.platform.api.records.RecordRemoval;

/**
 * A {@link RecordRemoval} for a program whose records have numeric ids: one {@link Removal} per
 * kind, all the given records removed in one unit of work. A program registers a DS component that
 * extends it:
 *
 * <pre>
 * &#64;Component(service = RecordRemoval.class)
 * public final class TerakoyaRecords extends RecordRemover {
 *     &#64;Activate
 *     public TerakoyaRecords(&#64;Reference(target = "(osgi.unit.name=terakoya)") JpaTemplate jpa) {
 *         super("terakoya", new Tx(jpa, Clock.system(FiscalYear.ISLAND_ZONE)),
 *                 Map.of("course", Removals::course, "pool", Removals::pool));
 *     }
 * }
 * </pre>
 */
public class RecordRemover implements RecordRemoval {

    /** Removes one record and what belongs to it. */
    @FunctionalInterface
    public interface Removal {

        /**
         * Removes one record, in the caller's transaction.
         *
         * @param em the entity manager of the unit of work
         * @param id the record's id
         * @return {@code true} if it was there and is removed, {@code false} if there was none
         */
        boolean remove(EntityManager em, long id);
    }

    private final String module;
    private final Tx tx;
    private final Map<String, Removal> removals;

    /**
     * Creates the removal.
     *
     * @param module the program's id
     * @param tx runs the units of work on the program's persistence unit
     * @param removals the removal of each kind, by kind
     */
    protected RecordRemover(String module, Tx tx, Map<String, Removal> removals) {
        this.module = module;
        this.tx = tx;
        this.removals = Map.copyOf(new LinkedHashMap<>(removals));
    }

    @Override
    public final String module() {
        return module;
    }

    @Override
    public final Set<String> kinds() {
        return removals.keySet();
    }

    @Override
    public final int remove(String kind, Collection<String> ids) {
        Removal removal = removals.get(kind);
        if (removal == null) {
            throw new IllegalArgumentException("kind " + kind + " is not one of " + kinds());
        }
        List<Long> numbers = new ArrayList<>(ids.size());
        for (String id : ids) {
            numbers.add(parse(kind, id));
        }
        return tx.write(em -> {
            int removed = 0;
            for (long id : numbers) {
                if (removal.remove(em, id)) {
                    removed++;
                }
            }
            return removed;
        });
    }

    /**
     * Removes one entity that nothing else refers to.
     *
     * @param em the unit of work
     * @param type its class
     * @param id its id
     * @return whether it was there
     */
    public static boolean removeEntity(EntityManager em, Class<?> type, long id) {
        Object entity = em.find(type, id);
        if (entity == null) {
            return false;
        }
        em.remove(entity);
        return true;
    }

    private static long parse(String kind, String id) {
        try {
            long n = Long.parseLong(id == null ? "" : id.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + (id == null ? "" : id.length() > 40 ? id.substring(0, 40) + "…" : id)
                + "' is not the id of a " + kind + " (a positive whole number)");
    }
}
