package org.freelanceisland.testing.ledger;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.api.ledger.LedgerQuery;
import org.freelanceisland.platform.api.ledger.RecordedActivity;

/**
 * An in-memory activity ledger for the programs' unit tests, idempotent by event id like the real
 * one; queries filter by type (or type prefix), person and fiscal year, newest first. Tests that
 * count with attribute or person conditions use the platform's real ledger store instead.
 */
public final class FakeLedger implements ActivityLedger {

    private final Map<String, ActivityEvent> events = new ConcurrentHashMap<>();

    @Override
    public boolean record(ActivityEvent event) {
        return events.putIfAbsent(event.id(), event) == null;
    }

    @Override
    public Optional<RecordedActivity> find(String id) {
        return Optional.ofNullable(events.get(id)).map(e -> new RecordedActivity(e, "test", Instant.now()));
    }

    /**
     * The events of a type.
     *
     * @param type the type
     * @return the events
     */
    public List<ActivityEvent> ofType(String type) {
        return events.values().stream().filter(e -> e.type().equals(type)).toList();
    }

    private List<ActivityEvent> select(LedgerQuery q) {
        return events.values().stream()
                .filter(e -> q.type() == null || q.typePrefix().map(p -> e.type().startsWith(p)).orElse(e.type().equals(q.type())))
                .filter(e -> q.personId() == null || q.personId().equals(e.personId()))
                .filter(e -> q.fiscalYear() == null || q.fiscalYear().equals(e.fiscalYear()))
                .sorted(Comparator.comparing(ActivityEvent::occurredAt).reversed()).toList();
    }

    @Override
    public Page<RecordedActivity> query(LedgerQuery query, PageRequest page) {
        List<ActivityEvent> all = select(query);
        List<RecordedActivity> items = all.stream().skip(page.offset()).limit(page.limit())
                .map(e -> new RecordedActivity(e, "test", e.occurredAt())).toList();
        return new Page<>(items, all.size(), page.offset(), page.limit());
    }

    @Override
    public long count(LedgerQuery query) {
        return select(query).size();
    }

    @Override
    public long countDistinctPersons(LedgerQuery query) {
        return select(query).stream().map(ActivityEvent::personId).filter(p -> p != null).distinct().count();
    }

    @Override
    public long sumAmountYen(LedgerQuery query) {
        return select(query).stream().mapToLong(e -> e.amountYen() == null ? 0 : e.amountYen()).sum();
    }
}
