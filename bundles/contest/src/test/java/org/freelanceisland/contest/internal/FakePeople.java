package org.freelanceisland.contest.internal;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.api.people.PersonDirectory;
import org.freelanceisland.platform.api.people.PersonSummary;

/** A people registry for tests: people are added with their activity and consents. */
public final class FakePeople implements PersonDirectory {

    private final Map<String, PersonSummary> people = new ConcurrentHashMap<>();

    /**
     * Adds an active person who consents to everything.
     *
     * @param id the id
     * @param name the name
     * @return this
     */
    public FakePeople add(String id, String name) {
        return put(id, name, true, EnumSet.allOf(ConsentPurpose.class));
    }

    /**
     * Adds or replaces a person.
     *
     * @param id the id
     * @param name the name
     * @param active whether active
     * @param consents the consents
     * @return this
     */
    public FakePeople put(String id, String name, boolean active, Set<ConsentPurpose> consents) {
        people.put(id, new PersonSummary(id, name, null, "名瀬", active, Set.of(), null, Set.of(), Set.of(), consents));
        return this;
    }

    /**
     * Withdraws a person's consent to program administration.
     *
     * @param id the id
     */
    public void withdrawConsent(String id) {
        PersonSummary p = people.get(id);
        EnumSet<ConsentPurpose> consents = EnumSet.allOf(ConsentPurpose.class);
        consents.remove(ConsentPurpose.PROGRAM_ADMINISTRATION);
        put(id, p.name(), p.active(), consents);
    }

    @Override
    public Optional<PersonSummary> find(String personId) {
        return Optional.ofNullable(people.get(personId));
    }

    @Override
    public Optional<PersonSummary> findFor(String personId, ConsentPurpose purpose) {
        return find(personId).filter(p -> p.active() && p.consentsTo(purpose));
    }

    @Override
    public boolean hasConsent(String personId, ConsentPurpose purpose) {
        return findFor(personId, purpose).isPresent();
    }

    @Override
    public List<PersonSummary> findAll(Collection<String> personIds) {
        return personIds.stream().distinct().map(people::get).filter(p -> p != null).toList();
    }

    @Override
    public List<PersonSummary> jobCandidates(Collection<String> anyOfSkills) {
        return List.of();
    }
}
