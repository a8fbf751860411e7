package ${package}.internal.store;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.persistence.EntityManager;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.api.ledger.LedgerUnavailableException;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.api.people.PersonDirectory;
import org.freelanceisland.platform.rest.ProblemException;

import ${package}.internal.model.Item;
import ${package}.internal.model.ItemStatus;

/**
 * The program's items in its own persistence unit {@code ${programId}}: one transaction per change,
 * the ledger fact recorded in the same transaction, database failures turned into problems (409
 * for conflicts, 503 when the database or the ledger is away), never stack traces. Runs in OSGi
 * on the unit's {@code JpaTemplate} and in unit tests on {@code ResourceLocalJpaTemplate}.
 */
public final class ItemStore {

    /** The ledger type of a registered item (docs/ledger-events.md of the platform). */
    public static final String REGISTERED = "${programId}.item.registered";

    private final JpaTemplate jpa;
    private final ActivityLedger ledger;
    private final Supplier<Optional<PersonDirectory>> people;
    private final Consumer<ItemView> registered;
    private final Clock clock;
    private final int maxPerYear;

    /**
     * Creates the store.
     *
     * @param jpa the template of the {@code ${programId}} unit
     * @param ledger the activity ledger
     * @param people the people registry, while there is one
     * @param registered told of each new item after its transaction committed (EventAdmin)
     * @param clock the clock
     * @param maxPerYear the largest number of items in one fiscal year
     */
    public ItemStore(JpaTemplate jpa, ActivityLedger ledger, Supplier<Optional<PersonDirectory>> people,
            Consumer<ItemView> registered, Clock clock, int maxPerYear) {
        this.jpa = jpa;
        this.ledger = ledger;
        this.people = people;
        this.registered = registered;
        this.clock = clock;
        this.maxPerYear = maxPerYear;
    }

    /**
     * A page of items, newest fiscal year first, then by title.
     *
     * @param year only this fiscal year, or {@code null}
     * @param status only this status, or {@code null}
     * @param q words the Japanese or English title contains, or {@code null}
     * @param page the window
     * @return the page
     */
    public Page<ItemView> list(FiscalYear year, ItemStatus status, String q, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        List<Object[]> parameters = new ArrayList<>();
        if (year != null) {
            conditions.add("i.fiscalYear = :year");
            parameters.add(new Object[] { "year", year.startYear() });
        }
        if (status != null) {
            conditions.add("i.status = :status");
            parameters.add(new Object[] { "status", status });
        }
        if (q != null) {
            conditions.add("(lower(i.titleJa) like :q or lower(i.titleEn) like :q)");
            parameters.add(new Object[] { "q", "%" + q.toLowerCase().replace("%", "").replace("_", "") + "%" });
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        return read(em -> {
            TypedQuery<Long> count = em.createQuery("select count(i) from Item i" + where, Long.class);
            TypedQuery<Item> items = em.createQuery("select i from Item i" + where
                    + " order by i.fiscalYear desc, i.titleJa, i.id", Item.class);
            for (Object[] p : parameters) {
                count.setParameter((String) p[0], p[1]);
                items.setParameter((String) p[0], p[1]);
            }
            List<ItemView> views = items.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList()
                    .stream().map(ItemView::of).toList();
            return new Page<>(views, count.getSingleResult(), page.offset(), page.limit());
        });
    }

    /**
     * One item.
     *
     * @param id its id
     * @return the item
     * @throws ProblemException 404 when there is none
     */
    public ItemView get(long id) {
        return read(em -> ItemView.of(find(em, id)));
    }

    /**
     * Registers an item and records {@value #REGISTERED} in the ledger.
     *
     * @param in the item
     * @param actor who registers it
     * @return the new item
     * @throws ProblemException 409 when the fiscal year has an item with this title, 422 when the
     *         person is unknown or does not consent or the year is full, 503 when the people
     *         registry, the database or the ledger is away
     */
    public ItemView create(ItemInput in, String actor) {
        String personId = checkPerson(in.personId());
        ItemView created = write(em -> {
            int year = in.fiscalYear().startYear();
            long inYear = em.createQuery("select count(i) from Item i where i.fiscalYear = :year", Long.class)
                    .setParameter("year", year).getSingleResult();
            if (inYear >= maxPerYear) {
                throw ProblemException.unprocessable("fiscalYear", "this fiscal year already has " + maxPerYear + " items");
            }
            requireUniqueTitle(em, year, in.titleJa().strip(), null);
            LocalDateTime now = now();
            Item item = new Item(year, actor, now);
            apply(item, in, personId, now);
            em.persist(item);
            em.flush();
            ledger.record(ActivityEvent.builder("${programId}:item:" + item.id() + ":registered", REGISTERED,
                    clock.instant()).person(personId).fiscalYear(in.fiscalYear()).build());
            return ItemView.of(item);
        });
        registered.accept(created);
        return created;
    }

    /**
     * Changes all fields of an item.
     *
     * @param id the item
     * @param in its fields, with the version read
     * @return the item as changed
     * @throws ProblemException 400 without a version, 404 when there is no such item, 409 when it
     *         was changed meanwhile or the title is taken
     */
    public ItemView update(long id, ItemInput in) {
        if (in.version() == null) {
            throw ProblemException.invalid("version", "send the version you read, so that nobody's change is lost");
        }
        String personId = checkPerson(in.personId());
        return write(em -> {
            Item item = find(em, id);
            if (item.version() != in.version()) {
                throw ProblemException.conflict("Item " + id + " was changed meanwhile (version " + item.version()
                        + ", not " + in.version() + "); load it again");
            }
            requireUniqueTitle(em, in.fiscalYear().startYear(), in.titleJa().strip(), id);
            apply(item, in, personId, now());
            em.flush();
            return ItemView.of(item);
        });
    }

    /**
     * Deletes an item. Its ledger fact stays: the ledger records what happened.
     *
     * @param id the item
     * @return the item as it was
     * @throws ProblemException 404 when there is no such item
     */
    public ItemView delete(long id) {
        return write(em -> {
            Item item = find(em, id);
            ItemView view = ItemView.of(item);
            em.remove(item);
            return view;
        });
    }

    private static void apply(Item item, ItemInput in, String personId, LocalDateTime now) {
        item.update(in.fiscalYear().startYear(), in.titleJa().strip(), blank(in.titleEn()), personId, in.startsOn(),
                in.status() == null ? ItemStatus.OPEN : in.status(), now);
    }

    private static void requireUniqueTitle(EntityManager em, int year, String titleJa, Long except) {
        List<Long> same = em.createQuery("select i.id from Item i where i.fiscalYear = :year and i.titleJa = :title", Long.class)
                .setParameter("year", year).setParameter("title", titleJa).getResultList();
        if (same.stream().anyMatch(other -> !other.equals(except))) {
            throw ProblemException.conflict("Fiscal year " + year + " already has an item titled " + titleJa);
        }
    }

    /** The person's id if they may be named here (registered, active, consenting to program administration). */
    private String checkPerson(String personId) {
        String id = blank(personId);
        if (id == null) {
            return null;
        }
        PersonDirectory directory = people.get().orElseThrow(
                () -> ProblemException.unavailable("The people registry is not available; nothing was changed"));
        if (!directory.hasConsent(id, ConsentPurpose.PROGRAM_ADMINISTRATION)) {
            throw ProblemException.unprocessable("personId",
                    "no active person with this id who consents to program administration");
        }
        return id;
    }

    private static Item find(EntityManager em, long id) {
        Item item = em.find(Item.class, id);
        if (item == null) {
            throw ProblemException.notFound("item", id);
        }
        return item;
    }

    private LocalDateTime now() {
        // milliseconds: every supported database keeps them exactly, so a time reads back as written
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MILLIS);
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private <R> R read(EmFunction<R> work) {
        try {
            return jpa.txExpr(TransactionType.Supports, work);
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    private <R> R write(EmFunction<R> work) {
        try {
            return jpa.txExpr(TransactionType.Required, work);
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    private static RuntimeException translate(RuntimeException e) {
        ProblemException problem = cause(e, ProblemException.class);
        if (problem != null) {
            return problem;
        }
        if (cause(e, OptimisticLockException.class) != null) {
            return ProblemException.conflict("Someone else changed the item at the same time; load it again");
        }
        if (cause(e, LedgerUnavailableException.class) != null) {
            return ProblemException.unavailable("The activity ledger is not available; nothing was changed");
        }
        SQLException sql = cause(e, SQLException.class);
        if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
            return ProblemException.conflict("The change conflicts with one made at the same time; nothing was changed");
        }
        if (cause(e, PersistenceException.class) != null || sql != null) {
            return ProblemException.unavailable("The database is not available; nothing was changed");
        }
        return e;
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
