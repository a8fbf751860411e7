package org.freelanceisland.jobs.internal.service;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.api.people.PersonDirectory;
import org.freelanceisland.platform.api.people.PersonSummary;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * The people registry as the job brokering program sees it. Jobs are offered only to people who are
 * active and consent to job offers now ({@link ConsentPurpose#JOB_OFFERS}); skill share and teams
 * need consent to program administration. The registry is another bundle's service and may be
 * absent: checks and matching then fail with 503, lists simply show no names.
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
     * A person who may be offered jobs now, with availability and lifestyle for matching.
     *
     * @param field the request field naming the person
     * @param personId the person's id
     * @return the person
     * @throws ProblemException 422 when the person does not exist, is inactive or does not consent
     *         to job offers; 503 without a registry
     */
    public PersonSummary requireJobSeeker(String field, String personId) {
        PersonDirectory registry = registry();
        Optional<PersonSummary> person = registry.findFor(personId, ConsentPurpose.JOB_OFFERS);
        if (person.isPresent()) {
            return person.get();
        }
        PersonSummary known = registry.find(personId)
                .orElseThrow(() -> ProblemException.unprocessable(field, "no person with id " + personId + " in the people registry"));
        if (!known.active()) {
            throw ProblemException.unprocessable(field, "person " + personId + " is no longer active in the people registry");
        }
        throw ProblemException.unprocessable(field, "person " + personId
                + " does not consent (or withdrew consent) to job offers, so no job can be introduced to them");
    }

    /**
     * Checks that a person may take part in the program (teams, skill share).
     *
     * @param field the request field naming the person
     * @param personId the person's id
     * @throws ProblemException 422 when the person does not exist, is inactive or does not consent
     *         to program administration; 503 without a registry
     */
    public void requireParticipant(String field, String personId) {
        PersonSummary person = registry().find(personId)
                .orElseThrow(() -> ProblemException.unprocessable(field, "no person with id " + personId + " in the people registry"));
        if (!person.active()) {
            throw ProblemException.unprocessable(field, "person " + personId + " is no longer active in the people registry");
        }
        if (!person.consentsTo(ConsentPurpose.PROGRAM_ADMINISTRATION)) {
            throw ProblemException.unprocessable(field, "person " + personId
                    + " does not consent (or withdrew consent) to program administration");
        }
    }

    /**
     * The people who consent to job offers and have one of the skills, for matching.
     *
     * @param anyOfSkills skill codes or tags; empty for everyone who consents
     * @return the candidates
     * @throws ProblemException 503 without a registry
     */
    public List<PersonSummary> candidates(Collection<String> anyOfSkills) {
        return registry().jobCandidates(anyOfSkills);
    }

    /**
     * Names of several people, for lists.
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
     * One person's name.
     *
     * @param personId the id
     * @return the name, or {@code null} when unknown or the registry is absent
     */
    public String name(String personId) {
        return names(List.of(personId)).get(personId);
    }

    private PersonDirectory registry() {
        return directory.get().orElseThrow(() -> ProblemException.unavailable(
                "The people registry is not available, so people cannot be checked or matched right now"));
    }
}
