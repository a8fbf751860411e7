package org.freelanceisland.people.internal.model;

import java.text.Normalizer;
import java.util.Locale;

/** Normalising Japanese text for storage and for matching. */
public final class Text {

    private Text() {
    }

    /**
     * The form used to match names, kana, districts and tags: NFKC (half-width kana become
     * full-width, full-width letters and digits half-width), hiragana turned into katakana,
     * lowercase, and without spaces, so that {@code やまだ}, {@code ﾔﾏﾀﾞ} and {@code ヤマダ} match.
     *
     * @param text any text, may be {@code null}
     * @return the key, empty for {@code null}
     */
    public static String key(String text) {
        if (text == null) {
            return "";
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        nfkc.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || cp == '・') {
                return;
            }
            if (cp >= 0x3041 && cp <= 0x3096) {
                out.appendCodePoint(cp + 0x60);
            } else {
                out.appendCodePoint(Character.toLowerCase(cp));
            }
        });
        return out.toString();
    }

    /**
     * Kana as stored: NFKC (full-width katakana from half-width), hiragana turned into katakana,
     * spaces collapsed.
     *
     * @param kana the reading as entered
     * @return the reading in full-width katakana
     */
    public static String katakana(String kana) {
        String nfkc = Normalizer.normalize(kana, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
        StringBuilder out = new StringBuilder(nfkc.length());
        nfkc.codePoints().forEach(cp -> out.appendCodePoint(cp >= 0x3041 && cp <= 0x3096 ? cp + 0x60 : cp));
        return out.toString();
    }

    /**
     * Trims a text and turns blank into {@code null}.
     *
     * @param text the text
     * @return the trimmed text or {@code null}
     */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /**
     * Whether a text holds control characters (line breaks included).
     *
     * @param text the text
     * @return {@code true} if it does
     */
    public static boolean hasControl(String text) {
        return text != null && text.codePoints().anyMatch(Character::isISOControl);
    }

    /**
     * A skill as it is stored and matched: a curated code as is (its Japanese or English label
     * also gives the code), a free tag NFKC-normalised with its spaces collapsed.
     *
     * @param skill the skill as entered
     * @return the stored form
     */
    public static String skill(String skill) {
        String trimmed = Normalizer.normalize(skill, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (org.freelanceisland.platform.api.people.SkillVocabulary.isCurated(lower)) {
            return lower;
        }
        for (var entry : org.freelanceisland.platform.api.people.SkillVocabulary.SKILLS.entrySet()) {
            if (entry.getValue().ja().equals(trimmed) || entry.getValue().en().equalsIgnoreCase(trimmed)) {
                return entry.getKey();
            }
        }
        return trimmed;
    }
}
