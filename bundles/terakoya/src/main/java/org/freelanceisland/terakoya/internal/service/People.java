package org.freelanceisland.terakoya.internal.service;

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
 * The people registry as the Terakoya sees it: whether a person may take part in the program
 * (exists, is active, consents to program administration), and names for lists and certificates.
 * The registry is another bundle's service and may be absent: checks then fail with 503, lists
 * simply show no names.
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
     * Checks that a person may be enrolled or given a seat now.
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
                    + " has not consented (or has withdrawn consent) to program administration, so cannot take part");
        }
    }

    /**
     * Checks that an instructor who is a person exists (consent is not needed to be named as an
     * instructor). Without a registry the id is accepted as given.
     *
     * @param field the request field
     * @param personId the person's id
     */
    public void requireExisting(String field, String personId) {
        Optional<PersonDirectory> registry = directory.get();
        if (registry.isPresent() && registry.get().find(personId).isEmpty()) {
            throw ProblemException.unprocessable(field, "no person with id " + personId + " in the people registry");
        }
    }

    /**
     * A person's record for a certificate.
     *
     * @param personId the person's id
     * @return the person, if registered
     */
    public Optional<PersonSummary> find(String personId) {
        return registry().find(personId);
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

    private PersonDirectory registry() {
        return directory.get().orElseThrow(() -> ProblemException.unavailable(
                "The people registry is not available, so people cannot be checked right now"));
    }
}
