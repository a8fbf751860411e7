package org.freelanceisland.people.internal.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.freelanceisland.islanddata.Islanders;
import org.freelanceisland.people.internal.index.PeopleIndex;
import org.freelanceisland.people.internal.index.SearchCriteria;
import org.freelanceisland.people.internal.model.Person;
import org.freelanceisland.people.internal.model.Origin;
import org.freelanceisland.people.internal.model.PersonData;
import org.freelanceisland.people.internal.model.RelationPhase;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.api.people.PersonFlag;
import org.freelanceisland.platform.api.people.PersonSummary;
import org.freelanceisland.platform.api.people.TimeWindow;

/**
 * How long the registry takes to search 100,000 people by skill and availability, through the
 * index that {@code GET /api/people} and {@code PersonDirectory.jobCandidates} use. Not a test
 * (surefire skips {@code *Benchmark}); run it with
 *
 * <pre>
 * mvn -o -pl bundles/people test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.freelanceisland.people.internal.bench.PeopleSearchBenchmark [-Dexec.args="results.jsonl 100000"]
 * </pre>
 * The figures are printed and, when a file is named, appended to it as JSON lines for
 * {@code bench/run.sh}.
 * <pre>
 * </pre>
 */
public final class PeopleSearchBenchmark {

    private PeopleSearchBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args the file the figures are appended to (optional), then the number of people
     *        (default 100,000)
     * @throws IOException if the results file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path out = args.length > 0 ? Path.of(args[0]) : null;
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        LocalDate today = LocalDate.of(2025, 6, 15);
        List<Person> people = new ArrayList<>(n);
        long id = 0;
        for (Islanders.Person p : Islanders.generate(42, n, today)) {
            people.add(person(++id, p));
        }
        PeopleIndex index = new PeopleIndex();
        long t0 = System.nanoTime();
        index.replaceAll(people);
        long build = System.nanoTime() - t0;
        System.out.printf("index of %,d people built in %.0f ms%n", n, build / 1e6);

        SearchCriteria writersMondays20h = new SearchCriteria(null, Set.of("writing"), null, null, 20,
                Set.of(DayOfWeek.MONDAY), null, null, null, null, null, null);
        SearchCriteria photoDesignWeekendMorning = new SearchCriteria(null, Set.of("photography", "design"), null, null, 10,
                Set.of(DayOfWeek.SATURDAY), Set.of(TimeWindow.MORNING), null, null, null, null, null);
        SearchCriteria kanaOnly = new SearchCriteria("やまだ", null, null, null, null, null, null, null, null, null, null, null);
        for (int warm = 0; warm < 200; warm++) {
            index.search(writersMondays20h, new PageRequest(0, 50), today);
            index.search(kanaOnly, new PageRequest(0, 50), today);
            index.jobCandidates(List.of("writing"));
        }
        List<String> lines = new ArrayList<>();
        lines.add(figure("build the people index of " + n, build / 1e6, null, "once at start"));
        lines.add(report(n, "skill + availability (writing, >= 20 h/week, Monday)", index, writersMondays20h, today));
        lines.add(report(n, "skill + availability (photography or design, >= 10 h, Saturday morning)", index,
                photoDesignWeekendMorning, today));
        lines.add(report(n, "name search by kana (full scan)", index, kanaOnly, today));
        double[] times = new double[200];
        int size = 0;
        for (int r = 0; r < times.length; r++) {
            long t = System.nanoTime();
            size = index.jobCandidates(Arrays.asList("writing", "photography")).size();
            times[r] = (System.nanoTime() - t) / 1e6;
        }
        lines.add(figure("PersonDirectory.jobCandidates over " + n + " people (p95)", percentile(times, 95), 50.0,
                String.format("%,d candidates, p50 %.2f ms", size, percentile(times, 50))));
        lines.forEach(System.out::println);
        if (out != null) {
            Files.write(out, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** An islander of the platform's generator as the registry keeps them. */
    private static Person person(long id, Islanders.Person p) {
        PersonSummary summary = p.summary(Long.toString(id));
        PersonData.Residency residency = new PersonData.Residency(Origin.valueOf(p.origin()), p.movedOn(), p.householdSize(),
                p.withFamily(), p.phase() == null ? null : RelationPhase.valueOf(p.phase()));
        List<Person.FlagPeriod> flags = new ArrayList<>();
        for (Islanders.Flag f : p.flags()) {
            flags.add(new Person.FlagPeriod(flags.size() + 1, PersonFlag.valueOf(f.flag()), f.since(), null));
        }
        List<Person.Consent> consents = new ArrayList<>();
        for (Islanders.Consent c : p.consents()) {
            consents.add(new Person.Consent(consents.size() + 1, ConsentPurpose.valueOf(c.purpose()), c.givenOn(), "v1", null));
        }
        return new Person(id, 1, p.name(), p.kana(), p.email(), p.phone(), p.district(), p.registeredOn(), true, false, null,
                null, p.skills(), List.of(), summary.availability(), summary.lifestyle(), p.preferredWork(), residency, flags,
                List.of(), consents, Instant.EPOCH, Instant.EPOCH);
    }

    private static String report(int n, String label, PeopleIndex index, SearchCriteria criteria, LocalDate today) {
        double[] times = new double[200];
        long total = 0;
        for (int r = 0; r < times.length; r++) {
            long t = System.nanoTime();
            total = index.search(criteria, new PageRequest(0, 50), today).total();
            times[r] = (System.nanoTime() - t) / 1e6;
        }
        return figure("people search over " + n + ": " + label + " (p95)", percentile(times, 95), 50.0,
                String.format("%,d matches, first page of 50, p50 %.2f ms", total, percentile(times, 50)));
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String figure(String name, double ms, Double goal, String note) {
        return String.format(java.util.Locale.ROOT,
                "{\"bench\":\"module\",\"module\":\"people\",\"name\":\"%s\",\"value\":%.2f,\"unit\":\"ms\",%s\"note\":\"%s\"}",
                name.replace("\"", "'"), ms, goal == null ? "" : "\"goal\":" + goal + ",\"goalKind\":\"value-max\",",
                note.replace("\"", "'"));
    }
}
