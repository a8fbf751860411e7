package org.freelanceisland.people.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.api.ledger.LedgerQuery;
import org.freelanceisland.platform.api.ledger.LedgerUnavailableException;
import org.freelanceisland.platform.api.ledger.RecordedActivity;

/** An activity ledger in memory that can be switched off, for tests. */
public final class FakeLedger implements ActivityLedger {

    public final Map<String, ActivityEvent> events = new LinkedHashMap<>();
    public volatile boolean down;

    @Override
    public synchronized boolean record(ActivityEvent event) {
        if (down) {
            throw new LedgerUnavailableException("ledger is down", null);
        }
        return events.putIfAbsent(event.id(), event) == null;
    }

    @Override
    public synchronized Optional<RecordedActivity> find(String id) {
        return Optional.ofNullable(events.get(id)).map(e -> new RecordedActivity(e, "test", e.occurredAt()));
    }

    @Override
    public synchronized Page<RecordedActivity> query(LedgerQuery query, PageRequest page) {
        List<RecordedActivity> all = events.values().stream().map(e -> new RecordedActivity(e, "test", e.occurredAt())).toList();
        return new Page<>(all, all.size(), 0, page.limit());
    }

    @Override
    public synchronized long count(LedgerQuery query) {
        return events.values().stream().filter(e -> query.type() == null || e.type().equals(query.type())).count();
    }

    @Override
    public long countDistinctPersons(LedgerQuery query) {
        return events.values().stream().filter(e -> query.type() == null || e.type().equals(query.type()))
                .map(ActivityEvent::personId).distinct().count();
    }

    @Override
    public long sumAmountYen(LedgerQuery query) {
        return events.values().stream().filter(e -> query.type() == null || e.type().equals(query.type()))
                .mapToLong(e -> e.amountYen() == null ? 0 : e.amountYen()).sum();
    }

    /**
     * The ids of the events of a type.
     *
     * @param type the type
     * @return the ids in recording order
     */
    public synchronized List<String> ids(String type) {
        return events.values().stream().filter(e -> e.type().equals(type)).map(ActivityEvent::id).toList();
    }
}
