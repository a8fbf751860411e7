package org.freelanceisland.platform.api.ledger;

import java.util.Optional;

import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The one place programs record the facts that the plan's indicators count. The platform provides
 * it; programs use it. Each program gets its own view of the service, so the ledger knows which
 * bundle recorded what.
 *
 * <p>Recording is idempotent: an event whose id is already in the ledger is not stored again, so a
 * program may replay its facts safely. Every newly stored event is posted to EventAdmin under
 * {@link #TOPIC_RECORDED} with the properties {@code id}, {@code type}, {@code fiscalYear} and, when
 * present, {@code personId} and {@code amountYen}.
 */
@ProviderType
public interface ActivityLedger {

    /** The EventAdmin topic of a newly recorded event. */
    String TOPIC_RECORDED = "freelanceisland/ledger/RECORDED";

    /**
     * Records a fact, once.
     *
     * @param event the fact
     * @return {@code true} if it was stored now, {@code false} if an event with its id was already
     *         in the ledger (nothing is changed then)
     * @throws LedgerUnavailableException if the database cannot be reached
     */
    boolean record(ActivityEvent event);

    /**
     * Finds one event.
     *
     * @param id the event's id
     * @return the event, if recorded
     */
    Optional<RecordedActivity> find(String id);

    /**
     * Lists events, newest occurrence first.
     *
     * @param query which events
     * @param page which window of the result
     * @return the page
     */
    Page<RecordedActivity> query(LedgerQuery query, PageRequest page);

    /**
     * Counts events.
     *
     * @param query which events
     * @return how many match
     */
    long count(LedgerQuery query);

    /**
     * Counts the different people the matching events concern (events without a person are not
     * counted).
     *
     * @param query which events
     * @return the number of distinct person ids
     */
    long countDistinctPersons(LedgerQuery query);

    /**
     * Adds up the amounts of the matching events (events without an amount count as zero).
     *
     * @param query which events
     * @return the sum in yen
     */
    long sumAmountYen(LedgerQuery query);
}
