package org.freelanceisland.community.internal.service;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.api.people.PersonDirectory;
import org.freelanceisland.platform.api.people.PersonSummary;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * The people registry as the community program sees it: whether a person may take part (exists, is
 * active, consents to program administration), whether a person consents to being shown as a role
 * model right now, and names for staff lists. The registry is another bundle's service and may be
 * absent: checks then fail with 503 (public endpoints reveal nothing), staff lists show no names.
 */
public final class People {

    private final Supplier<Optional<PersonDirectory>> directory;

    /**
     * Creates the view.
     *
     * @param directory the registry, when one is registered
     */
    public People(Supplier<Optional<PersonDirectory>> directory) {
        this.directory = directory;
    }

    /**
     * Checks that a person may take part in the program now (register for an event, lead a
     * community, answer a named survey, be recorded at the desk).
     *
     * @param field the request field that names the person
     * @param personId the person's id
     * @throws ProblemException 422 when the person does not exist, is inactive or has withdrawn
     *         consent to program administration; 503 when the registry is not available
     */
    public void requireParticipant(String field, String personId) {
        PersonSummary person = registry().find(personId)
                .orElseThrow(() -> ProblemException.unprocessable(field, "no person with id " + personId + " in the people registry"));
        if (!person.active()) {
            throw ProblemException.unprocessable(field, "person " + personId + " is no longer active in the people registry");
        }
        if (!person.consentsTo(ConsentPurpose.PROGRAM_ADMINISTRATION)) {
            throw ProblemException.unprocessable(field, "person " + personId
                    + " has not consented (or has withdrawn consent) to program administration");
        }
    }

    /**
     * Checks that a person exists (consent aside), for records about them staff keep anyway.
     *
     * @param field the request field
     * @param personId the person's id
     * @throws ProblemException 422 when unknown; 503 without a registry
     */
    public void requireExisting(String field, String personId) {
        if (registry().find(personId).isEmpty()) {
            throw ProblemException.unprocessable(field, "no person with id " + personId + " in the people registry");
        }
    }

    /**
     * Whether a person consents to being shown as a role model now (and is active).
     *
     * @param personId the person
     * @return {@code true} if the profile may be shown
     * @throws ProblemException 503 when the registry is not available
     */
    public boolean mayShowAsRoleModel(String personId) {
        return registry().hasConsent(personId, ConsentPurpose.ROLE_MODEL);
    }

    /**
     * The people among some who consent to being shown as role models now, asking the registry
     * about each of them at this moment.
     *
     * @param personIds the people
     * @return those who consent
     * @throws ProblemException 503 when the registry is not available
     */
    public Set<String> roleModelConsents(Collection<String> personIds) {
        PersonDirectory registry = registry();
        Set<String> consenting = new HashSet<>();
        for (String id : personIds) {
            if (registry.hasConsent(id, ConsentPurpose.ROLE_MODEL)) {
                consenting.add(id);
            }
        }
        return consenting;
    }

    /**
     * Whether a person consents to being shown as a role model, for staff screens: {@code null}
     * when the registry cannot say.
     *
     * @param personIds the people
     * @return consent by id; empty when the registry is not available
     */
    public Map<String, Boolean> roleModelConsentsIfKnown(Collection<String> personIds) {
        Map<String, Boolean> known = new HashMap<>();
        directory.get().ifPresent(d -> personIds.forEach(id -> known.put(id, d.hasConsent(id, ConsentPurpose.ROLE_MODEL))));
        return known;
    }

    /**
     * Names of several people, for staff lists.
     *
     * @param personIds the ids
     * @return names by id; empty when the registry is not available
     */
    public Map<String, String> names(Collection<String> personIds) {
        Map<String, String> names = new HashMap<>();
        if (personIds.isEmpty()) {
            return names;
        }
        directory.get().ifPresent(d -> d.findAll(personIds).forEach(p -> {
            if (p.name() != null) {
                names.put(p.id(), p.name());
            }
        }));
        return names;
    }

    private PersonDirectory registry() {
        return directory.get().orElseThrow(() -> ProblemException.unavailable(
                "The people registry is not available, so people cannot be checked right now"));
    }
}
