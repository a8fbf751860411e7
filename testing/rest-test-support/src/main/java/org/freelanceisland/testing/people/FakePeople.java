package org.freelanceisland.testing.people;

import java.time.DayOfWeek;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.freelanceisland.platform.api.people.Availability;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.api.people.LifestyleConstraint;
import org.freelanceisland.platform.api.people.PersonDirectory;
import org.freelanceisland.platform.api.people.PersonSummary;
import org.freelanceisland.platform.api.people.TimeWindow;

/**
 * A people registry for the programs' unit tests, answering as the people program does: only active
 * people who gave the purpose's consent are found for a purpose, and the matching fields
 * (availability, lifestyle) are given for job offers only; plain lookups give a person's identity.
 * Every consent check is counted ({@link #consentChecks}), so that tests can see that a public
 * request asks each time.
 */
public final class FakePeople implements PersonDirectory {

    /** Weekdays, Monday to Friday. */
    public static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    /** How many times consent was asked. */
    public final AtomicInteger consentChecks = new AtomicInteger();

    private final Map<String, PersonSummary> people = new ConcurrentHashMap<>();

    /**
     * Adds an active person who consents to everything.
     *
     * @param id the id
     * @param name the name
     * @return this registry
     */
    public FakePeople add(String id, String name) {
        return put(id, name, true, EnumSet.allOf(ConsentPurpose.class));
    }

    /**
     * Adds a freelancer who consents to everything, free on weekday mornings and afternoons.
     *
     * @param id the id
     * @param name the name
     * @param skills the skills
     * @param hours free hours a week
     * @param lifestyle lifestyle constraints
     * @return this registry
     */
    public FakePeople add(String id, String name, Set<String> skills, int hours, Set<LifestyleConstraint> lifestyle) {
        return put(new PersonSummary(id, name, null, "名瀬", true, skills,
                new Availability(hours, WEEKDAYS, EnumSet.of(TimeWindow.MORNING, TimeWindow.AFTERNOON)), lifestyle, Set.of(),
                EnumSet.allOf(ConsentPurpose.class)));
    }

    /**
     * Adds or replaces a person without skills or availability.
     *
     * @param id the id
     * @param name the name
     * @param active whether active
     * @param consents the consents
     * @return this registry
     */
    public FakePeople put(String id, String name, boolean active, Set<ConsentPurpose> consents) {
        return put(new PersonSummary(id, name, null, "名瀬", active, Set.of(), null, Set.of(), Set.of(), consents));
    }

    /**
     * Adds or replaces a person as given.
     *
     * @param p the person
     * @return this registry
     */
    public FakePeople put(PersonSummary p) {
        people.put(p.id(), p);
        return this;
    }

    /**
     * Withdraws a person's consent to program administration.
     *
     * @param id the id
     */
    public void withdrawConsent(String id) {
        withdraw(id, ConsentPurpose.PROGRAM_ADMINISTRATION);
    }

    /**
     * Withdraws one of a person's consents.
     *
     * @param id the id
     * @param purpose the purpose
     */
    public void withdraw(String id, ConsentPurpose purpose) {
        PersonSummary p = people.get(id);
        EnumSet<ConsentPurpose> consents = consents(p);
        consents.remove(purpose);
        put(with(p, consents));
    }

    /**
     * Gives one consent.
     *
     * @param id the id
     * @param purpose the purpose
     */
    public void give(String id, ConsentPurpose purpose) {
        PersonSummary p = people.get(id);
        EnumSet<ConsentPurpose> consents = consents(p);
        consents.add(purpose);
        put(with(p, consents));
    }

    private static EnumSet<ConsentPurpose> consents(PersonSummary p) {
        return p.consents().isEmpty() ? EnumSet.noneOf(ConsentPurpose.class) : EnumSet.copyOf(p.consents());
    }

    private static PersonSummary with(PersonSummary p, Set<ConsentPurpose> consents) {
        return new PersonSummary(p.id(), p.name(), p.kana(), p.district(), p.active(), p.skills(), p.availability(),
                p.lifestyle(), p.flags(), consents);
    }

    @Override
    public Optional<PersonSummary> find(String personId) {
        return Optional.ofNullable(people.get(personId)).map(FakePeople::identity);
    }

    @Override
    public Optional<PersonSummary> findFor(String personId, ConsentPurpose purpose) {
        consentChecks.incrementAndGet();
        PersonSummary p = people.get(personId);
        if (p == null || !p.active() || !p.consentsTo(purpose)) {
            return Optional.empty();
        }
        return Optional.of(purpose == ConsentPurpose.JOB_OFFERS ? p : identity(p));
    }

    @Override
    public boolean hasConsent(String personId, ConsentPurpose purpose) {
        return findFor(personId, purpose).isPresent();
    }

    @Override
    public List<PersonSummary> findAll(Collection<String> personIds) {
        return personIds.stream().distinct().map(people::get).filter(p -> p != null).map(FakePeople::identity).toList();
    }

    @Override
    public List<PersonSummary> jobCandidates(Collection<String> anyOfSkills) {
        return people.values().stream().filter(p -> p.active() && p.consentsTo(ConsentPurpose.JOB_OFFERS))
                .filter(p -> anyOfSkills.isEmpty() || anyOfSkills.stream().anyMatch(p.skills()::contains)).toList();
    }

    private static PersonSummary identity(PersonSummary p) {
        return new PersonSummary(p.id(), p.name(), p.kana(), p.district(), p.active(), p.skills(), null, Set.of(), p.flags(),
                p.consents());
    }
}
