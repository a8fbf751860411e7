package org.freelanceisland.contest.internal.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns jurors' scores and audience votes into rankings. Pure arithmetic, no database: the rules
 * are unit-tested here and documented in {@code docs/contest.md}.
 *
 * <p><b>Jury score of an entry</b>: each juror's score is the weighted mean of their criterion
 * values, {@code Σ weight × value / Σ weight}, on the rubric's scale; the entry's score is the mean
 * over the jurors who scored it (jurors with a conflict of interest do not score, so entries may
 * have different numbers of scores). Compared exactly (as fractions), never as rounded decimals.
 *
 * <p><b>Tie rule (jury)</b>, in order: the higher score; then the higher mean on each criterion in
 * order of decreasing weight (equal weights in rubric order); then the entry scored by more jurors;
 * then the lower entry number (entered first). Ranks are therefore unique. Entries nobody scored
 * are not ranked.
 *
 * <p><b>Audience ranking</b>: more votes first; a tie goes to the entry ranked better by the jury
 * (unranked entries last), then to the lower entry number. Entries without votes are not ranked.
 */
public final class Ranking {

    private Ranking() {
    }

    /**
     * A criterion as the ranking needs it.
     *
     * @param code the code
     * @param weight its weight
     */
    public record Weight(String code, int weight) {
    }

    /**
     * An entry taking part.
     *
     * @param entryId the id
     * @param number its number
     */
    public record Candidate(long entryId, int number) {
    }

    /**
     * One juror's values for an entry.
     *
     * @param entryId the entry
     * @param values the value of each criterion
     */
    public record Sheet(long entryId, Map<String, Integer> values) {
    }

    /**
     * An entry's place in the jury's ranking.
     *
     * @param entryId the entry
     * @param number the entry's number
     * @param rank 1, 2, ... (unique), or 0 when nobody scored it
     * @param jurors how many jurors scored it
     * @param score the score, rounded to three decimals for display ({@code null} when unscored)
     * @param criteria the mean of each criterion, rounded to three decimals
     * @param tieBrokenBy what decided between this entry and the one ranked just above it with the
     *        same score ({@code criterion:<code>}, {@code jurors}, {@code entryNumber}), or {@code null}
     */
    public record JuryPlace(long entryId, int number, int rank, int jurors, BigDecimal score, Map<String, BigDecimal> criteria,
            String tieBrokenBy) {
    }

    /**
     * An entry's place in the audience's ranking.
     *
     * @param entryId the entry
     * @param number the entry's number
     * @param rank 1, 2, ... (unique), or 0 without votes
     * @param votes votes received
     * @param tieBrokenBy {@code juryRank} or {@code entryNumber} when it tied on votes with the entry
     *        just above, else {@code null}
     */
    public record AudiencePlace(long entryId, int number, int rank, long votes, String tieBrokenBy) {
    }

    /** Exact sums of one entry. */
    private static final class Tally {
        final Candidate candidate;
        long weighted; // Σ over jurors of Σ weight × value
        int jurors;
        final Map<String, Long> sums = new HashMap<>();

        Tally(Candidate candidate) {
            this.candidate = candidate;
        }
    }

    /**
     * Ranks entries by the jury's scores.
     *
     * @param criteria the rubric
     * @param candidates the entries taking part (withdrawn entries left out)
     * @param sheets every juror's values; sheets of entries not among the candidates are ignored
     * @return every candidate: the ranked ones by rank, then the unscored ones by number
     */
    public static List<JuryPlace> jury(List<Weight> criteria, List<Candidate> candidates, List<Sheet> sheets) {
        long totalWeight = criteria.stream().mapToLong(Weight::weight).sum();
        Map<Long, Tally> tallies = new LinkedHashMap<>();
        candidates.forEach(c -> tallies.put(c.entryId(), new Tally(c)));
        for (Sheet sheet : sheets) {
            Tally t = tallies.get(sheet.entryId());
            if (t == null) {
                continue;
            }
            t.jurors++;
            for (Weight w : criteria) {
                int v = sheet.values().getOrDefault(w.code(), 0);
                t.weighted += (long) w.weight() * v;
                t.sums.merge(w.code(), (long) v, Long::sum);
            }
        }
        List<Weight> byWeight = new ArrayList<>(criteria);
        byWeight.sort(Comparator.comparingInt(Weight::weight).reversed()); // stable: rubric order within equal weights

        List<Tally> scored = new ArrayList<>(tallies.values().stream().filter(t -> t.jurors > 0).toList());
        scored.sort((a, b) -> {
            int c = compareFractions(b.weighted, (long) b.jurors * totalWeight, a.weighted, (long) a.jurors * totalWeight);
            if (c != 0) {
                return c;
            }
            for (Weight w : byWeight) {
                c = compareFractions(b.sums.get(w.code()), b.jurors, a.sums.get(w.code()), a.jurors);
                if (c != 0) {
                    return c;
                }
            }
            c = Integer.compare(b.jurors, a.jurors);
            return c != 0 ? c : Integer.compare(a.candidate.number(), b.candidate.number());
        });

        List<JuryPlace> places = new ArrayList<>();
        Tally previous = null;
        int rank = 0;
        for (Tally t : scored) {
            rank++;
            String tie = null;
            if (previous != null && compareFractions(previous.weighted, (long) previous.jurors * totalWeight, t.weighted,
                    (long) t.jurors * totalWeight) == 0) {
                tie = tieBreaker(previous, t, byWeight);
            }
            Map<String, BigDecimal> means = new LinkedHashMap<>();
            for (Weight w : criteria) {
                means.put(w.code(), decimal(t.sums.get(w.code()), t.jurors));
            }
            places.add(new JuryPlace(t.candidate.entryId(), t.candidate.number(), rank, t.jurors,
                    decimal(t.weighted, (long) t.jurors * totalWeight), means, tie));
            previous = t;
        }
        tallies.values().stream().filter(t -> t.jurors == 0)
                .sorted(Comparator.comparingInt(t -> t.candidate.number()))
                .forEach(t -> places.add(new JuryPlace(t.candidate.entryId(), t.candidate.number(), 0, 0, null, Map.of(), null)));
        return places;
    }

    private static String tieBreaker(Tally above, Tally below, List<Weight> byWeight) {
        for (Weight w : byWeight) {
            if (compareFractions(above.sums.get(w.code()), above.jurors, below.sums.get(w.code()), below.jurors) != 0) {
                return "criterion:" + w.code();
            }
        }
        return above.jurors != below.jurors ? "jurors" : "entryNumber";
    }

    /**
     * Ranks entries by the audience's votes.
     *
     * @param candidates the entries taking part
     * @param votes votes by entry id
     * @param jury the jury's ranking (for ties), may be empty
     * @return every candidate: the ranked ones by rank, then those without votes by number
     */
    public static List<AudiencePlace> audience(List<Candidate> candidates, Map<Long, Long> votes, List<JuryPlace> jury) {
        Map<Long, Integer> juryRank = new HashMap<>();
        jury.forEach(p -> juryRank.put(p.entryId(), p.rank() == 0 ? Integer.MAX_VALUE : p.rank()));
        Comparator<Candidate> order = Comparator.<Candidate>comparingLong(c -> -votes.getOrDefault(c.entryId(), 0L))
                .thenComparingInt(c -> juryRank.getOrDefault(c.entryId(), Integer.MAX_VALUE))
                .thenComparingInt(Candidate::number);
        List<Candidate> withVotes = new ArrayList<>(candidates.stream().filter(c -> votes.getOrDefault(c.entryId(), 0L) > 0).toList());
        withVotes.sort(order);
        List<AudiencePlace> places = new ArrayList<>();
        Candidate previous = null;
        int rank = 0;
        for (Candidate c : withVotes) {
            rank++;
            long v = votes.get(c.entryId());
            String tie = null;
            if (previous != null && votes.get(previous.entryId()) == v) {
                tie = juryRank.getOrDefault(previous.entryId(), Integer.MAX_VALUE)
                        .equals(juryRank.getOrDefault(c.entryId(), Integer.MAX_VALUE)) ? "entryNumber" : "juryRank";
            }
            places.add(new AudiencePlace(c.entryId(), c.number(), rank, v, tie));
            previous = c;
        }
        candidates.stream().filter(c -> votes.getOrDefault(c.entryId(), 0L) == 0)
                .sorted(Comparator.comparingInt(Candidate::number))
                .forEach(c -> places.add(new AudiencePlace(c.entryId(), c.number(), 0, 0, null)));
        return places;
    }

    /** Compares a/b with c/d exactly (b, d > 0). */
    static int compareFractions(long a, long b, long c, long d) {
        return Long.compare(Math.multiplyExact(a, d), Math.multiplyExact(c, b));
    }

    private static BigDecimal decimal(long numerator, long denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 3, RoundingMode.HALF_UP);
    }
}
