package org.freelanceisland.kpi.internal.compute;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import org.freelanceisland.kpi.internal.model.CountingRule;
import org.freelanceisland.platform.api.ledger.ActivityLedger;

/**
 * Keeps the figures computed from the ledger until the ledger changes. Every figure is one or two
 * aggregate queries over up to millions of events, and a stage view counts every indicator of the
 * stage: without this each page view of the KPI panel cost a second of database time on a large
 * ledger. The ledger's {@link ActivityLedger#revision() revision} is read once per {@link #figures()
 * view} (one row by its key) and figures are kept per revision, so a view shows what the ledger held
 * when it began, on every node of a cluster, right after any write; nothing is kept when the ledger
 * cannot tell its revision.
 *
 * <p>Figures are keyed by the counting rule itself (a value), so a changed definition is counted
 * afresh. At most {@value #MAX_FIGURES} figures are kept for one revision; beyond that further ones
 * are computed and not kept.
 */
public final class FigureCache {

    /** The most figures kept for one revision (a stage's year-by-year chart takes about 150). */
    static final int MAX_FIGURES = 5_000;

    private final ActivityLedger ledger;
    private final IndicatorCalculator calculator;
    private volatile Generation current;

    /**
     * Creates the cache.
     *
     * @param ledger the ledger, for its revision and the figures
     */
    public FigureCache(ActivityLedger ledger) {
        this.ledger = ledger;
        this.calculator = new IndicatorCalculator(ledger);
    }

    /**
     * The figures of the ledger as it is now, for one view: read the revision once, then ask for as
     * many figures as the view needs.
     *
     * @return the figures
     */
    public Figures figures() {
        OptionalLong revision = ledger.revision();
        if (revision.isEmpty()) {
            return new Figures(calculator, null);
        }
        Generation g = current;
        if (g == null || g.revision != revision.getAsLong()) {
            g = new Generation(revision.getAsLong());
            current = g;
        }
        return new Figures(calculator, g);
    }

    private record Key(CountingRule rule, int fromYear, int toYear, boolean people) {
    }

    private static final class Generation {
        final long revision;
        final Map<Key, Object> values = new ConcurrentHashMap<>();

        Generation(long revision) {
            this.revision = revision;
        }
    }

    /** The figures of one revision of the ledger (or, when it cannot tell, computed each time). */
    public static final class Figures {

        private final IndicatorCalculator calculator;
        private final Generation generation;

        Figures(IndicatorCalculator calculator, Generation generation) {
            this.calculator = calculator;
            this.generation = generation;
        }

        /**
         * The rule's figure over its own fiscal years.
         *
         * @param rule the rule
         * @return the figure
         */
        public Figure compute(CountingRule rule) {
            return compute(rule, rule.fromYear(), rule.toYear());
        }

        /**
         * The rule's figure over some of its fiscal years ({@link IndicatorCalculator#compute(CountingRule, int, int)}).
         *
         * @param rule the rule
         * @param fromYear the first fiscal year
         * @param toYear the last fiscal year
         * @return the figure
         */
        public Figure compute(CountingRule rule, int fromYear, int toYear) {
            return (Figure) kept(new Key(rule, fromYear, toYear, false), () -> calculator.compute(rule, fromYear, toYear));
        }

        /**
         * The number of different people behind the rule's figure ({@link IndicatorCalculator#people(CountingRule)}).
         *
         * @param rule the rule
         * @return the number of people
         */
        public long people(CountingRule rule) {
            return (Long) kept(new Key(rule, rule.fromYear(), rule.toYear(), true), () -> calculator.people(rule));
        }

        private Object kept(Key key, java.util.function.Supplier<Object> compute) {
            if (generation == null) {
                return compute.get();
            }
            Object value = generation.values.get(key);
            if (value == null) {
                // computed outside the map's lock: two views may count the same figure once each
                value = compute.get();
                if (generation.values.size() < MAX_FIGURES) {
                    generation.values.putIfAbsent(key, value);
                }
            }
            return value;
        }
    }
}
