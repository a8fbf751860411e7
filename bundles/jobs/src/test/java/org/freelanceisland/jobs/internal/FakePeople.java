package org.freelanceisland.jobs.internal;

import java.time.DayOfWeek;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.freelanceisland.platform.api.people.Availability;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.api.people.LifestyleConstraint;
import org.freelanceisland.platform.api.people.PersonDirectory;
import org.freelanceisland.platform.api.people.PersonSummary;
import org.freelanceisland.platform.api.people.TimeWindow;

/** A people registry for tests: answers like the real one (consent respected, matching fields only for job offers). */
public final class FakePeople implements PersonDirectory {

    /** Weekdays, Monday to Friday. */
    public static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private final Map<String, PersonSummary> people = new ConcurrentHashMap<>();

    /**
     * Adds a freelancer who consents to everything.
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
     * Adds a person as given.
     *
     * @param p the person
     * @return this registry
     */
    public FakePeople put(PersonSummary p) {
        people.put(p.id(), p);
        return this;
    }

    @Override
    public Optional<PersonSummary> find(String personId) {
        return Optional.ofNullable(people.get(personId)).map(FakePeople::identity);
    }

    @Override
    public Optional<PersonSummary> findFor(String personId, ConsentPurpose purpose) {
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
