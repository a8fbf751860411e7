package org.freelanceisland.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class FiscalYearTest {

    @Test
    void aprilStartsTheFiscalYearAndMarchEndsIt() {
        assertEquals(2025, FiscalYear.of(LocalDate.of(2025, 4, 1)).startYear());
        assertEquals(2024, FiscalYear.of(LocalDate.of(2025, 3, 31)).startYear());
        assertEquals(LocalDate.of(2026, 3, 31), FiscalYear.of(2025).lastDay());
        assertTrue(FiscalYear.of(2025).contains(LocalDate.of(2026, 1, 15)));
        assertFalse(FiscalYear.of(2025).contains(LocalDate.of(2026, 4, 1)));
    }

    @Test
    void instantsAreReckonedInJapanTime() {
        // 2025-03-31T15:30Z is already 1 April 00:30 in Japan
        assertEquals(2025, FiscalYear.of(Instant.parse("2025-03-31T15:30:00Z")).startYear());
        assertEquals(2024, FiscalYear.of(Instant.parse("2025-03-31T14:59:59Z")).startYear());
    }

    @Test
    void eraLabelsFollowThePlan() {
        assertEquals("H27", FiscalYear.of(2015).eraShort());
        assertEquals("平成27年度", FiscalYear.of(2015).japaneseLabel());
        assertEquals("R1", FiscalYear.of(2019).eraShort());
        assertEquals("令和元年度", FiscalYear.of(2019).japaneseLabel());
        assertEquals("H30", FiscalYear.of(2018).eraShort());
        assertEquals("R6", FiscalYear.of(2024).eraShort());
        assertEquals("令和7年度", FiscalYear.of(2025).japaneseLabel());
        assertEquals("FY2027 (R9)", FiscalYear.of(2027).englishLabel());
    }

    @Test
    void yearsOutsideTheRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> FiscalYear.of(1988));
        assertThrows(IllegalArgumentException.class, () -> FiscalYear.of(2201));
    }

    @Test
    void localizedTextFallsBackToJapanese() {
        assertEquals("寺子屋", LocalizedText.of("寺子屋", null).en());
        assertEquals("Terakoya", LocalizedText.of("寺子屋", "Terakoya").get(java.util.Locale.ENGLISH));
        assertEquals("寺子屋", LocalizedText.of("寺子屋", "Terakoya").get(java.util.Locale.JAPANESE));
        assertThrows(IllegalArgumentException.class, () -> LocalizedText.of(" ", "x"));
    }

    @Test
    void pageRequestBoundsAreEnforced() {
        assertThrows(IllegalArgumentException.class, () -> new PageRequest(-1, 10));
        assertThrows(IllegalArgumentException.class, () -> new PageRequest(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new PageRequest(0, 501));
        assertEquals(50, PageRequest.first().limit());
    }
}
