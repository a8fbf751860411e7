package org.freelanceisland.jobs.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class PaySplitTest {

    @Test
    void percentSharesSplitThePayExactlyLeftoverYenToTheLargestRemainders() {
        assertEquals(List.of(150_000L, 90_000L, 60_000L), PaySplit.byPercent(300_000, List.of(50, 30, 20)));
        List<Long> thirds = PaySplit.byPercent(100_000, List.of(34, 33, 33));
        assertEquals(List.of(34_000L, 33_000L, 33_000L), thirds);
        List<Long> odd = PaySplit.byPercent(1_001, List.of(33, 33, 34));
        assertEquals(1_001, odd.stream().mapToLong(Long::longValue).sum(), "adds up exactly: " + odd);
        assertEquals(List.of(330L, 330L, 341L), odd);
        List<Long> tie = PaySplit.byPercent(10, List.of(50, 50));
        assertEquals(List.of(5L, 5L), tie);
        assertEquals(List.of(1L, 0L), PaySplit.byPercent(1, List.of(50, 50)), "the earlier member first on a tie");
    }

    @Test
    void sharesMustAddUpToAHundredAndYenToThePay() {
        assertTrue(PaySplit.isWhole(List.of(60, 40)));
        assertFalse(PaySplit.isWhole(List.of(60, 30)));
        assertFalse(PaySplit.isWhole(List.of(110, -10)));
        assertThrows(IllegalArgumentException.class, () -> PaySplit.byPercent(100, List.of(50, 40)));
        assertTrue(PaySplit.addsUp(300_000, List.of(200_000L, 100_000L)));
        assertFalse(PaySplit.addsUp(300_000, List.of(200_000L, 90_000L)));
        assertFalse(PaySplit.addsUp(0, List.of(10L, -10L)));
    }
}
