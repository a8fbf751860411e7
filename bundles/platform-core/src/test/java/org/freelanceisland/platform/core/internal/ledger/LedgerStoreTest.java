package org.freelanceisland.platform.core.internal.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.AttributeFilter;
import org.freelanceisland.platform.api.ledger.LedgerQuery;
import org.freelanceisland.platform.api.ledger.PersonAggregation;
import org.freelanceisland.platform.api.ledger.PersonTotal;
import org.freelanceisland.platform.api.ledger.RecordedActivity;
import org.freelanceisland.testing.jpa.ResourceLocalJpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger's persistence on the platform unit, on in-memory H2. */
class LedgerStoreTest {

    private ResourceLocalJpaTemplate jpa;
    private LedgerStore store;
    private final List<RecordedActivity> announced = new ArrayList<>();

    @BeforeEach
    void open() {
        jpa = ResourceLocalJpaTemplate.h2("platform");
        store = new LedgerStore(jpa);
    }

    @AfterEach
    void close() {
        jpa.close();
    }

    private boolean record(String id, String type, String person, String when, Long yen) {
        ActivityEvent.Builder event = ActivityEvent.builder(id, type, Instant.parse(when)).person(person);
        if (yen != null) {
            event.amountYen(yen);
        }
        return store.record(event.build(), "test.bundle", announced::add);
    }

    @Test
    void recordingIsIdempotentAndAnnouncedOnce() {
        assertTrue(record("e1", "terakoya.course.completed", "p1", "2025-05-01T00:00:00Z", null));
        assertFalse(record("e1", "terakoya.course.completed", "p2", "2026-05-01T00:00:00Z", 5L));
        assertEquals(1, announced.size());
        RecordedActivity stored = store.find("e1").orElseThrow();
        assertEquals("p1", stored.event().personId(), "the second recording changed nothing");
        assertEquals("test.bundle", stored.recordedBy());
    }

    @Test
    void theRevisionChangesExactlyWhenTheContentDoes() {
        long empty = store.revision();
        assertEquals(empty, store.revision(), "reading changes nothing");
        record("r1", "terakoya.course.completed", "p1", "2025-05-01T00:00:00Z", null);
        long one = store.revision();
        assertNotEquals(empty, one, "a new event");
        record("r1", "terakoya.course.completed", "p1", "2025-05-01T00:00:00Z", null);
        assertEquals(one, store.revision(), "an event already stored changes nothing");
        store.recordAll(List.of(ActivityEvent.builder("r1", "terakoya.course.completed",
                Instant.parse("2025-05-01T00:00:00Z")).build()), "b", a -> { });
        assertEquals(one, store.revision(), "a batch of known events changes nothing");
        store.recordAll(List.of(ActivityEvent.builder("r2", "terakoya.course.completed",
                Instant.parse("2025-05-01T00:00:00Z")).build()), "b", a -> { });
        long two = store.revision();
        assertNotEquals(one, two, "a batch with a new event");
        store.purge(List.of("nothing:"));
        assertEquals(two, store.revision(), "a purge that deleted nothing");
        store.purge(List.of("r1:", "r2:"));
        assertEquals(two, store.revision(), "prefixes match whole segments only");
        record("x:1:a", "terakoya.course.completed", "p1", "2025-05-01T00:00:00Z", null);
        long three = store.revision();
        store.purge(List.of("x:1:"));
        assertNotEquals(three, store.revision(), "a purge that deleted events");
    }

    @Test
    void attributesAndAmountsRoundTrip() {
        store.record(ActivityEvent.builder("e2", "contest.entry.submitted", Instant.parse("2025-07-01T00:00:00Z"))
                .amountYen(200_000).attribute("material", "大島紬 𠮷").attribute("kana", "ｶﾅ").build(), "b", a -> { });
        ActivityEvent event = store.find("e2").orElseThrow().event();
        assertEquals(Map.of("material", "大島紬 𠮷", "kana", "ｶﾅ"), event.attributes());
        assertEquals(200_000L, event.amountYen());
        assertEquals(Instant.parse("2025-07-01T00:00:00Z"), event.occurredAt());
        assertEquals(FiscalYear.of(2025), event.fiscalYear());
        assertTrue(store.find("nope").isEmpty());
    }

    @Test
    void queriesFilterCountAndPage() {
        record("a1", "terakoya.course.completed", "p1", "2024-06-01T00:00:00Z", 1000L);
        record("a2", "terakoya.course.completed", "p1", "2025-06-01T00:00:00Z", 2000L);
        record("a3", "terakoya.course.completed", "p2", "2025-07-01T00:00:00Z", null);
        record("a4", "terakoya.enrolment.created", "p3", "2025-08-01T00:00:00Z", null);
        record("a5", "jobs.contract.signed", "p1", "2026-03-31T14:00:00Z", 50_000L); // 31 March 23:00 in Japan
        record("a6", "terakoyax.course.completed", null, "2025-06-01T00:00:00Z", null);

        assertEquals(4, store.count(LedgerQuery.ofType("terakoya.*")), "a prefix ends at the dot: terakoyax is another module");
        assertEquals(3, store.count(LedgerQuery.ofType("terakoya.course.completed")));
        assertEquals(2, store.count(LedgerQuery.ofType("terakoya.course.completed").inFiscalYear(FiscalYear.of(2025))));
        assertEquals(2, store.countDistinctPersons(LedgerQuery.ofType("terakoya.course.completed")));
        assertEquals(3000, store.sumAmountYen(LedgerQuery.ofType("terakoya.*")));
        assertEquals(0, store.sumAmountYen(LedgerQuery.ofType("kpi.*")));
        assertEquals(1, store.count(LedgerQuery.ofType("jobs.*").inFiscalYear(FiscalYear.of(2025))));
        assertEquals(3, store.count(LedgerQuery.all().forPerson("p1")));
        assertEquals(2, store.count(LedgerQuery.all().between(Instant.parse("2025-06-01T00:00:00Z"),
                Instant.parse("2025-07-01T00:00:00Z"))));

        Page<RecordedActivity> first = store.query(LedgerQuery.ofType("terakoya.*"), new PageRequest(0, 3));
        assertEquals(4, first.total());
        assertEquals(List.of("a4", "a3", "a2"), first.items().stream().map(r -> r.event().id()).toList(), "newest first");
        Page<RecordedActivity> second = store.query(LedgerQuery.ofType("terakoya.*"), new PageRequest(3, 3));
        assertEquals(4, second.total());
        assertEquals(List.of("a1"), second.items().stream().map(r -> r.event().id()).toList());
        Page<RecordedActivity> beyond = store.query(LedgerQuery.ofType("terakoya.*"), new PageRequest(10, 3));
        assertEquals(4, beyond.total());
        assertTrue(beyond.items().isEmpty());
    }

    private void event(String id, String type, String person, int fiscalYear, Long yen, String... attributes) {
        ActivityEvent.Builder event = ActivityEvent.builder(id, type, FiscalYear.of(fiscalYear).firstDay()
                .plusMonths(2).atStartOfDay(FiscalYear.ISLAND_ZONE).toInstant()).person(person);
        if (yen != null) {
            event.amountYen(yen);
        }
        for (int i = 0; i < attributes.length; i += 2) {
            event.attribute(attributes[i], attributes[i + 1]);
        }
        store.record(event.build(), "test.bundle", announced::add);
    }

    private static FiscalYear fy(int year) {
        return FiscalYear.of(year);
    }

    @Test
    void attributeFiltersSelectByValueInTheDatabase() {
        event("s1", "community.survey.answered", "p1", 2025, null, "survey", "wl", "satisfied", "true");
        event("s2", "community.survey.answered", "p2", 2025, null, "survey", "wl", "satisfied", "false");
        event("s3", "community.survey.answered", "p3", 2026, null, "survey", "wl", "satisfied", "true");
        event("s4", "community.survey.answered", null, 2026, null, "survey", "other", "satisfied", "true");
        event("s5", "community.survey.answered", "p4", 2026, null, "survey", "wl");

        LedgerQuery answers = LedgerQuery.ofType("community.survey.answered");
        AttributeFilter satisfied = AttributeFilter.of("satisfied", "true");
        assertEquals(5, store.count(answers));
        assertEquals(3, store.count(answers.withAttribute(satisfied)));
        assertEquals(2, store.count(answers.withAttribute(satisfied).withAttribute(AttributeFilter.of("survey", "wl"))),
                "several filters all hold");
        assertEquals(4, store.count(answers.withAttribute(AttributeFilter.of("satisfied", "true", "false"))),
                "one of several values; an event without the attribute never matches");
        assertEquals(0, store.count(answers.withAttribute(AttributeFilter.of("satisfied", "TRUE"))), "exact values");
        assertEquals(1, store.count(answers.withAttribute(satisfied).inFiscalYear(fy(2025))));
        assertEquals(2, store.countDistinctPersons(answers.withAttribute(satisfied)));
        assertEquals(List.of("s4", "s3", "s1"), store.query(answers.withAttribute(satisfied), PageRequest.first()).items()
                .stream().map(r -> r.event().id()).sorted(java.util.Comparator.reverseOrder()).toList());
    }

    @Test
    void longAttributeValuesAreMatchedExactly() {
        String longValue = "長".repeat(600);
        String sibling = "長".repeat(599) + "短";
        event("l1", "ittest.thing.done", "p1", 2025, null, "note", longValue);
        event("l2", "ittest.thing.done", "p1", 2025, null, "note", sibling);
        assertEquals(1, store.count(LedgerQuery.ofType("ittest.*").withAttribute(AttributeFilter.of("note", longValue))));
        assertEquals(longValue, store.find("l1").orElseThrow().event().attributes().get("note"));
    }

    @Test
    void severalTypesAndFiscalYearRanges() {
        event("t1", "terakoya.enrolled", "p1", 2024, null);
        event("t2", "terakoya.enrolled", "p1", 2025, null);
        event("t3", "terakoya.online-seat.allocated", "p2", 2026, null);
        event("t4", "terakoya.course.completed", "p3", 2027, null);
        event("t5", "jobs.paid", "p4", 2027, 1000L);
        event("t6", "terakoya.enrolled", "p5", 2028, null);

        LedgerQuery skillUp = LedgerQuery.ofTypes("terakoya.enrolled", "terakoya.online-seat.allocated")
                .inFiscalYears(fy(2025), fy(2027));
        assertEquals(2, store.count(skillUp));
        assertEquals(2, store.countDistinctPersons(skillUp));
        assertEquals(3, store.count(LedgerQuery.ofTypes("terakoya.enrolled", "jobs.*").inFiscalYears(fy(2025), fy(2028))));
        assertEquals(4, store.count(LedgerQuery.ofType("terakoya.*").inFiscalYears(null, fy(2027))));
        assertEquals(4, store.count(LedgerQuery.all().inFiscalYears(fy(2026), null)));
    }

    @Test
    void personConditionsRestrictToPeopleWithAnotherEvent() {
        event("f1", "people.flag.set", "mother", 2024, null, "flag", "CHILD_REARING_FREELANCER");
        event("f2", "people.flag.set", "sidejob", 2026, null, "flag", "SIDE_JOB_FREELANCER");
        event("f3", "people.flag.set", "leader", 2025, null, "flag", "COMMUNITY_LEADER");
        event("f4", "people.flag.set", "late", 2028, null, "flag", "CHILD_REARING_FREELANCER");
        for (String person : List.of("mother", "sidejob", "leader", "late", "other")) {
            event("pay-" + person, "jobs.paid", person, 2025, 100_000L);
        }
        event("pay-anon", "jobs.paid", null, 2025, 100_000L);

        LedgerQuery flagged = LedgerQuery.ofType("people.flag.set")
                .withAttribute(AttributeFilter.of("flag", "CHILD_REARING_FREELANCER", "SIDE_JOB_FREELANCER"))
                .inFiscalYears(null, fy(2027));
        LedgerQuery paid = LedgerQuery.ofType("jobs.paid").forPersonsWith(flagged);
        assertEquals(2, store.count(paid), "mother and sidejob; the flag of 'late' is set after the range");
        assertEquals(200_000, store.sumAmountYen(paid));
        assertEquals(6, store.count(LedgerQuery.ofType("jobs.paid")));
        LedgerQuery twoConditions = paid.forPersonsWith(LedgerQuery.ofType("people.flag.set").forPersonsWith(
                LedgerQuery.ofType("jobs.paid")));
        assertEquals(2, store.count(twoConditions), "conditions nest and combine with AND");
    }

    @Test
    void personAggregatesCountPeopleReachingAYearlyThreshold() {
        // p1: 400k + 300k in 2025 (reaches 600k), p2: 500k in 2025 and 500k in 2026 (never in one year),
        // p3: 600k self-reported in 2026, p4: 2M in 2024 (outside the range)
        event("a1", "jobs.paid", "p1", 2025, 400_000L);
        event("a2", "people.income.reported", "p1", 2025, 300_000L, "source", "SELF_REPORT");
        event("a3", "jobs.paid", "p2", 2025, 500_000L);
        event("a4", "jobs.paid", "p2", 2026, 500_000L);
        event("a5", "people.income.reported", "p3", 2026, 600_000L, "source", "SELF_REPORT");
        event("a6", "jobs.paid", "p4", 2024, 2_000_000L);
        event("a7", "jobs.paid", "p1", 2026, 700_000L);
        event("a8", "jobs.contracted", "p5", 2025, 9_000_000L);

        LedgerQuery earnings = LedgerQuery.ofTypes("jobs.paid", "people.income.reported").inFiscalYears(fy(2025), fy(2027));
        assertEquals(2, store.countPersons(PersonAggregation.yearlyAmountAtLeast(earnings, 600_000)));
        assertEquals(3, store.countPersons(PersonAggregation.yearlyAmountAtLeast(earnings, 500_000)));
        assertEquals(3, store.countPersons(PersonAggregation.perPerson(earnings)));
        assertEquals(2, store.countPersons(new PersonAggregation(earnings, false, 1_000_000L, null)),
                "over the whole range p1 and p2 reach a million");
        assertEquals(1, store.countPersons(new PersonAggregation(earnings, false, null, 3L)), "p1 has three events");

        Page<PersonTotal> groups = store.personTotals(PersonAggregation.yearlyAmountAtLeast(earnings, 600_000),
                new PageRequest(0, 2));
        assertEquals(3, groups.total(), "p1 in 2025 and 2026, p3 in 2026");
        assertEquals(List.of(new PersonTotal("p1", fy(2025), 2, 700_000), new PersonTotal("p1", fy(2026), 1, 700_000)),
                groups.items());
        Page<PersonTotal> rest = store.personTotals(PersonAggregation.yearlyAmountAtLeast(earnings, 600_000),
                new PageRequest(2, 2));
        assertEquals(List.of(new PersonTotal("p3", fy(2026), 1, 600_000)), rest.items());
        assertEquals(3, rest.total());

        Page<PersonTotal> people = store.personTotals(PersonAggregation.perPerson(earnings), PageRequest.first());
        assertEquals(List.of(new PersonTotal("p1", null, 3, 1_400_000), new PersonTotal("p2", null, 2, 1_000_000),
                new PersonTotal("p3", null, 1, 600_000)), people.items());
    }

    @Test
    void recordAllStoresInBatchesOnceEach() {
        List<ActivityEvent> events = new ArrayList<>();
        for (int i = 0; i < LedgerStore.BATCH + 20; i++) {
            events.add(ActivityEvent.builder("b" + i, "community.event.attended", Instant.parse("2025-06-01T00:00:00Z"))
                    .person("p" + (i % 7)).attribute("kind", i % 2 == 0 ? "EXCHANGE" : "WORKSHOP").build());
        }
        events.add(events.get(3)); // twice in one batch
        record("b5", "community.event.attended", "p5", "2025-06-01T00:00:00Z", null); // already stored
        announced.clear();
        assertEquals(LedgerStore.BATCH + 19, store.recordAll(events, "bulk", announced::add));
        assertEquals(LedgerStore.BATCH + 19, announced.size());
        assertEquals(LedgerStore.BATCH + 20, store.count(LedgerQuery.ofType("community.event.attended")));
        assertEquals((LedgerStore.BATCH + 20) / 2, store.count(LedgerQuery.ofType("community.event.attended")
                .withAttribute(AttributeFilter.of("kind", "EXCHANGE"))));
        assertEquals(0, store.recordAll(events, "bulk", announced::add), "replaying changes nothing");
    }

    @Test
    void eventsStoredBeforeTheAttributeIndexAreIndexedByTheUpgrade() {
        jpa.tx(em -> em.createNativeQuery("INSERT INTO platform_ledger_event (id, event_type, module_id, person_id,"
                + " occurred_at, fiscal_year, attributes, recorded_by, recorded_at) VALUES ('old-1',"
                + " 'people.flag.set', 'people', 'p9', TIMESTAMP '2024-05-01 00:00:00', 2024,"
                + " '{\"flag\":\"COMMUNITY_LEADER\"}', 'legacy', TIMESTAMP '2024-05-01 00:00:00')").executeUpdate());
        LedgerQuery leaders = LedgerQuery.ofType("people.flag.set").withAttribute(AttributeFilter.of("flag", "COMMUNITY_LEADER"));
        assertEquals(0, store.count(leaders), "not in the index yet");
        assertEquals(1, store.upgrade());
        assertEquals(1, store.count(leaders));
        assertEquals(0, store.upgrade(), "runs once");
        assertEquals(Map.of("flag", "COMMUNITY_LEADER"), store.find("old-1").orElseThrow().event().attributes());
    }

    @Test
    void purgeDeletesExactlyTheEventsOfThePrefixesWithTheirAttributes() {
        store.record(ActivityEvent.builder("demo:terakoya:1:completed", "terakoya.course.completed",
                Instant.parse("2018-06-01T00:00:00Z")).person("1").attribute("category", "writing").build(), "demo", a -> { });
        record("people:1:registered", "people.registered", "1", "2025-06-01T00:00:00Z", null);
        record("people:12:registered", "people.registered", "12", "2025-06-01T00:00:00Z", null);
        record("people:1_x:registered", "people.registered", "1x", "2025-06-01T00:00:00Z", null);
        store.record(ActivityEvent.builder("contest:market:3:visitors:2025-02-08:r1", "contest.market.visitors",
                Instant.parse("2025-02-08T00:00:00Z")).amountYen(400).attribute("market", "3").build(), "contest", a -> { });
        LedgerQuery writing = new LedgerQuery("terakoya.course.completed", null, null, null, null);

        assertEquals(3, store.purge(List.of("demo:", "people:1:", "contest:market:3:")));

        assertTrue(store.find("demo:terakoya:1:completed").isEmpty());
        assertTrue(store.find("people:1:registered").isEmpty());
        assertTrue(store.find("people:12:registered").isPresent(), "people:1: does not take people:12:");
        assertTrue(store.find("people:1_x:registered").isPresent(), "an underscore in a prefix is no wildcard");
        assertEquals(0, store.count(writing));
        assertEquals(0, store.sumAmountYen(new LedgerQuery("contest.market.visitors", null, null, null, null)));
        assertEquals(0, store.purge(List.of("demo:")), "purging again deletes nothing");
        assertThrows(IllegalArgumentException.class, () -> store.purge(List.of("people")));
    }
}
