package org.freelanceisland.kpi.internal;

import java.util.Collection;
import java.util.Optional;
import java.util.OptionalLong;

import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.api.ledger.LedgerQuery;
import org.freelanceisland.platform.api.ledger.PersonAggregation;
import org.freelanceisland.platform.api.ledger.PersonTotal;
import org.freelanceisland.platform.api.ledger.RecordedActivity;
import org.freelanceisland.platform.core.internal.ledger.LedgerStore;
import org.freelanceisland.testing.jpa.ResourceLocalJpaTemplate;

/**
 * The platform's real ledger store on in-memory H2, behind the {@link ActivityLedger} API, so that
 * KPI tests count exactly what the platform would.
 */
public final class LedgerFixture implements ActivityLedger, AutoCloseable {

    private final ResourceLocalJpaTemplate jpa;
    private final LedgerStore store;
    private int sequence;

    /** The ledger on a new in-memory H2 database. */
    public LedgerFixture() {
        this(ResourceLocalJpaTemplate.h2("platform"));
    }

    /**
     * The ledger on the platform unit of a given template (closed with the fixture).
     *
     * @param jpa the platform's persistence unit
     */
    public LedgerFixture(ResourceLocalJpaTemplate jpa) {
        this.jpa = jpa;
        this.store = new LedgerStore(jpa);
    }

    /**
     * The store behind the ledger, for bulk loads.
     *
     * @return the store
     */
    public LedgerStore store() {
        return store;
    }

    @Override
    public boolean record(ActivityEvent event) {
        return store.record(event, "test", r -> { });
    }

    @Override
    public int recordAll(Collection<ActivityEvent> events) {
        return store.recordAll(events, "test", r -> { });
    }

    /**
     * Records an event in a fiscal year (on 1 June of it).
     *
     * @param type the type
     * @param person the person or {@code null}
     * @param fiscalYear the fiscal year
     * @param yen the amount or {@code null}
     * @param attributes name, value, name, value...
     * @return the event's id
     */
    public String add(String type, String person, int fiscalYear, Long yen, String... attributes) {
        String id = "t-" + (++sequence);
        ActivityEvent.Builder event = ActivityEvent.builder(id, type,
                FiscalYear.of(fiscalYear).firstDay().plusMonths(2).atStartOfDay(FiscalYear.ISLAND_ZONE).toInstant())
                .person(person);
        if (yen != null) {
            event.amountYen(yen);
        }
        for (int i = 0; i < attributes.length; i += 2) {
            event.attribute(attributes[i], attributes[i + 1]);
        }
        record(event.build());
        return id;
    }

    @Override
    public Optional<RecordedActivity> find(String id) {
        return store.find(id);
    }

    @Override
    public Page<RecordedActivity> query(LedgerQuery query, PageRequest page) {
        return store.query(query, page);
    }

    @Override
    public long count(LedgerQuery query) {
        return store.count(query);
    }

    @Override
    public long countDistinctPersons(LedgerQuery query) {
        return store.countDistinctPersons(query);
    }

    @Override
    public long sumAmountYen(LedgerQuery query) {
        return store.sumAmountYen(query);
    }

    @Override
    public long countPersons(PersonAggregation aggregation) {
        return store.countPersons(aggregation);
    }

    @Override
    public Page<PersonTotal> personTotals(PersonAggregation aggregation, PageRequest page) {
        return store.personTotals(aggregation, page);
    }

    @Override
    public OptionalLong revision() {
        return OptionalLong.of(store.revision());
    }

    @Override
    public void close() {
        jpa.close();
    }
}
