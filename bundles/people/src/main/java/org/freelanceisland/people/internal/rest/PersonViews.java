package org.freelanceisland.people.internal.rest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.freelanceisland.people.internal.index.PeopleIndex;
import org.freelanceisland.people.internal.model.IncomeSource;
import org.freelanceisland.people.internal.model.Origin;
import org.freelanceisland.people.internal.model.Person;
import org.freelanceisland.people.internal.model.RelationPhase;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.api.people.LifestyleConstraint;
import org.freelanceisland.platform.api.people.PersonFlag;
import org.freelanceisland.platform.api.people.TimeWindow;

/**
 * The JSON shapes of the people API. Sensitive fields (lifestyle constraints, household, income)
 * are left out ({@code null}, not sent) unless the caller's role may see them.
 */
final class PersonViews {

    private PersonViews() {
    }

    /** When a person can work. */
    record AvailabilityView(int hoursPerWeek, Set<DayOfWeek> weekdays, Set<TimeWindow> windows) {
    }

    /** Residency and migration; household fields are sensitive. */
    record ResidencyView(Origin origin, LocalDate movedOn, Integer householdSize, Boolean withFamily, RelationPhase phase) {
    }

    /** A period of a counted status. */
    record FlagView(long id, PersonFlag flag, LocalizedText label, LocalDate since, LocalDate until, boolean holdsToday) {
    }

    /** A yearly income. */
    record IncomeView(int fiscalYear, LocalizedText fiscalYearLabel, long amountYen, IncomeSource source, int revision,
            Instant reportedAt, String reportedBy) {
    }

    /** A consent. */
    record ConsentView(long id, ConsentPurpose purpose, LocalizedText label, LocalDate givenOn, String noticeVersion,
            Instant withdrawnAt, boolean holds) {
    }

    /** A person's whole record. */
    record PersonView(String id, long version, String name, String kana, String email, String phone, String district,
            LocalDate registeredOn, boolean active, boolean erased, Instant deactivatedAt, Instant erasedAt,
            List<String> skills, List<String> portfolio, AvailabilityView availability, Set<LifestyleConstraint> lifestyle,
            List<String> preferredWork, ResidencyView residency, Set<PersonFlag> currentFlags, List<FlagView> flags,
            List<IncomeView> incomes, Set<ConsentPurpose> consentedPurposes, List<ConsentView> consents,
            Instant createdAt, Instant updatedAt) {
    }

    /** A person in a list. */
    record PersonListItem(String id, String name, String kana, String district, LocalDate registeredOn, boolean active,
            boolean erased, List<String> skills, AvailabilityView availability, Set<LifestyleConstraint> lifestyle,
            Set<PersonFlag> flags, Set<ConsentPurpose> consents, Origin origin, RelationPhase phase) {
    }

    static PersonView view(Person p, boolean sensitive, LocalDate today) {
        return new PersonView(p.key(), p.version(), p.name(), p.kana(), p.email(), p.phone(), p.district(), p.registeredOn(),
                p.active(), p.erased(), p.deactivatedAt(), p.erasedAt(), p.skills(), p.portfolio(),
                new AvailabilityView(p.availability().hoursPerWeek(), p.availability().weekdays(), p.availability().windows()),
                sensitive ? p.lifestyle() : null, p.preferredWork(),
                new ResidencyView(p.residency().origin(), p.residency().movedOn(),
                        sensitive ? p.residency().householdSize() : null, sensitive ? p.residency().withFamily() : null,
                        p.residency().phase()),
                p.flagsOn(today),
                p.flags().stream().map(f -> new FlagView(f.id(), f.flag(), f.flag().label(), f.since(), f.until(), f.holdsOn(today))).toList(),
                sensitive ? p.incomes().stream().map(i -> new IncomeView(i.fiscalYear(), FiscalYear.of(i.fiscalYear()).label(),
                        i.amountYen(), i.source(), i.revision(), i.reportedAt(), i.reportedBy())).toList() : null,
                p.consentedPurposes(),
                p.consents().stream().map(c -> new ConsentView(c.id(), c.purpose(), c.purpose().label(), c.givenOn(),
                        c.noticeVersion(), c.withdrawnAt(), c.holds())).toList(),
                p.createdAt(), p.updatedAt());
    }

    static PersonListItem item(PeopleIndex.Entry e, boolean sensitive, LocalDate today) {
        return new PersonListItem(Long.toString(e.id()), e.name(), e.kana(), e.district(), e.registeredOn(), e.active(),
                e.erased(), e.skills(), new AvailabilityView(e.availability().hoursPerWeek(), e.availability().weekdays(),
                        e.availability().windows()),
                sensitive ? e.lifestyle() : null, e.flagsOn(today), e.consents(), e.origin(), e.phase());
    }
}
