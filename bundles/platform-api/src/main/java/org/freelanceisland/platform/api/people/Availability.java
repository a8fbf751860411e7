package org.freelanceisland.platform.api.people;

import java.time.DayOfWeek;
import java.util.Set;

/**
 * When a freelancer can work.
 *
 * @param hoursPerWeek hours a week available for freelance work, 0 to 168
 * @param weekdays the days of the week they can work
 * @param windows the parts of the day they can work
 */
public record Availability(int hoursPerWeek, Set<DayOfWeek> weekdays, Set<TimeWindow> windows) {

    /** No time available. */
    public static final Availability NONE = new Availability(0, Set.of(), Set.of());

    /** Checks the hours and copies the sets. */
    public Availability {
        if (hoursPerWeek < 0 || hoursPerWeek > 168) {
            throw new IllegalArgumentException("hoursPerWeek: must be between 0 and 168");
        }
        weekdays = weekdays == null ? Set.of() : Set.copyOf(weekdays);
        windows = windows == null ? Set.of() : Set.copyOf(windows);
    }
}
