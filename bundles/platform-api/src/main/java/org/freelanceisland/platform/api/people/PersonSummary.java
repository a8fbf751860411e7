package org.freelanceisland.platform.api.people;

import java.util.Set;

/**
 * A person as a program sees them through the {@link PersonDirectory}. Which fields are filled
 * depends on the purpose the program asked for: identity is always there; availability and
 * lifestyle only for {@link ConsentPurpose#JOB_OFFERS} (matching), and only when the person
 * consented to it. Fields not allowed for the purpose are empty sets or {@code null}.
 *
 * @param id the person's id, stable for the person's lifetime (also after erasure)
 * @param name the name in kanji (or as written), {@code null} after erasure
 * @param kana the reading in katakana, {@code null} after erasure
 * @param district the district of the island where they live, or {@code null}
 * @param active {@code false} once staff deactivated or an administrator erased the person
 * @param skills curated skill codes and free tags
 * @param availability when they can work, or {@code null} when not allowed for the purpose
 * @param lifestyle lifestyle constraints (sensitive), empty when not allowed for the purpose
 * @param flags the statuses the plan counts, as they are now
 * @param consents the purposes the person consents to now
 */
public record PersonSummary(String id, String name, String kana, String district, boolean active,
        Set<String> skills, Availability availability, Set<LifestyleConstraint> lifestyle, Set<PersonFlag> flags,
        Set<ConsentPurpose> consents) {

    /** Copies the sets. */
    public PersonSummary {
        skills = skills == null ? Set.of() : Set.copyOf(skills);
        lifestyle = lifestyle == null ? Set.of() : Set.copyOf(lifestyle);
        flags = flags == null ? Set.of() : Set.copyOf(flags);
        consents = consents == null ? Set.of() : Set.copyOf(consents);
    }

    /**
     * Whether the person consents to a purpose now.
     *
     * @param purpose the purpose
     * @return {@code true} if they do
     */
    public boolean consentsTo(ConsentPurpose purpose) {
        return consents.contains(purpose);
    }
}
