package org.freelanceisland.contest.internal;

import java.time.Instant;
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

/** An in-memory ledger for tests, idempotent by event id like the real one. */
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

    @Override
    public Page<RecordedActivity> query(LedgerQuery query, PageRequest page) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long count(LedgerQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long countDistinctPersons(LedgerQuery query) {
        throw new UnsupportedOperationException();
    }

    @Override
    public long sumAmountYen(LedgerQuery query) {
        throw new UnsupportedOperationException();
    }
}
