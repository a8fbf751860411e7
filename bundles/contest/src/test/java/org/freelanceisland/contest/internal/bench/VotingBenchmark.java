package org.freelanceisland.contest.internal.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.freelanceisland.contest.internal.Fixture;
import org.freelanceisland.contest.internal.pdf.TicketSheetRenderer;
import org.freelanceisland.contest.internal.service.Dto;
import org.freelanceisland.contest.internal.service.Sheets;

/**
 * How long printing a batch of 500 ticket codes takes (codes, hashes and the PDF sheet with QR
 * codes, in one transaction), and how many audience votes per second the service records with 8
 * threads on in-memory H2 (each vote locks its ticket's row). Not a test (surefire skips
 * {@code *Benchmark}); run it with
 *
 * <pre>
 * mvn -o -pl bundles/contest test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.freelanceisland.contest.internal.bench.VotingBenchmark [-Dexec.args="results.jsonl"]
 * </pre>
 * The figures are printed and, when a file is named, appended to it as JSON lines for {@code bench/run.sh}.
 */
public final class VotingBenchmark {

    private VotingBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args the file the figures are appended to (optional)
     * @throws Exception if it fails
     */
    public static void main(String[] args) throws Exception {
        Path out = args.length > 0 ? Path.of(args[0]) : null;
        try (Fixture f = new Fixture()) {
            for (int i = 1; i <= 20; i++) {
                f.directory.add("m" + i, "作家 " + i);
            }
            String[] makers = new String[20];
            for (int i = 0; i < 20; i++) {
                makers[i] = "m" + (i + 1);
            }
            long contest = f.contestWithEntries(makers);
            f.voting.generate(contest, new Dto.BatchInput(20, "warm-up"), "bench");

            long start = System.nanoTime();
            Dto.BatchView batch = f.voting.generate(contest, new Dto.BatchInput(500, "bench"), "bench");
            double generateMs = (System.nanoTime() - start) / 1e6;
            byte[] pdf = f.voting.sheet(contest, batch.id()).pdf();
            List<String> codes = Sheets.codes(pdf);
            emit(out, "ticket-batch-500", generateMs, "ms", 5000, "value-max",
                    "500 codes hashed and stored with their A4 sheet (" + pdf.length / 1024 + " KiB, 28 pages) in one transaction");

            List<String> urls = codes.stream().map(c -> "https://island.example/contest/vote.html?contest=1&code=" + c).toList();
            TicketSheetRenderer renderer = new TicketSheetRenderer(TicketSheetRenderer.fonts(""));
            start = System.nanoTime();
            renderer.render(new TicketSheetRenderer.Sheet("第2回あまみハンドメイド大賞", "bench", codes, urls));
            emit(out, "ticket-sheet-render-500", (System.nanoTime() - start) / 1e6, "ms", 3000, "value-max",
                    "the PDF alone: 500 tickets with QR codes on 28 A4 pages");

            f.clock.set("2025-10-16T00:00:00Z");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> futures = new ArrayList<>();
            start = System.nanoTime();
            for (int i = 0; i < codes.size(); i++) {
                String code = codes.get(i);
                int entry = 1 + i % 20;
                futures.add(pool.submit(() -> f.voting.vote(contest, new Dto.VoteInput(code, entry))));
            }
            for (Future<?> future : futures) {
                future.get(120, TimeUnit.SECONDS);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            long counted = f.voting.totals(contest, true).votes();
            if (counted != codes.size()) {
                throw new IllegalStateException("counted " + counted + " of " + codes.size() + " votes");
            }
            emit(out, "votes-per-second", codes.size() / seconds, "votes/s", 100, "value-min",
                    "500 votes by 8 threads on in-memory H2, each under its ticket's row lock; all counted");
        }
    }

    private static void emit(Path out, String name, double value, String unit, double goal, String kind, String note)
            throws IOException {
        String line = String.format(Locale.ROOT,
                "{\"bench\":\"module\",\"module\":\"contest\",\"name\":\"%s\",\"value\":%.1f,\"unit\":\"%s\",\"goal\":%s,"
                        + "\"goalKind\":\"%s\",\"note\":\"%s\"}",
                name, value, unit, goal, kind, note);
        System.out.println(line);
        if (out != null) {
            Files.writeString(out, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }
}
