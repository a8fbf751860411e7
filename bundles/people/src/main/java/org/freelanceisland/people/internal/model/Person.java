package org.freelanceisland.people.internal.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.freelanceisland.platform.api.people.Availability;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.api.people.LifestyleConstraint;
import org.freelanceisland.platform.api.people.PersonFlag;

/**
 * A person's whole record as stored: profile, state, counted statuses, income and consents.
 *
 * @param id the person's id
 * @param version the version, for optimistic locking
 * @param name the name ({@code null} once erased)
 * @param kana the reading
 * @param email e-mail
 * @param phone phone
 * @param district district
 * @param registeredOn date of registration
 * @param active {@code false} once deactivated or erased
 * @param erased whether the personal data were erased
 * @param deactivatedAt when staff deactivated the person
 * @param erasedAt when an administrator erased the personal data
 * @param skills skill codes and tags
 * @param portfolio links
 * @param availability when the person can work
 * @param lifestyle lifestyle constraints (sensitive)
 * @param preferredWork kinds of work wanted
 * @param residency residency and migration (household sensitive)
 * @param flags the periods of the counted statuses
 * @param incomes yearly incomes (sensitive)
 * @param consents consents, withdrawn ones included
 * @param createdAt when the record was created
 * @param updatedAt when it last changed
 */
public record Person(long id, long version, String name, String kana, String email, String phone, String district,
        LocalDate registeredOn, boolean active, boolean erased, Instant deactivatedAt, Instant erasedAt,
        List<String> skills, List<String> portfolio, Availability availability, Set<LifestyleConstraint> lifestyle,
        List<String> preferredWork, PersonData.Residency residency, List<FlagPeriod> flags, List<Income> incomes,
        List<Consent> consents, Instant createdAt, Instant updatedAt) {

    /**
     * A period in which a counted status held.
     *
     * @param id the period's id
     * @param flag the status
     * @param since the first day
     * @param until the day it ended, {@code null} while it holds
     */
    public record FlagPeriod(long id, PersonFlag flag, LocalDate since, LocalDate until) {

        /**
         * Whether the status held on a day.
         *
         * @param day the day
         * @return {@code true} if since &le; day and (no end or day &lt; until)
         */
        public boolean holdsOn(LocalDate day) {
            return !since.isAfter(day) && (until == null || day.isBefore(until));
        }
    }

    /**
     * Freelance income of one fiscal year.
     *
     * @param fiscalYear the fiscal year (start year)
     * @param amountYen the amount in yen
     * @param source where the figure comes from
     * @param revision 1 for the first report, then one more for every correction
     * @param reportedAt when it was last reported
     * @param reportedBy who reported it
     */
    public record Income(int fiscalYear, long amountYen, IncomeSource source, int revision, Instant reportedAt,
            String reportedBy) {
    }

    /**
     * A consent.
     *
     * @param id the consent's id
     * @param purpose what was agreed to
     * @param givenOn when it was given
     * @param noticeVersion the version of the notice agreed to
     * @param withdrawnAt when it was withdrawn, {@code null} while it holds
     */
    public record Consent(long id, ConsentPurpose purpose, LocalDate givenOn, String noticeVersion, Instant withdrawnAt) {

        /**
         * Whether the consent holds now.
         *
         * @return {@code true} until it is withdrawn
         */
        public boolean holds() {
            return withdrawnAt == null;
        }
    }

    /** Copies the collections. */
    public Person {
        skills = List.copyOf(skills);
        portfolio = List.copyOf(portfolio);
        lifestyle = lifestyle.isEmpty() ? Set.of() : Set.copyOf(lifestyle);
        preferredWork = List.copyOf(preferredWork);
        flags = List.copyOf(flags);
        incomes = List.copyOf(incomes);
        consents = List.copyOf(consents);
    }

    /**
     * The person's id as programs see it.
     *
     * @return the id as text
     */
    public String key() {
        return Long.toString(id);
    }

    /**
     * The statuses that hold on a day.
     *
     * @param day the day
     * @return the flags
     */
    public Set<PersonFlag> flagsOn(LocalDate day) {
        Set<PersonFlag> current = EnumSet.noneOf(PersonFlag.class);
        flags.stream().filter(f -> f.holdsOn(day)).forEach(f -> current.add(f.flag()));
        return current;
    }

    /**
     * The purposes consented to now.
     *
     * @return the purposes
     */
    public Set<ConsentPurpose> consentedPurposes() {
        Set<ConsentPurpose> current = EnumSet.noneOf(ConsentPurpose.class);
        consents.stream().filter(Consent::holds).forEach(c -> current.add(c.purpose()));
        return current;
    }
}
