package org.freelanceisland.contest.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.freelanceisland.contest.internal.Fixture;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.rest.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Markets: exhibitors, visitor counts, closing into the ledger, corrections and attendance across the years. */
class MarketServiceTest {

    private Fixture f;

    @BeforeEach
    void start() {
        f = new Fixture();
        f.directory.add("m1", "作家 1").add("m2", "作家 2").add("m3", "作家 3");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private Dto.MarketView market(String name, LocalDate from, LocalDate to) {
        return f.markets.create(new Dto.MarketInput(new Dto.Text(name, null), "AiAiひろば", from, to, null, null, null));
    }

    private static ProblemException problem(Runnable r) {
        return assertThrows(ProblemException.class, r::run);
    }

    @Test
    void aMarketFromExhibitorsToTheLedger() {
        f.clock.set("2025-11-20T03:00:00Z");
        Dto.MarketView m = market("ハンドメイドマーケット2025", LocalDate.of(2025, 11, 22), LocalDate.of(2025, 11, 23));
        assertEquals(2025, m.fiscalYear().startYear());
        f.markets.addExhibitor(m.id(), new Dto.ExhibitorInput("m1", "A-1"));
        Dto.ExhibitorView two = f.markets.addExhibitor(m.id(), new Dto.ExhibitorInput("m2", "A-2"));
        assertEquals(409, problem(() -> f.markets.addExhibitor(m.id(), new Dto.ExhibitorInput("m1", "B-1"))).status());
        assertEquals(409, problem(() -> f.markets.addExhibitor(m.id(), new Dto.ExhibitorInput("m3", "A-1"))).status());
        assertEquals(422, problem(() -> f.markets.addExhibitor(m.id(), new Dto.ExhibitorInput("nobody", null))).status());
        f.markets.reportSales(m.id(), two.id(), 48_000);

        f.markets.record(m.id(), new Dto.VisitorsInput(List.of(new Dto.VisitorLine(LocalDate.of(2025, 11, 22), 10, 40),
                new Dto.VisitorLine(LocalDate.of(2025, 11, 22), 11, 65), new Dto.VisitorLine(LocalDate.of(2025, 11, 23), null, 120))),
                "staff");
        Dto.VisitorsView v = f.markets.record(m.id(), new Dto.VisitorsInput(List.of(
                new Dto.VisitorLine(LocalDate.of(2025, 11, 22), 11, 60))), "staff");
        assertEquals(220, v.visitors(), "a count replaces the earlier one of the same hour");
        assertTrue(v.days().get(0).hourly());
        assertEquals(422, problem(() -> f.markets.record(m.id(), new Dto.VisitorsInput(List.of(
                new Dto.VisitorLine(LocalDate.of(2025, 11, 22), null, 10))), "staff")).status(), "hourly and whole-day counts do not mix");
        ProblemException outside = problem(() -> f.markets.record(m.id(), new Dto.VisitorsInput(List.of(
                new Dto.VisitorLine(LocalDate.of(2025, 11, 24), 9, 10))), "staff"));
        assertEquals("counts[0].date", outside.toProblem().errors().get(0).field());
        assertEquals(220, f.markets.visitors(m.id()).visitors(), "nothing half-saved");

        assertEquals(422, problem(() -> f.markets.close(m.id())).status(), "the market is not over yet");
        f.clock.set("2025-11-23T09:00:00Z");
        Dto.MarketView closed = f.markets.close(m.id());
        assertTrue(closed.closed());
        assertEquals(409, problem(() -> f.markets.reportSales(m.id(), two.id(), 1)).status());

        List<ActivityEvent> exhibited = f.ledger.ofType(MarketService.EXHIBITED);
        assertEquals(2, exhibited.size());
        ActivityEvent sold = exhibited.stream().filter(e -> e.personId().equals("m2")).findFirst().orElseThrow();
        assertEquals(48_000L, sold.amountYen());
        assertEquals("contest:market:" + m.id() + ":exhibitor:m2:exhibited", sold.id());
        assertEquals(220L, sum(MarketService.VISITORS));

        // a correction after closing is recorded as the difference
        f.markets.record(m.id(), new Dto.VisitorsInput(List.of(new Dto.VisitorLine(LocalDate.of(2025, 11, 23), null, 100))), "staff");
        assertEquals(200L, sum(MarketService.VISITORS));
        assertTrue(f.ledger.ofType(MarketService.VISITORS).stream()
                .anyMatch(e -> e.id().equals("contest:market:" + m.id() + ":visitors:2025-11-23:r2") && e.amountYen() == -20));
    }

    @Test
    void attendanceAddsUpPerYearAndAcrossTheYears() {
        // the seed: 2,850 visitors over the years since H28
        int[][] years = { { 2016, 520 }, { 2017, 610 }, { 2018, 700 }, { 2019, 1020 } };
        for (int[] y : years) {
            Dto.MarketView m = market("マーケット" + y[0], LocalDate.of(y[0], 12, 3), LocalDate.of(y[0], 12, 3));
            f.markets.record(m.id(), new Dto.VisitorsInput(List.of(new Dto.VisitorLine(LocalDate.of(y[0], 12, 3), null, y[1]))), "staff");
        }
        Dto.MarketView spring = market("春のマーケット2019", LocalDate.of(2020, 3, 20), LocalDate.of(2020, 3, 20));
        assertEquals(2019, spring.fiscalYear().startYear(), "March belongs to the fiscal year before");
        Dto.Attendance a = f.markets.attendance();
        assertEquals(2850, a.visitors());
        assertEquals(5, a.markets());
        assertEquals(1020, a.years().get(3).visitors());
        assertEquals(2, a.years().get(3).markets());
    }

    private long sum(String type) {
        return f.ledger.ofType(type).stream().mapToLong(e -> e.amountYen() == null ? 0 : e.amountYen()).sum();
    }
}
