package org.freelanceisland.jobs.internal.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.freelanceisland.jobs.internal.model.EffortUnit;
import org.freelanceisland.jobs.internal.model.PartnerKind;
import org.freelanceisland.jobs.internal.model.PayType;
import org.freelanceisland.jobs.internal.model.WorkMode;
import org.freelanceisland.jobs.internal.service.Dto;
import org.freelanceisland.jobs.internal.service.People;
import org.freelanceisland.jobs.internal.service.Services;
import org.freelanceisland.platform.persistence.Tx;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.api.ledger.LedgerQuery;
import org.freelanceisland.platform.api.ledger.RecordedActivity;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.api.people.PersonDirectory;
import org.freelanceisland.platform.api.people.PersonSummary;
import org.freelanceisland.platform.api.people.TimeWindow;
import org.freelanceisland.islanddata.Islanders;
import org.freelanceisland.testing.jpa.ResourceLocalJpaTemplate;

/**
 * Measures ranking the candidates of one job over 100,000 freelancers, the whole request as the
 * REST resource runs it ({@code MatchingService.candidates}: the job, its introductions, the one
 * tally query over 20,000 introductions and 8,000 contracts on H2, scoring everyone and explaining
 * the first page of 50). The registry's {@code jobCandidates} is served from a prepared list, as the
 * people registry serves it from memory; its own cost is measured by the people benchmark.
 *
 * <p>Not a test: run it with {@code mvn -f bundles/jobs/pom.xml test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=org.freelanceisland.jobs.internal.bench.RankingBenchmark
 * -Dexec.args=target/bench.jsonl}. It appends one JSON line to the file named by its first argument.
 */
public final class RankingBenchmark {

    static final int PEOPLE = 100_000;
    static final int WARMUP = 300;
    static final int RUNS = 400;

    private RankingBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args the file to append the figures to (created when missing)
     * @throws Exception when it cannot run
     */
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench.jsonl");
        List<PersonSummary> people = people(20250401L);
        PersonDirectory directory = new Directory(people);
        try (ResourceLocalJpaTemplate jpa = ResourceLocalJpaTemplate.h2("jobs")) {
            Tx tx = new Tx(jpa, Clock.system(FiscalYear.ISLAND_ZONE));
            Services s = Services.wire(tx, new People(() -> Optional.of(directory)), new NoLedger());
            long partner = s.partners().create(new Dto.PartnerInput("ベンチマーク提携先", PartnerKind.CROWDSOURCING, null, null, null,
                    null, null, null, null, null, null, null)).id();
            long job = s.jobs().create(new Dto.JobInput(partner, new Dto.Text("観光記事と写真", "Tourism articles and photos"), null,
                    List.of("writing", "photography"), 4, new Dto.Text("本", "articles"),
                    new Dto.EffortInput(new BigDecimal("3"), EffortUnit.DAYS),
                    new Dto.ScheduleInput(null, LocalDate.now(FiscalYear.ISLAND_ZONE).plusDays(45),
                            List.of(LocalDate.now(FiscalYear.ISLAND_ZONE).plusDays(10)), Set.of(TimeWindow.MORNING, TimeWindow.AFTERNOON),
                            WorkMode.HYBRID, "奄美市"),
                    new Dto.PayInput(PayType.PER_UNIT, 30_000L), false, null, null), "bench").id();
            history(jpa, new Random(7));

            PageRequest page = new PageRequest(0, 50);
            long checksum = 0;
            for (int i = 0; i < WARMUP; i++) {
                checksum += s.matching().candidates(job, false, page).items().get(0).score();
            }
            double[] ms = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long t0 = System.nanoTime();
                Page<Dto.CandidateView> ranked = s.matching().candidates(job, false, page);
                ms[i] = (System.nanoTime() - t0) / 1e6;
                checksum += ranked.items().get(0).score() + ranked.total();
            }
            Arrays.sort(ms);
            double p50 = ms[RUNS / 2];
            double p95 = ms[(int) Math.ceil(RUNS * 0.95) - 1];
            String line = String.format(Locale.ROOT,
                    "{\"bench\":\"module\",\"module\":\"jobs\",\"name\":\"rank candidates for one job over %d freelancers (p95)\","
                            + "\"value\":%.1f,\"unit\":\"ms\",\"goal\":50,\"goalKind\":\"value-max\",\"note\":\"p50 %.1f ms\"}",
                    PEOPLE, p95, p50);
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            Files.writeString(out, line + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            System.out.println(line + " (checksum " + checksum + ")");
        }
    }

    /**
     * 100,000 islanders of the shape the seeds describe (the platform's generator, as the demo island
     * and the other benchmarks use it), with ids 1 to 100,000.
     */
    static List<PersonSummary> people(long seed) {
        List<Islanders.Person> islanders = Islanders.generate(seed, PEOPLE, LocalDate.now(FiscalYear.ISLAND_ZONE));
        List<PersonSummary> out = new ArrayList<>(PEOPLE);
        for (int i = 0; i < islanders.size(); i++) {
            out.add(islanders.get(i).summary(Integer.toString(i + 1)));
        }
        return out;
    }

    /** 20,000 introductions and 8,000 contracts of earlier jobs, for the tally query. */
    static void history(ResourceLocalJpaTemplate jpa, Random r) {
        String[] live = { "OFFERED", "PROPOSED", "ACCEPTED", "DECLINED", "WITHDRAWN", "CONTRACTED" };
        String[] contract = { "ACTIVE", "DELIVERED", "PAID", "PAID", "CANCELLED" };
        jpa.txExpr(em -> {
            for (int i = 0; i < 20_000; i++) {
                em.createNativeQuery("INSERT INTO jobs_introduction (id, version, job_id, person_id, status, created_at, updated_at)"
                        + " VALUES (?, 0, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                        .setParameter(1, 1_000_000L + i).setParameter(2, 10_000L + i / 3)
                        .setParameter(3, Integer.toString(1 + r.nextInt(PEOPLE))).setParameter(4, live[r.nextInt(live.length)])
                        .executeUpdate();
            }
            for (int i = 0; i < 8_000; i++) {
                em.createNativeQuery("INSERT INTO jobs_contract (id, version, job_id, introduction_id, person_id, status, created_at,"
                        + " updated_at) VALUES (?, 0, ?, ?, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                        .setParameter(1, 1_000_000L + i).setParameter(2, 10_000L + i).setParameter(3, 2_000_000L + i)
                        .setParameter(4, Integer.toString(1 + r.nextInt(PEOPLE))).setParameter(5, contract[r.nextInt(contract.length)])
                        .executeUpdate();
            }
            return null;
        });
    }

    /** The registry's matching list, served from memory. */
    static final class Directory implements PersonDirectory {
        private final List<PersonSummary> people;

        Directory(List<PersonSummary> people) {
            this.people = people;
        }

        @Override
        public Optional<PersonSummary> find(String personId) {
            return Optional.empty();
        }

        @Override
        public Optional<PersonSummary> findFor(String personId, ConsentPurpose purpose) {
            return Optional.empty();
        }

        @Override
        public boolean hasConsent(String personId, ConsentPurpose purpose) {
            return false;
        }

        @Override
        public List<PersonSummary> findAll(Collection<String> personIds) {
            return List.of();
        }

        @Override
        public List<PersonSummary> jobCandidates(Collection<String> anyOfSkills) {
            return people;
        }
    }

    /** The benchmark records nothing. */
    static final class NoLedger implements ActivityLedger {
        @Override
        public boolean record(ActivityEvent event) {
            return true;
        }

        @Override
        public Optional<RecordedActivity> find(String id) {
            return Optional.empty();
        }

        @Override
        public Page<RecordedActivity> query(LedgerQuery query, PageRequest page) {
            return new Page<>(List.of(), 0, page.offset(), page.limit());
        }

        @Override
        public long count(LedgerQuery query) {
            return 0;
        }

        @Override
        public long countDistinctPersons(LedgerQuery query) {
            return 0;
        }

        @Override
        public long sumAmountYen(LedgerQuery query) {
            return 0;
        }
    }
}
