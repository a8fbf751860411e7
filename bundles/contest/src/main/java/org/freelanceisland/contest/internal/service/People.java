package org.freelanceisland.contest.internal.service;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.api.people.PersonDirectory;
import org.freelanceisland.platform.api.people.PersonSummary;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * The people registry as the contest program sees it: whether a maker may enter or exhibit (exists,
 * is active, consents to program administration), names for staff lists, and the name shown in
 * public results (only with consent to being shown publicly). The registry is another bundle's
 * service and may be absent: checks then fail with 503, lists show no names.
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
     * Checks that a person may take part now (enter a work, exhibit at a market).
     *
     * @param field the request field that names the person
     * @param personId the person's id
     * @throws ProblemException 422 when the person does not exist, is inactive or does not consent
     *         to program administration; 503 when the registry is not available
     */
    public void requireParticipant(String field, String personId) {
        PersonSummary person = registry().find(personId)
                .orElseThrow(() -> ProblemException.unprocessable(field, "no person with id " + personId + " in the people registry"));
        if (!person.active()) {
            throw ProblemException.unprocessable(field, "person " + personId + " is no longer active in the people registry");
        }
        if (!person.consentsTo(ConsentPurpose.PROGRAM_ADMINISTRATION)) {
            throw ProblemException.unprocessable(field, "person " + personId
                    + " has not consented (or has withdrawn consent) to program administration, so cannot take part");
        }
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

    /**
     * The names that may be shown to the public: only of people who are active and consent, at the
     * moment of the call, to being shown publicly ({@link ConsentPurpose#ROLE_MODEL}).
     *
     * @param personIds the ids
     * @return public names by id; people without that consent are left out
     */
    public Map<String, String> publicNames(Collection<String> personIds) {
        Map<String, String> names = new HashMap<>();
        if (personIds.isEmpty()) {
            return names;
        }
        directory.get().ifPresent(d -> d.findAll(personIds).forEach(p -> {
            if (p.name() != null && p.active() && p.consentsTo(ConsentPurpose.ROLE_MODEL)) {
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
