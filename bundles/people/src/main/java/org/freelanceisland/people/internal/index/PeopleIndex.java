package org.freelanceisland.people.internal.index;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

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

    /**
     * An entry with what the searches test, precomputed once per change: enum sets as bit masks,
     * the skill keys as an array. Immutable (final fields), so a reader that meets a row written
     * concurrently sees it whole.
     */
    private static final class Row {
        final Entry entry;
        final long recordVersion;
        final long id;
        final boolean active;
        final String sortKey;
        final String nameKey;
        /** a bit per character of the name key (by hash): a text search skips names that lack one of its characters */
        final long nameChars;
        /** a bit per pair of adjacent characters of the name key, likewise */
        final long namePairs;
        /** the ids of the skill keys in the state's dictionary, ascending */
        final int[] skills;
        /** the same ids below 64 as bits (the skills met first, i.e. the common ones): no array to follow */
        final long firstSkills;
        final int hours;
        final int weekdays;
        final int windows;
        final int lifestyle;
        final int consents;
        final boolean jobCandidate;

        Row(Entry entry, long recordVersion, int[] skills) {
            this.entry = entry;
            this.recordVersion = recordVersion;
            id = entry.id();
            active = entry.active();
            sortKey = entry.sortKey();
            nameKey = entry.nameKey();
            nameChars = charBits(nameKey);
            namePairs = pairBits(nameKey);
            this.skills = skills;
            long bits = 0;
            for (int k : skills) {
                if (k < 64) {
                    bits |= 1L << k;
                }
            }
            firstSkills = bits;
            Availability a = entry.availability();
            hours = a == null ? 0 : a.hoursPerWeek();
            weekdays = a == null ? 0 : mask(a.weekdays());
            windows = a == null ? 0 : mask(a.windows());
            lifestyle = mask(entry.lifestyle());
            consents = mask(entry.consents());
            jobCandidate = entry.jobCandidate();
        }

        boolean hasSkill(int k) {
            return k < 64 ? (firstSkills & 1L << k) != 0 : Arrays.binarySearch(skills, k) >= 0;
        }

        boolean hasAnySkill(int[] wanted) {
            for (int k : wanted) {
                if (hasSkill(k)) {
                    return true;
                }
            }
            return false;
        }

        boolean hasAllSkills(int[] wanted) {
            for (int k : wanted) {
                if (!hasSkill(k)) {
                    return false;
                }
            }
            return true;
        }

        /** The order of lists: kana, then name, then id. */
        int compareTo(Row o) {
            int c = sortKey.compareTo(o.sortKey);
            return c != 0 ? c : Long.compare(id, o.id);
        }
    }

    /**
     * The characters of a text as bits of a 64-bit filter: a text that contains another has every
     * bit of the other's (the converse need not hold; {@link String#contains} decides).
     */
    static long charBits(String text) {
        long bits = 0;
        for (int i = 0; i < text.length(); i++) {
            bits |= 1L << (text.charAt(i) * 0x9E3779B1 >>> 26);
        }
        return bits;
    }

    /** The pairs of adjacent characters of a text as bits of a 64-bit filter (see {@link #charBits}). */
    static long pairBits(String text) {
        long bits = 0;
        for (int i = 1; i < text.length(); i++) {
            bits |= 1L << ((text.charAt(i - 1) * 31 + text.charAt(i)) * 0x9E3779B1 >>> 26);
        }
        return bits;
    }

    /** A skill key's number in a state and the people who have it. */
    private record Skill(int id, SlotBits slots) {
    }

    /**
     * Everything indexed, in slots: each person has a slot number for as long as the state lives,
     * the rows are an array by slot and the postings (skill, active, job pool) are bitsets of slots.
     * Only the index's (serialised) writers change a state; {@link #replaceAll} builds a new one
     * aside and swaps it in. Readers read {@link #version} first: it is written last by every
     * change, so everything a finished change wrote is visible to them.
     */
    private static final class State {
        final Map<Long, Integer> slots;
        final Map<String, Skill> bySkill = new ConcurrentHashMap<>();
        final SlotBits active;
        final SlotBits jobPool;
        volatile Row[] rows;
        /**
         * the name filters by slot, two words each ({@link Row#nameChars}, {@link Row#namePairs}),
         * side by side so that a text search over everyone reads one sequential array and follows a
         * row only when its filter passes; opaque access, like {@link SlotBits}
         */
        volatile long[] names;
        volatile int count;
        volatile long version;

        State(int capacity) {
            int c = Math.max(16, capacity);
            slots = new ConcurrentHashMap<>(c * 4 / 3 + 1);
            rows = new Row[c];
            names = new long[2 * c];
            active = new SlotBits(c);
            jobPool = new SlotBits(c);
        }
    }

    private static final VarHandle WORD = MethodHandles.arrayElementVarHandle(long[].class);

    private volatile State state = new State(16);
    /** incremented by every change that a reader can see */
    private volatile long modifications;

    private static <E extends Enum<E>> int mask(Collection<E> values) {
        int m = 0;
        if (values != null) {
            for (E v : values) {
                m |= 1 << v.ordinal();
            }
        }
        return m;
    }

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
        if (put(state, person)) {
            modifications++;
        }
    }

    /** Puts a person into a state; whether a reader can see a difference. */
    private static boolean put(State s, Person person) {
        Integer known = s.slots.get(person.id());
        Row old = known == null ? null : s.rows[known];
        if (old != null && person.version() < old.recordVersion) {
            return false;
        }
        Entry entry = entryOf(person);
        int[] skillIds = new int[entry.skillKeys().size()];
        int k = 0;
        for (String key : entry.skillKeys()) {
            skillIds[k++] = s.bySkill.computeIfAbsent(key, x -> new Skill(s.bySkill.size(), new SlotBits(s.rows.length))).id();
        }
        Arrays.sort(skillIds);
        Row row = new Row(entry, person.version(), skillIds);
        int slot;
        if (known == null) {
            slot = s.count;
            Row[] rows = s.rows;
            if (slot == rows.length) {
                rows = Arrays.copyOf(rows, rows.length * 2);
                rows[slot] = row;
                s.rows = rows;
            } else {
                rows[slot] = row;
            }
        } else {
            slot = known;
            s.rows[slot] = row;
        }
        long[] names = s.names;
        if (2 * slot + 1 >= names.length) {
            names = Arrays.copyOf(names, Math.max(2 * slot + 2, names.length * 2));
            s.names = names;
        }
        WORD.setOpaque(names, 2 * slot, row.nameChars);
        WORD.setOpaque(names, 2 * slot + 1, row.namePairs);
        boolean changed = old == null || !old.entry.equals(entry);
        if (old != null) {
            for (String key : old.entry.skillKeys()) {
                if (!entry.skillKeys().contains(key)) {
                    s.bySkill.get(key).slots().clear(slot);
                }
            }
        }
        for (String key : entry.skillKeys()) {
            s.bySkill.get(key).slots().set(slot);
        }
        if (entry.active()) {
            s.active.set(slot);
        } else {
            s.active.clear(slot);
        }
        if (row.jobCandidate) {
            s.jobPool.set(slot);
        } else {
            s.jobPool.clear(slot);
        }
        if (known == null) {
            s.slots.put(entry.id(), slot);
            s.count = slot + 1;
        }
        s.version++; // last: publishes the writes above to readers that read the version first
        return changed;
    }

    /**
     * Replaces the whole content. The new content is built aside and swapped in at once, so
     * searches meanwhile see the old content whole, never a half-built one.
     *
     * @param people everyone in the registry
     */
    public synchronized void replaceAll(Collection<Person> people) {
        State fresh = new State(people.size());
        for (Person p : people) {
            put(fresh, p);
        }
        state = fresh;
        modifications++;
    }

    /**
     * A number that changes whenever a change to the index could change an answer (a person added
     * or changed, the whole content replaced); re-putting an unchanged person leaves it.
     *
     * @return the modification count
     */
    public long modifications() {
        return modifications;
    }

    /**
     * One person.
     *
     * @param id the id
     * @return the entry, if indexed
     */
    public Optional<Entry> get(long id) {
        State s = state;
        Integer slot = s.slots.get(id);
        if (slot == null) {
            return Optional.empty();
        }
        Row row = s.rows[slot];
        return row == null ? Optional.empty() : Optional.of(row.entry);
    }

    /**
     * The number of people indexed.
     *
     * @return the size
     */
    public int size() {
        return state.slots.size();
    }

    /**
     * The active people who consent to job offers and have at least one of the skills.
     *
     * @param anyOfSkills skill codes, labels or tags; empty for every consenting person
     * @return the entries, in no particular order
     */
    public List<Entry> jobCandidates(Collection<String> anyOfSkills) {
        State s = state;
        long published = s.version; // read first: see the note on State
        Row[] rows = s.rows;
        int words = SlotBits.wordsFor(s.count);
        long[] hits;
        int[] found;
        if (anyOfSkills == null || anyOfSkills.isEmpty()) {
            found = null;
            hits = s.jobPool.copy(words);
        } else {
            hits = new long[words];
            found = new int[anyOfSkills.size()];
            int k = 0;
            for (String skill : anyOfSkills) {
                Skill having = s.bySkill.get(skillKey(skill));
                if (having != null) {
                    having.slots().orInto(hits);
                    found[k++] = having.id();
                }
            }
            found = Arrays.copyOf(found, k);
            s.jobPool.andInto(hits);
        }
        int[] keys = found;
        int n = 0;
        for (long w : hits) {
            n += Long.bitCount(w);
        }
        List<Entry> result = new ArrayList<>(n);
        SlotBits.forEach(hits, slot -> {
            Row r = slot < rows.length ? rows[slot] : null;
            // the bits may be a change behind or ahead of the row: the row decides
            if (r != null && r.jobCandidate && (keys == null || r.hasAnySkill(keys))) {
                result.add(r.entry);
            }
        });
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
        // the window only: a bounded heap whose root is the last of the best kept so far
        PriorityQueue<Row> best = new PriorityQueue<>(Math.min(keep, 1024) + 1, (a, b) -> b.compareTo(a));
        long[] total = { 0 };
        scan(criteria, today, r -> {
            total[0]++;
            if (best.size() < keep) {
                best.add(r);
            } else if (r.compareTo(best.peek()) < 0) {
                best.poll();
                best.add(r);
            }
        });
        List<Row> sorted = new ArrayList<>(best);
        sorted.sort(Row::compareTo);
        List<Entry> items = new ArrayList<>(Math.max(0, sorted.size() - page.offset()));
        for (int i = page.offset(); i < sorted.size(); i++) {
            items.add(sorted.get(i).entry);
        }
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
        scan(criteria, today, r -> all.add(r.entry));
        all.sort(ORDER);
        return all;
    }

    private void scan(SearchCriteria c, LocalDate today, Consumer<Row> hit) {
        State s = state;
        long published = s.version; // read first: see the note on State
        Row[] rows = s.rows;
        int count = Math.min(s.count, rows.length);
        Set<String> keys = new LinkedHashSet<>();
        c.skills().forEach(k -> keys.add(skillKey(k)));
        int[] skillIds = new int[keys.size()];
        long[] slots = null;
        int k = 0;
        for (String key : keys) {
            Skill having = s.bySkill.get(key);
            if (having == null) {
                return;
            }
            skillIds[k++] = having.id();
            if (slots == null) {
                slots = having.slots().copy(SlotBits.wordsFor(count));
            } else {
                having.slots().andInto(slots);
            }
        }
        Matcher matches = new Matcher(c, skillIds, today);
        if (c.status() == SearchCriteria.Status.ACTIVE && !(slots == null && matches.text != null)) {
            if (slots == null) {
                slots = s.active.copy(SlotBits.wordsFor(count));
            } else {
                s.active.andInto(slots);
            }
        }
        if (slots == null && matches.text != null) {
            // everyone, by text: the filters first, in one sequential pass; rows only where they pass
            long[] names = s.names;
            int n = Math.min(count, names.length / 2);
            long chars = matches.textChars;
            long pairs = matches.textPairs;
            for (int slot = 0; slot < n; slot++) {
                if (((long) WORD.getOpaque(names, 2 * slot) & chars) == chars
                        && ((long) WORD.getOpaque(names, 2 * slot + 1) & pairs) == pairs) {
                    Row r = rows[slot];
                    if (r != null && matches.test(r)) {
                        hit.accept(r);
                    }
                }
            }
        } else if (slots == null) {
            for (int slot = 0; slot < count; slot++) {
                Row r = rows[slot];
                if (r != null && matches.test(r)) {
                    hit.accept(r);
                }
            }
        } else {
            SlotBits.forEach(slots, slot -> {
                Row r = slot < rows.length ? rows[slot] : null;
                // the bits may be a change behind or ahead of the row: the row decides
                if (r != null && matches.test(r)) {
                    hit.accept(r);
                }
            });
        }
    }

    /** The criteria, prepared once per search and tested against each row without allocating. */
    private static final class Matcher {
        final SearchCriteria.Status status;
        final String text;
        final long textChars;
        final long textPairs;
        final String district;
        final int[] skills;
        final int minHours;
        final int weekdays;
        final int windows;
        final int lifestyle;
        final int consent;
        final Origin origin;
        final RelationPhase phase;
        final PersonFlag flag;
        final LocalDate today;

        Matcher(SearchCriteria c, int[] skills, LocalDate today) {
            status = c.status();
            String t = c.text() == null ? null : Text.key(c.text());
            text = t == null || t.isEmpty() ? null : t;
            textChars = text == null ? 0 : charBits(text);
            textPairs = text == null ? 0 : pairBits(text);
            String d = c.district() == null ? null : Text.key(c.district());
            district = d == null || d.isEmpty() ? null : d;
            this.skills = skills;
            minHours = c.minHours() == null ? Integer.MIN_VALUE : c.minHours();
            weekdays = mask(c.weekdays());
            windows = mask(c.windows());
            lifestyle = mask(c.lifestyle());
            consent = c.consent() == null ? 0 : 1 << c.consent().ordinal();
            origin = c.origin();
            phase = c.phase();
            flag = c.flag();
            this.today = today;
        }

        private boolean containsText(Row r) {
            return (r.nameChars & textChars) == textChars && (r.namePairs & textPairs) == textPairs && r.nameKey.contains(text);
        }

        boolean test(Row r) {
            switch (status) {
                case ACTIVE -> {
                    if (!r.active) {
                        return false;
                    }
                }
                case INACTIVE -> {
                    if (r.active) {
                        return false;
                    }
                }
                default -> {
                }
            }
            if (r.hours < minHours || (r.weekdays & weekdays) != weekdays || (r.windows & windows) != windows
                    || (r.lifestyle & lifestyle) != lifestyle || (r.consents & consent) != consent
                    || !r.hasAllSkills(skills) || text != null && !containsText(r)) {
                return false;
            }
            Entry e = r.entry;
            if (origin != null && origin != e.origin() || phase != null && phase != e.phase()
                    || district != null && !e.districtKey().contains(district)) {
                return false;
            }
            if (flag != null) {
                for (Person.FlagPeriod f : e.flags()) {
                    if (f.flag() == flag && f.holdsOn(today)) {
                        return true;
                    }
                }
                return false;
            }
            return true;
        }
    }
}
