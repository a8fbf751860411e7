package org.freelanceisland.platform.api.ledger;

import java.util.Collection;
import java.util.Optional;
import java.util.OptionalLong;

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
 *
 * <p>Since 1.1 queries can filter on attributes, ranges of fiscal years and conditions on the person
 * (see {@link LedgerQuery}), and the ledger totals events per person or per person and fiscal year
 * ({@link #countPersons(PersonAggregation)}, {@link #personTotals(PersonAggregation, PageRequest)}),
 * all in the database.
 *
 * <p>Since 1.2 the ledger tells its {@link #revision()}, so that a reader may keep what it computed
 * from the ledger until the ledger changes.
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

    /**
     * Records several facts in one transaction; facts whose id is already in the ledger (or that
     * appear twice in the batch) are skipped. Each newly stored event is announced as by
     * {@link #record(ActivityEvent)}.
     *
     * <p>The default implementation records the events one by one; the platform's ledger stores
     * them in batches.
     *
     * @param events the facts
     * @return how many were stored now
     * @throws LedgerUnavailableException if the database cannot be reached
     * @since 1.1
     */
    default int recordAll(Collection<ActivityEvent> events) {
        int stored = 0;
        for (ActivityEvent event : events) {
            if (record(event)) {
                stored++;
            }
        }
        return stored;
    }

    /**
     * Counts the different people who have at least one group of the aggregation (for example the
     * people who earned at least 600,000 yen in some fiscal year).
     *
     * <p>The default implementation throws; the platform's ledger implements it. It exists so that
     * test doubles written against version 1.0 still compile.
     *
     * @param aggregation which events, how to group them and the minimums a group must reach
     * @return the number of distinct people
     * @throws LedgerUnavailableException if the database cannot be reached
     * @since 1.1
     */
    default long countPersons(PersonAggregation aggregation) {
        throw new UnsupportedOperationException("countPersons is not implemented by this ledger");
    }

    /**
     * Lists the groups of an aggregation that reach its minimums: one per person (or per person and
     * fiscal year), ordered by person id and fiscal year. The page's total is the number of groups.
     *
     * <p>The default implementation throws; the platform's ledger implements it.
     *
     * @param aggregation which events, how to group them and the minimums a group must reach
     * @param page which window of the result
     * @return the page of totals
     * @throws LedgerUnavailableException if the database cannot be reached
     * @since 1.1
     */
    default Page<PersonTotal> personTotals(PersonAggregation aggregation, PageRequest page) {
        throw new UnsupportedOperationException("personTotals is not implemented by this ledger");
    }

    /**
     * A token of the ledger's current content: it changes in the transaction that records or purges
     * events, on every node that shares the database, and two reads that return the same token saw
     * the same events. A reader may therefore keep figures computed from the ledger for as long as
     * the token stays the same (read the token before computing, never after). The token is an
     * opaque number: compare it for equality only.
     *
     * <p>The default implementation returns empty ("unknown"), and callers must then not keep
     * anything; the platform's ledger implements it with one read of a single row.
     *
     * @return the token, or empty when this ledger cannot tell
     * @throws LedgerUnavailableException if the database cannot be reached
     * @since 1.2
     */
    default OptionalLong revision() {
        return OptionalLong.empty();
    }
}
