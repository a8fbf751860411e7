package org.freelanceisland.people.internal.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.api.people.LifestyleConstraint;
import org.freelanceisland.platform.api.people.TimeWindow;

/**
 * A person's profile as staff send it (the JSON body of {@code POST} and {@code PUT
 * /api/people}, or one row of a CSV import), before {@link PersonValidator} checks it.
 *
 * @param name the name in kanji (or as written), required
 * @param kana the reading in katakana or hiragana (half-width accepted), required
 * @param email e-mail address
 * @param phone phone number
 * @param district district of the island
 * @param registeredOn the date of registration, today when absent
 * @param skills curated skill codes (or their labels) and free tags
 * @param portfolio http(s) links to work
 * @param availability when the person can work
 * @param lifestyle lifestyle constraints (sensitive)
 * @param preferredWork kinds of work the person wants, short texts
 * @param residency origin, move and relation to the island
 * @param consents consents given at registration (ignored on update: consent has its own endpoints)
 * @param version the version the client read, for updates; a different current version is a conflict
 */
public record PersonInput(String name, String kana, String email, String phone, String district, LocalDate registeredOn,
        List<String> skills, List<String> portfolio, AvailabilityInput availability, Set<LifestyleConstraint> lifestyle,
        List<String> preferredWork, ResidencyInput residency, List<ConsentInput> consents, Long version) {

    /**
     * When the person can work.
     *
     * @param hoursPerWeek hours a week, 0 to 168
     * @param weekdays days of the week
     * @param windows parts of the day
     */
    public record AvailabilityInput(Integer hoursPerWeek, Set<DayOfWeek> weekdays, Set<TimeWindow> windows) {
    }

    /**
     * Residency and migration.
     *
     * @param origin island-born, U-turn or I-turn
     * @param movedOn the date the person moved to the island
     * @param householdSize people in the household, 1 to 20 (sensitive)
     * @param withFamily whether the person moved with family (sensitive); by default whether the household has more than one person
     * @param phase the phase of the relation to the island, for would-be migrants
     */
    public record ResidencyInput(Origin origin, LocalDate movedOn, Integer householdSize, Boolean withFamily,
            RelationPhase phase) {
    }

    /**
     * A consent given.
     *
     * @param purpose what the person agreed to
     * @param givenOn the date they agreed
     * @param noticeVersion the version of the privacy notice they agreed to
     */
    public record ConsentInput(ConsentPurpose purpose, LocalDate givenOn, String noticeVersion) {
    }
}
