package org.freelanceisland.demo.internal.data;

import java.time.LocalDate;

/** Fiscal years (April to March, by the year they start in) of the demo data. */
public final class Years {

    private Years() {
    }

    /**
     * The fiscal year a day falls in.
     *
     * @param day the day
     * @return the year it starts in
     */
    public static int fiscalYear(LocalDate day) {
        return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
    }

    /**
     * A day of a fiscal year: month 4..12 in its start year, 1..3 in the next.
     *
     * @param fiscalYear the fiscal year
     * @param month the month
     * @param day the day of the month
     * @return the day
     */
    public static LocalDate day(int fiscalYear, int month, int day) {
        return LocalDate.of(month >= 4 ? fiscalYear : fiscalYear + 1, month, day);
    }
}
