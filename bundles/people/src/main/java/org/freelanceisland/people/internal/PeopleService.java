package org.freelanceisland.people.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.aries.jpa.template.JpaTemplate;
import org.freelanceisland.people.internal.csv.PeopleCsv;
import org.freelanceisland.people.internal.index.PeopleIndex;
import org.freelanceisland.people.internal.index.SearchCriteria;
import org.freelanceisland.people.internal.model.IncomeSource;
import org.freelanceisland.people.internal.model.PeopleException;
import org.freelanceisland.people.internal.model.Person;
import org.freelanceisland.people.internal.model.PersonData;
import org.freelanceisland.people.internal.model.PersonInput;
import org.freelanceisland.people.internal.model.PersonInput.ConsentInput;
import org.freelanceisland.people.internal.model.PersonValidator;
import org.freelanceisland.people.internal.store.PeopleStore;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.api.people.PersonDirectory;
import org.freelanceisland.platform.api.people.PersonFlag;
import org.freelanceisland.platform.api.people.PersonSummary;
import org.freelanceisland.platform.rest.FieldError;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The people registry: keeps the records ({@link PeopleStore}), the in-memory search index
 * ({@link PeopleIndex}) and the ledger facts in step, and serves programs as the platform's
 * {@link PersonDirectory}.
 *
 * <p>Every change commits the record and its ledger facts together (the facts go to an outbox
 * table), then updates the index and hands the facts to the ledger; facts the ledger could not
 * take are handed over again every minute.
 */
@Component(service = { PersonDirectory.class, PeopleService.class })
public final class PeopleService implements PersonDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(PeopleService.class);

    private final PeopleStore store;
    private final PeopleIndex index = new PeopleIndex();
    /** the last lists of job candidates, by skill keys (least recently used first) */
    private final Map<Set<String>, CandidateList> candidateLists = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Set<String>, CandidateList> eldest) {
            return size() > 4;
        }
    };
    private final ActivityLedger ledger;
    private final Object handOver = new Object();
    private final ScheduledExecutorService retry;
    /** The latest change time the index has seen in the database (UTC, as stored). */
    private volatile LocalDateTime indexedUpTo;

    /** How often the index picks up changes that other nodes made to the registry. */
    public static final Duration INDEX_REFRESH = Duration.ofSeconds(5);
    /**
     * How far back each refresh looks before the latest change it saw: a change committed late (a
     * long transaction) or stamped by a node whose clock is behind is still picked up.
     */
    static final Duration REFRESH_OVERLAP = Duration.ofMinutes(2);

    /**
     * Starts the registry: loads the index and hands over pending ledger facts.
     *
     * @param jpa the template of the {@code people} unit
     * @param ledger the activity ledger
     */
    @Activate
    public PeopleService(@Reference(target = "(osgi.unit.name=people)") JpaTemplate jpa, @Reference ActivityLedger ledger) {
        this(new PeopleStore(jpa, Clock.systemUTC()), ledger, true);
    }

    /**
     * Creates the registry on a store (tests).
     *
     * @param store the store
     * @param ledger the ledger
     * @param retryInBackground whether to hand over failed ledger facts every minute
     */
    public PeopleService(PeopleStore store, ActivityLedger ledger, boolean retryInBackground) {
        this.store = store;
        this.ledger = ledger;
        long started = System.nanoTime();
        rebuildIndex();
        LOG.info("People registry ready: {} people indexed in {} ms", index.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        handOverLedgerFacts();
        if (retryInBackground) {
            retry = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "people-ledger-handover");
                t.setDaemon(true);
                return t;
            });
            retry.scheduleWithFixedDelay(this::handOverLedgerFacts, 1, 1, TimeUnit.MINUTES);
            retry.scheduleWithFixedDelay(this::refreshIndexQuietly, INDEX_REFRESH.toMillis(), INDEX_REFRESH.toMillis(),
                    TimeUnit.MILLISECONDS);
        } else {
            retry = null;
        }
    }

    @Deactivate
    void stop() {
        if (retry != null) {
            retry.shutdownNow();
        }
    }

    /** Loads the whole registry into the index again. */
    public void rebuildIndex() {
        LocalDateTime latest = store.latestChange();
        List<Person> all = new ArrayList<>();
        store.forEach(all::add);
        index.replaceAll(all);
        indexedUpTo = latest;
    }

    /**
     * Brings the index up to date with the changes made to the registry since the last refresh, by
     * this node or any other on the same database (DESIGN.md "Beyond one machine"): the people whose
     * {@code updated_at} is recent are read again. Runs every {@link #INDEX_REFRESH}.
     *
     * @return how many people were read again
     */
    public int refreshIndex() {
        LocalDateTime from = indexedUpTo;
        LocalDateTime since = from == null ? LocalDateTime.of(2000, 1, 1, 0, 0) : from.minus(REFRESH_OVERLAP);
        int[] count = { 0 };
        LocalDateTime latest = store.forEachChangedSince(since, person -> {
            index.put(person);
            count[0]++;
        });
        if (from == null || latest.isAfter(from)) {
            indexedUpTo = latest;
        }
        return count[0];
    }

    private void refreshIndexQuietly() {
        try {
            refreshIndex();
        } catch (RuntimeException e) {
            LOG.warn("People index: could not read the latest changes (tried again in {} s): {}", INDEX_REFRESH.toSeconds(),
                    e.toString());
        }
    }

    /**
     * The current date on the island.
     *
     * @return today
     */
    public LocalDate today() {
        return store.today();
    }

    /**
     * The search index (read-only use).
     *
     * @return the index
     */
    public PeopleIndex index() {
        return index;
    }

    // ------------------------------------------------------------ staff operations

    /**
     * Registers a person.
     *
     * @param input the profile and initial consents
     * @param actor who registers
     * @return the record
     */
    public Person create(PersonInput input, String actor) {
        List<FieldError> errors = new ArrayList<>();
        PersonData data = PersonValidator.validate(input, today(), errors);
        List<ConsentInput> consents = PersonValidator.consents(input.consents(), today(), errors);
        if (!errors.isEmpty()) {
            throw PeopleException.invalid(errors);
        }
        return changed(() -> store.create(data, consents, actor));
    }

    /**
     * Replaces a person's profile.
     *
     * @param id the id
     * @param input the profile (its consents are ignored: consents change through their own endpoints)
     * @param actor who changes it
     * @return the record
     */
    public Person update(long id, PersonInput input, String actor) {
        List<FieldError> errors = new ArrayList<>();
        PersonData data = PersonValidator.validate(input, today(), errors);
        if (!errors.isEmpty()) {
            throw PeopleException.invalid(errors);
        }
        return changed(() -> store.update(id, data, input.version(), actor));
    }

    /**
     * One person's whole record.
     *
     * @param id the id
     * @return the record
     */
    public Person get(long id) {
        return store.find(id).orElseThrow(() -> PeopleException.notFound(id));
    }

    /**
     * Deactivates or reactivates a person.
     *
     * @param id the id
     * @param active the new state
     * @param actor who changes it
     * @return the record
     */
    public Person setActive(long id, boolean active, String actor) {
        return changed(() -> store.setActive(id, active, actor));
    }

    /**
     * Erases a person's personal data (administrators).
     *
     * @param id the id
     * @param actor the administrator
     * @return the record as left
     */
    public Person erase(long id, String actor) {
        return changed(() -> store.erase(id, actor));
    }

    /**
     * Records a consent.
     *
     * @param id the person
     * @param consent the consent
     * @param actor who records it
     * @return the record
     */
    public Person giveConsent(long id, ConsentInput consent, String actor) {
        List<FieldError> errors = new ArrayList<>();
        PersonValidator.checkConsent("", consent.purpose(), consent.givenOn(), consent.noticeVersion(), today(), errors);
        if (!errors.isEmpty()) {
            throw PeopleException.invalid(errors);
        }
        return changed(() -> store.giveConsent(id, consent, actor));
    }

    /**
     * Withdraws a consent from now on.
     *
     * @param id the person
     * @param purpose the purpose
     * @param actor who records it
     * @return the record
     */
    public Person withdrawConsent(long id, ConsentPurpose purpose, String actor) {
        return changed(() -> store.withdrawConsent(id, purpose, actor));
    }

    /**
     * Records that a counted status began.
     *
     * @param id the person
     * @param flag the status
     * @param since first day
     * @param until last day (exclusive) for a past period, or {@code null}
     * @param actor who records it
     * @return the record
     */
    public Person setFlag(long id, PersonFlag flag, LocalDate since, LocalDate until, String actor) {
        return changed(() -> store.setFlag(id, flag, since, until, actor));
    }

    /**
     * Records that a counted status ended.
     *
     * @param id the person
     * @param flag the status
     * @param until the day it ended
     * @param actor who records it
     * @return the record
     */
    public Person clearFlag(long id, PersonFlag flag, LocalDate until, String actor) {
        return changed(() -> store.clearFlag(id, flag, until, actor));
    }

    /**
     * Records a yearly income.
     *
     * @param id the person
     * @param year the fiscal year
     * @param amountYen the amount
     * @param source the source
     * @param actor who reports it
     * @return the record
     */
    public Person reportIncome(long id, FiscalYear year, long amountYen, IncomeSource source, String actor) {
        return changed(() -> store.reportIncome(id, year, amountYen, source, actor));
    }

    /**
     * One page of the people matching criteria.
     *
     * @param criteria the criteria
     * @param page the window
     * @return the page
     */
    public Page<PeopleIndex.Entry> search(SearchCriteria criteria, PageRequest page) {
        return index.search(criteria, page, today());
    }

    /**
     * The whole records of everyone matching criteria, for an export.
     *
     * @param criteria the criteria
     * @return the records, ordered by kana
     */
    public List<Person> export(SearchCriteria criteria) {
        return store.findAll(index.searchAll(criteria, today()).stream().map(PeopleIndex.Entry::id).toList());
    }

    /**
     * The outcome of an import.
     *
     * @param dryRun whether nothing was stored (a check only)
     * @param rows the rows read
     * @param created people registered (or that would be)
     * @param updated people updated (or that would be)
     * @param ids the ids of the people registered or updated, in row order (empty for a dry run)
     */
    public record ImportResult(boolean dryRun, int rows, int created, int updated, List<String> ids) {
    }

    /**
     * Imports a spreadsheet: checks every row, and stores all of them or, when any is invalid,
     * none.
     *
     * @param csv the file
     * @param dryRun check only
     * @param actor who imports
     * @return the outcome
     * @throws PeopleException {@link PeopleException.Kind#INVALID} listing every bad row and column
     */
    public ImportResult importCsv(byte[] csv, boolean dryRun, String actor) {
        PeopleCsv.Parsed parsed = PeopleCsv.read(csv, today(), store::writableIds);
        if (!parsed.errors().isEmpty()) {
            throw PeopleException.invalid(parsed.errors());
        }
        int updated = (int) parsed.rows().stream().filter(r -> r.id() != null).count();
        int created = parsed.rows().size() - updated;
        if (dryRun) {
            return new ImportResult(true, parsed.rows().size(), created, updated, List.of());
        }
        List<Person> people = guard(() -> store.importAll(parsed.rows(), actor));
        people.forEach(index::put);
        handOverLedgerFacts();
        return new ImportResult(false, people.size(), created, updated, people.stream().map(Person::key).toList());
    }

    // ------------------------------------------------------------ PersonDirectory

    @Override
    public Optional<PersonSummary> find(String personId) {
        return id(personId).flatMap(this::entry).map(e -> summary(e, false));
    }

    @Override
    public Optional<PersonSummary> findFor(String personId, ConsentPurpose purpose) {
        return id(personId).flatMap(store::find)
                .filter(p -> p.active() && p.consentedPurposes().contains(purpose))
                .map(p -> summary(PeopleIndex.entryOf(p), purpose == ConsentPurpose.JOB_OFFERS));
    }

    @Override
    public boolean hasConsent(String personId, ConsentPurpose purpose) {
        return id(personId).map(id -> store.hasConsent(id, purpose)).orElse(false);
    }

    @Override
    public List<PersonSummary> findAll(Collection<String> personIds) {
        List<PersonSummary> result = new ArrayList<>();
        for (String personId : personIds) {
            id(personId).flatMap(this::entry).ifPresent(e -> result.add(summary(e, false)));
        }
        return result;
    }

    /**
     * A person's index entry; from the database when the index does not know the id yet (a person
     * registered on another node since this node's last refresh), so that other programs never see
     * a registered person as missing.
     */
    private Optional<PeopleIndex.Entry> entry(long id) {
        Optional<PeopleIndex.Entry> known = index.get(id);
        if (known.isPresent()) {
            return known;
        }
        Optional<Person> stored = store.find(id);
        stored.ifPresent(index::put);
        return stored.map(PeopleIndex::entryOf);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The list is immutable, and the same list is returned for the same skills until the index
     * changes or the day does (statuses are those of today): a program that ranks job after job
     * can lay the list out once (the job brokering program does). Only the last few lists are kept.
     */
    @Override
    public List<PersonSummary> jobCandidates(Collection<String> anyOfSkills) {
        long modifications = index.modifications(); // before reading: a change meanwhile makes the list stale
        LocalDate day = today();
        Set<String> key = new HashSet<>();
        if (anyOfSkills != null) {
            anyOfSkills.forEach(s -> key.add(PeopleIndex.skillKey(s)));
        }
        synchronized (candidateLists) {
            CandidateList known = candidateLists.get(key);
            if (known != null && known.modifications() == modifications && known.day().equals(day)) {
                return known.people();
            }
        }
        List<PeopleIndex.Entry> entries = index.jobCandidates(anyOfSkills);
        List<PersonSummary> people = new ArrayList<>(entries.size());
        for (PeopleIndex.Entry e : entries) {
            people.add(summary(e, true, day));
        }
        List<PersonSummary> list = Collections.unmodifiableList(people);
        synchronized (candidateLists) {
            candidateLists.put(key, new CandidateList(modifications, day, list));
        }
        return list;
    }

    /** A list handed out by {@link #jobCandidates}, with the index's state and the day it was made for. */
    private record CandidateList(long modifications, LocalDate day, List<PersonSummary> people) {
    }

    private PersonSummary summary(PeopleIndex.Entry e, boolean forMatching) {
        return summary(e, forMatching, today());
    }

    private static PersonSummary summary(PeopleIndex.Entry e, boolean forMatching, LocalDate today) {
        return new PersonSummary(Long.toString(e.id()), e.name(), e.kana(), e.district(), e.active(),
                java.util.Set.copyOf(e.skills()), forMatching ? e.availability() : null,
                forMatching ? e.lifestyle() : java.util.Set.of(), e.flagsOn(today), e.consents());
    }

    private static Optional<Long> id(String personId) {
        if (personId == null || personId.isEmpty() || personId.length() > 18 || !personId.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(personId));
    }

    // ------------------------------------------------------------ plumbing

    private Person changed(Supplier<Person> change) {
        Person person = guard(change);
        index.put(person);
        handOverLedgerFacts();
        return person;
    }

    private static <T> T guard(Supplier<T> change) {
        try {
            return change.get();
        } catch (PeopleException e) {
            throw e;
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof PeopleException p) {
                    throw p;
                }
                if (t instanceof javax.persistence.OptimisticLockException || t instanceof javax.persistence.EntityExistsException
                        || t.getClass().getSimpleName().contains("OptimisticLock")) {
                    throw PeopleException.conflict("The record was changed by someone else at the same time; try again");
                }
            }
            throw e;
        }
    }

    /** Hands the ledger the facts still in the outbox. */
    public void handOverLedgerFacts() {
        synchronized (handOver) {
            try {
                List<ActivityEvent> pending;
                do {
                    pending = store.pendingEvents(200);
                    for (ActivityEvent event : pending) {
                        ledger.record(event);
                        store.handedOver(event.id());
                    }
                } while (pending.size() == 200);
            } catch (RuntimeException e) {
                LOG.warn("Ledger facts of the people registry could not be handed over now; they are kept and retried: {}",
                        e.toString());
            }
        }
    }
}
