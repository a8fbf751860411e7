package org.freelanceisland.platform.api.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.freelanceisland.platform.api.FiscalYear;
import org.junit.jupiter.api.Test;

class LedgerQueryTest {

    @Test
    void theVersionOneConstructorStillWorks() {
        LedgerQuery q = new LedgerQuery("terakoya.*", FiscalYear.of(2025), "p1", null, null);
        assertEquals(List.of("terakoya.*"), q.types());
        assertTrue(q.moreTypes().isEmpty() && q.attributes().isEmpty() && q.personHas().isEmpty());
        assertEquals("terakoya.", q.typePrefix().orElseThrow());
        assertEquals(q, LedgerQuery.ofType("terakoya.*").inFiscalYear(FiscalYear.of(2025)).forPerson("p1"));
    }

    @Test
    void severalTypesWithoutDuplicates() {
        LedgerQuery q = LedgerQuery.ofTypes("jobs.paid", "people.income.reported", "jobs.paid");
        assertEquals(List.of("jobs.paid", "people.income.reported"), q.types());
        assertThrows(IllegalArgumentException.class, () -> LedgerQuery.ofTypes("jobs.paid", "Not A Type"));
        assertThrows(IllegalArgumentException.class, LedgerQuery::ofTypes);
    }

    @Test
    void rangesAndFiltersAreChecked() {
        IllegalArgumentException years = assertThrows(IllegalArgumentException.class,
                () -> LedgerQuery.all().inFiscalYears(FiscalYear.of(2027), FiscalYear.of(2025)));
        assertTrue(years.getMessage().startsWith("fromYear:"));
        assertThrows(IllegalArgumentException.class, () -> AttributeFilter.of("1bad", "x"));
        assertThrows(IllegalArgumentException.class, () -> AttributeFilter.of("flag"));
        assertEquals(List.of("A", "B"), AttributeFilter.of("flag", "A", "B", "A").values());
        LedgerQuery deep = LedgerQuery.ofType("people.flag.set");
        for (int i = 0; i < LedgerQuery.MAX_PERSON_CONDITIONS - 1; i++) {
            deep = LedgerQuery.ofType("jobs.paid").forPersonsWith(deep);
        }
        LedgerQuery deepest = deep;
        assertEquals(LedgerQuery.MAX_PERSON_CONDITIONS - 1, countDepth(deepest));
        LedgerQuery ok = LedgerQuery.all().forPersonsWith(deepest);
        assertThrows(IllegalArgumentException.class, () -> LedgerQuery.all().forPersonsWith(ok));
    }

    private static int countDepth(LedgerQuery q) {
        return q.personHas().isEmpty() ? 0 : 1 + countDepth(q.personHas().get(0));
    }
}
