package org.freelanceisland.jobs.internal.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.freelanceisland.jobs.internal.model.WorkMode;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.api.people.PersonSummary;
import org.junit.jupiter.api.Test;

class RankingTest {

    @Test
    void bestFirstTiesByPersonIdInNumberOrderTheSameWhateverTheInputOrder() {
        Scorer scorer = new Scorer(ScorerTest.articles(WorkMode.REMOTE));
        List<PersonSummary> people = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            people.add(ScorerTest.person(Integer.toString(i), i % 3 == 0 ? Set.of("writing", "photography") : Set.of("writing"),
                    i % 2 == 0 ? 20 : 5, Set.of()));
        }
        Tally tally = Tally.builder(2).add("9", 2, 0).add("12", 0, 3).build();
        Ranking.Result first = Ranking.rank(scorer, people, tally, 0, 30);
        Collections.shuffle(people, new Random(7));
        Ranking.Result again = Ranking.rank(scorer, people, tally, 0, 30);
        assertEquals(ids(first), ids(again));
        assertEquals(30, first.total());
        assertEquals("12", first.entries().get(0).person().id(), "both skills, time and 3 deliveries");
        assertEquals(3, first.entries().get(0).done());
        for (int k = 1; k < first.entries().size(); k++) {
            Ranking.Entry a = first.entries().get(k - 1);
            Ranking.Entry b = first.entries().get(k);
            assertTrue(a.explanation().score() > b.explanation().score() || (a.explanation().score() == b.explanation().score()
                    && Ranking.compareIds(a.person().id(), b.person().id()) < 0), a + " before " + b);
            assertEquals(k + 1, b.rank());
        }
        // ties: 6, 18, 24, 30 have the same score as each other; 6 comes before 18 (numbers, not text)
        List<String> order = ids(first);
        assertTrue(order.indexOf("6") < order.indexOf("18") && order.indexOf("18") < order.indexOf("24"));

        Ranking.Result window = Ranking.rank(scorer, people, tally, 5, 5);
        assertEquals(order.subList(5, 10), ids(window));
        assertEquals(6, window.entries().get(0).rank());
        assertEquals(0, Ranking.rank(scorer, people, tally, 40, 5).entries().size());
    }

    @Test
    void peopleWhoAreInactiveOrDoNotConsentAreLeftOut() {
        Scorer scorer = new Scorer(ScorerTest.articles(WorkMode.REMOTE));
        PersonSummary ok = ScorerTest.person("1", Set.of("writing"), 10, Set.of());
        PersonSummary inactive = new PersonSummary("2", "n", null, null, false, Set.of("writing"), null, Set.of(), Set.of(),
                EnumSet.of(ConsentPurpose.JOB_OFFERS));
        PersonSummary noConsent = new PersonSummary("3", "n", null, null, true, Set.of("writing"), null, Set.of(), Set.of(),
                EnumSet.of(ConsentPurpose.STATISTICS));
        Ranking.Result r = Ranking.rank(scorer, List.of(ok, inactive, noConsent), Tally.empty(), 0, 10);
        assertEquals(1, r.total());
        assertEquals(List.of("1"), ids(r));
    }

    @Test
    void idsCompareNumbersByValueAndTextAfterThem() {
        assertTrue(Ranking.compareIds("9", "10") < 0);
        assertTrue(Ranking.compareIds("10", "9") > 0);
        assertTrue(Ranking.compareIds("100", "p-1") < 0);
        assertTrue(Ranking.compareIds("p-1", "p-2") < 0);
        assertEquals(0, Ranking.compareIds("42", "42"));
    }

    private static List<String> ids(Ranking.Result r) {
        return r.entries().stream().map(e -> e.person().id()).toList();
    }
}
