package org.freelanceisland.platform.api.people;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The people registry as programs use it. The platform provides it; programs never import the
 * registry itself. Every answer respects the person's consent at the moment of the call: a person
 * who withdrew a consent is no longer returned for that purpose.
 *
 * <p>Programs store only person ids; they look names up here when they show them.
 */
@ProviderType
public interface PersonDirectory {

    /**
     * A person's identity (name, kana, district, skills, flags, consents) whatever their consents,
     * for showing who a record belongs to. Availability and lifestyle are left out.
     *
     * @param personId the person's id
     * @return the person, or empty when there is no person with this id
     */
    Optional<PersonSummary> find(String personId);

    /**
     * A person for a purpose: empty unless the person exists, is active and consents to the
     * purpose now. For {@link ConsentPurpose#JOB_OFFERS} the availability and lifestyle are
     * included, for matching.
     *
     * @param personId the person's id
     * @param purpose what the program wants to do with the person
     * @return the person, or empty when not allowed
     */
    Optional<PersonSummary> findFor(String personId, ConsentPurpose purpose);

    /**
     * Whether a person exists, is active and consents to a purpose now.
     *
     * @param personId the person's id
     * @param purpose the purpose
     * @return {@code true} if the program may use the person for the purpose
     */
    boolean hasConsent(String personId, ConsentPurpose purpose);

    /**
     * Several people's identities at once, for lists (the same fields as {@link #find(String)}).
     *
     * @param personIds the ids; unknown ids are left out
     * @return the people found, in no particular order
     */
    List<PersonSummary> findAll(Collection<String> personIds);

    /**
     * The active people who consent to job offers and have at least one of the skills, with
     * availability and lifestyle, for matching. Served from memory: fast enough to rank over the
     * whole registry on every request.
     *
     * @param anyOfSkills skill codes or tags; empty for every consenting person
     * @return the candidates, in no particular order
     */
    List<PersonSummary> jobCandidates(Collection<String> anyOfSkills);
}
