package org.freelanceisland.people.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.freelanceisland.people.internal.index.SearchCriteria;
import org.freelanceisland.people.internal.model.IncomeSource;
import org.freelanceisland.people.internal.model.PeopleException;
import org.freelanceisland.people.internal.model.Person;
import org.freelanceisland.people.internal.model.PersonInput;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.api.people.LifestyleConstraint;
import org.freelanceisland.platform.api.people.PersonFlag;
import org.freelanceisland.platform.api.people.PersonSummary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PeopleServiceTest {

    private final People people = new People();
    private final PeopleService service = people.service;

    @AfterEach
    void close() {
        people.close();
    }

    @Test
    void registeringRecordsTheRegistrationAndTheMoveInTheLedgerWithTheirFiscalYears() {
        Person p = service.create(People.person("奄美 花子", "アマミ ハナコ", "writing"), "staff1");
        ActivityEvent registered = people.ledger.events.get("people:" + p.id() + ":registered");
        assertEquals("people.registered", registered.type());
        assertEquals(p.key(), registered.personId());
        assertEquals(FiscalYear.of(2025), registered.fiscalYear());
        assertEquals("I_TURN", registered.attributes().get("origin"));
        ActivityEvent moved = people.ledger.events.get("people:" + p.id() + ":moved:2025-05-01");
        assertEquals("3", moved.attributes().get("householdSize"));
        assertEquals("true", moved.attributes().get("withFamily"));
        assertEquals(FiscalYear.of(2025), moved.fiscalYear());
        assertTrue(people.store.pendingEvents(10).isEmpty());
    }

    @Test
    void aMoveOnTheLastOfMarchCountsInThePreviousFiscalYearAndIsRecordedOnce() {
        PersonInput in = People.person("a", "ア");
        Person p = service.create(withMove(in, LocalDate.of(2025, 3, 31)), "staff1");
        assertEquals(FiscalYear.of(2024), people.ledger.events.get("people:" + p.id() + ":moved:2025-03-31").fiscalYear());
        service.update(p.id(), withMove(in, LocalDate.of(2025, 3, 31)), "staff1");
        assertEquals(1, people.ledger.ids("people.moved").size());
    }

    private static PersonInput withMove(PersonInput in, LocalDate movedOn) {
        return new PersonInput(in.name(), in.kana(), in.email(), in.phone(), in.district(), in.registeredOn(), in.skills(),
                in.portfolio(), in.availability(), in.lifestyle(), in.preferredWork(),
                new PersonInput.ResidencyInput(in.residency().origin(), movedOn, 1, null, null), in.consents(), null);
    }

    @Test
    void invalidInputIsRefusedWithEveryField() {
        PersonInput bad = new PersonInput(null, "kanji漢字", "x", null, null, null, null, null, null, null, null, null,
                List.of(new PersonInput.ConsentInput(ConsentPurpose.STATISTICS, null, "v1")), null);
        PeopleException e = assertThrows(PeopleException.class, () -> service.create(bad, "staff1"));
        assertEquals(PeopleException.Kind.INVALID, e.kind());
        assertEquals(List.of("name", "kana", "email", "consents[0].givenOn"), e.errors().stream().map(f -> f.field()).toList());
        assertTrue(people.ledger.events.isEmpty());
    }

    @Test
    void concurrentEditsAreDetectedByVersion() {
        Person p = service.create(People.person("a", "ア"), "staff1");
        PersonInput in = People.person("b", "イ");
        PersonInput stale = new PersonInput(in.name(), in.kana(), in.email(), in.phone(), in.district(), in.registeredOn(),
                in.skills(), in.portfolio(), in.availability(), in.lifestyle(), in.preferredWork(), in.residency(), null, p.version());
        Person updated = service.update(p.id(), stale, "staff2");
        assertEquals("b", updated.name());
        assertTrue(updated.version() > p.version());
        PeopleException e = assertThrows(PeopleException.class, () -> service.update(p.id(), stale, "staff3"));
        assertEquals(PeopleException.Kind.CONFLICT, e.kind());
    }

    @Test
    void withdrawingAConsentStopsItsUseFromThenOn() {
        Person p = service.create(People.person("a", "ア", "writing"), "staff1");
        assertTrue(service.hasConsent(p.key(), ConsentPurpose.JOB_OFFERS));
        PersonSummary forMatching = service.findFor(p.key(), ConsentPurpose.JOB_OFFERS).orElseThrow();
        assertEquals(20, forMatching.availability().hoursPerWeek());
        assertEquals(Set.of(LifestyleConstraint.CHILD_REARING), forMatching.lifestyle());
        assertEquals(List.of(p.key()), service.jobCandidates(List.of("writing")).stream().map(PersonSummary::id).toList());

        service.withdrawConsent(p.id(), ConsentPurpose.JOB_OFFERS, "staff1");

        assertFalse(service.hasConsent(p.key(), ConsentPurpose.JOB_OFFERS));
        assertTrue(service.findFor(p.key(), ConsentPurpose.JOB_OFFERS).isEmpty());
        assertTrue(service.jobCandidates(List.of("writing")).isEmpty());
        assertTrue(service.hasConsent(p.key(), ConsentPurpose.STATISTICS));
        PersonSummary identity = service.find(p.key()).orElseThrow();
        assertNull(identity.availability());
        assertEquals(Set.of(), identity.lifestyle());
        assertEquals(Set.of(ConsentPurpose.STATISTICS), identity.consents());

        Person again = service.giveConsent(p.id(), new PersonInput.ConsentInput(ConsentPurpose.JOB_OFFERS, People.TODAY, "2025-06"), "staff1");
        assertEquals(3, again.consents().size()); // the withdrawn one stays in the history
        assertEquals(1, service.jobCandidates(List.of("writing")).size());
    }

    @Test
    void jobCandidatesAreTheSameListUntilTheRegistryChanges() {
        Person a = service.create(People.person("a", "ア", "writing"), "staff1");
        List<PersonSummary> first = service.jobCandidates(List.of("writing"));
        assertSame(first, service.jobCandidates(List.of("ライティング")), "the same skills, the same list");
        assertSame(first, service.jobCandidates(Set.of("writing")));
        assertThrows(UnsupportedOperationException.class, () -> first.add(first.get(0)));
        assertNotSame(first, service.jobCandidates(List.of("writing", "design")), "other skills, another list");

        service.refreshIndex(); // re-reads the same rows: nothing changed, the list stays
        assertSame(first, service.jobCandidates(List.of("writing")));

        Person b = service.create(People.person("b", "イ", "writing"), "staff1");
        List<PersonSummary> second = service.jobCandidates(List.of("writing"));
        assertNotSame(first, second);
        assertEquals(Set.of(a.key(), b.key()), Set.copyOf(second.stream().map(PersonSummary::id).toList()));
        assertEquals(1, first.size(), "a list handed out never changes");
    }

    @Test
    void statisticsConsentGivesNoAvailabilityAndDeactivatedPeopleAreNotOffered() {
        Person p = service.create(People.person("a", "ア", "writing"), "staff1");
        assertNull(service.findFor(p.key(), ConsentPurpose.STATISTICS).orElseThrow().availability());
        service.setActive(p.id(), false, "staff1");
        assertTrue(service.findFor(p.key(), ConsentPurpose.STATISTICS).isEmpty());
        assertFalse(service.hasConsent(p.key(), ConsentPurpose.STATISTICS));
        assertTrue(service.jobCandidates(List.of()).isEmpty());
        assertEquals(0, service.search(SearchCriteria.activePeople(), new PageRequest(0, 10)).total());
        assertTrue(service.find(p.key()).isPresent());
        service.setActive(p.id(), true, "staff1");
        assertEquals(1, service.jobCandidates(List.of()).size());
        assertTrue(service.find("no-such-id").isEmpty());
        assertFalse(service.hasConsent("12345", ConsentPurpose.STATISTICS));
    }

    @Test
    void erasureBlanksPersonalDataButKeepsTheIdAndTheLedger() {
        Person p = service.create(People.person("奄美 花子", "アマミ ハナコ", "writing"), "staff1");
        service.setFlag(p.id(), PersonFlag.CHILD_REARING_FREELANCER, LocalDate.of(2025, 4, 1), null, "staff1");
        service.reportIncome(p.id(), FiscalYear.of(2024), 650_000, IncomeSource.SELF_REPORT, "staff1");
        int ledgerBefore = people.ledger.events.size();
        long incomeBefore = people.ledger.sumAmountYen(org.freelanceisland.platform.api.ledger.LedgerQuery.ofType("people.income.reported"));

        Person erased = service.erase(p.id(), "admin1");

        assertTrue(erased.erased());
        assertFalse(erased.active());
        assertEquals(p.id(), erased.id());
        assertNull(erased.name());
        assertNull(erased.kana());
        assertNull(erased.email());
        assertNull(erased.phone());
        assertNull(erased.district());
        assertTrue(erased.skills().isEmpty());
        assertTrue(erased.portfolio().isEmpty());
        assertTrue(erased.lifestyle().isEmpty());
        assertNull(erased.residency().householdSize());
        assertTrue(erased.flags().isEmpty());
        assertTrue(erased.incomes().isEmpty());
        assertTrue(erased.consentedPurposes().isEmpty());
        assertEquals(ledgerBefore, people.ledger.events.size());
        assertEquals(incomeBefore, people.ledger.sumAmountYen(org.freelanceisland.platform.api.ledger.LedgerQuery.ofType("people.income.reported")));
        assertTrue(service.find(p.key()).orElseThrow().name() == null);
        assertEquals(0, service.search(new SearchCriteria("アマミ", null, null, null, null, null, null, null, null, null,
                null, SearchCriteria.Status.ALL), new PageRequest(0, 10)).total());
        assertEquals(PeopleException.Kind.CONFLICT, assertThrows(PeopleException.class,
                () -> service.update(p.id(), People.person("x", "エックス"), "staff1")).kind());
        // a new registry started from the database sees the same
        PeopleService restarted = new PeopleService(people.store, people.ledger, false);
        assertNull(restarted.find(p.key()).orElseThrow().name());
    }

    @Test
    void flagsAreRecordedWithSinceAndUntilAndMustNotOverlap() {
        Person p = service.create(People.person("a", "ア"), "staff1");
        Person led = service.setFlag(p.id(), PersonFlag.COMMUNITY_LEADER, LocalDate.of(2024, 1, 10), null, "staff1");
        long period = led.flags().get(0).id();
        ActivityEvent set = people.ledger.events.get("people:" + p.id() + ":flag:" + period + ":set");
        assertEquals(FiscalYear.of(2023), set.fiscalYear());
        assertEquals("COMMUNITY_LEADER", set.attributes().get("flag"));
        assertEquals(Set.of(PersonFlag.COMMUNITY_LEADER), service.find(p.key()).orElseThrow().flags());
        assertEquals(PeopleException.Kind.CONFLICT, assertThrows(PeopleException.class,
                () -> service.setFlag(p.id(), PersonFlag.COMMUNITY_LEADER, LocalDate.of(2025, 1, 1), null, "staff1")).kind());
        assertEquals(PeopleException.Kind.RULE, assertThrows(PeopleException.class,
                () -> service.clearFlag(p.id(), PersonFlag.COMMUNITY_LEADER, LocalDate.of(2026, 1, 1), "staff1")).kind());

        Person ended = service.clearFlag(p.id(), PersonFlag.COMMUNITY_LEADER, LocalDate.of(2025, 4, 30), "staff1");
        assertEquals(LocalDate.of(2025, 4, 30), ended.flags().get(0).until());
        assertEquals(FiscalYear.of(2025), people.ledger.events.get("people:" + p.id() + ":flag:" + period + ":cleared").fiscalYear());
        assertEquals(Set.of(), service.find(p.key()).orElseThrow().flags());
        assertEquals(PeopleException.Kind.CONFLICT, assertThrows(PeopleException.class,
                () -> service.clearFlag(p.id(), PersonFlag.COMMUNITY_LEADER, LocalDate.of(2025, 5, 30), "staff1")).kind());
        assertEquals(PeopleException.Kind.RULE, assertThrows(PeopleException.class,
                () -> service.setFlag(p.id(), PersonFlag.SIDE_JOB_FREELANCER, People.TODAY.plusDays(1), null, "staff1")).kind());
    }

    @Test
    void incomeIsOnePerFiscalYearAndCorrectionsAreNewRevisions() {
        Person p = service.create(People.person("a", "ア"), "staff1");
        service.reportIncome(p.id(), FiscalYear.of(2024), 1_500_000, IncomeSource.SELF_REPORT, "staff1");
        service.reportIncome(p.id(), FiscalYear.of(2024), 1_500_000, IncomeSource.SELF_REPORT, "staff1");
        Person corrected = service.reportIncome(p.id(), FiscalYear.of(2024), 1_600_000, IncomeSource.CONTRACT_RECORDS, "staff1");
        assertEquals(1, corrected.incomes().size());
        assertEquals(2, corrected.incomes().get(0).revision());
        assertEquals(List.of("people:" + p.id() + ":income:2024:r1", "people:" + p.id() + ":income:2024:r2"),
                people.ledger.ids("people.income.reported"));
        ActivityEvent latest = people.ledger.events.get("people:" + p.id() + ":income:2024:r2");
        assertEquals(FiscalYear.of(2024), latest.fiscalYear());
        assertEquals(1_600_000L, latest.amountYen());
        assertEquals("CONTRACT_RECORDS", latest.attributes().get("source"));
        assertEquals(PeopleException.Kind.RULE, assertThrows(PeopleException.class,
                () -> service.reportIncome(p.id(), FiscalYear.of(2026), 1, IncomeSource.SELF_REPORT, "staff1")).kind());
    }

    @Test
    void ledgerFactsWaitInTheOutboxWhileTheLedgerIsDown() {
        people.ledger.down = true;
        Person p = service.create(People.person("a", "ア"), "staff1");
        assertTrue(people.ledger.events.isEmpty());
        assertEquals(2, people.store.pendingEvents(10).size());
        people.ledger.down = false;
        service.handOverLedgerFacts();
        assertEquals(Set.of("people:" + p.id() + ":registered", "people:" + p.id() + ":moved:2025-05-01"),
                people.ledger.events.keySet());
        assertTrue(people.store.pendingEvents(10).isEmpty());
    }

    @Test
    void unknownPeopleAreNotFound() {
        assertEquals(PeopleException.Kind.NOT_FOUND, assertThrows(PeopleException.class, () -> service.get(999)).kind());
        assertEquals(PeopleException.Kind.NOT_FOUND, assertThrows(PeopleException.class,
                () -> service.setActive(999, false, "x")).kind());
    }
}
