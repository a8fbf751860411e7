package org.freelanceisland.kpi.internal.model;

/** How an indicator counts the ledger events its rule selects. */
public enum Measure {
    /** The number of events. */
    EVENTS,
    /** The number of different people the events concern. */
    DISTINCT_PERSONS,
    /** The sum of the events' amounts. */
    SUM_AMOUNT,
    /** The people whose amounts in one fiscal year add up to at least the rule's threshold. */
    PERSONS_REACHING_YEARLY_AMOUNT,
    /** The share, in percent, of the events that carry the rule's ratio attribute value. */
    RATIO;

    /**
     * Whether the measure counts people.
     *
     * @return {@code true} for {@link #DISTINCT_PERSONS} and {@link #PERSONS_REACHING_YEARLY_AMOUNT}
     */
    public boolean countsPeople() {
        return this == DISTINCT_PERSONS || this == PERSONS_REACHING_YEARLY_AMOUNT;
    }
}
