package org.freelanceisland.people.internal.index;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * A growable set of slot numbers (people's places in the index) as a bitset: one bit per person, so
 * 100,000 people take 12.5 KB and "who has this skill and consents to job offers" is a loop of
 * {@code AND}s over 1,563 words instead of a hash lookup per boxed id.
 *
 * <p>One writer at a time (the index's writes are serialised), any number of readers. Words are
 * written and read with opaque access, so a reader never sees a torn word; a reader may see a bit
 * of a concurrent write or not (the index checks every hit against the person's entry). When the
 * set grows, the larger copy is published through a volatile field, so a reader sees either the
 * old words or all of the copied ones.
 */
final class SlotBits {

    private static final VarHandle WORD = MethodHandles.arrayElementVarHandle(long[].class);

    private volatile long[] words;

    /**
     * An empty set.
     *
     * @param capacity the number of slots expected
     */
    SlotBits(int capacity) {
        words = new long[Math.max(1, wordsFor(capacity))];
    }

    /**
     * The number of words needed for a number of slots.
     *
     * @param slots the number of slots
     * @return the number of 64-bit words
     */
    static int wordsFor(int slots) {
        return (slots + 63) >>> 6;
    }

    /**
     * Adds a slot (writer only).
     *
     * @param slot the slot, 0 or more
     */
    void set(int slot) {
        int w = slot >>> 6;
        long[] a = words;
        if (w >= a.length) {
            a = Arrays.copyOf(a, Math.max(w + 1, a.length * 2));
            words = a;
        }
        WORD.setOpaque(a, w, (long) WORD.getOpaque(a, w) | 1L << slot);
    }

    /**
     * Removes a slot (writer only).
     *
     * @param slot the slot
     */
    void clear(int slot) {
        int w = slot >>> 6;
        long[] a = words;
        if (w < a.length) {
            WORD.setOpaque(a, w, (long) WORD.getOpaque(a, w) & ~(1L << slot));
        }
    }

    /**
     * Whether a slot is in the set.
     *
     * @param slot the slot
     * @return {@code true} if so
     */
    boolean get(int slot) {
        int w = slot >>> 6;
        long[] a = words;
        return w < a.length && ((long) WORD.getOpaque(a, w) & 1L << slot) != 0;
    }

    /**
     * The number of slots in the set.
     *
     * @return the count
     */
    int cardinality() {
        long[] a = words;
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            n += Long.bitCount((long) WORD.getOpaque(a, i));
        }
        return n;
    }

    /**
     * A copy of the words, {@code length} long (zeros past the set's end).
     *
     * @param length the number of words wanted
     * @return the copy
     */
    long[] copy(int length) {
        long[] a = words;
        long[] out = new long[length];
        for (int i = 0, n = Math.min(length, a.length); i < n; i++) {
            out[i] = (long) WORD.getOpaque(a, i);
        }
        return out;
    }

    /**
     * Keeps in {@code acc} only the slots that are also in this set.
     *
     * @param acc words to narrow
     */
    void andInto(long[] acc) {
        long[] a = words;
        int n = Math.min(acc.length, a.length);
        for (int i = 0; i < n; i++) {
            acc[i] &= (long) WORD.getOpaque(a, i);
        }
        for (int i = n; i < acc.length; i++) {
            acc[i] = 0;
        }
    }

    /**
     * Adds this set's slots to {@code acc}.
     *
     * @param acc words to widen
     */
    void orInto(long[] acc) {
        long[] a = words;
        int n = Math.min(acc.length, a.length);
        for (int i = 0; i < n; i++) {
            acc[i] |= (long) WORD.getOpaque(a, i);
        }
    }

    /** Receives slots. */
    @FunctionalInterface
    interface SlotConsumer {
        /**
         * One slot.
         *
         * @param slot the slot
         */
        void accept(int slot);
    }

    /**
     * Every slot set in some words, in increasing order.
     *
     * @param words the words
     * @param action what to do with each slot
     */
    static void forEach(long[] words, SlotConsumer action) {
        for (int w = 0; w < words.length; w++) {
            long x = words[w];
            while (x != 0) {
                action.accept(w << 6 | Long.numberOfTrailingZeros(x));
                x &= x - 1;
            }
        }
    }
}
