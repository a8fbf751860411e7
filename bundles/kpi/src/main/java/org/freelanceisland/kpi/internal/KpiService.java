package org.freelanceisland.kpi.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.aries.jpa.template.JpaTemplate;
import org.freelanceisland.kpi.internal.compute.FigureCache;
import org.freelanceisland.kpi.internal.compute.FigureCache.Figures;
import org.freelanceisland.kpi.internal.compute.Grading;
import org.freelanceisland.kpi.internal.compute.IndicatorCalculator;
import org.freelanceisland.kpi.internal.model.ActualSource;
import org.freelanceisland.kpi.internal.model.CountingRule;
import org.freelanceisland.kpi.internal.model.Definition;
import org.freelanceisland.kpi.internal.model.DefinitionInput;
import org.freelanceisland.kpi.internal.model.DefinitionValidator;
import org.freelanceisland.kpi.internal.model.Unit;
import org.freelanceisland.kpi.internal.rest.Views;
import org.freelanceisland.kpi.internal.store.KpiStore;
import org.freelanceisland.kpi.internal.store.Revision;
import org.freelanceisland.kpi.internal.store.Stage;
import org.freelanceisland.kpi.internal.store.StoredIndicator;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.api.ledger.LedgerQuery;
import org.freelanceisland.platform.api.ledger.PersonAggregation;
import org.freelanceisland.platform.api.ledger.PersonTotal;
import org.freelanceisland.platform.api.ledger.RecordedActivity;
import org.freelanceisland.platform.rest.Csv;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.ProblemException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The KPI program: the plan's stages and indicators, their figures (reported, or counted live from
 * the ledger), grades, year-by-year breakdowns, trends across stages, the records behind each figure
 * and the CSV exports. Loads the plan's seed data on activation.
 */
@Component(service = KpiService.class)
public final class KpiService {

    /** The smallest number of people a published figure may rest on. */
    public static final int OPEN_DATA_MIN_PEOPLE = 5;

    private final KpiStore store;
    private final ActivityLedger ledger;
    private final FigureCache figures;
    private final Supplier<Grading> grading;
    private final Clock clock;

    /**
     * Starts the program on its persistence unit and loads the plan's seed data when it is new.
     *
     * @param jpa the {@code kpi} persistence unit
     * @param ledger the activity ledger
     * @param grading the grading configuration
     */
    @Activate
    public KpiService(@Reference(target = "(osgi.unit.name=kpi)") JpaTemplate jpa, @Reference ActivityLedger ledger,
            @Reference KpiGrading grading) {
        this(new KpiStore(jpa, Clock.systemUTC()), ledger, grading::current, Clock.systemUTC());
        PlanSeed.load().applyTo(store);
    }

    /**
     * Creates the service from its parts (for tests).
     *
     * @param store the store
     * @param ledger the ledger
     * @param grading the grading in force
     * @param clock today
     */
    public KpiService(KpiStore store, ActivityLedger ledger, Supplier<Grading> grading, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.figures = new FigureCache(ledger);
        this.grading = grading;
        this.clock = clock;
    }

    // ---- reading

    /**
     * Every stage with its indicators.
     *
     * @param includeRetired whether retired indicators are listed
     * @return the stages
     */
    public List<Views.Stage> stages(boolean includeRetired) {
        List<StoredIndicator> all = store.indicators(null, includeRetired);
        Figures f = figures.figures();
        return store.stages().stream().map(s -> stageView(s, all.stream().filter(i -> i.definition().stage() == s.number())
                .toList(), f)).toList();
    }

    /**
     * One stage.
     *
     * @param number the stage
     * @param includeRetired whether retired indicators are listed
     * @return the stage
     */
    public Views.Stage stage(int number, boolean includeRetired) {
        return stageView(stageOf(number), store.indicators(number, includeRetired), figures.figures());
    }

    private Stage stageOf(int number) {
        return store.stages().stream().filter(s -> s.number() == number).findFirst()
                .orElseThrow(() -> ProblemException.notFound("stage", number));
    }

    private Views.Stage stageView(Stage s, List<StoredIndicator> indicators, Figures f) {
        int now = FiscalYear.of(clock.instant()).startYear();
        String status = now > s.toYear() ? "completed" : now >= s.fromYear() ? "running" : "planned";
        return new Views.Stage(s.number(), Views.Years.of(s.fromYear(), s.toYear()), s.title(), s.theme(), status,
                indicators.stream().map(i -> view(i, f)).toList());
    }

    /**
     * Indicators, a page at a time.
     *
     * @param stage only this stage, or {@code null}
     * @param includeRetired whether retired ones are listed
     * @param page the window
     * @return the page
     */
    public Page<Views.Indicator> indicators(Integer stage, boolean includeRetired, PageRequest page) {
        List<StoredIndicator> all = store.indicators(stage, includeRetired);
        Figures f = figures.figures();
        List<Views.Indicator> items = all.stream().skip(page.offset()).limit(page.limit()).map(i -> view(i, f)).toList();
        return new Page<>(items, all.size(), page.offset(), page.limit());
    }

    /**
     * One indicator with its figures.
     *
     * @param id the id
     * @return the indicator
     */
    public Views.Indicator indicator(String id) {
        return view(stored(id), figures.figures());
    }

    private StoredIndicator stored(String id) {
        return store.find(id).orElseThrow(() -> ProblemException.notFound("indicator", id));
    }

    /**
     * The figures of a stored indicator.
     *
     * @param s the indicator
     * @param f the ledger's figures
     * @return its view
     */
    Views.Indicator view(StoredIndicator s, Figures f) {
        Definition d = s.definition();
        BigDecimal actual = actual(d, f);
        BigDecimal rate = IndicatorCalculator.achievementRate(actual, d.target());
        int from = d.rule() != null ? d.rule().fromYear() : stageYears().get(d.stage())[0];
        int to = d.rule() != null ? d.rule().toYear() : stageYears().get(d.stage())[1];
        return new Views.Indicator(d.id(), d.stage(), d.name(), d.unit(), d.unit().label(), d.target(), actual,
                d.actualSource(), rate, grading.get().grade(rate), d.note(), d.series(), Views.Years.of(from, to),
                s.retired(), s.revision(), s.updatedBy(), s.updatedAt(), d.rule(), d.sortOrder());
    }

    private static BigDecimal actual(Definition d, Figures f) {
        return d.actualSource() == ActualSource.REPORTED ? d.reportedActual() : f.compute(d.rule()).value();
    }

    /**
     * An indicator year by year: each year's own figure and the running figure from its first year.
     * Reported indicators have the stage's figure only.
     *
     * @param id the indicator
     * @return the breakdown
     */
    public Views.YearBreakdown years(String id) {
        return years(stored(id).definition(), figures.figures());
    }

    /**
     * Every indicator of a stage year by year, for the stage's chart.
     *
     * @param number the stage
     * @return one breakdown per active indicator
     */
    public List<Views.YearBreakdown> stageYears(int number) {
        stageOf(number);
        Figures f = figures.figures();
        return store.indicators(number, false).stream().map(s -> years(s.definition(), f)).toList();
    }

    private Views.YearBreakdown years(Definition d, Figures f) {
        List<Views.YearFigure> years = new ArrayList<>();
        int[] span = d.rule() != null ? new int[] { d.rule().fromYear(), d.rule().toYear() } : stageYears().get(d.stage());
        boolean computed = d.actualSource() == ActualSource.COMPUTED;
        for (int y = span[0]; y <= span[1]; y++) {
            BigDecimal own = computed ? f.compute(d.rule(), y, y).value() : null;
            BigDecimal running = computed ? f.compute(d.rule(), span[0], y).value() : null;
            years.add(new Views.YearFigure(y, FiscalYear.of(y).label(), own, running));
        }
        return new Views.YearBreakdown(d.id(), d.name(), d.unit(), d.target(), actual(d, f), d.actualSource(), years);
    }

    /**
     * Comparable indicators across stages: every series with indicators in two or more stages.
     *
     * @return the trends, by series
     */
    public List<Views.Trend> trends() {
        Map<String, List<Views.Indicator>> bySeries = new LinkedHashMap<>();
        Figures f = figures.figures();
        for (StoredIndicator s : store.indicators(null, false)) {
            if (s.definition().series() != null) {
                bySeries.computeIfAbsent(s.definition().series(), k -> new ArrayList<>()).add(view(s, f));
            }
        }
        return bySeries.entrySet().stream()
                .filter(e -> e.getValue().stream().map(Views.Indicator::stage).distinct().count() > 1)
                .map(e -> new Views.Trend(e.getKey(), e.getValue())).toList();
    }

    /**
     * The revisions of an indicator's definition, newest first.
     *
     * @param id the indicator
     * @param page the window
     * @return the page
     */
    public Page<Revision> revisions(String id, PageRequest page) {
        return store.revisions(id, page);
    }

    /**
     * The grading in force.
     *
     * @return the thresholds
     */
    public Views.GradingView grading() {
        Grading g = grading.get();
        return new Views.GradingView(g.gradeA(), g.gradeB());
    }

    // ---- drill-down

    /**
     * The records behind an indicator's actual: the counted events, or the counted people with
     * their totals (per fiscal year for yearly thresholds).
     *
     * @param id the indicator
     * @param fiscalYear only this fiscal year of the indicator, or {@code null} for all of them
     * @param page the window
     * @return the records
     */
    public Views.Records records(String id, Integer fiscalYear, PageRequest page) {
        Definition d = stored(id).definition();
        CountingRule rule = d.rule();
        if (rule == null) {
            int[] span = stageYears().get(d.stage());
            return new Views.Records(id, d.actualSource(), "none", Views.Years.of(span[0], span[1]), List.of(), 0,
                    page.offset(), page.limit());
        }
        int from = rule.fromYear();
        int to = rule.toYear();
        if (fiscalYear != null) {
            if (fiscalYear < from || fiscalYear > to) {
                throw ProblemException.invalid("fiscalYear", "must be within the indicator's fiscal years " + from + "–" + to);
            }
            from = fiscalYear;
            to = fiscalYear;
        }
        LedgerQuery query = IndicatorCalculator.query(rule, from, to);
        Views.Years years = Views.Years.of(from, to);
        return switch (rule.measure()) {
            case EVENTS, SUM_AMOUNT, RATIO -> {
                Page<RecordedActivity> events = ledger.query(query, page);
                yield new Views.Records(id, d.actualSource(), "event", years,
                        events.items().stream().map(r -> event(r.event(), rule)).toList(), events.total(), page.offset(),
                        page.limit());
            }
            case DISTINCT_PERSONS -> persons(d, "person", years, ledger.personTotals(PersonAggregation.perPerson(query), page), page);
            case PERSONS_REACHING_YEARLY_AMOUNT -> persons(d, "person-year", years,
                    ledger.personTotals(PersonAggregation.yearlyAmountAtLeast(query, rule.thresholdYen()), page), page);
        };
    }

    private static Views.Records persons(Definition d, String kind, Views.Years years, Page<PersonTotal> totals,
            PageRequest page) {
        return new Views.Records(d.id(), d.actualSource(), kind, years, totals.items().stream()
                .map(t -> new Views.Record(kind, null, null, t.personId(), null,
                        t.fiscalYear() == null ? null : t.fiscalYear().startYear(),
                        t.fiscalYear() == null ? null : t.fiscalYear().label(), t.amountYen(), t.events(), null, null))
                .toList(), totals.total(), page.offset(), page.limit());
    }

    private static Views.Record event(ActivityEvent e, CountingRule rule) {
        Boolean counted = rule.ratioAttribute() == null ? null
                : rule.ratioAttribute().values().contains(e.attributes().get(rule.ratioAttribute().name()));
        return new Views.Record("event", e.id(), e.type(), e.personId(), e.occurredAt(), e.fiscalYear().startYear(),
                e.fiscalYear().label(), e.amountYen(), null, e.attributes(), counted);
    }

    // ---- changing definitions

    /**
     * Adds an indicator.
     *
     * @param input the definition
     * @param by who
     * @return the new indicator
     * @throws ProblemException 422 naming the fields when the definition is invalid, 409 when the id is taken
     */
    public Views.Indicator create(DefinitionInput input, String by) {
        return view(store.create(validate(input, input.id()), by), figures.figures());
    }

    /**
     * Changes an indicator's definition.
     *
     * @param id the indicator
     * @param input the new definition
     * @param by who
     * @return the indicator
     */
    public Views.Indicator update(String id, DefinitionInput input, String by) {
        stored(id);
        return view(store.update(validate(input, id), input.revision(), by), figures.figures());
    }

    /**
     * Retires or reinstates an indicator.
     *
     * @param id the indicator
     * @param retired the new state
     * @param by who
     * @return the indicator
     */
    public Views.Indicator setRetired(String id, boolean retired, String by) {
        return view(store.setRetired(id, retired, by), figures.figures());
    }

    private Definition validate(DefinitionInput input, String id) {
        DefinitionValidator.Result result = new DefinitionValidator(stageYears()).validate(input, id);
        if (!result.valid()) {
            List<FieldError> errors = result.errors();
            String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " fields of the definition are invalid";
            throw new ProblemException(422, "invalid-definition", "Invalid indicator definition", detail, errors);
        }
        return result.definition();
    }

    private Map<Integer, int[]> stageYears() {
        Map<Integer, int[]> years = new LinkedHashMap<>();
        store.stages().forEach(s -> years.put(s.number(), new int[] { s.fromYear(), s.toYear() }));
        return years;
    }

    // ---- exports

    /**
     * A stage's indicators as CSV, with each fiscal year's own figure.
     *
     * @param number the stage
     * @return the CSV file
     */
    public byte[] stageCsv(int number) {
        Stage stage = stageOf(number);
        List<Object> header = new ArrayList<>(List.of("段階", "指標ID", "指標名", "Indicator", "単位", "目標", "実績",
                "実績の出所", "達成率(%)", "評価", "対象年度", "集計方法"));
        for (int y = stage.fromYear(); y <= stage.toYear(); y++) {
            header.add(FiscalYear.of(y).japaneseLabel());
        }
        List<List<Object>> csv = new ArrayList<>();
        csv.add(header);
        Figures f = figures.figures();
        for (StoredIndicator s : store.indicators(number, false)) {
            Views.Indicator v = view(s, f);
            List<Object> row = new ArrayList<>(List.of(v.stage(), v.id(), v.name().ja(), v.name().en(), v.unitLabel().ja(),
                    v.target()));
            row.add(v.actual());
            row.add(v.actualSource().code());
            row.add(v.achievementRate());
            row.add(v.grade());
            row.add(v.fiscalYears().label().ja());
            row.add(v.note().ja());
            Map<Integer, BigDecimal> own = new LinkedHashMap<>();
            if (v.actualSource() == ActualSource.COMPUTED) {
                years(s.definition(), f).years().forEach(y -> own.put(y.fiscalYear(), y.actual()));
            }
            for (int y = stage.fromYear(); y <= stage.toYear(); y++) {
                row.add(own.get(y));
            }
            csv.add(row);
        }
        return Csv.writeBytes(csv);
    }

    /**
     * Every stage's active indicators as open data: any figure resting on fewer than
     * {@value #OPEN_DATA_MIN_PEOPLE} people is suppressed (shown as {@code *}, with its rate and grade).
     *
     * @return the CSV file
     */
    public byte[] openDataCsv() {
        List<List<Object>> csv = new ArrayList<>();
        csv.add(List.of("段階", "対象年度", "指標名", "Indicator", "単位", "目標", "実績", "達成率(%)", "評価", "実績の出所", "備考"));
        Figures f = figures.figures();
        for (StoredIndicator s : store.indicators(null, false)) {
            Views.Indicator v = view(s, f);
            boolean suppressed = suppressed(s.definition(), v.actual(), f);
            csv.add(java.util.Arrays.asList(v.stage(), v.fiscalYears().label().ja(), v.name().ja(), v.name().en(), v.unitLabel().ja(), v.target(),
                    suppressed ? "*" : v.actual(), suppressed ? "*" : v.achievementRate(), suppressed ? "*" : v.grade(),
                    v.actualSource() == ActualSource.REPORTED ? "計画の報告値" : "活動台帳から集計",
                    suppressed ? "5人未満のため秘匿" : null));
        }
        return Csv.writeBytes(csv);
    }

    private static boolean suppressed(Definition d, BigDecimal actual, Figures f) {
        if (d.actualSource() == ActualSource.REPORTED) {
            return d.unit() == Unit.PEOPLE && actual != null && actual.compareTo(BigDecimal.valueOf(OPEN_DATA_MIN_PEOPLE)) < 0;
        }
        return f.people(d.rule()) < OPEN_DATA_MIN_PEOPLE;
    }
}
