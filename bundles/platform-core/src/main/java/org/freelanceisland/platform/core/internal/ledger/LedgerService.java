package org.freelanceisland.platform.core.internal.ledger;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.api.ledger.LedgerQuery;
import org.freelanceisland.platform.api.ledger.RecordedActivity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger of the platform: stores events through JPA and announces each new one on EventAdmin.
 * Programs use it through the {@link ActivityLedger} service, which tells it who is recording.
 */
@Component(service = LedgerService.class)
public final class LedgerService {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerService.class);

    private final LedgerStore store;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin eventAdmin;

    /**
     * Starts the ledger on the platform's persistence unit.
     *
     * @param jpa the JPA template of the {@code platform} unit
     */
    @Activate
    public LedgerService(@Reference(target = "(osgi.unit.name=platform)") JpaTemplate jpa) {
        this.store = new LedgerStore(jpa);
        try {
            store.upgrade();
        } catch (RuntimeException e) {
            LOG.warn("The ledger's attribute index could not be brought up to date; filters on attributes of"
                    + " earlier events may miss them until the next start: {}", e.toString());
        }
        LOG.info("Activity ledger ready");
    }

    /**
     * Records an event once.
     *
     * @param event the event
     * @param recordedBy who records it: a bundle symbolic name or {@code user:<name>}
     * @return whether it was new
     */
    public boolean record(ActivityEvent event, String recordedBy) {
        return store.record(event, recordedBy, this::announce);
    }

    /**
     * Records many events, in batches.
     *
     * @param events the events
     * @param recordedBy who records them
     * @return how many were new
     */
    public int recordAll(Collection<ActivityEvent> events, String recordedBy) {
        return store.recordAll(events, recordedBy, this::announce);
    }

    /**
     * Finds an event.
     *
     * @param id its id
     * @return the event if recorded
     */
    public Optional<RecordedActivity> find(String id) {
        return store.find(id);
    }

    /**
     * Lists events.
     *
     * @param query criteria
     * @param page window
     * @return the page
     */
    public Page<RecordedActivity> query(LedgerQuery query, PageRequest page) {
        return store.query(query, page);
    }

    /**
     * The store, for the aggregate queries.
     *
     * @return the store
     */
    public LedgerStore store() {
        return store;
    }

    private void announce(RecordedActivity recorded) {
        EventAdmin admin = eventAdmin;
        if (admin == null) {
            LOG.warn("EventAdmin is not available; event {} was stored but not announced", recorded.event().id());
            return;
        }
        ActivityEvent event = recorded.event();
        Map<String, Object> properties = new HashMap<>();
        properties.put("id", event.id());
        properties.put("type", event.type());
        properties.put("module", event.module());
        properties.put("fiscalYear", event.fiscalYear().startYear());
        properties.put("occurredAt", event.occurredAt().toString());
        properties.put("recordedBy", recorded.recordedBy());
        event.person().ifPresent(person -> properties.put("personId", person));
        if (event.amountYen() != null) {
            properties.put("amountYen", event.amountYen());
        }
        admin.postEvent(new Event(ActivityLedger.TOPIC_RECORDED, properties));
    }
}
