package org.freelanceisland.kpi.internal.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;

import org.freelanceisland.kpi.internal.LedgerFixture;
import org.freelanceisland.kpi.internal.model.CountingRule;
import org.freelanceisland.kpi.internal.model.Measure;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.api.ledger.LedgerQuery;
import org.freelanceisland.platform.api.ledger.RecordedActivity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Figures are kept while the ledger's revision stays, and counted afresh as soon as it changes. */
class FigureCacheTest {

    private static final CountingRule COMPLETED = new CountingRule(List.of("terakoya.course.completed"), 2025, 2027,
            Measure.EVENTS, null, null, null, null);

    private LedgerFixture fixture;
    private final AtomicInteger counts = new AtomicInteger();
    private boolean tellsRevision = true;

    /** The real ledger, counting the count queries and able to hide its revision. */
    private final ActivityLedger ledger = new ActivityLedger() {
        @Override
        public boolean record(ActivityEvent event) {
            return fixture.record(event);
        }

        @Override
        public Optional<RecordedActivity> find(String id) {
            return fixture.find(id);
        }

        @Override
        public Page<RecordedActivity> query(LedgerQuery query, PageRequest page) {
            return fixture.query(query, page);
        }

        @Override
        public long count(LedgerQuery query) {
            counts.incrementAndGet();
            return fixture.count(query);
        }

        @Override
        public long countDistinctPersons(LedgerQuery query) {
            return fixture.countDistinctPersons(query);
        }

        @Override
        public long sumAmountYen(LedgerQuery query) {
            return fixture.sumAmountYen(query);
        }

        @Override
        public OptionalLong revision() {
            return tellsRevision ? fixture.revision() : OptionalLong.empty();
        }
    };

    @BeforeEach
    void open() {
        fixture = new LedgerFixture();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void keptUntilTheLedgerChanges() {
        FigureCache cache = new FigureCache(ledger);
        fixture.add("terakoya.course.completed", "p1", 2025, null);
        assertEquals(BigDecimal.ONE, cache.figures().compute(COMPLETED).value());
        assertEquals(BigDecimal.ONE, cache.figures().compute(COMPLETED).value());
        assertEquals(1, counts.get(), "the second view used the kept figure");

        fixture.add("terakoya.course.completed", "p2", 2026, null);
        assertEquals(BigDecimal.valueOf(2), cache.figures().compute(COMPLETED).value(), "right after a write");
        assertEquals(2, counts.get());

        assertEquals(BigDecimal.ONE, cache.figures().compute(COMPLETED, 2026, 2026).value(), "other years, other figure");
        CountingRule changed = new CountingRule(COMPLETED.eventTypes(), 2026, 2027, Measure.EVENTS, null, null, null, null);
        assertEquals(BigDecimal.ONE, cache.figures().compute(changed).value(), "a changed definition is counted afresh");
        assertEquals(4, counts.get());
        cache.figures().compute(changed);
        cache.figures().compute(COMPLETED, 2026, 2026);
        assertEquals(4, counts.get(), "both kept");
        assertEquals(1L, cache.figures().people(changed), "people are kept apart from figures");
    }

    @Test
    void aPurgeIsSeenToo() {
        FigureCache cache = new FigureCache(ledger);
        fixture.record(ActivityEvent.builder("demo:1:completed", "terakoya.course.completed",
                java.time.Instant.parse("2025-06-01T00:00:00Z")).person("p1").build());
        assertEquals(BigDecimal.ONE, cache.figures().compute(COMPLETED).value());
        fixture.store().purge(List.of("demo:1:"));
        assertEquals(BigDecimal.ZERO, cache.figures().compute(COMPLETED).value());
        assertEquals(2, counts.get());
    }

    @Test
    void nothingIsKeptWhenTheLedgerCannotTellItsRevision() {
        tellsRevision = false;
        FigureCache cache = new FigureCache(ledger);
        cache.figures().compute(COMPLETED);
        cache.figures().compute(COMPLETED);
        assertEquals(2, counts.get());
    }
}
