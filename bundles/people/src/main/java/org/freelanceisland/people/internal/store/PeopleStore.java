package org.freelanceisland.people.internal.store;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.freelanceisland.people.internal.model.IncomeSource;
import org.freelanceisland.people.internal.model.Origin;
import org.freelanceisland.people.internal.model.PeopleException;
import org.freelanceisland.people.internal.model.Person;
import org.freelanceisland.people.internal.model.PersonData;
import org.freelanceisland.people.internal.model.PersonInput.ConsentInput;
import org.freelanceisland.people.internal.model.RelationPhase;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.people.Availability;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.api.people.LifestyleConstraint;
import org.freelanceisland.platform.api.people.PersonFlag;
import org.freelanceisland.platform.api.people.TimeWindow;

/**
 * The people registry's persistence ({@code people} unit). Every change runs in one transaction
 * together with the ledger facts it produces (written to {@code people_outbox}, see
 * {@link PendingEventEntity}); callers hand the facts to the ledger after commit.
 *
 * <p>Ledger facts and their stable ids ({@code docs/ledger-events.md}):
 * {@code people:<id>:registered}, {@code people:<id>:moved:<date>},
 * {@code people:<id>:flag:<period>:set|cleared}, {@code people:<id>:income:<fiscal year>:r<revision>}.
 */
public final class PeopleStore {

    private static final int CHUNK = 2000;

    private final JpaTemplate jpa;
    private final Clock clock;

    /**
     * Creates the store.
     *
     * @param jpa the template of the {@code people} unit
     * @param clock the clock (tests fix it)
     */
    public PeopleStore(JpaTemplate jpa, Clock clock) {
        this.jpa = jpa;
        this.clock = clock;
    }

    /**
     * The current date on the island.
     *
     * @return today in Japan
     */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(FiscalYear.ISLAND_ZONE));
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    // ---------------------------------------------------------------- reading

    /**
     * One person's whole record.
     *
     * @param id the id
     * @return the person, if any
     */
    public Optional<Person> find(long id) {
        return jpa.txExpr(TransactionType.Supports, em -> Optional.ofNullable(em.find(PersonEntity.class, id))
                .map(p -> toPerson(em, p)));
    }

    /**
     * Several people's whole records, in the order of the ids (unknown ids left out).
     *
     * @param ids the ids
     * @return the people
     */
    public List<Person> findAll(List<Long> ids) {
        List<Person> result = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += 500) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            Map<Long, Person> byId = jpa.txExpr(TransactionType.Supports, em -> {
                List<PersonEntity> rows = em.createQuery("SELECT p FROM PersonEntity p WHERE p.id IN :ids", PersonEntity.class)
                        .setParameter("ids", chunk).getResultList();
                return assemble(em, rows, true).stream().collect(Collectors.toMap(Person::id, p -> p));
            });
            chunk.stream().map(byId::get).filter(java.util.Objects::nonNull).forEach(result::add);
        }
        return result;
    }

    /**
     * Reads the whole registry in chunks, without incomes (for the search index).
     *
     * @param each called with every person
     */
    public void forEach(Consumer<Person> each) {
        long after = Long.MIN_VALUE;
        while (true) {
            long from = after;
            List<Person> chunk = jpa.txExpr(TransactionType.Supports, em -> {
                List<PersonEntity> rows = em.createQuery(
                        "SELECT p FROM PersonEntity p WHERE p.id > :after ORDER BY p.id", PersonEntity.class)
                        .setParameter("after", from).setMaxResults(CHUNK)
                        .setHint("eclipselink.read-only", "true").getResultList();
                return assemble(em, rows, false);
            });
            chunk.forEach(each);
            if (chunk.size() < CHUNK) {
                return;
            }
            after = chunk.get(chunk.size() - 1).id();
        }
    }

    /**
     * Reads the people changed since a moment, without incomes (to bring the search index of this
     * node up to date with changes made on other nodes).
     *
     * @param since the earliest change time wanted (UTC, as stored)
     * @param each called with every person changed since then
     * @return the latest change time seen, or {@code since} when none
     */
    public LocalDateTime forEachChangedSince(LocalDateTime since, Consumer<Person> each) {
        record Chunk(List<Person> people, LocalDateTime latest, long lastId, int size) {
        }
        LocalDateTime latest = since;
        long after = Long.MIN_VALUE;
        while (true) {
            long from = after;
            LocalDateTime seen = latest;
            Chunk chunk = jpa.txExpr(TransactionType.Supports, em -> {
                List<PersonEntity> rows = em.createQuery("SELECT p FROM PersonEntity p WHERE p.updatedAt >= :since"
                        + " AND p.id > :after ORDER BY p.id", PersonEntity.class)
                        .setParameter("since", since).setParameter("after", from).setMaxResults(CHUNK)
                        .setHint("eclipselink.read-only", "true").getResultList();
                LocalDateTime max = seen;
                for (PersonEntity row : rows) {
                    if (row.updatedAt.isAfter(max)) {
                        max = row.updatedAt;
                    }
                }
                return new Chunk(assemble(em, rows, false), max, rows.isEmpty() ? from : rows.get(rows.size() - 1).id,
                        rows.size());
            });
            chunk.people().forEach(each);
            latest = chunk.latest();
            if (chunk.size() < CHUNK) {
                return latest;
            }
            after = chunk.lastId();
        }
    }

    /**
     * The latest change time of any person.
     *
     * @return the time, or {@code null} when the registry is empty
     */
    public LocalDateTime latestChange() {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery("SELECT MAX(p.updatedAt) FROM PersonEntity p",
                LocalDateTime.class).getSingleResult());
    }

    /**
     * Whether a person is active and consents to a purpose, as the database says now.
     *
     * @param id the person's id
     * @param purpose the purpose
     * @return {@code true} if so
     */
    public boolean hasConsent(long id, ConsentPurpose purpose) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT COUNT(c) FROM ConsentEntity c, PersonEntity p WHERE p.id = :id AND c.personId = p.id"
                        + " AND p.active = TRUE AND c.purpose = :purpose AND c.withdrawnAt IS NULL", Long.class)
                .setParameter("id", id).setParameter("purpose", purpose.name()).getSingleResult() > 0);
    }

    // ---------------------------------------------------------------- changing

    /**
     * Registers a person.
     *
     * @param data the validated profile
     * @param consents consents given at registration (validated)
     * @param actor who registers
     * @return the new record
     */
    public Person create(PersonData data, List<ConsentInput> consents, String actor) {
        return jpa.txExpr(TransactionType.Required, em -> {
            LocalDateTime now = now();
            PersonEntity p = new PersonEntity(now, actor);
            apply(p, data);
            em.persist(p);
            em.flush();
            for (ConsentInput c : consents) {
                em.persist(new ConsentEntity(p.id, c.purpose().name(), c.givenOn(), c.noticeVersion(), now, actor));
            }
            ActivityEvent.Builder registered = ActivityEvent.builder("people:" + p.id + ":registered", "people.registered",
                    startOf(p.registeredOn)).person(p.id.toString());
            if (p.origin != null) {
                registered.attribute("origin", p.origin);
            }
            pending(em, registered.build(), now);
            movedEvent(em, p, null, now);
            return toPerson(em, p);
        });
    }

    /**
     * Replaces a person's profile.
     *
     * @param id the person's id
     * @param data the validated profile
     * @param expectedVersion the version the client read, or {@code null}
     * @param actor who changes it
     * @return the record
     */
    public Person update(long id, PersonData data, Long expectedVersion, String actor) {
        return jpa.txExpr(TransactionType.Required, em -> {
            PersonEntity p = writable(em, id);
            if (expectedVersion != null && expectedVersion != p.version) {
                throw PeopleException.conflict("The record of person " + id + " was changed meanwhile (version "
                        + p.version + ", not " + expectedVersion + "); read it again");
            }
            LocalDate movedBefore = p.movedOn;
            apply(p, data);
            touch(p, actor);
            movedEvent(em, p, movedBefore, now());
            em.flush();
            return toPerson(em, p);
        });
    }

    /**
     * Deactivates or reactivates a person.
     *
     * @param id the person's id
     * @param active the new state
     * @param actor who changes it
     * @return the record
     */
    public Person setActive(long id, boolean active, String actor) {
        return jpa.txExpr(TransactionType.Required, em -> {
            PersonEntity p = writable(em, id);
            if (p.active != active) {
                p.active = active;
                p.deactivatedAt = active ? null : now();
                touch(p, actor);
                em.flush();
            }
            return toPerson(em, p);
        });
    }

    /**
     * Erases a person's personal data: every personal field is blanked, flags and incomes deleted,
     * consents withdrawn; the id, the registration date and the ledger facts stay, so the plan's
     * counts do not change. Cannot be undone.
     *
     * @param id the person's id
     * @param actor the administrator
     * @return the record as it is left
     */
    public Person erase(long id, String actor) {
        return jpa.txExpr(TransactionType.Required, em -> {
            PersonEntity p = em.find(PersonEntity.class, id, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            if (p == null) {
                throw PeopleException.notFound(id);
            }
            if (p.erased) {
                return toPerson(em, p);
            }
            LocalDateTime now = now();
            p.name = null;
            p.kana = null;
            p.email = null;
            p.phone = null;
            p.district = null;
            p.skills = null;
            p.portfolio = null;
            p.hoursPerWeek = 0;
            p.weekdays = null;
            p.windows = null;
            p.lifestyle = null;
            p.preferredWork = null;
            p.origin = null;
            p.movedOn = null;
            p.householdSize = null;
            p.withFamily = null;
            p.phase = null;
            p.active = false;
            p.erased = true;
            p.erasedAt = now;
            if (p.deactivatedAt == null) {
                p.deactivatedAt = now;
            }
            p.createdBy = null;
            touch(p, actor);
            em.createQuery("DELETE FROM FlagPeriodEntity f WHERE f.personId = :id").setParameter("id", id).executeUpdate();
            em.createQuery("DELETE FROM IncomeEntity i WHERE i.personId = :id").setParameter("id", id).executeUpdate();
            em.createQuery("UPDATE ConsentEntity c SET c.withdrawnAt = :now, c.withdrawnBy = :by WHERE c.personId = :id"
                    + " AND c.withdrawnAt IS NULL").setParameter("now", now).setParameter("by", actor)
                    .setParameter("id", id).executeUpdate();
            em.flush();
            em.clear();
            return toPerson(em, em.find(PersonEntity.class, id));
        });
    }

    /**
     * Records a consent. Giving a consent that holds already with the same notice version changes
     * nothing; with another version the old consent is withdrawn and the new one recorded.
     *
     * @param id the person's id
     * @param consent the consent (validated)
     * @param actor who records it
     * @return the record
     */
    public Person giveConsent(long id, ConsentInput consent, String actor) {
        return jpa.txExpr(TransactionType.Required, em -> {
            PersonEntity p = writable(em, id);
            LocalDateTime now = now();
            List<ConsentEntity> holding = holdingConsents(em, id, consent.purpose());
            if (holding.stream().anyMatch(c -> c.noticeVersion.equals(consent.noticeVersion()))) {
                return toPerson(em, p);
            }
            holding.forEach(c -> {
                c.withdrawnAt = now;
                c.withdrawnBy = actor;
            });
            em.persist(new ConsentEntity(id, consent.purpose().name(), consent.givenOn(), consent.noticeVersion(), now, actor));
            touch(p, actor);
            em.flush();
            return toPerson(em, p);
        });
    }

    /**
     * Withdraws a consent from now on. Withdrawing a consent that does not hold changes nothing.
     *
     * @param id the person's id
     * @param purpose the purpose
     * @param actor who records the withdrawal
     * @return the record
     */
    public Person withdrawConsent(long id, ConsentPurpose purpose, String actor) {
        return jpa.txExpr(TransactionType.Required, em -> {
            PersonEntity p = writable(em, id);
            List<ConsentEntity> holding = holdingConsents(em, id, purpose);
            if (!holding.isEmpty()) {
                LocalDateTime now = now();
                holding.forEach(c -> {
                    c.withdrawnAt = now;
                    c.withdrawnBy = actor;
                });
                touch(p, actor);
                em.flush();
            }
            return toPerson(em, p);
        });
    }

    /**
     * Records that a counted status began (and, for a past period, ended).
     *
     * @param id the person's id
     * @param flag the status
     * @param since the first day, not in the future
     * @param until the day it ended, not in the future, or {@code null} while it holds
     * @param actor who records it
     * @return the record
     */
    public Person setFlag(long id, PersonFlag flag, LocalDate since, LocalDate until, String actor) {
        LocalDate today = today();
        if (since.isAfter(today)) {
            throw PeopleException.rule("since", "must not be in the future");
        }
        if (until != null && (until.isAfter(today) || !until.isAfter(since))) {
            throw PeopleException.rule("until", "must be after since and not in the future");
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            PersonEntity p = writable(em, id);
            for (FlagPeriodEntity f : flagPeriods(em, id, flag)) {
                boolean overlaps = (f.until == null || since.isBefore(f.until)) && (until == null || f.since.isBefore(until));
                if (overlaps) {
                    throw PeopleException.conflict(flag + " already holds from " + f.since
                            + (f.until == null ? "" : " until " + f.until) + "; periods must not overlap");
                }
            }
            LocalDateTime now = now();
            FlagPeriodEntity period = new FlagPeriodEntity(id, flag.name(), since, until, now, actor);
            em.persist(period);
            em.flush();
            pending(em, ActivityEvent.builder("people:" + id + ":flag:" + period.id + ":set", "people.flag.set", startOf(since))
                    .person(Long.toString(id)).attribute("flag", flag.name()).build(), now);
            if (until != null) {
                clearedEvent(em, period, now);
            }
            touch(p, actor);
            return toPerson(em, p);
        });
    }

    /**
     * Records that a counted status ended.
     *
     * @param id the person's id
     * @param flag the status
     * @param until the day it ended: after it began, not in the future
     * @param actor who records it
     * @return the record
     */
    public Person clearFlag(long id, PersonFlag flag, LocalDate until, String actor) {
        if (until.isAfter(today())) {
            throw PeopleException.rule("until", "must not be in the future");
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            PersonEntity p = writable(em, id);
            FlagPeriodEntity open = flagPeriods(em, id, flag).stream().filter(f -> f.until == null).findFirst()
                    .orElseThrow(() -> PeopleException.conflict(flag + " does not hold for person " + id));
            if (!until.isAfter(open.since)) {
                throw PeopleException.rule("until", "must be after the day it began (" + open.since + ")");
            }
            open.until = until;
            clearedEvent(em, open, now());
            touch(p, actor);
            em.flush();
            return toPerson(em, p);
        });
    }

    /**
     * Records a person's freelance income of a fiscal year, replacing an earlier report of that year
     * (a correction is a new revision in the ledger).
     *
     * @param id the person's id
     * @param year the fiscal year
     * @param amountYen the amount, zero or more
     * @param source where the figure comes from
     * @param actor who reports it
     * @return the record
     */
    public Person reportIncome(long id, FiscalYear year, long amountYen, IncomeSource source, String actor) {
        if (year.compareTo(FiscalYear.of(today())) > 0) {
            throw PeopleException.rule("fiscalYear", "must not be a future fiscal year");
        }
        return jpa.txExpr(TransactionType.Required, em -> {
            PersonEntity p = writable(em, id);
            LocalDateTime now = now();
            IncomeEntity income = em.createQuery("SELECT i FROM IncomeEntity i WHERE i.personId = :id AND i.fiscalYear = :year",
                    IncomeEntity.class).setParameter("id", id).setParameter("year", year.startYear())
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst().orElse(null);
            if (income != null && income.amountYen == amountYen && income.source.equals(source.name())) {
                return toPerson(em, p);
            }
            if (income == null) {
                income = new IncomeEntity(id, year.startYear());
                em.persist(income);
            }
            income.amountYen = amountYen;
            income.source = source.name();
            income.revision++;
            income.reportedAt = now;
            income.reportedBy = actor;
            pending(em, ActivityEvent.builder("people:" + id + ":income:" + year.startYear() + ":r" + income.revision,
                    "people.income.reported", now.toInstant(ZoneOffset.UTC)).person(Long.toString(id)).fiscalYear(year)
                    .amountYen(amountYen).attribute("source", source.name())
                    .attribute("revision", Integer.toString(income.revision)).build(), now);
            touch(p, actor);
            em.flush();
            return toPerson(em, p);
        });
    }

    /**
     * Imports people: creates the rows without an id and replaces the profile of the rows with
     * one, all in one transaction (nothing is stored when one fails).
     *
     * @param rows the validated rows
     * @param actor who imports
     * @return the records, in the order of the rows
     */
    public List<Person> importAll(List<ImportRow> rows, String actor) {
        return jpa.txExpr(TransactionType.Required, em -> {
            List<Person> result = new ArrayList<>();
            LocalDateTime now = now();
            for (ImportRow row : rows) {
                if (row.id() == null) {
                    PersonEntity p = new PersonEntity(now, actor);
                    apply(p, row.data());
                    em.persist(p);
                    em.flush();
                    for (ConsentInput c : row.consents()) {
                        em.persist(new ConsentEntity(p.id, c.purpose().name(), c.givenOn(), c.noticeVersion(), now, actor));
                    }
                    ActivityEvent.Builder registered = ActivityEvent.builder("people:" + p.id + ":registered",
                            "people.registered", startOf(p.registeredOn)).person(p.id.toString());
                    if (p.origin != null) {
                        registered.attribute("origin", p.origin);
                    }
                    pending(em, registered.build(), now);
                    movedEvent(em, p, null, now);
                    result.add(toPerson(em, p));
                } else {
                    PersonEntity p = writable(em, row.id());
                    LocalDate movedBefore = p.movedOn;
                    apply(p, row.data());
                    touch(p, actor);
                    movedEvent(em, p, movedBefore, now);
                    em.flush();
                    result.add(toPerson(em, p));
                }
            }
            return result;
        });
    }

    /**
     * A row of an import.
     *
     * @param id the id of the person to update, or {@code null} to create one
     * @param data the profile
     * @param consents consents given (only for new people)
     */
    public record ImportRow(Long id, PersonData data, List<ConsentInput> consents) {
    }

    /**
     * Which of the ids exist and are not erased.
     *
     * @param ids person ids
     * @return the writable ones
     */
    public Set<Long> writableIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return jpa.txExpr(TransactionType.Supports, em -> Set.copyOf(em.createQuery(
                "SELECT p.id FROM PersonEntity p WHERE p.id IN :ids AND p.erased = FALSE", Long.class)
                .setParameter("ids", List.copyOf(ids)).getResultList()));
    }

    // ---------------------------------------------------------------- ledger outbox

    /**
     * The ledger facts not yet handed over, oldest first.
     *
     * @param max the most to return
     * @return the facts
     */
    public List<ActivityEvent> pendingEvents(int max) {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT e FROM PendingEventEntity e ORDER BY e.createdAt, e.eventId", PendingEventEntity.class)
                .setMaxResults(max).getResultList().stream().map(PeopleStore::toEvent).toList());
    }

    /**
     * Forgets a fact the ledger has taken.
     *
     * @param eventId the fact's id
     */
    public void handedOver(String eventId) {
        jpa.tx(TransactionType.Required, em -> {
            PendingEventEntity e = em.find(PendingEventEntity.class, eventId);
            if (e != null) {
                em.remove(e);
            }
        });
    }

    // ---------------------------------------------------------------- helpers

    private PersonEntity writable(EntityManager em, long id) {
        PersonEntity p = em.find(PersonEntity.class, id);
        if (p == null) {
            throw PeopleException.notFound(id);
        }
        if (p.erased) {
            throw PeopleException.conflict("The personal data of person " + id + " were erased; the record cannot change");
        }
        em.lock(p, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        return p;
    }

    private void touch(PersonEntity p, String actor) {
        p.updatedAt = now();
        p.updatedBy = actor;
    }

    private static List<ConsentEntity> holdingConsents(EntityManager em, long id, ConsentPurpose purpose) {
        return em.createQuery("SELECT c FROM ConsentEntity c WHERE c.personId = :id AND c.purpose = :purpose"
                + " AND c.withdrawnAt IS NULL", ConsentEntity.class).setParameter("id", id)
                .setParameter("purpose", purpose.name()).getResultList();
    }

    private static List<FlagPeriodEntity> flagPeriods(EntityManager em, long id, PersonFlag flag) {
        return em.createQuery("SELECT f FROM FlagPeriodEntity f WHERE f.personId = :id AND f.flag = :flag",
                FlagPeriodEntity.class).setParameter("id", id).setParameter("flag", flag.name()).getResultList();
    }

    private static void movedEvent(EntityManager em, PersonEntity p, LocalDate before, LocalDateTime now) {
        if (p.movedOn == null || p.movedOn.equals(before)) {
            return;
        }
        ActivityEvent.Builder moved = ActivityEvent.builder("people:" + p.id + ":moved:" + p.movedOn, "people.moved",
                startOf(p.movedOn)).person(p.id.toString()).attribute("origin", p.origin);
        if (p.householdSize != null) {
            moved.attribute("householdSize", p.householdSize.toString());
        }
        if (p.withFamily != null) {
            moved.attribute("withFamily", p.withFamily.toString());
        }
        pending(em, moved.build(), now);
    }

    private static void clearedEvent(EntityManager em, FlagPeriodEntity period, LocalDateTime now) {
        pending(em, ActivityEvent.builder("people:" + period.personId + ":flag:" + period.id + ":cleared", "people.flag.cleared",
                startOf(period.until)).person(Long.toString(period.personId)).attribute("flag", period.flag).build(), now);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(FiscalYear.ISLAND_ZONE).toInstant();
    }

    private static void pending(EntityManager em, ActivityEvent event, LocalDateTime now) {
        if (em.find(PendingEventEntity.class, event.id()) != null) {
            return;
        }
        PendingEventEntity e = new PendingEventEntity();
        e.eventId = event.id();
        e.type = event.type();
        e.personId = event.personId();
        e.occurredAt = LocalDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC);
        e.fiscalYear = event.fiscalYear().startYear();
        e.amountYen = event.amountYen();
        e.attributes = event.attributes().entrySet().stream().map(a -> a.getKey() + "=" + a.getValue())
                .collect(Collectors.joining("\n"));
        e.createdAt = now;
        em.persist(e);
    }

    private static ActivityEvent toEvent(PendingEventEntity e) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (e.attributes != null && !e.attributes.isEmpty()) {
            for (String line : e.attributes.split("\n")) {
                int eq = line.indexOf('=');
                attributes.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return new ActivityEvent(e.eventId, e.type, e.personId, e.occurredAt.toInstant(ZoneOffset.UTC),
                FiscalYear.of(e.fiscalYear), e.amountYen, attributes);
    }

    private static void apply(PersonEntity p, PersonData d) {
        p.name = d.name();
        p.kana = d.kana();
        p.email = d.email();
        p.phone = d.phone();
        p.district = d.district();
        p.registeredOn = d.registeredOn();
        p.skills = join(d.skills(), "|");
        p.portfolio = join(d.portfolio(), "\n");
        p.hoursPerWeek = d.availability().hoursPerWeek();
        p.weekdays = enums(d.availability().weekdays());
        p.windows = enums(d.availability().windows());
        p.lifestyle = enums(d.lifestyle());
        p.preferredWork = join(d.preferredWork(), "\n");
        PersonData.Residency r = d.residency();
        p.origin = r.origin() == null ? null : r.origin().name();
        p.movedOn = r.movedOn();
        p.householdSize = r.householdSize();
        p.withFamily = r.withFamily();
        p.phase = r.phase() == null ? null : r.phase().name();
    }

    private List<Person> assemble(EntityManager em, List<PersonEntity> rows, boolean withIncomes) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(p -> p.id).toList();
        Map<Long, List<Person.FlagPeriod>> flags = new HashMap<>();
        for (FlagPeriodEntity f : em.createQuery("SELECT f FROM FlagPeriodEntity f WHERE f.personId IN :ids ORDER BY f.since",
                FlagPeriodEntity.class).setParameter("ids", ids).getResultList()) {
            flags.computeIfAbsent(f.personId, k -> new ArrayList<>()).add(toFlag(f));
        }
        Map<Long, List<Person.Consent>> consents = new HashMap<>();
        for (ConsentEntity c : em.createQuery("SELECT c FROM ConsentEntity c WHERE c.personId IN :ids ORDER BY c.recordedAt, c.id",
                ConsentEntity.class).setParameter("ids", ids).getResultList()) {
            consents.computeIfAbsent(c.personId, k -> new ArrayList<>()).add(toConsent(c));
        }
        Map<Long, List<Person.Income>> incomes = new HashMap<>();
        if (withIncomes) {
            for (IncomeEntity i : em.createQuery("SELECT i FROM IncomeEntity i WHERE i.personId IN :ids ORDER BY i.fiscalYear",
                    IncomeEntity.class).setParameter("ids", ids).getResultList()) {
                incomes.computeIfAbsent(i.personId, k -> new ArrayList<>()).add(toIncome(i));
            }
        }
        return rows.stream().map(p -> toPerson(p, flags.getOrDefault(p.id, List.of()),
                incomes.getOrDefault(p.id, List.of()), consents.getOrDefault(p.id, List.of()))).toList();
    }

    private Person toPerson(EntityManager em, PersonEntity p) {
        return assemble(em, List.of(p), true).get(0);
    }

    private static Person toPerson(PersonEntity p, List<Person.FlagPeriod> flags, List<Person.Income> incomes,
            List<Person.Consent> consents) {
        return new Person(p.id, p.version, p.name, p.kana, p.email, p.phone, p.district, p.registeredOn, p.active, p.erased,
                instant(p.deactivatedAt), instant(p.erasedAt), split(p.skills, "\\|"), split(p.portfolio, "\n"),
                new Availability(p.hoursPerWeek, parse(p.weekdays, DayOfWeek.class), parse(p.windows, TimeWindow.class)),
                parse(p.lifestyle, LifestyleConstraint.class), split(p.preferredWork, "\n"),
                new PersonData.Residency(p.origin == null ? null : Origin.valueOf(p.origin), p.movedOn, p.householdSize,
                        p.withFamily, p.phase == null ? null : RelationPhase.valueOf(p.phase)),
                flags, incomes, consents, instant(p.createdAt), instant(p.updatedAt));
    }

    private static Person.FlagPeriod toFlag(FlagPeriodEntity f) {
        return new Person.FlagPeriod(f.id, PersonFlag.valueOf(f.flag), f.since, f.until);
    }

    private static Person.Consent toConsent(ConsentEntity c) {
        return new Person.Consent(c.id, ConsentPurpose.valueOf(c.purpose), c.givenOn, c.noticeVersion, instant(c.withdrawnAt));
    }

    private static Person.Income toIncome(IncomeEntity i) {
        return new Person.Income(i.fiscalYear, i.amountYen, IncomeSource.valueOf(i.source), i.revision,
                instant(i.reportedAt), i.reportedBy);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    private static String join(List<String> values, String separator) {
        return values.isEmpty() ? null : String.join(separator, values);
    }

    private static List<String> split(String text, String separatorRegex) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(separatorRegex));
    }

    private static String enums(Set<? extends Enum<?>> values) {
        return values.isEmpty() ? null : values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    private static <E extends Enum<E>> Set<E> parse(String text, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        if (text != null && !text.isEmpty()) {
            for (String name : text.split(",")) {
                values.add(Enum.valueOf(type, name));
            }
        }
        return values;
    }
}
