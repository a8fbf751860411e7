package org.freelanceisland.contest.internal.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Ticket codes: unambiguous, unguessable, normalised as visitors type them, stored only as keyed hashes. */
class TicketCodesTest {

    private final TicketCodes codes = new TicketCodes("0123456789abcdef-secret".getBytes(StandardCharsets.UTF_8));

    @Test
    void codesUseTheUnambiguousAlphabetAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String c = TicketCodes.generate();
            assertEquals(10, c.length());
            assertTrue(c.chars().allMatch(ch -> TicketCodes.ALPHABET.indexOf(ch) >= 0), c);
            assertTrue(seen.add(c));
        }
        assertTrue(TicketCodes.ALPHABET.chars().noneMatch(ch -> "01OIL".indexOf(ch) >= 0));
    }

    @Test
    void typedCodesAreNormalised() {
        assertEquals("ABCDE23456", TicketCodes.normalise("abcde-23456"));
        assertEquals("ABCDE23456", TicketCodes.normalise(" ＡＢＣＤＥ－２３４５６ "));
        assertEquals("ABCDE23456", TicketCodes.normalise("ABCDE ー 23456"));
        assertNull(TicketCodes.normalise("ABCDE-2345"));
        assertNull(TicketCodes.normalise("ABCDE-2345O"), "O is not in the alphabet");
        assertNull(TicketCodes.normalise(null));
        assertEquals("ABCDE-23456", TicketCodes.printed("ABCDE23456"));
    }

    @Test
    void theHashDependsOnTheSecretAndTheContest() {
        String h = codes.hash(1, "ABCDE23456");
        assertEquals(64, h.length());
        assertEquals(h, codes.hash(1, "ABCDE23456"));
        assertNotEquals(h, codes.hash(2, "ABCDE23456"));
        assertNotEquals(h, new TicketCodes("another secret of 16+ bytes".getBytes(StandardCharsets.UTF_8)).hash(1, "ABCDE23456"));
        assertThrows(IllegalArgumentException.class, () -> new TicketCodes(new byte[8]));
    }

    @Test
    void sheetsAreSealedForTheirBatch() {
        byte[] pdf = "%PDF-1.7 tickets".getBytes(StandardCharsets.US_ASCII);
        byte[] nonce = TicketCodes.nonce();
        byte[] sealed = codes.seal(7, nonce, pdf);
        assertArrayEquals(pdf, codes.open(7, nonce, sealed));
        assertThrows(IllegalStateException.class, () -> codes.open(8, nonce, sealed), "bound to its batch");
        assertThrows(IllegalStateException.class,
                () -> new TicketCodes("another secret of 16+ bytes".getBytes(StandardCharsets.UTF_8)).open(7, nonce, sealed));
    }
}
