package org.freelanceisland.contest.internal.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One-time audience ticket codes: ten characters from an alphabet without look-alikes
 * ({@value #ALPHABET}: no 0/O, 1/I/L), about 49.5 bits drawn from {@link SecureRandom}, printed
 * as {@code ABCDE-FGHJK}. The database keeps only HMAC-SHA256 of the code under a secret key (the
 * "pepper", configured outside the database), so a copy of the database alone yields no usable
 * code. The same secret encrypts a batch's printable sheet while it waits to be downloaded.
 */
public final class TicketCodes {

    /** The characters of a code. */
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    /** The characters in a code. */
    public static final int LENGTH = 10;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;

    /**
     * Creates the codec.
     *
     * @param secret the secret key (at least 16 bytes)
     */
    public TicketCodes(byte[] secret) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("the ticket secret must have at least 16 bytes");
        }
        this.secret = secret.clone();
    }

    /**
     * A new random code.
     *
     * @return the code, normalised (no hyphen)
     */
    public static String generate() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /**
     * A code as printed: {@code ABCDE-FGHJK}.
     *
     * @param code the normalised code
     * @return the printed form
     */
    public static String printed(String code) {
        return code.substring(0, LENGTH / 2) + "-" + code.substring(LENGTH / 2);
    }

    /**
     * A code as typed by a visitor, normalised: full-width characters made half-width, letters
     * upper case, spaces and hyphens removed.
     *
     * @param typed what was typed
     * @return the code, or {@code null} when it cannot be a code (wrong length or characters)
     */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String s = Normalizer.normalize(typed, Normalizer.Form.NFKC).toUpperCase(java.util.Locale.ROOT)
                .replaceAll("[\\s\\-\\u2010-\\u2015\\u30FC]", "");
        if (s.length() != LENGTH) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                return null;
            }
        }
        return s;
    }

    /**
     * The keyed hash stored for a code of a contest.
     *
     * @param contestId the contest
     * @param code the normalised code
     * @return 64 lowercase hex digits
     */
    public String hash(long contestId, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(("contest:" + contestId + ":" + code).getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /**
     * Encrypts a printable sheet for its short stay in the database (AES-256-GCM, key derived from
     * the secret).
     *
     * @param batchId the batch (bound into the ciphertext)
     * @param nonce 12 random bytes
     * @param pdf the sheet
     * @return the ciphertext
     */
    public byte[] seal(long batchId, byte[] nonce, byte[] pdf) {
        return crypt(Cipher.ENCRYPT_MODE, batchId, nonce, pdf);
    }

    /**
     * Decrypts a sheet.
     *
     * @param batchId the batch
     * @param nonce the nonce used
     * @param data the ciphertext
     * @return the sheet
     * @throws IllegalStateException when the secret changed since the sheet was made
     */
    public byte[] open(long batchId, byte[] nonce, byte[] data) {
        return crypt(Cipher.DECRYPT_MODE, batchId, nonce, data);
    }

    /**
     * A new nonce.
     *
     * @return 12 random bytes
     */
    public static byte[] nonce() {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    private byte[] crypt(int mode, long batchId, byte[] nonce, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] key = mac.doFinal("contest:ticket-sheet-key".getBytes(StandardCharsets.US_ASCII));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(("batch:" + batchId).getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The ticket sheet cannot be " + (mode == Cipher.ENCRYPT_MODE ? "sealed" : "opened")
                    + " (was the ticket secret changed?)", e);
        }
    }
}
