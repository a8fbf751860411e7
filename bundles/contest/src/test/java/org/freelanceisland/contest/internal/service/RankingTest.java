package org.freelanceisland.contest.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Weighted scores, the jury's tie rule and the audience's. */
class RankingTest {

    private static final List<Ranking.Weight> RUBRIC = List.of(new Ranking.Weight("craft", 3), new Ranking.Weight("originality", 2),
            new Ranking.Weight("island", 1));

    private static Ranking.Sheet sheet(long entry, int craft, int originality, int island) {
        return new Ranking.Sheet(entry, Map.of("craft", craft, "originality", originality, "island", island));
    }

    private static List<Ranking.Candidate> candidates(int n) {
        return java.util.stream.IntStream.rangeClosed(1, n).mapToObj(i -> new Ranking.Candidate(100 + i, i)).toList();
    }

    @Test
    void theScoreIsTheMeanOverJurorsOfEachJurorsWeightedMean() {
        // entry 101: (3*8+2*6+1*10)/6 = 46/6 and (3*6+2*9+1*7)/6 = 43/6 -> mean 89/12 = 7.417
        List<Ranking.JuryPlace> places = Ranking.jury(RUBRIC, candidates(1), List.of(sheet(101, 8, 6, 10), sheet(101, 6, 9, 7)));
        assertEquals(new BigDecimal("7.417"), places.get(0).score());
        assertEquals(2, places.get(0).jurors());
        assertEquals(new BigDecimal("7.000"), places.get(0).criteria().get("craft"));
        assertEquals(new BigDecimal("7.500"), places.get(0).criteria().get("originality"));
    }

    @Test
    void entriesWithFewerJurorsAreComparedByTheirMeanNotTheirSum() {
        // 101 scored by three jurors at 7 each, 102 by one juror (the others had a conflict) at 8
        List<Ranking.JuryPlace> places = Ranking.jury(RUBRIC, candidates(2), List.of(sheet(101, 7, 7, 7), sheet(101, 7, 7, 7),
                sheet(101, 7, 7, 7), sheet(102, 8, 8, 8)));
        assertEquals(102, places.get(0).entryId());
        assertEquals(1, places.get(0).rank());
        assertEquals(2, places.get(1).rank());
    }

    @Test
    void aTieGoesToTheHigherMeanOnTheHeaviestCriterionFirst() {
        // both weigh 36/6 = 6; 102 has more craft (weight 3)
        List<Ranking.JuryPlace> places = Ranking.jury(RUBRIC, candidates(2), List.of(sheet(101, 4, 9, 6), sheet(102, 6, 6, 6)));
        assertEquals(places.get(0).score(), places.get(1).score());
        assertEquals(102, places.get(0).entryId());
        assertEquals("criterion:craft", places.get(1).tieBrokenBy());
        assertNull(places.get(0).tieBrokenBy());
    }

    @Test
    void thenTheNextCriterionByWeightThenMoreJurorsThenTheEarlierEntry() {
        // same craft; originality decides
        List<Ranking.JuryPlace> byOriginality = Ranking.jury(RUBRIC, candidates(2),
                List.of(sheet(101, 6, 5, 8), sheet(102, 6, 6, 6)));
        assertEquals(102, byOriginality.get(0).entryId());
        assertEquals("criterion:originality", byOriginality.get(1).tieBrokenBy());

        // identical means on every criterion: the entry scored by more jurors
        List<Ranking.JuryPlace> byJurors = Ranking.jury(RUBRIC, candidates(2),
                List.of(sheet(101, 6, 6, 6), sheet(102, 6, 6, 6), sheet(102, 6, 6, 6)));
        assertEquals(102, byJurors.get(0).entryId());
        assertEquals("jurors", byJurors.get(1).tieBrokenBy());

        // and finally the lower entry number
        List<Ranking.JuryPlace> byNumber = Ranking.jury(RUBRIC, candidates(3),
                List.of(sheet(103, 6, 6, 6), sheet(102, 6, 6, 6)));
        assertEquals(List.of(102L, 103L, 101L), byNumber.stream().map(Ranking.JuryPlace::entryId).toList());
        assertEquals("entryNumber", byNumber.get(1).tieBrokenBy());
        assertEquals(0, byNumber.get(2).rank(), "an entry nobody scored is not ranked");
    }

    @Test
    void scoresAreComparedExactlyNotAfterRounding() {
        List<Ranking.Weight> flat = List.of(new Ranking.Weight("a", 1), new Ranking.Weight("b", 1), new Ranking.Weight("c", 1));
        // 101: jurors (10,10,10) and (9,9,10) -> (30 + 28)/6 = 58/6 = 9.6666..; 102: (10,9,10),(10,9,10),(9,10,10) -> 87/9 = 9.6666..
        List<Ranking.JuryPlace> places = Ranking.jury(flat, candidates(2), List.of(
                new Ranking.Sheet(101, Map.of("a", 10, "b", 10, "c", 10)), new Ranking.Sheet(101, Map.of("a", 9, "b", 9, "c", 10)),
                new Ranking.Sheet(102, Map.of("a", 10, "b", 9, "c", 10)), new Ranking.Sheet(102, Map.of("a", 10, "b", 9, "c", 10)),
                new Ranking.Sheet(102, Map.of("a", 9, "b", 10, "c", 10))));
        // 58/6 = 9.6667 and 87/9 = 9.6667: truly equal (29/3); a: 9.5 vs 9.667 -> 102 wins on a
        assertEquals(102, places.get(0).entryId());
        assertEquals("criterion:a", places.get(1).tieBrokenBy());
    }

    @Test
    void audienceRanksByVotesThenByTheJuryThenByNumber() {
        List<Ranking.Candidate> c = candidates(4);
        List<Ranking.JuryPlace> jury = Ranking.jury(RUBRIC, c, List.of(sheet(103, 9, 9, 9), sheet(102, 8, 8, 8)));
        List<Ranking.AudiencePlace> places = Ranking.audience(c, Map.of(101L, 5L, 102L, 7L, 103L, 7L), jury);
        assertEquals(List.of(103L, 102L, 101L, 104L), places.stream().map(Ranking.AudiencePlace::entryId).toList());
        assertEquals("juryRank", places.get(1).tieBrokenBy());
        assertEquals(0, places.get(3).rank(), "no votes, no rank");

        List<Ranking.AudiencePlace> unjudged = Ranking.audience(c, Map.of(104L, 3L, 101L, 3L), List.of());
        assertEquals(101L, unjudged.get(0).entryId());
        assertEquals("entryNumber", unjudged.get(1).tieBrokenBy());
    }
}
