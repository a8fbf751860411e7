package org.freelanceisland.community.internal.service;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;

import org.freelanceisland.community.internal.model.Event;
import org.freelanceisland.community.internal.model.EventStatus;
import org.freelanceisland.community.internal.model.Registration;
import org.freelanceisland.community.internal.model.RegistrationStatus;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * The check-in rules and codes.
 *
 * <ul>
 * <li>A check-in code is 8 characters from an alphabet without look-alikes (no 0/O, 1/I), drawn
 * from a {@link SecureRandom}: 40 bits, shown as {@code ABCD-EFGH}; case, spaces and hyphens do not
 * matter when it is typed.</li>
 * <li>The attendee may check in with the code from {@code opensBefore} before the start until the
 * end of the event, never on another day or outside that window.</li>
 * <li>Staff may check people in from the same opening until {@code staffGrace} after the end (to
 * type a paper list in after the event), never before the window opens.</li>
 * <li>Nobody checks in to a cancelled event, or with a cancelled registration. An attendee still on
 * the waitlist cannot check in with the code (staff can, which gives them the place).</li>
 * </ul>
 */
public final class CheckIns {

    /** The alphabet of check-in codes: 32 characters without 0, 1, I and O. */
    public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    /** The length of a code. */
    public static final int LENGTH = 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Duration opensBefore;
    private final Duration staffGrace;

    /**
     * Creates the rules.
     *
     * @param opensBefore how long before the start check-in opens
     * @param staffGrace how long after the end staff may still check people in
     */
    public CheckIns(Duration opensBefore, Duration staffGrace) {
        this.opensBefore = opensBefore;
        this.staffGrace = staffGrace;
    }

    /**
     * A new random code.
     *
     * @return 8 characters of {@link #ALPHABET}
     */
    public static String newCode() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /**
     * A code as people see it: {@code ABCD-EFGH}.
     *
     * @param code the stored code
     * @return the code with a hyphen in the middle
     */
    public static String display(String code) {
        return code.length() == LENGTH ? code.substring(0, 4) + "-" + code.substring(4) : code;
    }

    /**
     * A typed code as stored: upper case, without spaces and hyphens.
     *
     * @param typed what the person typed
     * @return the code, or {@code null} when it cannot be one
     */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replaceAll("[\\s\\-\u30FC\u2010-\u2015]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return null;
        }
        for (char c : code.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return null;
            }
        }
        return code;
    }

    /**
     * When check-in opens.
     *
     * @param event the event
     * @return the island time
     */
    public LocalDateTime opens(Event event) {
        return event.startsAt().minus(opensBefore);
    }

    /**
     * Whether the attendee's own check-in is open now.
     *
     * @param event the event
     * @param now the island time now
     * @return {@code true} within the window
     */
    public boolean selfCheckInOpen(Event event, LocalDateTime now) {
        return event.status() == EventStatus.SCHEDULED && !now.isBefore(opens(event)) && !now.isAfter(event.endsAt());
    }

    /**
     * Checks that the attendee may check in with their code now.
     *
     * @param event the event
     * @param registration the registration the code belongs to
     * @param now the island time now
     * @throws ProblemException 409 or 422 naming the rule that is broken
     */
    public void requireSelf(Event event, Registration registration, LocalDateTime now) {
        requireLive(event, registration);
        if (registration.status() == RegistrationStatus.WAITLISTED) {
            throw ProblemException.conflict("This registration is still on the waitlist; please see the staff at the door");
        }
        if (now.isBefore(opens(event))) {
            throw ProblemException.unprocessable("code", "check-in opens at " + opens(event) + " (island time)");
        }
        if (now.isAfter(event.endsAt())) {
            throw ProblemException.unprocessable("code", "check-in closed when the event ended at " + event.endsAt()
                    + " (island time)");
        }
    }

    /**
     * Checks that staff may check a person in now.
     *
     * @param event the event
     * @param registration the registration, or {@code null} for a walk-in
     * @param now the island time now
     * @throws ProblemException 409 or 422 naming the rule that is broken
     */
    public void requireStaff(Event event, Registration registration, LocalDateTime now) {
        requireLive(event, registration);
        if (now.isBefore(opens(event))) {
            throw ProblemException.unprocessable("personId", "check-in for event " + event.id() + " opens at " + opens(event)
                    + " (island time)");
        }
        if (now.isAfter(event.endsAt().plus(staffGrace))) {
            throw ProblemException.unprocessable("personId", "event " + event.id() + " ended on " + event.endsAt().toLocalDate()
                    + "; attendance can be recorded until " + event.endsAt().plus(staffGrace).toLocalDate());
        }
    }

    private static void requireLive(Event event, Registration registration) {
        if (event.status() == EventStatus.CANCELLED) {
            throw ProblemException.conflict("Event " + event.id() + " is cancelled");
        }
        if (registration != null && registration.status() == RegistrationStatus.CANCELLED) {
            throw ProblemException.conflict("Registration " + registration.id() + " was cancelled; register again first");
        }
    }
}
