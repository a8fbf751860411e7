package org.freelanceisland.contest.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.apache.aries.jpa.template.TransactionType;
import org.freelanceisland.contest.internal.Fixture;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.persistence.RecordRemover;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The administrators' removal of a contest takes its entries, jury and scores, and nothing of another contest. */
class RemovalsTest {

    private Fixture f;
    private RecordRemover removal;

    @BeforeEach
    void setUp() {
        f = new Fixture();
        for (int i = 1; i <= 4; i++) {
            f.directory.add("m" + i, "作家 " + i);
        }
        removal = new RecordRemover("contest", f.tx, Map.of("contest", Removals::contest, "market", Removals::market)) { };
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private long count(String sql) {
        return f.jpa.txExpr(TransactionType.Supports,
                em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + sql).getSingleResult()).longValue());
    }

    private long judgedContest(String... makers) {
        f.clock.set("2025-09-10T03:00:00Z");
        long id = f.contestWithEntries(makers);
        f.judging.assign(id, new Dto.JurorInput("juror-a", "審査員A"));
        f.clock.set("2025-10-02T00:00:00Z");
        for (Dto.EntryView e : f.entries.list(id, null, null, null, new PageRequest(0, 50)).items()) {
            f.judging.score(id, e.id(), "juror-a",
                    new Dto.ScoreInput(Map.of("craft", 9, "originality", 8, "island", 7), "丁寧な仕事"), false);
        }
        return id;
    }

    @Test
    void removesAContestWithItsEntriesJuryAndScoresAndLeavesTheOtherContest() {
        long removed = judgedContest("m1", "m2");
        long kept = judgedContest("m3", "m4");
        assertEquals(4, count("contest_score"));

        assertEquals(1, removal.remove("contest", List.of(Long.toString(removed))));

        assertEquals(1, count("contest_contest"));
        assertEquals(2, count("contest_entry"));
        assertEquals(1, count("contest_juror"));
        assertEquals(2, count("contest_score"));
        assertEquals(6, count("contest_score_value"), "the removed scores' values went with them");
        assertEquals(2, f.contests.get(kept).entries());
        assertEquals(0, removal.remove("contest", List.of(Long.toString(removed))), "removing again changes nothing");
    }
}
