package ${package}.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.people.PersonDirectory;
import org.freelanceisland.platform.rest.ProblemException;
import org.freelanceisland.testing.jpa.ResourceLocalJpaTemplate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ${package}.internal.Fakes;
import ${package}.internal.model.ItemStatus;

/** The store on the program's real persistence unit, on in-memory H2. */
class ItemStoreTest {

    private static final FiscalYear FY2025 = FiscalYear.of(2025);

    private ResourceLocalJpaTemplate jpa;
    private final List<ActivityEvent> ledger = Fakes.events();
    private final List<ItemView> announced = new ArrayList<>();
    private Optional<PersonDirectory> people = Optional.of(Fakes.people(Set.of("p-1")));
    private ItemStore store;

    @BeforeEach
    void open() {
        jpa = ResourceLocalJpaTemplate.h2("${programId}");
        Clock clock = Clock.fixed(Instant.parse("2025-06-01T01:00:00Z"), FiscalYear.ISLAND_ZONE);
        store = new ItemStore(jpa, Fakes.ledger(ledger), () -> people, announced::add, clock, 3);
    }

    @AfterEach
    void close() {
        jpa.close();
    }

    private static ItemInput input(String title, String personId, Long version) {
        return new ItemInput(FY2025, title, null, personId, LocalDate.of(2025, 7, 1), null, version);
    }

    @Test
    void registeringRecordsTheFactOnceAndAnnouncesIt() {
        ItemView item = store.create(input("  最初の記録 ", "p-1", null), "staff");
        assertEquals("最初の記録", item.title().ja());
        assertEquals("最初の記録", item.title().en(), "English falls back to Japanese");
        assertEquals(ItemStatus.OPEN, item.status());
        assertEquals("令和7年度", item.fiscalYearLabel().ja());
        assertEquals(1, ledger.size());
        ActivityEvent fact = ledger.get(0);
        assertEquals("${programId}:item:" + item.id() + ":registered", fact.id());
        assertEquals(ItemStore.REGISTERED, fact.type());
        assertEquals("p-1", fact.personId());
        assertEquals(List.of(item), announced);
    }

    @Test
    void listsPageByPageWithFilters() {
        store.create(input("か", null, null), "staff");
        store.create(input("あ", null, null), "staff");
        store.create(new ItemInput(FiscalYear.of(2024), "さ", "Sa", null, null, ItemStatus.CLOSED, null), "staff");

        Page<ItemView> first = store.list(null, null, null, new PageRequest(0, 2));
        assertEquals(3, first.total());
        assertEquals(List.of("あ", "か"), first.items().stream().map(i -> i.title().ja()).toList());
        assertEquals(List.of("さ"), store.list(null, null, null, new PageRequest(2, 2)).items().stream()
                .map(i -> i.title().ja()).toList());
        assertEquals(2, store.list(FY2025, null, null, PageRequest.first()).total());
        assertEquals(1, store.list(null, ItemStatus.CLOSED, null, PageRequest.first()).total());
        assertEquals(1, store.list(null, null, "sa", PageRequest.first()).total());
    }

    @Test
    void refusesWhatBreaksTheRules() {
        store.create(input("同じ題名", null, null), "staff");
        assertEquals(409, status(() -> store.create(input("同じ題名", null, null), "staff")));
        assertEquals(422, status(() -> store.create(input("同意のない人", "p-2", null), "staff")));
        people = Optional.empty();
        assertEquals(503, status(() -> store.create(input("台帳なし", "p-1", null), "staff")));
        people = Optional.of(Fakes.people(Set.of()));
        store.create(input("二つ目", null, null), "staff");
        store.create(input("三つ目", null, null), "staff");
        assertEquals(422, status(() -> store.create(input("四つ目", null, null), "staff")), "three a year at most here");
        assertEquals(404, status(() -> store.get(999_999)));
    }

    @Test
    void aChangeBasedOnAnOldVersionIsRefused() {
        ItemView item = store.create(input("版のある記録", null, null), "staff");
        assertEquals(400, status(() -> store.update(item.id(), input("版なし", null, null))));
        ItemView changed = store.update(item.id(), input("版のある記録（改）", null, item.version()));
        assertEquals("版のある記録（改）", changed.title().ja());
        assertEquals(409, status(() -> store.update(item.id(), input("古い版から", null, item.version()))));
        store.delete(item.id());
        assertEquals(404, status(() -> store.get(item.id())));
        assertEquals(1, ledger.size(), "the ledger keeps the fact of a deleted item");
    }

    private static int status(Runnable call) {
        return assertThrows(ProblemException.class, call::run).status();
    }
}
