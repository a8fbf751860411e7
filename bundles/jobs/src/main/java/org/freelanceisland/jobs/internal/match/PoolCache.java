package org.freelanceisland.jobs.internal.match;

import java.util.List;
import java.util.function.Function;

import org.freelanceisland.platform.api.people.PersonSummary;

/**
 * The last few candidate lists laid out for scoring, by identity: the people registry hands out the
 * same (immutable) list for the same skills until the registry changes, so ranking job after job
 * lays the list out once instead of once per request. A list not seen before (the registry changed,
 * or another registry that makes a new list per call) is laid out again; an answer is never taken
 * from a pool of another list. Thread-safe; the layout is done outside the lock.
 */
public final class PoolCache {

    private final CandidatePool[] pools;
    private int next;

    /**
     * A cache.
     *
     * @param size how many lists to keep
     */
    public PoolCache(int size) {
        pools = new CandidatePool[size];
    }

    /**
     * The pool of a list, laid out now if this cache does not hold it.
     *
     * @param candidates the list
     * @return its pool
     */
    public CandidatePool of(List<PersonSummary> candidates) {
        return of(candidates, CandidatePool::of);
    }

    CandidatePool of(List<PersonSummary> candidates, Function<List<PersonSummary>, CandidatePool> layout) {
        synchronized (pools) {
            for (CandidatePool p : pools) {
                if (p != null && p.source() == candidates) {
                    return p;
                }
            }
        }
        CandidatePool made = layout.apply(candidates);
        synchronized (pools) {
            pools[next] = made;
            next = (next + 1) % pools.length;
        }
        return made;
    }
}
