package org.freelanceisland.platform.api;

import java.util.Locale;
import java.util.Objects;

/**
 * A short text in Japanese and English. Japanese is the primary language of the island's staff and
 * is always present; English falls back to Japanese when it is missing.
 *
 * @param ja the Japanese text, never blank
 * @param en the English text; when {@code null} or blank the Japanese text is used
 */
public record LocalizedText(String ja, String en) {

    /** Validates and normalises the texts. */
    public LocalizedText {
        Objects.requireNonNull(ja, "ja");
        if (ja.isBlank()) {
            throw new IllegalArgumentException("Japanese text must not be blank");
        }
        en = (en == null || en.isBlank()) ? ja : en;
    }

    /**
     * Creates a text in both languages.
     *
     * @param ja Japanese
     * @param en English
     * @return the text
     */
    public static LocalizedText of(String ja, String en) {
        return new LocalizedText(ja, en);
    }

    /**
     * The text for a locale: English for any English locale, Japanese otherwise.
     *
     * @param locale the requested locale, may be {@code null} (Japanese)
     * @return the text in that language
     */
    public String get(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? en : ja;
    }
}
