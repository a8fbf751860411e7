package org.freelanceisland.platform.api.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;

import org.freelanceisland.platform.api.FiscalYear;
import org.junit.jupiter.api.Test;

class ActivityEventTest {

    private static final Instant WHEN = Instant.parse("2025-06-01T01:00:00Z");

    @Test
    void fiscalYearDefaultsToTheYearOfOccurrence() {
        ActivityEvent e = ActivityEvent.builder("terakoya:1:done", "terakoya.course.completed", WHEN)
                .person("p-1").amountYen(5000).attribute("course", "web-writing").build();
        assertEquals(FiscalYear.of(2025), e.fiscalYear());
        assertEquals("terakoya", e.module());
        assertEquals(Map.of("course", "web-writing"), e.attributes());
    }

    @Test
    void explicitFiscalYearWins() {
        ActivityEvent e = ActivityEvent.builder("x-1", "kpi.report.imported", WHEN).fiscalYear(FiscalYear.of(2019)).build();
        assertEquals(2019, e.fiscalYear().startYear());
    }

    @Test
    void invalidFieldsAreRefusedNamingTheField() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ActivityEvent.builder("", "terakoya.x", WHEN).build()).getMessage().startsWith("id"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ActivityEvent.builder("a", "Terakoya", WHEN).build()).getMessage().startsWith("type"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ActivityEvent.builder("a", "terakoya", WHEN).build()).getMessage().startsWith("type"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ActivityEvent.builder("a b", "terakoya.x", WHEN).build()).getMessage().startsWith("id"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ActivityEvent.builder("a", "terakoya.x", WHEN).attribute("bad name", "v").build())
                .getMessage().startsWith("attributes"));
        assertThrows(NullPointerException.class, () -> ActivityEvent.builder("a", "terakoya.x", null).build());
    }

    @Test
    void queriesAcceptTypesAndPrefixes() {
        assertEquals("terakoya.", LedgerQuery.ofType("terakoya.*").typePrefix().orElseThrow());
        assertTrue(LedgerQuery.ofType("terakoya.course.completed").typePrefix().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> LedgerQuery.ofType("'; drop table x"));
        assertThrows(IllegalArgumentException.class,
                () -> LedgerQuery.all().between(WHEN, WHEN));
    }
}
