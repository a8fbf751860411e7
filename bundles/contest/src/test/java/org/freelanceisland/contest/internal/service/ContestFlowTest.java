package org.freelanceisland.contest.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.freelanceisland.contest.internal.Fixture;
import org.freelanceisland.contest.internal.model.AwardDefinition;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A year's contest on H2: entries, jury, audience votes, results and publication, with their rules and races. */
class ContestFlowTest {

    private Fixture f;

    @BeforeEach
    void start() {
        f = new Fixture();
        for (int i = 1; i <= 40; i++) {
            f.directory.add("m" + i, "作家 " + i);
        }
        f.directory.put("quiet", "非公開 作家", true, EnumSet.of(ConsentPurpose.PROGRAM_ADMINISTRATION));
        f.directory.put("no-consent", "同意なし", true, EnumSet.of(ConsentPurpose.STATISTICS));
        f.directory.put("inactive", "退会", false, EnumSet.allOf(ConsentPurpose.class));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private static int status(Runnable r) {
        try {
            r.run();
            return 200;
        } catch (ProblemException e) {
            return e.status();
        }
    }

    private static String field(Runnable r) {
        ProblemException e = assertThrows(ProblemException.class, r::run);
        List<FieldError> errors = e.toProblem().errors();
        return errors.isEmpty() ? "" : errors.get(0).field();
    }

    @Test
    void entriesAreTakenInsideTheirWindowFromMakersWhoMayTakePart() {
        long id = f.contests.create(Fixture.contest()).id();
        f.clock.set("2025-08-31T23:59:59Z");
        assertEquals("entryWindow", field(() -> f.entries.submit(id, Fixture.entry("m1", "早すぎ"), List.of())));
        f.clock.set("2025-09-10T00:00:00Z");
        assertEquals("makerId", field(() -> f.entries.submit(id, Fixture.entry("no-consent", "x"), List.of())));
        assertEquals("makerId", field(() -> f.entries.submit(id, Fixture.entry("inactive", "x"), List.of())));
        assertEquals("makerId", field(() -> f.entries.submit(id, Fixture.entry("nobody", "x"), List.of())));
        assertEquals("category", field(() -> f.entries.submit(id,
                new Dto.EntryInput("m1", "x", null, "pottery", null, null, null, null), List.of())));
        Dto.EntryView e = f.entries.submit(id, Fixture.entry("m1", "泥染めのストール"), List.of());
        assertEquals(1, e.number());
        assertEquals("大島紬", e.materials());
        assertEquals("布もの", e.categoryLabel().ja());
        assertTrue(e.forSale());
        f.clock.set("2025-10-01T00:00:00Z");
        assertEquals("entryWindow", field(() -> f.entries.submit(id, Fixture.entry("m2", "遅すぎ"), List.of())));

        ActivityEvent submitted = f.ledger.ofType(EntryService.SUBMITTED).get(0);
        assertEquals("contest:entry:" + e.id() + ":submitted", submitted.id());
        assertEquals("m1", submitted.personId());
        assertEquals(2025, submitted.fiscalYear().startYear());
        assertEquals(Map.of("contest", Long.toString(id), "category", "textile"), submitted.attributes());
        assertEquals("泥染めのストール", f.entries.get(id, e.id()).title());
        assertEquals(1, f.contests.get(id).entries());
    }

    @Test
    void simultaneousEntriesAreNumberedWithoutGapsOrRepeats() throws Exception {
        long id = f.contests.create(Fixture.contest()).id();
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            String maker = "m" + i;
            calls.add(() -> f.entries.submit(id, Fixture.entry(maker, "作品 " + maker), List.of()).number());
        }
        List<Integer> numbers = run(calls, 10);
        Collections.sort(numbers);
        List<Integer> expected = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            expected.add(i);
        }
        assertEquals(expected, numbers);
        assertEquals(30, f.contests.get(id).entries());
    }

    @Test
    void windowsInTheWrongOrderAreRefusedNamingTheField() {
        Dto.ContestInput good = Fixture.contest();
        Dto.ContestInput bad = new Dto.ContestInput(good.fiscalYear(), good.edition(), good.title(), good.description(),
                good.entryWindow(), new Dto.WindowInput(good.entryWindow().closes().minusSeconds(3600), good.judgingWindow().closes()),
                good.votingWindow(), good.categories(), good.awards(), good.rubric(), null);
        ProblemException e = assertThrows(ProblemException.class, () -> f.contests.create(bad));
        assertEquals(422, e.status());
        assertEquals("judgingWindow.opens", e.toProblem().errors().get(0).field());
        assertEquals(List.of(AwardDefinition.GRAND_PRIZE, AwardDefinition.AUDIENCE, "EXCELLENCE", "JURY_SPECIAL"),
                f.contests.create(good).awards().stream().map(Dto.AwardView::code).toList());
    }

    @Test
    void jurorsScoreOnceInTheirWindowRespectingConflictsAndSeeOnlyTheirOwnScores() {
        long id = f.contestWithEntries("m1", "m2", "m3");
        List<Dto.EntryView> es = f.entries.list(id, null, null, null, new org.freelanceisland.platform.api.PageRequest(0, 50)).items();
        long e1 = es.get(0).id();
        long e2 = es.get(1).id();
        f.judging.assign(id, new Dto.JurorInput("juror-a", "審査員A"));
        f.judging.assign(id, new Dto.JurorInput("juror-b", "審査員B"));
        assertEquals(409, status(() -> f.judging.assign(id, new Dto.JurorInput("juror-a", null))));
        Dto.ScoreInput nine = new Dto.ScoreInput(Map.of("craft", 9, "originality", 8, "island", 7), "丁寧な仕事");

        assertEquals("judgingWindow", field(() -> f.judging.score(id, e1, "juror-a", nine, false)));
        f.clock.set("2025-10-02T00:00:00Z");
        assertEquals(403, status(() -> f.judging.score(id, e1, "stranger", nine, false)));
        assertEquals(404, status(() -> f.judging.score(id, 999_999, "juror-a", nine, false)));
        assertEquals("values.island", field(() -> f.judging.score(id, e1, "juror-a",
                new Dto.ScoreInput(Map.of("craft", 9, "originality", 8), null), false)));
        assertEquals("values.craft", field(() -> f.judging.score(id, e1, "juror-a",
                new Dto.ScoreInput(Map.of("craft", 11, "originality", 8, "island", 1), null), false)));
        assertEquals("values.colour", field(() -> f.judging.score(id, e1, "juror-a",
                new Dto.ScoreInput(Map.of("craft", 1, "originality", 8, "island", 1, "colour", 3), null), false)));

        Dto.ScoreView s = f.judging.score(id, e1, "juror-a", nine, false);
        assertEquals(new java.math.BigDecimal("8.333"), s.weighted());
        assertEquals(409, status(() -> f.judging.score(id, e1, "juror-a", nine, false)), "a second score is refused");
        assertEquals(404, status(() -> f.judging.score(id, e2, "juror-a", nine, true)), "nothing to revise yet");
        Dto.ScoreView revised = f.judging.score(id, e1, "juror-a", new Dto.ScoreInput(Map.of("craft", 10, "originality", 8,
                "island", 7), null), true);
        assertEquals(2, revised.revision());

        // juror-b knows m2: cannot score entry 2; declaring m1 later withdraws the score given to entry 1
        f.judging.declare(id, "juror-b", List.of("m2"));
        assertEquals("entryId", field(() -> f.judging.score(id, e2, "juror-b", nine, false)));
        f.judging.score(id, e1, "juror-b", nine, false);
        Dto.JurorView b = f.judging.declare(id, "juror-b", List.of("m2", "m1"));
        assertEquals(0, b.scored());
        assertEquals(1, b.toScore());
        Dto.JudgingView view = f.judging.judging(id, "juror-b");
        assertEquals(List.of(1, 2), view.conflictedEntries());
        assertEquals(1, view.entries().size());
        assertNull(view.entries().get(0).myScore());

        // nobody sees totals while judging is open, except administrators
        assertNull(f.results.results(id, ResultService.Viewer.STAFF).jury());
        assertNull(f.results.results(id, ResultService.Viewer.JUROR).jury());
        assertNotNull(f.results.results(id, ResultService.Viewer.ADMIN).jury());
        assertEquals(409, status(() -> f.judging.unassign(id, "juror-a")), "a juror with scores stays");

        f.clock.set("2025-11-01T00:00:00Z");
        assertEquals("judgingWindow", field(() -> f.judging.score(id, e2, "juror-a", nine, false)));
        assertEquals("judgingWindow", field(() -> f.judging.score(id, e1, "juror-a", nine, true)), "no revision after judging closed");
        Dto.ResultsView after = f.results.results(id, ResultService.Viewer.JUROR);
        assertEquals(1, after.jury().get(0).entryNumber());
        assertNull(after.awards().get(0).makerId(), "jurors do not see makers");
    }

    @Test
    void aVoteChecksWindowCodeBatchUseAndEntryInThatOrderAndReceiptsTheEntry() {
        long id = f.contestWithEntries("m1", "m2", "m3");
        long other = f.contestWithEntries("m1");
        f.clock.set("2025-10-01T12:00:00Z");
        f.entries.withdraw(id, f.entries.list(id, null, null, null, new org.freelanceisland.platform.api.PageRequest(0, 10))
                .items().stream().filter(e -> e.number() == 2).findFirst().orElseThrow().id(), "辞退");
        Dto.BatchView batch = f.voting.generate(id, new Dto.BatchInput(6, null), "staff");
        Dto.BatchView otherBatch = f.voting.generate(other, new Dto.BatchInput(1, null), "staff");
        List<String> codes = Sheets.codes(f.voting.sheet(id, batch.id()).pdf());
        String otherCode = Sheets.codes(f.voting.sheet(other, otherBatch.id()).pdf()).get(0);
        f.clock.set("2025-10-16T01:00:00Z");

        assertEquals(404, status(() -> f.voting.vote(987_654, new Dto.VoteInput(codes.get(0), 1))));
        assertEquals("code", field(() -> f.voting.vote(id, new Dto.VoteInput(otherCode, 1))), "a code of another contest");
        assertEquals("entryNumber", field(() -> f.voting.vote(id, new Dto.VoteInput(codes.get(0), 2))), "a withdrawn entry");

        Dto.VoteReceipt receipt = f.voting.vote(id, new Dto.VoteInput(codes.get(0), 3));
        assertEquals(id, receipt.contestId());
        assertEquals(3, receipt.entryNumber());
        assertEquals("作品 m3", receipt.title());
        assertEquals(java.time.Instant.parse("2025-10-16T01:00:00Z"), receipt.castAt());

        // a used code is 409 whatever it is now cast for; a voided one is 422 even when used
        assertEquals(409, status(() -> f.voting.vote(id, new Dto.VoteInput(codes.get(0), 99))));
        f.voting.voidBatch(id, batch.id(), "紛失", "staff");
        assertEquals("code", field(() -> f.voting.vote(id, new Dto.VoteInput(codes.get(0), 99))));
        assertEquals("code", field(() -> f.voting.vote(id, new Dto.VoteInput(codes.get(1), 1))));
        f.clock.set("2025-10-20T00:00:00Z");
        assertEquals("votingWindow", field(() -> f.voting.vote(id, new Dto.VoteInput("ZZZZZ-ZZZZZ", 1))), "the window first");
        assertEquals(1, f.voting.totals(id, true).votes());
        assertEquals(0, f.voting.totals(other, true).votes());
    }

    @Test
    void oneVotePerCodeUnderConcurrencyAndExactTotalsForManyCodes() throws Exception {
        long id = f.contestWithEntries("m1", "m2", "m3");
        Dto.BatchView batch = f.voting.generate(id, new Dto.BatchInput(60, "マーケット1日目"), "staff");
        assertEquals(60, batch.size());
        assertTrue(batch.sheetAvailable());
        byte[] pdf = f.voting.sheet(id, batch.id()).pdf();
        List<String> codes = Sheets.codes(pdf);
        assertEquals(60, codes.size(), Sheets.text(pdf));
        assertTrue(Sheets.text(pdf).contains("第2回あまみハンドメイド大賞"));
        assertTrue(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1).contains("(" + codes.get(0) + ") Tj"),
                "the codes are plain text in the sheet, readable by any tool");

        assertEquals("votingWindow", field(() -> f.voting.vote(id, new Dto.VoteInput(codes.get(0), 1))));
        f.clock.set("2025-10-16T01:00:00Z");
        assertEquals("code", field(() -> f.voting.vote(id, new Dto.VoteInput("ZZZZZ-ZZZZZ", 1))));
        assertEquals("code", field(() -> f.voting.vote(id, new Dto.VoteInput("not a code", 1))));
        assertEquals("entryNumber", field(() -> f.voting.vote(id, new Dto.VoteInput(codes.get(0), 99))));

        // the same code from 20 requests at once: exactly one vote
        List<Callable<Integer>> same = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            same.add(() -> status(() -> f.voting.vote(id, new Dto.VoteInput(codes.get(0).toLowerCase(), 2))));
        }
        List<Integer> statuses = run(same, 10);
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(19, statuses.stream().filter(s -> s == 409).count(), statuses.toString());

        // 50 codes at once: every vote counted
        List<Callable<Integer>> many = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            String code = codes.get(i);
            int entry = 1 + i % 3;
            many.add(() -> status(() -> f.voting.vote(id, new Dto.VoteInput(code, entry))));
        }
        assertTrue(run(many, 10).stream().allMatch(s -> s == 200));
        Dto.VoteTotals totals = f.voting.totals(id, true);
        assertEquals(51, totals.votes());
        assertEquals(List.of(16L, 18L, 17L), totals.entries().stream().map(Dto.EntryVotes::votes).toList());
        assertEquals(403, status(() -> f.voting.totals(id, false)), "live totals are for administrators");
        assertEquals(403, status(() -> f.voting.auditCsv(id, false)));

        // void the rest of the batch
        f.voting.voidBatch(id, batch.id(), "紛失", "staff");
        assertEquals("code", field(() -> f.voting.vote(id, new Dto.VoteInput(codes.get(55), 1))));
        assertEquals(410, status(() -> f.voting.sheet(id, batch.id())));

        f.clock.set("2025-10-20T00:00:00Z");
        assertEquals("votingWindow", field(() -> f.voting.vote(id, new Dto.VoteInput(codes.get(56), 1))));
        assertEquals(51, f.voting.totals(id, false).votes());
        String csv = new String(f.voting.auditCsv(id, false), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFFcastAt,entryNumber,codeHash,batch\r\n"), csv);
        assertEquals(52, csv.split("\r\n").length);
        assertFalse(csv.contains(codes.get(0)), "the audit export has hashes, not codes");
        assertTrue(csv.contains(f.codes.hash(id, TicketCodes.normalise(codes.get(0)))));
    }

    @Test
    void aSheetCanBeDownloadedOnlyForAShortTime() {
        long id = f.contestWithEntries("m1");
        Dto.BatchView batch = f.voting.generate(id, new Dto.BatchInput(3, null), "staff");
        assertEquals(3, Sheets.codes(f.voting.sheet(id, batch.id()).pdf()).size());
        f.clock.set(f.clock.instant().plusSeconds(31 * 60));
        assertEquals(410, status(() -> f.voting.sheet(id, batch.id())));
        Dto.BatchView listed = f.voting.batches(id).get(0);
        assertFalse(listed.sheetAvailable());
        assertEquals(1, listed.sheetDownloads());
        long stored = f.jpa.txExpr(em -> em.createQuery("SELECT COUNT(s) FROM TicketSheet s", Long.class).getSingleResult());
        assertEquals(0, stored, "an expired sheet is deleted");
    }

    @Test
    void publishingGivesTheAwardsRecordsThemAndOpensThePublicResults() {
        long id = f.contestWithEntries("m1", "m2", "quiet");
        List<Dto.EntryView> es = f.entries.list(id, null, null, null, new org.freelanceisland.platform.api.PageRequest(0, 50)).items();
        Dto.BatchView batch = f.voting.generate(id, new Dto.BatchInput(5, null), "staff");
        List<String> codes = Sheets.codes(f.voting.sheet(id, batch.id()).pdf());
        f.judging.assign(id, new Dto.JurorInput("juror-a", null));
        f.judging.assign(id, new Dto.JurorInput("juror-b", null));
        f.clock.set("2025-10-16T00:00:00Z");
        // jury: entry 3 (quiet) first, entry 1 second; audience: entry 3 too (a work can win both)
        f.judging.score(id, es.get(2).id(), "juror-a", new Dto.ScoreInput(Map.of("craft", 10, "originality", 9, "island", 9), null), false);
        f.judging.score(id, es.get(2).id(), "juror-b", new Dto.ScoreInput(Map.of("craft", 9, "originality", 9, "island", 9), null), false);
        f.judging.score(id, es.get(0).id(), "juror-a", new Dto.ScoreInput(Map.of("craft", 8, "originality", 8, "island", 8), null), false);
        f.judging.score(id, es.get(1).id(), "juror-a", new Dto.ScoreInput(Map.of("craft", 5, "originality", 5, "island", 5), null), false);
        f.voting.vote(id, new Dto.VoteInput(codes.get(0), 3));
        f.voting.vote(id, new Dto.VoteInput(codes.get(1), 3));
        f.voting.vote(id, new Dto.VoteInput(codes.get(2), 2));

        assertEquals(404, status(() -> f.results.publicResults(id)), "nothing public before publication");
        assertEquals(List.of(), f.results.publishedContests());
        assertEquals("judgingWindow", field(() -> f.results.publish(id, "staff")), "judging is still open");
        assertEquals(3, f.results.ballot(id).entries().size());
        assertTrue(f.results.ballot(id).entries().stream().noneMatch(e -> e.title() == null));

        f.clock.set("2025-11-01T00:00:00Z");
        assertEquals(404, status(() -> f.results.ballot(id)), "the ballot closes with voting");
        assertEquals("awards.JURY_SPECIAL", field(() -> f.results.publish(id, "staff")));
        assertEquals("award", field(() -> f.results.designate(id, AwardDefinition.GRAND_PRIZE, 1)));
        f.results.designate(id, "JURY_SPECIAL", 2);

        Dto.ResultsView staffView = f.results.results(id, ResultService.Viewer.STAFF);
        assertEquals(3, staffView.jury().get(0).entryNumber());
        assertEquals(6, staffView.scoresExpected(), "two jurors × three works");
        assertEquals(4, staffView.scoresGiven());

        Dto.ResultsView published = f.results.publish(id, "staff");
        assertTrue(published.published());
        Map<String, Integer> winners = new java.util.HashMap<>();
        published.awards().forEach(a -> winners.put(a.code(), a.entryNumber()));
        assertEquals(Map.of("GRAND_PRIZE", 3, "AUDIENCE", 3, "EXCELLENCE", 1, "JURY_SPECIAL", 2), winners);
        assertEquals(409, status(() -> f.results.publish(id, "staff")));

        List<ActivityEvent> won = f.ledger.ofType(ResultService.AWARD_WON);
        assertEquals(4, won.size());
        ActivityEvent grand = won.stream().filter(e -> e.attributes().get("award").equals("GRAND_PRIZE")).findFirst().orElseThrow();
        assertEquals("contest:" + id + ":award:GRAND_PRIZE:won", grand.id());
        assertEquals("quiet", grand.personId());

        Dto.PublicResults pub = f.results.publicResults(id);
        assertEquals(4, pub.winners().size());
        Dto.PublicWinner g = pub.winners().get(0);
        assertEquals("GRAND_PRIZE", g.award());
        assertNull(g.makerName(), "a maker who does not consent to being shown stays unnamed");
        Dto.PublicWinner excellence = pub.winners().stream().filter(w -> w.award().equals("EXCELLENCE")).findFirst().orElseThrow();
        assertEquals("作家 1", excellence.makerName());
        assertEquals(1, f.results.publishedContests().size());
    }

    static <T> List<T> run(List<Callable<T>> calls, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> c : calls) {
            futures.add(pool.submit(() -> {
                go.await();
                return c.call();
            }));
        }
        go.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> fu : futures) {
            results.add(fu.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return results;
    }
}
