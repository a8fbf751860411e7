package org.freelanceisland.platform.core.internal.ledger;

import java.util.Collection;
import java.util.Optional;
import java.util.OptionalLong;

import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.api.ledger.LedgerQuery;
import org.freelanceisland.platform.api.ledger.PersonAggregation;
import org.freelanceisland.platform.api.ledger.PersonTotal;
import org.freelanceisland.platform.api.ledger.RecordedActivity;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The {@link ActivityLedger} as each bundle sees it: one instance per using bundle, so every event
 * is stored with the symbolic name of the bundle that recorded it.
 */
@Component(service = ActivityLedger.class, scope = ServiceScope.BUNDLE)
public final class BundleActivityLedger implements ActivityLedger {

    private final LedgerService ledger;
    private final String recordedBy;

    /**
     * Creates the view of one bundle.
     *
     * @param ledger the ledger
     * @param context tells which bundle uses this instance
     */
    @Activate
    public BundleActivityLedger(@Reference LedgerService ledger, ComponentContext context) {
        this.ledger = ledger;
        this.recordedBy = context.getUsingBundle() == null ? "unknown" : context.getUsingBundle().getSymbolicName();
    }

    @Override
    public boolean record(ActivityEvent event) {
        return ledger.record(event, recordedBy);
    }

    @Override
    public Optional<RecordedActivity> find(String id) {
        return ledger.find(id);
    }

    @Override
    public Page<RecordedActivity> query(LedgerQuery query, PageRequest page) {
        return ledger.query(query, page);
    }

    @Override
    public long count(LedgerQuery query) {
        return ledger.store().count(query);
    }

    @Override
    public long countDistinctPersons(LedgerQuery query) {
        return ledger.store().countDistinctPersons(query);
    }

    @Override
    public long sumAmountYen(LedgerQuery query) {
        return ledger.store().sumAmountYen(query);
    }

    @Override
    public int recordAll(Collection<ActivityEvent> events) {
        return ledger.recordAll(events, recordedBy);
    }

    @Override
    public long countPersons(PersonAggregation aggregation) {
        return ledger.store().countPersons(aggregation);
    }

    @Override
    public Page<PersonTotal> personTotals(PersonAggregation aggregation, PageRequest page) {
        return ledger.store().personTotals(aggregation, page);
    }

    @Override
    public OptionalLong revision() {
        return OptionalLong.of(ledger.store().revision());
    }
}
