package org.freelanceisland.community.internal.service;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.ProblemException;

/** Small helpers the services share: trimming, texts in two languages, times, versions. */
final class Support {

    private Support() {
    }

    /**
     * Trims a text.
     *
     * @param text the text or {@code null}
     * @return the trimmed text, or {@code null} when blank
     */
    static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /**
     * A stored UTC time as an instant.
     *
     * @param utc the time or {@code null}
     * @return the instant or {@code null}
     */
    static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    /**
     * A text in two languages that may be absent.
     *
     * @param ja Japanese or {@code null}
     * @param en English or {@code null}
     * @return the text, or {@code null} when there is no Japanese text
     */
    static LocalizedText text(String ja, String en) {
        return blank(ja) == null ? null : LocalizedText.of(ja, en);
    }

    /**
     * Checks that an optional text in two languages has its Japanese whenever it has English.
     *
     * @param field the field's name
     * @param ja Japanese or {@code null}
     * @param en English or {@code null}
     * @param errors where a problem is reported
     */
    static void japaneseFirst(String field, String ja, String en, List<FieldError> errors) {
        if (blank(ja) == null && blank(en) != null) {
            errors.add(new FieldError(field + ".ja", "is required when the English text is given"));
        }
    }

    /**
     * Refuses a stale edit.
     *
     * @param what the kind of record
     * @param id its id
     * @param given the version the client saw, or {@code null} (no check)
     * @param current the version now
     */
    static void version(String what, long id, Long given, long current) {
        if (given != null && given != current) {
            throw ProblemException.conflict("The " + what + " " + id + " was changed by someone else (version " + current
                    + ", you sent " + given + "); load it again and retry");
        }
    }
}
