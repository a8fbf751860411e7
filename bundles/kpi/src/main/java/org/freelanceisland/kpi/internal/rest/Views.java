package org.freelanceisland.kpi.internal.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.freelanceisland.kpi.internal.model.ActualSource;
import org.freelanceisland.kpi.internal.model.CountingRule;
import org.freelanceisland.kpi.internal.model.Unit;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.LocalizedText;

/** The JSON shapes of the KPI API. */
public final class Views {

    private Views() {
    }

    /**
     * A span of fiscal years with its labels.
     *
     * @param from the first fiscal year
     * @param to the last fiscal year
     * @param eras the era span, {@code H27～R1}
     * @param label {@code 平成27年度～令和元年度} / {@code FY2015–FY2019 (H27–R1)}
     */
    public record Years(int from, int to, String eras, LocalizedText label) {

        /**
         * The span of two fiscal years.
         *
         * @param from first
         * @param to last
         * @return the span
         */
        public static Years of(int from, int to) {
            FiscalYear a = FiscalYear.of(from);
            FiscalYear b = FiscalYear.of(to);
            String eras = a.eraShort() + "～" + b.eraShort();
            return new Years(from, to, eras, LocalizedText.of(a.japaneseLabel() + "～" + b.japaneseLabel(),
                    "FY" + from + "–FY" + to + " (" + a.eraShort() + "–" + b.eraShort() + ")"));
        }
    }

    /**
     * An indicator with its figures.
     *
     * @param id the id
     * @param stage the stage
     * @param name the name
     * @param unit the unit
     * @param unitLabel the unit's label
     * @param target the target
     * @param actual the actual (reported, or computed now), {@code null} when it cannot be stated
     * @param actualSource {@code reported} or {@code computed}
     * @param achievementRate actual / target in percent, one decimal
     * @param grade A, B or C
     * @param note the counting rule in words
     * @param series the comparison key across stages
     * @param fiscalYears the fiscal years counted
     * @param retired whether it is retired
     * @param revision the definition's revision
     * @param updatedBy who changed it last
     * @param updatedAt when
     * @param rule the counting rule
     * @param sortOrder the position within the stage
     */
    public record Indicator(String id, int stage, LocalizedText name, Unit unit, LocalizedText unitLabel, BigDecimal target,
            BigDecimal actual, ActualSource actualSource, BigDecimal achievementRate, String grade, LocalizedText note,
            String series, Years fiscalYears, boolean retired, int revision, String updatedBy, Instant updatedAt,
            CountingRule rule, int sortOrder) {
    }

    /**
     * A stage with its indicators.
     *
     * @param number the stage number
     * @param fiscalYears its fiscal years
     * @param title its name in the plan
     * @param theme what it is about
     * @param status {@code completed}, {@code running} or {@code planned}, by today's fiscal year
     * @param indicators its indicators
     */
    public record Stage(int number, Years fiscalYears, LocalizedText title, LocalizedText theme, String status,
            List<Indicator> indicators) {
    }

    /**
     * One fiscal year of an indicator.
     *
     * @param fiscalYear the year
     * @param label its labels
     * @param actual the figure of that year alone
     * @param cumulative the figure from the first year of the indicator to the end of this one
     */
    public record YearFigure(int fiscalYear, LocalizedText label, BigDecimal actual, BigDecimal cumulative) {
    }

    /**
     * An indicator year by year.
     *
     * @param indicatorId the indicator
     * @param name its name
     * @param unit its unit
     * @param target its target for the whole span
     * @param actual its actual for the whole span
     * @param actualSource where the actual comes from (reported figures have no yearly breakdown)
     * @param years each fiscal year
     */
    public record YearBreakdown(String indicatorId, LocalizedText name, Unit unit, BigDecimal target, BigDecimal actual,
            ActualSource actualSource, List<YearFigure> years) {
    }

    /**
     * Comparable indicators of several stages.
     *
     * @param series the key they share
     * @param indicators one per stage, by stage
     */
    public record Trend(String series, List<Indicator> indicators) {
    }

    /**
     * One record behind a figure: a ledger event, or a person (with totals).
     *
     * @param kind {@code event}, {@code person} or {@code person-year}
     * @param eventId the event's id (events)
     * @param type the event type (events)
     * @param personId the person
     * @param occurredAt when the event happened (events)
     * @param fiscalYear the fiscal year (events and person-years)
     * @param fiscalYearLabel its labels
     * @param amountYen the event's amount, or the person's total
     * @param events the number of the person's counted events (persons)
     * @param attributes the event's attributes (events)
     * @param counted for a ratio: whether the event counts in the numerator
     */
    public record Record(String kind, String eventId, String type, String personId, Instant occurredAt, Integer fiscalYear,
            LocalizedText fiscalYearLabel, Long amountYen, Long events, Map<String, String> attributes, Boolean counted) {
    }

    /**
     * The records behind an indicator's actual, a page at a time.
     *
     * @param indicatorId the indicator
     * @param actualSource where its actual comes from; for {@code reported} the records are what the
     *        ledger holds under the same rule, not the source of the reported figure
     * @param recordKind {@code event}, {@code person}, {@code person-year} or {@code none} (no rule)
     * @param fiscalYears the fiscal years listed
     * @param items the records
     * @param total how many records there are
     * @param offset the first
     * @param limit the page size
     */
    public record Records(String indicatorId, ActualSource actualSource, String recordKind, Years fiscalYears,
            List<Record> items, long total, int offset, int limit) {
    }

    /**
     * The grading thresholds in force.
     *
     * @param gradeA lowest rate graded A, percent
     * @param gradeB lowest rate graded B, percent
     */
    public record GradingView(double gradeA, double gradeB) {
    }
}
