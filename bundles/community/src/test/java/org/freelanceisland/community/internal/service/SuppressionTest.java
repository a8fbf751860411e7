package org.freelanceisland.community.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Small counts are hidden in exports, and never recoverable from a total. */
class SuppressionTest {

    private final Suppression rule = new Suppression(3);

    @Test
    void smallCountsAreHiddenZerosAndLargeOnesShown() {
        assertTrue(rule.shows(0));
        assertFalse(rule.shows(1));
        assertFalse(rule.shows(2));
        assertTrue(rule.shows(3));
        assertEquals("x", rule.text(2, true));
        assertEquals("7", rule.text(7, false));
    }

    @Test
    void noHiddenCountCanBeWorkedOutFromTheTotals() {
        int[][] grid = { { 5, 1, 4 }, { 6, 7, 0 } };
        Suppression.Table t = rule.table(grid);
        assertEquals(10, t.counts()[0][3], "row total");
        assertEquals(11, t.counts()[2][0], "column total");
        assertEquals(23, t.counts()[2][3], "grand total");
        assertTrue(t.hidden()[0][1], "the 1 is hidden");
        // every row and column (with its total) hides none or at least two of its cells
        for (int r = 0; r < 3; r++) {
            int hidden = 0;
            for (int c = 0; c < 4; c++) {
                hidden += t.hidden()[r][c] ? 1 : 0;
            }
            assertTrue(hidden != 1, "row " + r + " hides exactly one cell");
        }
        for (int c = 0; c < 4; c++) {
            int hidden = 0;
            for (int r = 0; r < 3; r++) {
                hidden += t.hidden()[r][c] ? 1 : 0;
            }
            assertTrue(hidden != 1, "column " + c + " hides exactly one cell");
        }
    }

    @Test
    void aSmallTotalIsHiddenToo() {
        Suppression.Table t = rule.table(new int[][] { { 0, 2 } });
        assertTrue(t.hidden()[0][1]);
        assertTrue(t.hidden()[0][2], "the row total 2 is small");
        assertTrue(t.hidden()[1][2], "and so is the grand total");
        Suppression.Table all = rule.table(new int[][] { { 3, 4 } });
        assertFalse(all.hidden()[0][0] || all.hidden()[0][1] || all.hidden()[0][2]);
    }

    @Test
    void thresholdOneShowsEverything() {
        Suppression.Table t = new Suppression(1).table(new int[][] { { 1, 2 } });
        assertFalse(t.hidden()[0][0] || t.hidden()[0][1]);
    }
}
