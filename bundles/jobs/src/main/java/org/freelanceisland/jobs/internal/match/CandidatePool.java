package org.freelanceisland.jobs.internal.match;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.freelanceisland.platform.api.people.Availability;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.api.people.PersonSummary;

/**
 * A list of candidates laid out for scoring many jobs against it: what {@link Scorer} reads of each
 * person, in arrays by position (hours, weekdays, time windows and lifestyle as bit masks, whether
 * the person may be offered jobs, the id as a number), and each skill as a bitset of the positions
 * of the people who list it. Scoring every candidate of a job is then a pass over a few arrays,
 * instead of following a dozen references and hashing skill names per person; building it costs
 * about what one such pass over the summaries cost, so it pays as soon as the same list is ranked
 * twice (the people registry hands out the same list until it changes, see
 * {@code MatchingService}).
 *
 * <p>Immutable once built, and safe to share between threads.
 */
public final class CandidatePool {

    private final List<PersonSummary> source;
    private final PersonSummary[] people;
    private final boolean[] eligible;
    private final int eligibleCount;
    private final boolean[] available;
    private final int[] hours;
    private final byte[] weekdays;
    private final byte[] windows;
    private final byte[] lifestyle;
    /** the id as a number when it is a plain number of at most 18 digits (then number order is id order), else -1 */
    private final long[] numericIds;
    private final Map<String, long[]> bySkill;
    /**
     * positions by id: numeric ids in an open-addressing table (keys, first position), other ids in
     * a map; {@link #nextSameId} chains further positions of the same id. Looking up the ~14,000
     * people of a tally then reads two primitive arrays instead of a map node, a key and a boxed
     * position each.
     */
    private final long[] idKeys;
    private final int[] idFirst;
    private final int idMask;
    private final Map<String, Integer> otherIds;
    private final int[] nextSameId;

    private CandidatePool(List<PersonSummary> source) {
        this.source = source;
        people = source.toArray(new PersonSummary[0]);
        int n = people.length;
        eligible = new boolean[n];
        available = new boolean[n];
        hours = new int[n];
        weekdays = new byte[n];
        windows = new byte[n];
        lifestyle = new byte[n];
        numericIds = new long[n];
        bySkill = new HashMap<>();
        int table = Integer.highestOneBit(Math.max(8, n) * 2 - 1) << 1;
        idKeys = new long[table];
        java.util.Arrays.fill(idKeys, -1);
        idFirst = new int[table];
        idMask = table - 1;
        otherIds = new HashMap<>();
        nextSameId = new int[n];
        int words = (n + 63) >>> 6;
        int count = 0;
        for (int i = 0; i < n; i++) {
            PersonSummary p = people[i];
            if (p == null) {
                numericIds[i] = -1;
                continue;
            }
            eligible[i] = p.active() && p.consentsTo(ConsentPurpose.JOB_OFFERS);
            if (eligible[i]) {
                count++;
            }
            Availability a = p.availability();
            if (a != null) {
                available[i] = true;
                hours[i] = a.hoursPerWeek();
                weekdays[i] = (byte) mask(a.weekdays());
                windows[i] = (byte) mask(a.windows());
            }
            lifestyle[i] = (byte) mask(p.lifestyle());
            for (String skill : p.skills()) {
                bySkill.computeIfAbsent(skill, k -> new long[words])[i >>> 6] |= 1L << i;
            }
            long key = numeric(p.id());
            numericIds[i] = key;
            if (key >= 0) {
                int at = slotOf(key);
                nextSameId[i] = idKeys[at] == key ? idFirst[at] : -1;
                idKeys[at] = key;
                idFirst[at] = i;
            } else {
                Integer first = otherIds.put(p.id(), i);
                nextSameId[i] = first == null ? -1 : first;
            }
        }
        eligibleCount = count;
    }

    /**
     * Lays out a list of candidates.
     *
     * @param candidates the candidates ({@code null} elements are never ranked)
     * @return the pool
     */
    public static CandidatePool of(List<PersonSummary> candidates) {
        return new CandidatePool(candidates);
    }

    static int mask(Collection<? extends Enum<?>> values) {
        int m = 0;
        for (Enum<?> v : values) {
            m |= 1 << v.ordinal();
        }
        return m;
    }

    /** The value of a plain decimal number of at most 18 digits without leading zeros, else -1. */
    static long numeric(String id) {
        int n = id.length();
        if (n == 0 || n > 18 || n > 1 && id.charAt(0) == '0') {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * The list this pool was made from.
     *
     * @return the list, as given
     */
    public List<PersonSummary> source() {
        return source;
    }

    /**
     * The number of positions (the length of the list).
     *
     * @return the size
     */
    public int size() {
        return people.length;
    }

    /**
     * The number of people who may be ranked: active and consenting to job offers.
     *
     * @return the count
     */
    public int eligibleCount() {
        return eligibleCount;
    }

    PersonSummary person(int i) {
        return people[i];
    }

    boolean eligible(int i) {
        return eligible[i];
    }

    boolean available(int i) {
        return available[i];
    }

    int hours(int i) {
        return hours[i];
    }

    int weekdays(int i) {
        return weekdays[i];
    }

    int windows(int i) {
        return windows[i];
    }

    int lifestyle(int i) {
        return lifestyle[i];
    }

    /**
     * Whether position {@code i} ranks before {@code j} among equal scores: by id, numbers in number
     * order before other ids ({@link Ranking#compareIds}).
     */
    boolean idBefore(int i, int j) {
        long a = numericIds[i];
        long b = numericIds[j];
        if (a >= 0 && b >= 0) {
            return a < b;
        }
        return Ranking.compareIds(people[i].id(), people[j].id()) < 0;
    }

    /**
     * The positions of the people who list a skill, exactly as written.
     *
     * @param skill a skill code or tag
     * @return the bitset of positions, or {@code null} when no one lists it; do not change it
     */
    long[] withSkill(String skill) {
        return bySkill.get(skill);
    }

    /**
     * Every position of a person id (normally one).
     *
     * @param id the person id
     * @param action what to do with each position
     */
    void positionsOf(String id, IntConsumer action) {
        long key = numeric(id);
        int first;
        if (key >= 0) {
            int at = slotOf(key);
            first = idKeys[at] == key ? idFirst[at] : -1;
        } else {
            Integer known = otherIds.get(id);
            first = known == null ? -1 : known;
        }
        for (int i = first; i >= 0; i = nextSameId[i]) {
            action.accept(i);
        }
    }

    /** The table slot of a numeric id: its own, or the empty one where it would go. */
    private int slotOf(long key) {
        int at = (int) (key * 0x9E3779B97F4A7C15L >>> 32) & idMask;
        while (idKeys[at] != -1 && idKeys[at] != key) {
            at = (at + 1) & idMask;
        }
        return at;
    }
}
