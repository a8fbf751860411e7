package org.freelanceisland.people.internal.index;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.freelanceisland.people.internal.model.Origin;
import org.freelanceisland.people.internal.model.Person;
import org.freelanceisland.people.internal.model.RelationPhase;
import org.freelanceisland.people.internal.model.Text;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.people.Availability;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.api.people.LifestyleConstraint;
import org.freelanceisland.platform.api.people.PersonFlag;
import org.freelanceisland.platform.api.people.TimeWindow;

/**
 * The registry in memory, for searching and matching: what staff search by (name, kana, skills,
 * district, statuses, availability, lifestyle, consents) for every person, an inverted index from
 * skill to people, and the pool of active people who consent to job offers. It is rebuilt from the
 * database when the registry starts and updated after every committed change, so searches never
 * touch the database.
 *
 * <p>Reads run concurrently with writes; writes are serialised.
 */
public final class PeopleIndex {

    /**
     * What the index keeps of a person.
     *
     * @param id the id
     * @param name the name ({@code null} once erased)
     * @param kana the reading
     * @param district the district
     * @param active whether active
     * @param erased whether erased
     * @param skills the skills as stored
     * @param availability when the person can work
     * @param lifestyle lifestyle constraints
     * @param flags periods of the counted statuses
     * @param consents the purposes consented to now
     * @param origin the origin
     * @param phase the relation phase
     * @param registeredOn the registration date
     * @param nameKey name and kana in matching form
     * @param districtKey the district in matching form
     * @param skillKeys the skills in matching form
     * @param sortKey the order of lists: kana, then name
     */
    public record Entry(long id, String name, String kana, String district, boolean active, boolean erased,
            List<String> skills, Availability availability, Set<LifestyleConstraint> lifestyle,
            List<Person.FlagPeriod> flags, Set<ConsentPurpose> consents, Origin origin, RelationPhase phase,
            LocalDate registeredOn, String nameKey, String districtKey, Set<String> skillKeys, String sortKey) {

        /**
         * The statuses that hold on a day.
         *
         * @param day the day
         * @return the flags
         */
        public Set<PersonFlag> flagsOn(LocalDate day) {
            Set<PersonFlag> current = EnumSet.noneOf(PersonFlag.class);
            for (Person.FlagPeriod f : flags) {
                if (f.holdsOn(day)) {
                    current.add(f.flag());
                }
            }
            return current;
        }

        /**
         * Whether the person is in the pool for job offers: active and consenting.
         *
         * @return {@code true} if so
         */
        public boolean jobCandidate() {
            return active && consents.contains(ConsentPurpose.JOB_OFFERS);
        }
    }

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::sortKey).thenComparingLong(Entry::id);

    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Set<Long>> bySkill = new ConcurrentHashMap<>();
    private final Set<Long> jobPool = ConcurrentHashMap.newKeySet();
    /** the record version each entry was made from: an older read (a refresh racing a change) never wins */
    private final Map<Long, Long> versions = new ConcurrentHashMap<>();

    /**
     * Builds an entry from a record.
     *
     * @param p the person
     * @return the entry
     */
    public static Entry entryOf(Person p) {
        Set<String> skillKeys = new LinkedHashSet<>();
        p.skills().forEach(s -> skillKeys.add(skillKey(s)));
        String kanaKey = Text.key(p.kana());
        String sortKey = p.erased() ? "\uFFFF" : kanaKey + "\u0000" + Text.key(p.name());
        return new Entry(p.id(), p.name(), p.kana(), p.district(), p.active(), p.erased(), p.skills(), p.availability(),
                p.lifestyle().isEmpty() ? Set.of() : EnumSet.copyOf(p.lifestyle()), p.flags(), p.consentedPurposes(),
                p.residency().origin(), p.residency().phase(), p.registeredOn(),
                Text.key(p.name()) + "\u0000" + kanaKey, Text.key(p.district()), Set.copyOf(skillKeys), sortKey);
    }

    /**
     * The matching form of a skill: the stored form ({@link Text#skill(String)}) in matching form.
     *
     * @param skill a code, label or tag
     * @return the key
     */
    public static String skillKey(String skill) {
        return Text.key(Text.skill(skill));
    }

    /**
     * Adds or replaces a person; a person read at an older version than the indexed one (a refresh
     * that read the row just before this node changed it) is ignored.
     *
     * @param person the person as now stored
     */
    public synchronized void put(Person person) {
        Long indexed = versions.get(person.id());
        if (indexed != null && person.version() < indexed) {
            return;
        }
        versions.put(person.id(), person.version());
        Entry entry = entryOf(person);
        Entry old = entries.put(entry.id(), entry);
        if (old != null) {
            for (String key : old.skillKeys()) {
                if (!entry.skillKeys().contains(key)) {
                    Set<Long> ids = bySkill.get(key);
                    if (ids != null) {
                        ids.remove(old.id());
                    }
                }
            }
        }
        for (String key : entry.skillKeys()) {
            bySkill.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(entry.id());
        }
        if (entry.jobCandidate()) {
            jobPool.add(entry.id());
        } else {
            jobPool.remove(entry.id());
        }
    }

    /**
     * Replaces the whole content.
     *
     * @param people everyone in the registry
     */
    public synchronized void replaceAll(Collection<Person> people) {
        entries.clear();
        bySkill.clear();
        jobPool.clear();
        versions.clear();
        people.forEach(this::put);
    }

    /**
     * One person.
     *
     * @param id the id
     * @return the entry, if indexed
     */
    public Optional<Entry> get(long id) {
        return Optional.ofNullable(entries.get(id));
    }

    /**
     * The number of people indexed.
     *
     * @return the size
     */
    public int size() {
        return entries.size();
    }

    /**
     * The active people who consent to job offers and have at least one of the skills.
     *
     * @param anyOfSkills skill codes, labels or tags; empty for every consenting person
     * @return the entries, in no particular order
     */
    public List<Entry> jobCandidates(Collection<String> anyOfSkills) {
        Set<Long> ids;
        if (anyOfSkills == null || anyOfSkills.isEmpty()) {
            ids = jobPool;
        } else {
            ids = new HashSet<>();
            for (String skill : anyOfSkills) {
                Set<Long> having = bySkill.get(skillKey(skill));
                if (having != null) {
                    for (Long id : having) {
                        if (jobPool.contains(id)) {
                            ids.add(id);
                        }
                    }
                }
            }
        }
        List<Entry> result = new ArrayList<>(ids.size());
        for (Long id : ids) {
            Entry e = entries.get(id);
            if (e != null && e.jobCandidate()) {
                result.add(e);
            }
        }
        return result;
    }

    /**
     * One page of the people matching the criteria, ordered by kana.
     *
     * @param criteria what to look for
     * @param page the window
     * @param today the current date (statuses are those that hold today)
     * @return the page
     */
    public Page<Entry> search(SearchCriteria criteria, PageRequest page, LocalDate today) {
        int keep = page.offset() + page.limit();
        PriorityQueue<Entry> best = new PriorityQueue<>(Math.min(keep, 1024) + 1, ORDER.reversed());
        long[] total = { 0 };
        scan(criteria, today, e -> {
            total[0]++;
            if (best.size() < keep) {
                best.add(e);
            } else if (ORDER.compare(e, best.peek()) < 0) {
                best.poll();
                best.add(e);
            }
        });
        List<Entry> sorted = new ArrayList<>(best);
        sorted.sort(ORDER);
        List<Entry> items = page.offset() >= sorted.size() ? List.of() : sorted.subList(page.offset(), sorted.size());
        return new Page<>(items, total[0], page.offset(), page.limit());
    }

    /**
     * Every person matching the criteria, ordered by kana (for exports).
     *
     * @param criteria what to look for
     * @param today the current date
     * @return the entries
     */
    public List<Entry> searchAll(SearchCriteria criteria, LocalDate today) {
        List<Entry> all = new ArrayList<>();
        scan(criteria, today, all::add);
        all.sort(ORDER);
        return all;
    }

    private void scan(SearchCriteria c, LocalDate today, java.util.function.Consumer<Entry> hit) {
        Predicate<Entry> matches = matcher(c, today);
        Collection<Long> candidates = null;
        for (String skill : c.skills()) {
            Set<Long> having = bySkill.getOrDefault(skillKey(skill), Set.of());
            if (candidates == null || having.size() < candidates.size()) {
                candidates = having;
            }
        }
        if (candidates == null) {
            for (Entry e : entries.values()) {
                if (matches.test(e)) {
                    hit.accept(e);
                }
            }
        } else {
            for (Long id : candidates) {
                Entry e = entries.get(id);
                if (e != null && matches.test(e)) {
                    hit.accept(e);
                }
            }
        }
    }

    private static Predicate<Entry> matcher(SearchCriteria c, LocalDate today) {
        String text = c.text() == null ? null : Text.key(c.text());
        String district = c.district() == null ? null : Text.key(c.district());
        Set<String> skills = new HashSet<>();
        c.skills().forEach(s -> skills.add(skillKey(s)));
        Set<DayOfWeek> weekdays = c.weekdays();
        Set<TimeWindow> windows = c.windows();
        Set<LifestyleConstraint> lifestyle = c.lifestyle();
        return e -> {
            switch (c.status()) {
                case ACTIVE -> {
                    if (!e.active()) {
                        return false;
                    }
                }
                case INACTIVE -> {
                    if (e.active()) {
                        return false;
                    }
                }
                default -> {
                }
            }
            return (text == null || text.isEmpty() || e.nameKey().contains(text))
                    && (district == null || district.isEmpty() || e.districtKey().contains(district))
                    && (skills.isEmpty() || e.skillKeys().containsAll(skills))
                    && (c.minHours() == null || e.availability().hoursPerWeek() >= c.minHours())
                    && (weekdays.isEmpty() || e.availability().weekdays().containsAll(weekdays))
                    && (windows.isEmpty() || e.availability().windows().containsAll(windows))
                    && (lifestyle.isEmpty() || e.lifestyle().containsAll(lifestyle))
                    && (c.consent() == null || e.consents().contains(c.consent()))
                    && (c.origin() == null || c.origin() == e.origin())
                    && (c.phase() == null || c.phase() == e.phase())
                    && (c.flag() == null || e.flagsOn(today).contains(c.flag()));
        };
    }
}
