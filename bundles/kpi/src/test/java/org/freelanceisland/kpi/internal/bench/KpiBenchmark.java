package org.freelanceisland.kpi.internal.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;


import org.freelanceisland.islanddata.IslandLedger;
import org.freelanceisland.kpi.internal.KpiService;
import org.freelanceisland.kpi.internal.LedgerFixture;
import org.freelanceisland.kpi.internal.PlanSeed;
import org.freelanceisland.kpi.internal.compute.Grading;
import org.freelanceisland.kpi.internal.compute.IndicatorCalculator;
import org.freelanceisland.kpi.internal.model.Definition;
import org.freelanceisland.kpi.internal.rest.Views;
import org.freelanceisland.kpi.internal.store.KpiStore;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.LedgerQuery;
import org.freelanceisland.platform.core.internal.ledger.LedgerStore;
import org.freelanceisland.testing.jpa.ResourceLocalJpaTemplate;

/**
 * Not a test: how long all stage 3 indicators take over a large ledger. Generates N ledger events
 * (default 1,000,000) with the platform's island generator ({@code IslandLedger}: every type the
 * indicators count, year by year for each islander from registration to today), stored
 * through the platform's ledger store in batches on H2 (the platform's persistence unit, with its
 * indexes), then computes every stage 3 indicator several times.
 *
 * <pre>
 * mvn -o -f bundles/kpi/pom.xml test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.freelanceisland.kpi.internal.bench.KpiBenchmark [-Dbench.events=1000000] [-Dbench.file=true]
 * </pre>
 *
 * {@code -Dbench.file=true} uses an H2 file database under {@code target/} (as the distribution
 * does) instead of an in-memory one. With a file name as the first argument (as {@code bench/run.sh}
 * passes it) the figures are appended to it as JSON lines for {@code bench/report.py}.
 */
public final class KpiBenchmark {

    private KpiBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args unused
     */
    public static void main(String[] args) throws java.io.IOException {
        int total = Integer.getInteger("bench.events", 1_000_000);
        boolean file = Boolean.getBoolean("bench.file");
        String url = file ? "jdbc:h2:file:" + java.nio.file.Path.of("target", "bench-" + UUID.randomUUID()).toAbsolutePath()
                : "jdbc:h2:mem:bench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (LedgerFixture ledger = new LedgerFixture(ResourceLocalJpaTemplate.h2("platform", url));
                ResourceLocalJpaTemplate kpiUnit = ResourceLocalJpaTemplate.h2("kpi")) {
            LedgerStore store = ledger.store();
            long started = System.nanoTime();
            int people = generate(store, total);
            System.out.printf("Generated %,d ledger events about %,d people (%,d stored) in %.1f s on %s%n", total, people,
                    store.count(LedgerQuery.all()), (System.nanoTime() - started) / 1e9, file ? "an H2 file" : "in-memory H2");

            IndicatorCalculator calculator = new IndicatorCalculator(ledger);
            List<Definition> stage3 = PlanSeed.load().indicators().stream().filter(d -> d.stage() == 3).toList();
            KpiStore kpiStore = new KpiStore(kpiUnit, Clock.systemUTC());
            PlanSeed.load().applyTo(kpiStore);
            KpiService kpi = new KpiService(kpiStore, ledger, () -> Grading.DEFAULT, Clock.systemUTC());

            for (int round = 0; round < 2; round++) {
                stage3.forEach(d -> calculator.compute(d.rule())); // warm up
            }
            double[] calc = new double[7];
            double[] api = new double[7];
            for (int round = 0; round < calc.length; round++) {
                // H2 answers a repeated query from its result cache while nothing changed; a live ledger
                // changes all the time, so a new event before each run makes every figure computed afresh
                fresh(store, "run-" + round);
                long t0 = System.nanoTime();
                for (Definition d : stage3) {
                    calculator.compute(d.rule());
                }
                calc[round] = (System.nanoTime() - t0) / 1e6;
                fresh(store, "view-" + round);
                long t1 = System.nanoTime();
                Views.Stage view = kpi.stage(3, false);
                api[round] = (System.nanoTime() - t1) / 1e6;
                if (round == 0) {
                    view.indicators().forEach(i -> System.out.printf("  %-32s target %5s actual %7s rate %6s grade %s%n", i.id(),
                            i.target(), i.actual(), i.achievementRate(), i.grade()));
                }
            }
            for (Definition d : stage3) {
                long spent = 0;
                for (int i = 0; i < 5; i++) {
                    fresh(store, d.id() + "-" + i);
                    long t0 = System.nanoTime();
                    calculator.compute(d.rule());
                    spent += System.nanoTime() - t0;
                }
                System.out.printf("  %-32s %7.1f ms%n", d.id(), spent / 5e6);
            }
            double[] kept = new double[7];
            kpi.stage(3, false); // counts the facts recorded above
            for (int round = 0; round < kept.length; round++) {
                // the ledger unchanged since the last view: the figures kept for its revision
                long t0 = System.nanoTime();
                kpi.stage(3, false);
                kept[round] = (System.nanoTime() - t0) / 1e6;
            }
            Arrays.sort(calc);
            Arrays.sort(api);
            Arrays.sort(kept);
            System.out.printf("All %d stage 3 indicators: median %.0f ms, best %.0f ms, worst %.0f ms (7 runs)%n",
                    stage3.size(), calc[3], calc[0], calc[6]);
            System.out.printf("GET /api/kpi/stages/3 work (view with rates and grades): median %.0f ms, worst %.0f ms%n",
                    api[3], api[6]);
            System.out.printf("The same view, the ledger unchanged since the last: median %.2f ms, worst %.2f ms%n",
                    kept[3], kept[6]);
            fresh(store, "years");
            long y0 = System.nanoTime();
            kpi.stageYears(3);
            double years = (System.nanoTime() - y0) / 1e6;
            System.out.printf("Year-by-year breakdown of stage 3 (30 figures): %.0f ms%n", years);
            if (args.length > 0) {
                String scale = String.format(java.util.Locale.ROOT, "%,d ledger events", total);
                java.nio.file.Files.writeString(java.nio.file.Path.of(args[0]), String.join("\n",
                        figure("KPI: all " + stage3.size() + " stage 3 indicators over " + scale + " (median of 7)", calc[3], 1000.0,
                                "best " + Math.round(calc[0]) + " ms, worst " + Math.round(calc[6]) + " ms; H2 " + (file ? "file" : "in memory")),
                        figure("KPI: GET /api/kpi/stages/3 work over " + scale + " (median of 7)", api[3], 1000.0,
                                "worst " + Math.round(api[6]) + " ms; a new ledger fact before each view, so every figure is counted afresh"),
                        figure("KPI: the same view with the ledger unchanged since the last (median of 7)", kept[3], null,
                                String.format(java.util.Locale.ROOT, "worst %.2f ms; figures kept for the ledger's revision", kept[6])),
                        figure("KPI: stage 3 year by year (30 figures) over " + scale, years, null, "not a goal of the issue")) + "\n",
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            }
        }
    }

    private static String figure(String name, double ms, Double goal, String note) {
        return String.format(java.util.Locale.ROOT,
                "{\"bench\":\"module\",\"module\":\"kpi\",\"name\":\"%s\",\"value\":%.1f,\"unit\":\"ms\",%s\"note\":\"%s\"}",
                name, ms, goal == null ? "" : "\"goal\":" + goal + ",\"goalKind\":\"value-max\",", note);
    }

    private static void fresh(LedgerStore store, String id) {
        store.record(ActivityEvent.builder("bench:fresh:" + id, "community.event.attended", Instant.now()).person("p-fresh")
                .attribute("kind", "EXCHANGE").build(), "bench", r -> { });
    }

    /** The island's ledger of the shape the seeds describe (the platform's generator), stored in batches. */
    private static int generate(LedgerStore store, int total) {
        List<ActivityEvent> batch = new ArrayList<>(5000);
        int[] stored = { 0 };
        int people = IslandLedger.generate(42, total, LocalDate.of(2026, 11, 25), "bench:", e -> {
            batch.add(e);
            if (batch.size() == 5000) {
                store.recordAll(batch, "bench", r -> { });
                batch.clear();
                stored[0] += 5000;
                if (stored[0] % 100_000 == 0) {
                    System.out.printf("  %,d events%n", stored[0]);
                }
            }
        });
        store.recordAll(batch, "bench", r -> { });
        return people;
    }
}
