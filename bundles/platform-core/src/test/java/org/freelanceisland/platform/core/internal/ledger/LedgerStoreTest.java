package org.freelanceisland.platform.core.internal.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.LedgerQuery;
import org.freelanceisland.platform.api.ledger.RecordedActivity;
import org.freelanceisland.testing.jpa.ResourceLocalJpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger's persistence on the platform unit, on in-memory H2. */
class LedgerStoreTest {

    private ResourceLocalJpaTemplate jpa;
    private LedgerStore store;
    private final List<RecordedActivity> announced = new ArrayList<>();

    @BeforeEach
    void open() {
        jpa = ResourceLocalJpaTemplate.h2("platform");
        store = new LedgerStore(jpa);
    }

    @AfterEach
    void close() {
        jpa.close();
    }

    private boolean record(String id, String type, String person, String when, Long yen) {
        ActivityEvent.Builder event = ActivityEvent.builder(id, type, Instant.parse(when)).person(person);
        if (yen != null) {
            event.amountYen(yen);
        }
        return store.record(event.build(), "test.bundle", announced::add);
    }

    @Test
    void recordingIsIdempotentAndAnnouncedOnce() {
        assertTrue(record("e1", "terakoya.course.completed", "p1", "2025-05-01T00:00:00Z", null));
        assertFalse(record("e1", "terakoya.course.completed", "p2", "2026-05-01T00:00:00Z", 5L));
        assertEquals(1, announced.size());
        RecordedActivity stored = store.find("e1").orElseThrow();
        assertEquals("p1", stored.event().personId(), "the second recording changed nothing");
        assertEquals("test.bundle", stored.recordedBy());
    }

    @Test
    void attributesAndAmountsRoundTrip() {
        store.record(ActivityEvent.builder("e2", "contest.entry.submitted", Instant.parse("2025-07-01T00:00:00Z"))
                .amountYen(200_000).attribute("material", "大島紬 𠮷").attribute("kana", "ｶﾅ").build(), "b", a -> { });
        ActivityEvent event = store.find("e2").orElseThrow().event();
        assertEquals(Map.of("material", "大島紬 𠮷", "kana", "ｶﾅ"), event.attributes());
        assertEquals(200_000L, event.amountYen());
        assertEquals(Instant.parse("2025-07-01T00:00:00Z"), event.occurredAt());
        assertEquals(FiscalYear.of(2025), event.fiscalYear());
        assertTrue(store.find("nope").isEmpty());
    }

    @Test
    void queriesFilterCountAndPage() {
        record("a1", "terakoya.course.completed", "p1", "2024-06-01T00:00:00Z", 1000L);
        record("a2", "terakoya.course.completed", "p1", "2025-06-01T00:00:00Z", 2000L);
        record("a3", "terakoya.course.completed", "p2", "2025-07-01T00:00:00Z", null);
        record("a4", "terakoya.enrolment.created", "p3", "2025-08-01T00:00:00Z", null);
        record("a5", "jobs.contract.signed", "p1", "2026-03-31T14:00:00Z", 50_000L); // 31 March 23:00 in Japan
        record("a6", "terakoyax.course.completed", null, "2025-06-01T00:00:00Z", null);

        assertEquals(4, store.count(LedgerQuery.ofType("terakoya.*")), "a prefix ends at the dot: terakoyax is another module");
        assertEquals(3, store.count(LedgerQuery.ofType("terakoya.course.completed")));
        assertEquals(2, store.count(LedgerQuery.ofType("terakoya.course.completed").inFiscalYear(FiscalYear.of(2025))));
        assertEquals(2, store.countDistinctPersons(LedgerQuery.ofType("terakoya.course.completed")));
        assertEquals(3000, store.sumAmountYen(LedgerQuery.ofType("terakoya.*")));
        assertEquals(0, store.sumAmountYen(LedgerQuery.ofType("kpi.*")));
        assertEquals(1, store.count(LedgerQuery.ofType("jobs.*").inFiscalYear(FiscalYear.of(2025))));
        assertEquals(3, store.count(LedgerQuery.all().forPerson("p1")));
        assertEquals(2, store.count(LedgerQuery.all().between(Instant.parse("2025-06-01T00:00:00Z"),
                Instant.parse("2025-07-01T00:00:00Z"))));

        Page<RecordedActivity> first = store.query(LedgerQuery.ofType("terakoya.*"), new PageRequest(0, 3));
        assertEquals(4, first.total());
        assertEquals(List.of("a4", "a3", "a2"), first.items().stream().map(r -> r.event().id()).toList(), "newest first");
        Page<RecordedActivity> second = store.query(LedgerQuery.ofType("terakoya.*"), new PageRequest(3, 3));
        assertEquals(4, second.total());
        assertEquals(List.of("a1"), second.items().stream().map(r -> r.event().id()).toList());
        Page<RecordedActivity> beyond = store.query(LedgerQuery.ofType("terakoya.*"), new PageRequest(10, 3));
        assertEquals(4, beyond.total());
        assertTrue(beyond.items().isEmpty());
    }
}
