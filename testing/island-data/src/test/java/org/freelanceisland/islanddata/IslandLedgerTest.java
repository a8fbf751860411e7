package org.freelanceisland.islanddata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.junit.jupiter.api.Test;

/** A whole island's ledger: exactly the size asked, the same for the same seed, of every type the indicators count. */
class IslandLedgerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private static List<ActivityEvent> ledger(long seed, int size) {
        List<ActivityEvent> events = new ArrayList<>();
        IslandLedger.generate(seed, size, TODAY, "bench:", events::add);
        return events;
    }

    @Test
    void givesExactlyTheSizeWithUniqueIdsAndTheSameFactsForTheSameSeed() {
        List<ActivityEvent> events = ledger(42, 50_000);
        assertEquals(50_000, events.size());
        Set<String> ids = new HashSet<>();
        events.forEach(e -> assertTrue(ids.add(e.id()), "unique id " + e.id()));
        assertTrue(ids.stream().allMatch(id -> id.startsWith("bench:")));
        assertEquals(events, ledger(42, 50_000));
        assertTrue(!events.equals(ledger(43, 50_000)));
        assertThrows(IllegalArgumentException.class, () -> ledger(42, 0));
    }

    @Test
    void holdsEveryTypeTheStageThreeIndicatorsCountInPlausibleShares() {
        Map<String, Integer> types = new TreeMap<>();
        Set<String> people = new HashSet<>();
        for (ActivityEvent e : ledger(7, 100_000)) {
            types.merge(e.type(), 1, Integer::sum);
            people.add(e.personId());
            assertTrue(!e.occurredAt().isAfter(TODAY.plusDays(400).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()), e.toString());
        }
        for (String type : List.of("people.registered", "people.moved", "people.flag.set", "people.income.reported",
                "terakoya.enrolled", "terakoya.course.completed", "terakoya.online-seat.allocated", "contest.entry.submitted",
                "jobs.introduced", "jobs.contracted", "jobs.paid", "community.event.attended", "community.survey.answered",
                "community.consultation.held", "community.leader.started")) {
            assertTrue(types.getOrDefault(type, 0) > 0, type + " in " + types);
        }
        assertTrue(types.get("jobs.paid") > types.get("people.registered"), types.toString());
        assertTrue(people.size() > 500 && people.size() < 20_000, people.size() + " people");
    }
}
