package org.freelanceisland.platform.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;

/**
 * A Japanese fiscal year, April to March, named by the calendar year in which it starts
 * (fiscal year 2025 runs from 1 April 2025 to 31 March 2026).
 *
 * <p>The era label follows the usage of the plan: fiscal year 2019 is labelled 令和元年度 (R1) although
 * its first month still fell in Heisei, and 2015 is 平成27年度 (H27).
 *
 * @param startYear the calendar year in which the fiscal year starts
 */
public record FiscalYear(int startYear) implements Comparable<FiscalYear> {

    /** The time zone in which the island's dates are reckoned. */
    public static final ZoneId ISLAND_ZONE = ZoneId.of("Asia/Tokyo");

    /** The earliest fiscal year the platform accepts (the first year of the Heisei era). */
    public static final int MIN_YEAR = 1989;
    /** The latest fiscal year the platform accepts. */
    public static final int MAX_YEAR = 2200;

    /** Checks the year is in the supported range. */
    public FiscalYear {
        if (startYear < MIN_YEAR || startYear > MAX_YEAR) {
            throw new IllegalArgumentException(
                    "fiscal year must be between " + MIN_YEAR + " and " + MAX_YEAR + ": " + startYear);
        }
    }

    /**
     * The fiscal year of a calendar year.
     *
     * @param startYear the calendar year in which the fiscal year starts
     * @return the fiscal year
     */
    public static FiscalYear of(int startYear) {
        return new FiscalYear(startYear);
    }

    /**
     * The fiscal year a date falls in.
     *
     * @param date a date
     * @return its fiscal year
     */
    public static FiscalYear of(LocalDate date) {
        return new FiscalYear(date.getMonthValue() >= Month.APRIL.getValue() ? date.getYear() : date.getYear() - 1);
    }

    /**
     * The fiscal year an instant falls in, reckoned in the island's time zone.
     *
     * @param instant an instant
     * @return its fiscal year
     */
    public static FiscalYear of(Instant instant) {
        return of(LocalDate.ofInstant(instant, ISLAND_ZONE));
    }

    /**
     * The first day of this fiscal year.
     *
     * @return 1 April of the start year
     */
    public LocalDate firstDay() {
        return LocalDate.of(startYear, Month.APRIL, 1);
    }

    /**
     * The last day of this fiscal year.
     *
     * @return 31 March of the following year
     */
    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, Month.MARCH, 31);
    }

    /**
     * Whether a date falls in this fiscal year.
     *
     * @param date a date
     * @return {@code true} when the date is between the first and last day, inclusive
     */
    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    /**
     * The short era label, {@code R7} for 2025 or {@code H27} for 2015.
     *
     * @return the era letter and year of the era
     */
    public String eraShort() {
        return startYear >= 2019 ? "R" + (startYear - 2018) : "H" + (startYear - 1988);
    }

    /**
     * The Japanese label, {@code 令和7年度} for 2025, {@code 令和元年度} for 2019.
     *
     * @return the label in Japanese
     */
    public String japaneseLabel() {
        boolean reiwa = startYear >= 2019;
        int year = reiwa ? startYear - 2018 : startYear - 1988;
        return (reiwa ? "令和" : "平成") + (year == 1 ? "元" : Integer.toString(year)) + "年度";
    }

    /**
     * The English label, {@code FY2025 (R7)}.
     *
     * @return the label in English
     */
    public String englishLabel() {
        return "FY" + startYear + " (" + eraShort() + ")";
    }

    /**
     * Both labels.
     *
     * @return the Japanese and English label
     */
    public LocalizedText label() {
        return LocalizedText.of(japaneseLabel(), englishLabel());
    }

    @Override
    public int compareTo(FiscalYear other) {
        return Integer.compare(startYear, other.startYear);
    }

    @Override
    public String toString() {
        return Integer.toString(startYear);
    }
}
