package org.freelanceisland.kpi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.freelanceisland.kpi.internal.compute.Grading;
import org.freelanceisland.kpi.internal.model.DefinitionInput;
import org.freelanceisland.kpi.internal.rest.Views;
import org.freelanceisland.kpi.internal.store.KpiStore;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.rest.ProblemException;
import org.freelanceisland.testing.jpa.ResourceLocalJpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The KPI program on the real ledger store and its own store, both on in-memory H2. */
class KpiServiceTest {

    static final Clock TODAY = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    private ResourceLocalJpaTemplate jpa;
    private LedgerFixture ledger;
    private KpiStore store;
    private KpiService kpi;
    private Grading grading = Grading.DEFAULT;

    @BeforeEach
    void open() {
        jpa = ResourceLocalJpaTemplate.h2("kpi");
        ledger = new LedgerFixture();
        store = new KpiStore(jpa, TODAY);
        PlanSeed.load().applyTo(store);
        kpi = new KpiService(store, ledger, () -> grading, TODAY);
    }

    @AfterEach
    void close() {
        jpa.close();
        ledger.close();
    }

    private static DefinitionInput.Rule rule(String measure, Long threshold, List<String> types) {
        return new DefinitionInput.Rule(types, null, null, measure, threshold, null, null, null);
    }

    private Views.Indicator define(String id, String unit, int target, DefinitionInput.Rule rule) {
        return kpi.create(new DefinitionInput(id, 3, new DefinitionInput.Text("試験 " + id, "test " + id), unit,
                BigDecimal.valueOf(target), "computed", null, null, new DefinitionInput.Text("数え方", "how"), rule, 90, null),
                "admin");
    }

    @Test
    void seedHasThePlansStagesAndFigures() {
        List<Views.Stage> stages = kpi.stages(false);
        assertEquals(List.of(1, 2, 3), stages.stream().map(Views.Stage::number).toList());
        assertEquals("H27～R1", stages.get(0).fiscalYears().eras());
        assertEquals("R2～R6", stages.get(1).fiscalYears().eras());
        assertEquals("R7～R9", stages.get(2).fiscalYears().eras());
        assertEquals("令和7年度～令和9年度", stages.get(2).fiscalYears().label().ja());
        assertEquals(List.of("completed", "completed", "running"), stages.stream().map(Views.Stage::status).toList());
        Map<String, String> figures = stages.stream().flatMap(s -> s.indicators().stream())
                .collect(Collectors.toMap(Views.Indicator::id, i -> i.target().toPlainString() + "/"
                        + (i.actual() == null ? "-" : i.actual().toPlainString()) + "/" + i.actualSource().code() + "/" + i.grade()));
        assertEquals(Map.ofEntries(
                Map.entry("s1-trained", "200/202/reported/A"),
                Map.entry("s1-migrants", "50/38/reported/C"),
                Map.entry("s1-child-rearing-1500k", "1/0/reported/C"),
                Map.entry("s1-income-3m", "1/1/reported/A"),
                Map.entry("s2-new-freelancers", "25/17/reported/C"),
                Map.entry("s2-migrants", "25/16/reported/C"),
                Map.entry("s2-child-rearing-600k", "10/16/reported/A"),
                Map.entry("s2-income-3m", "4/8/reported/A"),
                Map.entry("s3-skill-up", "90/0/computed/C"),
                Map.entry("s3-migrants", "15/0/computed/C"),
                Map.entry("s3-earning-parents-side-jobs", "30/0/computed/C"),
                Map.entry("s3-satisfaction", "80/-/computed/null"),
                Map.entry("s3-community-leaders", "3/0/computed/C")), figures);
        Views.Indicator trained = kpi.indicator("s1-trained");
        assertEquals(new BigDecimal("101.0"), trained.achievementRate());
        assertEquals(new BigDecimal("76.0"), kpi.indicator("s1-migrants").achievementRate());
        assertEquals(new BigDecimal("68.0"), kpi.indicator("s2-new-freelancers").achievementRate());
        assertEquals(new BigDecimal("64.0"), kpi.indicator("s2-migrants").achievementRate());
        assertEquals(new BigDecimal("160.0"), kpi.indicator("s2-child-rearing-600k").achievementRate());
        assertEquals(new BigDecimal("200.0"), kpi.indicator("s2-income-3m").achievementRate());
        assertTrue(kpi.indicator("s1-migrants").note().ja().contains("家族含む"));
        assertTrue(kpi.indicator("s2-migrants").note().ja().contains("家族は含まない"));
    }

    @Test
    void seedIsAppliedOnceAndACorrectionOnceWithoutTouchingAdministratorsEdits() {
        PlanSeed seed = PlanSeed.load();
        assertEquals(-1, seed.applyTo(store), "the same version again changes nothing");
        assertEquals(13, store.indicators(null, true).size());
        assertEquals(1, kpi.revisions("s3-migrants", PageRequest.first()).total());

        // an administrator edits one seeded indicator
        Views.Indicator leaders = kpi.indicator("s3-community-leaders");
        kpi.update("s3-community-leaders", new DefinitionInput(null, 3, new DefinitionInput.Text("リーダー", "Leaders"), "people",
                BigDecimal.valueOf(4), "computed", null, null, new DefinitionInput.Text("変更", null),
                rule("DISTINCT_PERSONS", null, List.of("community.leader.started")), 50, leaders.revision()), "admin");

        // version 2 corrects two targets
        var corrected = seed.indicators().stream().map(d -> d.id().equals("s3-migrants") || d.id().equals("s3-community-leaders")
                ? new org.freelanceisland.kpi.internal.model.Definition(d.id(), d.stage(), d.name(), d.unit(),
                        d.target().add(BigDecimal.ONE), d.actualSource(), d.reportedActual(), d.series(), d.note(), d.rule(),
                        d.sortOrder())
                : d).toList();
        PlanSeed v2 = new PlanSeed(seed.name(), 2, seed.stages(), corrected);
        assertEquals(1, v2.applyTo(store), "only the indicator nobody edited is corrected");
        assertEquals(-1, v2.applyTo(store));
        assertEquals(new BigDecimal("16"), kpi.indicator("s3-migrants").target());
        assertEquals(new BigDecimal("4"), kpi.indicator("s3-community-leaders").target());
        assertEquals(2, kpi.revisions("s3-migrants", PageRequest.first()).total());
        assertEquals("seeded", kpi.revisions("s3-migrants", PageRequest.first()).items().get(0).change());
        assertEquals(13, store.indicators(null, true).size(), "nothing duplicated");
    }

    @Test
    void distinctPersonsCountsPeopleOnceWithinTheStagesYears() {
        ledger.add("terakoya.enrolled", "p1", 2025, null, "course", "c1");
        ledger.add("terakoya.enrolled", "p1", 2026, null, "course", "c2");
        ledger.add("terakoya.online-seat.allocated", "p2", 2027, null, "partner", "schoo");
        ledger.add("terakoya.enrolled", "p3", 2024, null); // stage 2
        ledger.add("terakoya.course.completed", "p4", 2025, null); // not a skill-up type of stage 3
        assertEquals(new BigDecimal("2"), kpi.indicator("s3-skill-up").actual());
        assertEquals(new BigDecimal("2.2"), kpi.indicator("s3-skill-up").achievementRate());

        Views.YearBreakdown years = kpi.years("s3-skill-up");
        assertEquals(List.of(2025, 2026, 2027), years.years().stream().map(Views.YearFigure::fiscalYear).toList());
        assertEquals(List.of("1", "1", "1"), years.years().stream().map(y -> y.actual().toPlainString()).toList());
        assertEquals(List.of("1", "1", "2"), years.years().stream().map(y -> y.cumulative().toPlainString()).toList());

        Views.Records records = kpi.records("s3-skill-up", null, PageRequest.first());
        assertEquals("person", records.recordKind());
        assertEquals(List.of("p1", "p2"), records.items().stream().map(Views.Record::personId).toList());
        assertEquals(2L, records.items().get(0).events());
        assertEquals(1, kpi.records("s3-skill-up", 2027, PageRequest.first()).total());
        assertThrows(ProblemException.class, () -> kpi.records("s3-skill-up", 2024, PageRequest.first()));
    }

    @Test
    void eventsAndSumsOfAmounts() {
        ledger.add("contest.market.visitors", null, 2025, 120L, "market", "m1");
        ledger.add("contest.market.visitors", null, 2026, 80L, "market", "m2");
        ledger.add("contest.market.visitors", null, 2026, 50L, "market", "other");
        define("t-visitors", "people", 200, new DefinitionInput.Rule(List.of("contest.market.visitors"), null, null,
                "SUM_AMOUNT", null, List.of(new DefinitionInput.Attribute("market", List.of("m1", "m2"))), null, null));
        define("t-markets", "events", 4, rule("EVENTS", null, List.of("contest.*")));
        assertEquals(new BigDecimal("200"), kpi.indicator("t-visitors").actual());
        assertEquals("A", kpi.indicator("t-visitors").grade());
        assertEquals(new BigDecimal("3"), kpi.indicator("t-markets").actual());
        assertEquals(new BigDecimal("75.0"), kpi.indicator("t-markets").achievementRate());
        Views.Records events = kpi.records("t-visitors", null, PageRequest.first());
        assertEquals("event", events.recordKind());
        assertEquals(2, events.total());
        assertEquals(List.of(80L, 120L), events.items().stream().map(Views.Record::amountYen).toList(), "newest first");
    }

    @Test
    void yearlyThresholdWithPersonFlags() {
        ledger.add("people.flag.set", "mother", 2025, null, "flag", "CHILD_REARING_FREELANCER");
        ledger.add("people.flag.set", "side", 2026, null, "flag", "SIDE_JOB_FREELANCER");
        ledger.add("people.flag.set", "leader", 2025, null, "flag", "COMMUNITY_LEADER");
        ledger.add("jobs.paid", "mother", 2025, 30_000L, "job", "j1");
        ledger.add("people.income.reported", "side", 2027, 200_000L, "source", "SELF_REPORT");
        ledger.add("jobs.paid", "leader", 2025, 900_000L);
        ledger.add("jobs.paid", "nobody", 2025, 900_000L);
        ledger.add("people.flag.set", "late", 2028, null, "flag", "CHILD_REARING_FREELANCER");
        ledger.add("jobs.paid", "late", 2027, 5_000L);
        assertEquals(new BigDecimal("2"), kpi.indicator("s3-earning-parents-side-jobs").actual(),
                "flagged people with income; the flag of 'late' comes after the stage");
        Views.Records records = kpi.records("s3-earning-parents-side-jobs", null, PageRequest.first());
        assertEquals("person-year", records.recordKind());
        assertEquals(List.of("mother/2025/30000", "side/2027/200000"), records.items().stream()
                .map(r -> r.personId() + "/" + r.fiscalYear() + "/" + r.amountYen()).toList());

        define("t-600k", "people", 1, new DefinitionInput.Rule(List.of("jobs.paid", "people.income.reported"), null, null,
                "PERSONS_REACHING_YEARLY_AMOUNT", 600_000L, null, null, null));
        assertEquals(new BigDecimal("2"), kpi.indicator("t-600k").actual(), "leader and nobody earned 900,000 in 2025");
    }

    @Test
    void ratioOfAnswersWithAnAttribute() {
        assertNull(kpi.indicator("s3-satisfaction").actual(), "no answers, no figure");
        for (int i = 0; i < 7; i++) {
            ledger.add("community.survey.answered", "p" + i, 2025, null, "survey", "wl", "satisfied", i < 6 ? "true" : "false");
        }
        ledger.add("community.survey.answered", null, 2026, null, "survey", "wl", "satisfied", "false");
        ledger.add("community.survey.answered", "old", 2024, null, "survey", "wl", "satisfied", "false");
        Views.Indicator satisfaction = kpi.indicator("s3-satisfaction");
        assertEquals(new BigDecimal("75.0"), satisfaction.actual(), "6 of 8 answers");
        assertEquals(new BigDecimal("93.8"), satisfaction.achievementRate());
        assertEquals("B", satisfaction.grade());
        assertEquals(new BigDecimal("85.7"), kpi.years("s3-satisfaction").years().get(0).actual());
        Views.Records records = kpi.records("s3-satisfaction", null, PageRequest.first());
        assertEquals(8, records.total());
        assertEquals(6, records.items().stream().filter(Views.Record::counted).count());
    }

    @Test
    void gradesFollowTheConfiguredThresholds() {
        for (int i = 0; i < 72; i++) {
            ledger.add("terakoya.enrolled", "p" + i, 2025, null);
        }
        assertEquals(new BigDecimal("80.0"), kpi.indicator("s3-skill-up").achievementRate());
        assertEquals("B", kpi.indicator("s3-skill-up").grade());
        grading = new Grading(90, 85);
        assertEquals("C", kpi.indicator("s3-skill-up").grade());
        grading = new Grading(80, 50);
        assertEquals("A", kpi.indicator("s3-skill-up").grade());
        assertEquals("B", grading.grade(new BigDecimal("79.9")));
        assertEquals("C", grading.grade(new BigDecimal("49.9")));
        assertThrows(IllegalArgumentException.class, () -> new Grading(80, 80));
        assertThrows(IllegalArgumentException.class, () -> new Grading(100, -1));
    }

    @Test
    void invalidDefinitionsNameTheirFields() {
        ProblemException e = assertThrows(ProblemException.class, () -> kpi.create(new DefinitionInput("Bad Id", 9,
                new DefinitionInput.Text(" ", null), "meters", BigDecimal.ZERO, "guessed", null, "Bad Series", null,
                null, null, null), "admin"));
        assertEquals(422, e.status());
        assertEquals(List.of("id", "stage", "name.ja", "note.ja", "unit", "actualSource", "target", "series"),
                e.toProblem().errors().stream().map(f -> f.field()).toList());

        ProblemException rule = assertThrows(ProblemException.class, () -> kpi.create(new DefinitionInput("t-bad", 3,
                new DefinitionInput.Text("x", null), "percent", BigDecimal.TEN, "computed", BigDecimal.ONE, null,
                new DefinitionInput.Text("x", null), new DefinitionInput.Rule(List.of("jobs.paid", "Not a type"), 2020, 2026,
                        "PERSONS_REACHING_YEARLY_AMOUNT", null, List.of(new DefinitionInput.Attribute("flag", List.of())),
                        List.of(new DefinitionInput.PersonFilter(List.of(), null, "sometimes")), null), null, null), "admin"));
        assertEquals(422, rule.status());
        assertEquals(List.of("reportedActual", "rule.eventTypes[1]", "rule.fromYear", "rule.thresholdYen", "unit",
                "rule.attributes[0].values", "rule.personFilters[0].eventTypes", "rule.personFilters[0].scope"),
                rule.toProblem().errors().stream().map(f -> f.field()).toList());

        ProblemException ratio = assertThrows(ProblemException.class, () -> define("t-ratio", "percent", 80,
                rule("RATIO", null, List.of("community.survey.answered"))));
        assertEquals(List.of("rule.ratioAttribute"), ratio.toProblem().errors().stream().map(f -> f.field()).toList());
        assertEquals(409, assertThrows(ProblemException.class, () -> define("s3-migrants", "people", 1,
                rule("DISTINCT_PERSONS", null, List.of("people.moved")))).status());
    }

    @Test
    void changesAreVersionedAndRetiredIndicatorsKeepTheirDefinition() {
        Views.Indicator created = define("t-events", "people", 5, rule("DISTINCT_PERSONS", null, List.of("community.event.attended")));
        assertEquals(1, created.revision());
        Views.Indicator changed = kpi.update("t-events", new DefinitionInput(null, 3, new DefinitionInput.Text("交流会参加者", "Attendees"),
                "people", BigDecimal.valueOf(10), "computed", null, null, new DefinitionInput.Text("数え方", null),
                rule("DISTINCT_PERSONS", null, List.of("community.event.attended")), 95, 1), "admin2");
        assertEquals(2, changed.revision());
        assertEquals("admin2", changed.updatedBy());
        ProblemException stale = assertThrows(ProblemException.class, () -> kpi.update("t-events", new DefinitionInput(null, 3,
                new DefinitionInput.Text("x", null), "people", BigDecimal.ONE, "computed", null, null, new DefinitionInput.Text("x", null),
                rule("DISTINCT_PERSONS", null, List.of("community.event.attended")), null, 1), "admin"));
        assertEquals(409, stale.status());

        kpi.setRetired("t-events", true, "admin");
        assertTrue(kpi.stage(3, false).indicators().stream().noneMatch(i -> i.id().equals("t-events")));
        assertTrue(kpi.stage(3, true).indicators().stream().anyMatch(i -> i.id().equals("t-events") && i.retired()));
        assertEquals(409, assertThrows(ProblemException.class, () -> kpi.setRetired("t-events", true, "admin")).status());
        Views.Indicator back = kpi.setRetired("t-events", false, "admin");
        assertEquals(new BigDecimal("10"), back.target());
        assertEquals(List.of("reinstated", "retired", "updated", "created"), kpi.revisions("t-events", PageRequest.first())
                .items().stream().map(r -> r.change()).toList());
        assertEquals(404, assertThrows(ProblemException.class, () -> kpi.indicator("nope")).status());
    }

    @Test
    void trendsJoinComparableIndicatorsOfSeveralStages() {
        Map<String, List<String>> trends = kpi.trends().stream().collect(Collectors.toMap(Views.Trend::series,
                t -> t.indicators().stream().map(Views.Indicator::id).toList()));
        assertEquals(List.of("s1-migrants", "s2-migrants", "s3-migrants"), trends.get("migrants"));
        assertEquals(List.of("s1-trained", "s3-skill-up"), trends.get("skill-up"));
        assertEquals(List.of("s1-child-rearing-1500k", "s2-child-rearing-600k", "s3-earning-parents-side-jobs"),
                trends.get("child-rearing-income"));
        assertEquals(List.of("s1-income-3m", "s2-income-3m"), trends.get("income-3m"));
        assertNull(trends.get("new-freelancers"), "a series of one stage is no trend");
    }

    @Test
    void stageCsvAndOpenDataWithSmallFiguresSuppressed() {
        for (int i = 0; i < 5; i++) {
            ledger.add("people.moved", "m" + i, 2025, null, "withFamily", "false");
        }
        ledger.add("community.leader.started", "l1", 2026, null, "community", "c1");
        byte[] stage = kpi.stageCsv(3);
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(stage[0], stage[1], stage[2]));
        List<String> lines = Arrays.asList(new String(stage, 3, stage.length - 3, StandardCharsets.UTF_8).split("\r\n"));
        assertEquals("段階,指標ID,指標名,Indicator,単位,目標,実績,実績の出所,達成率(%),評価,対象年度,集計方法,令和7年度,令和8年度,令和9年度",
                lines.get(0));
        assertEquals(6, lines.size());
        assertTrue(lines.get(2).startsWith("3,s3-migrants,新たなフリーランス移住者15名創出,15 new freelancers move to the island,人,15,5,computed,33.3,C,"),
                lines.get(2));
        assertTrue(lines.get(2).endsWith(",5,0,0"), lines.get(2));

        String open = new String(kpi.openDataCsv(), StandardCharsets.UTF_8);
        assertTrue(open.startsWith("\uFEFF段階,対象年度,指標名"));
        List<String> rows = Arrays.asList(open.substring(1).split("\r\n"));
        assertEquals(14, rows.size());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("3,令和7年度～令和9年度,新たなフリーランス移住者15名創出,") && r.contains(",人,15,5,33.3,C,")),
                "five people are published");
        String leaders = rows.stream().filter(r -> r.contains("コミュニティリーダー")).findFirst().orElseThrow();
        assertTrue(leaders.contains(",人,3,*,*,*,活動台帳から集計,5人未満のため秘匿"), leaders);
        String parents = rows.stream().filter(r -> r.contains("年収150万円")).findFirst().orElseThrow();
        assertTrue(parents.contains(",*,*,*,計画の報告値,"), "a reported figure below five is suppressed too: " + parents);
        assertTrue(rows.stream().anyMatch(r -> r.contains(",200,202,101.0,A,計画の報告値,")));
    }
}
