package org.freelanceisland.jobs.internal.match;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.freelanceisland.jobs.internal.model.WorkMode;
import org.freelanceisland.platform.api.people.TimeWindow;

/**
 * What matching needs to know of a job.
 *
 * @param skills the skill codes and tags the job needs (any order, no duplicates)
 * @param mode remote, partly on site or on site
 * @param totalHours the whole effort in hours (effort per unit times volume)
 * @param start the earliest day work can start, or {@code null}
 * @param deadline the last day of the work, or {@code null}
 * @param fixedDates days on which work must happen (a shoot, an interview), possibly empty
 * @param windows parts of the day the work must be done in, empty when any time will do
 * @param today the day of the ranking, in Japan
 */
public record JobProfile(List<String> skills, WorkMode mode, double totalHours, LocalDate start, LocalDate deadline,
        List<LocalDate> fixedDates, Set<TimeWindow> windows, LocalDate today) {

    /** The pace assumed for a job without a deadline: at most this many hours a week. */
    public static final double OPEN_ENDED_HOURS_PER_WEEK = 10;

    /** Copies the lists. */
    public JobProfile {
        skills = List.copyOf(skills);
        fixedDates = List.copyOf(fixedDates);
        windows = windows.isEmpty() ? Set.of() : Set.copyOf(windows);
    }

    /**
     * The hours a week a freelancer needs to finish the job in time: the whole effort spread over
     * the weeks between the start (or today, if later) and the deadline, at least one week. Without
     * a deadline, the effort at {@value #OPEN_ENDED_HOURS_PER_WEEK} hours a week at most. Past the
     * deadline, the whole effort.
     *
     * @return hours a week
     */
    public double hoursPerWeekNeeded() {
        if (totalHours <= 0) {
            return 0;
        }
        if (deadline == null) {
            return Math.min(totalHours, OPEN_ENDED_HOURS_PER_WEEK);
        }
        LocalDate from = start != null && start.isAfter(today) ? start : today;
        long days = ChronoUnit.DAYS.between(from, deadline) + 1;
        if (days <= 0) {
            return totalHours;
        }
        return totalHours / Math.max(1.0, days / 7.0);
    }

    /**
     * The days of the week of the fixed dates.
     *
     * @return the weekdays, empty when there are no fixed dates
     */
    public Set<DayOfWeek> fixedWeekdays() {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (LocalDate d : fixedDates) {
            days.add(d.getDayOfWeek());
        }
        return days;
    }
}
