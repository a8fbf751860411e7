package org.freelanceisland.people.internal.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SlotBitsTest {

    @Test
    void setsClearsAndGrowsPastItsCapacity() {
        SlotBits bits = new SlotBits(1);
        bits.set(0);
        bits.set(63);
        bits.set(64);
        bits.set(1_000);
        assertTrue(bits.get(0) && bits.get(63) && bits.get(64) && bits.get(1_000));
        assertFalse(bits.get(1) || bits.get(65) || bits.get(999) || bits.get(100_000));
        assertEquals(4, bits.cardinality());
        bits.clear(63);
        bits.clear(5_000); // past the end: nothing to clear
        assertFalse(bits.get(63));
        assertEquals(3, bits.cardinality());
    }

    @Test
    void andOrAndIterationAgreeWithJavaUtilBitSet() {
        Random r = new Random(13);
        int n = 10_000;
        SlotBits a = new SlotBits(16);
        SlotBits b = new SlotBits(n);
        BitSet ea = new BitSet();
        BitSet eb = new BitSet();
        for (int i = 0; i < 4_000; i++) {
            int x = r.nextInt(n);
            int y = r.nextInt(n / 2); // b is shorter than a: its missing words are zeros
            a.set(x);
            ea.set(x);
            b.set(y);
            eb.set(y);
            if (i % 3 == 0) {
                int z = r.nextInt(n);
                a.clear(z);
                ea.clear(z);
            }
        }
        int words = SlotBits.wordsFor(n);
        long[] and = a.copy(words);
        b.andInto(and);
        BitSet expectedAnd = (BitSet) ea.clone();
        expectedAnd.and(eb);
        assertArrayEquals(expectedAnd.stream().toArray(), slots(and));

        long[] or = new long[words];
        a.orInto(or);
        b.orInto(or);
        BitSet expectedOr = (BitSet) ea.clone();
        expectedOr.or(eb);
        assertArrayEquals(expectedOr.stream().toArray(), slots(or));
        assertEquals(ea.cardinality(), a.cardinality());
    }

    private static int[] slots(long[] words) {
        List<Integer> out = new ArrayList<>();
        SlotBits.forEach(words, out::add);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
