package org.freelanceisland.jobs.internal.match;

import java.util.ArrayList;
import java.util.List;

import org.freelanceisland.platform.api.people.PersonSummary;

/**
 * Ranks candidates for one job: best score first, ties broken by person id (numeric ids in number
 * order), so the same data always gives the same order. Only the window asked for is kept while
 * scanning (a bounded heap of {@code offset + limit} entries), and only its entries are explained.
 */
public final class Ranking {

    /**
     * One ranked candidate.
     *
     * @param rank 1 for the best
     * @param person the person
     * @param active the person's active introductions and contracts
     * @param done the person's delivered or paid contracts
     * @param explanation the score and its reasons
     */
    public record Entry(int rank, PersonSummary person, int active, int done, Explanation explanation) {
    }

    /**
     * A window of the ranking.
     *
     * @param total the number of candidates ranked
     * @param entries the window, best first
     */
    public record Result(int total, List<Entry> entries) {
    }

    private Ranking() {
    }

    /**
     * Ranks candidates. People who are inactive or do not consent to job offers are left out.
     *
     * @param scorer the job's scorer
     * @param candidates the candidates, in any order
     * @param tally load and results per person
     * @param offset how many of the best to skip
     * @param limit how many to return
     * @return the window
     */
    public static Result rank(Scorer scorer, List<PersonSummary> candidates, Tally tally, int offset, int limit) {
        return rank(scorer, CandidatePool.of(candidates), tally, offset, limit);
    }

    /**
     * Ranks a pool of candidates laid out for scoring ({@link CandidatePool}); the same result as
     * {@link #rank(Scorer, List, Tally, int, int)} on the pool's list. Allocates one score per
     * candidate and the window, nothing per candidate.
     *
     * @param scorer the job's scorer
     * @param pool the candidates
     * @param tally load and results per person
     * @param offset how many of the best to skip
     * @param limit how many to return
     * @return the window
     */
    public static Result rank(Scorer scorer, CandidatePool pool, Tally tally, int offset, int limit) {
        return rank(scorer, pool, tally, java.util.Set.of(), offset, limit);
    }

    /**
     * Ranks a pool of candidates, leaving some people out.
     *
     * @param scorer the job's scorer
     * @param pool the candidates
     * @param tally load and results per person
     * @param leftOut ids of people not to rank (not counted in the total either)
     * @param offset how many of the best to skip
     * @param limit how many to return
     * @return the window
     */
    public static Result rank(Scorer scorer, CandidatePool pool, Tally tally, java.util.Collection<String> leftOut, int offset,
            int limit) {
        int n = pool.size();
        boolean[] out = null;
        if (!leftOut.isEmpty()) {
            boolean[] skip = new boolean[n];
            for (String id : leftOut) {
                pool.positionsOf(id, i -> skip[i] = true);
            }
            out = skip;
        }
        int keep = (int) Math.min(pool.eligibleCount(), (long) offset + limit);
        int[] scores = new int[n];
        scorer.baseScores(pool, scores);
        // load and results: 10 and 0 for everyone without counts; the counted people get the
        // difference (the smaller of the tally and the pool is walked)
        int none = Scorer.loadPoints(0) + Scorer.resultPoints(0);
        if (tally.size() <= n) {
            tally.forEach((id, c) -> {
                int extra = Scorer.loadPoints(c[0]) + Scorer.resultPoints(c[1]) - none;
                pool.positionsOf(id, i -> scores[i] += extra);
            });
        } else {
            for (int i = 0; i < n; i++) {
                PersonSummary p = pool.person(i);
                if (p != null) {
                    int[] c = tally.of(p.id());
                    scores[i] += Scorer.loadPoints(c[0]) + Scorer.resultPoints(c[1]) - none;
                }
            }
        }
        int[] heap = new int[Math.max(keep, 1)];
        int size = 0;
        int total = 0;
        for (int i = 0; i < n; i++) {
            if (!pool.eligible(i) || out != null && out[i]) {
                continue;
            }
            total++;
            scores[i] = Scorer.total(scores[i], 0, 0);
            if (keep == 0) {
                continue;
            }
            if (size < keep) {
                heap[size] = i;
                siftUp(heap, size++, scores, pool);
            } else if (better(i, heap[0], scores, pool)) {
                heap[0] = i;
                siftDown(heap, size, scores, pool);
            }
        }
        int[] ordered = new int[size];
        for (int k = size - 1; k >= 0; k--) {
            ordered[k] = heap[0];
            heap[0] = heap[--size];
            siftDown(heap, size, scores, pool);
        }
        List<Entry> entries = new ArrayList<>(Math.max(0, ordered.length - offset));
        for (int k = offset; k < ordered.length; k++) {
            PersonSummary p = pool.person(ordered[k]);
            int[] c = tally.of(p.id());
            entries.add(new Entry(k + 1, p, c[0], c[1], scorer.explain(p, c[0], c[1])));
        }
        return new Result(total, entries);
    }

    /**
     * Orders person ids: numeric ids by number, others as text, numbers before text.
     *
     * @param a an id
     * @param b another id
     * @return negative when {@code a} comes first
     */
    public static int compareIds(String a, String b) {
        boolean na = numeric(a);
        boolean nb = numeric(b);
        if (na && nb) {
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
        }
        if (na != nb) {
            return na ? -1 : 1;
        }
        return a.compareTo(b);
    }

    private static boolean numeric(String s) {
        if (s.isEmpty() || s.length() > 1 && s.charAt(0) == '0') {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether candidate i ranks before candidate j. */
    private static boolean better(int i, int j, int[] scores, CandidatePool pool) {
        if (scores[i] != scores[j]) {
            return scores[i] > scores[j];
        }
        return pool.idBefore(i, j);
    }

    // a min-heap on rank: the root is the worst of those kept
    private static void siftUp(int[] heap, int k, int[] scores, CandidatePool pool) {
        int x = heap[k];
        while (k > 0) {
            int parent = (k - 1) >>> 1;
            if (!better(heap[parent], x, scores, pool)) {
                break;
            }
            heap[k] = heap[parent];
            k = parent;
        }
        heap[k] = x;
    }

    private static void siftDown(int[] heap, int size, int[] scores, CandidatePool pool) {
        if (size == 0) {
            return;
        }
        int k = 0;
        int x = heap[0];
        int half = size >>> 1;
        while (k < half) {
            int child = 2 * k + 1;
            int right = child + 1;
            if (right < size && better(heap[child], heap[right], scores, pool)) {
                child = right;
            }
            if (!better(x, heap[child], scores, pool)) {
                break;
            }
            heap[k] = heap[child];
            k = child;
        }
        heap[k] = x;
    }
}
