package org.freelanceisland.people.internal.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.freelanceisland.platform.api.people.Availability;
import org.freelanceisland.platform.api.people.LifestyleConstraint;

/**
 * A person's profile after validation: trimmed, normalised (kana in full-width katakana, curated
 * skills as codes), every rule checked.
 *
 * @param name the name
 * @param kana the reading in katakana
 * @param email e-mail or {@code null}
 * @param phone phone or {@code null}
 * @param district district or {@code null}
 * @param registeredOn the date of registration
 * @param skills skill codes and free tags, without duplicates
 * @param portfolio http(s) links
 * @param availability when the person can work
 * @param lifestyle lifestyle constraints
 * @param preferredWork kinds of work wanted
 * @param residency residency and migration
 */
public record PersonData(String name, String kana, String email, String phone, String district, LocalDate registeredOn,
        List<String> skills, List<String> portfolio, Availability availability, Set<LifestyleConstraint> lifestyle,
        List<String> preferredWork, Residency residency) {

    /** Copies the collections. */
    public PersonData {
        skills = List.copyOf(skills);
        portfolio = List.copyOf(portfolio);
        lifestyle = Set.copyOf(lifestyle);
        preferredWork = List.copyOf(preferredWork);
    }

    /**
     * Residency and migration after validation.
     *
     * @param origin origin or {@code null} when unknown
     * @param movedOn date moved to the island, only for U-turn and I-turn
     * @param householdSize household size or {@code null}
     * @param withFamily moved with family or {@code null}
     * @param phase relation phase or {@code null}
     */
    public record Residency(Origin origin, LocalDate movedOn, Integer householdSize, Boolean withFamily,
            RelationPhase phase) {

        /** Nothing known. */
        public static final Residency UNKNOWN = new Residency(null, null, null, null, null);
    }
}
