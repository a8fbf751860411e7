package org.freelanceisland.jobs.internal.model;

/** The unit of an effort estimate. A working day counts {@value #HOURS_PER_DAY} hours. */
public enum EffortUnit {
    /** Hours. */
    HOURS,
    /** Working days of {@value #HOURS_PER_DAY} hours. */
    DAYS;

    /** Hours in a working day. */
    public static final int HOURS_PER_DAY = 8;

    /**
     * Converts an amount of this unit to hours.
     *
     * @param amount the amount
     * @return hours
     */
    public double hours(double amount) {
        return this == DAYS ? amount * HOURS_PER_DAY : amount;
    }
}
