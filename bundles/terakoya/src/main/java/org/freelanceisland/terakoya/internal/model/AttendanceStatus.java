package org.freelanceisland.terakoya.internal.model;

import java.util.Locale;
import java.util.Map;

/** A participant's attendance at one session. */
public enum AttendanceStatus {
    /** Attended. */
    PRESENT(true),
    /** Attended, arriving late: counts as attended. */
    LATE(true),
    /** Did not attend. */
    ABSENT(false),
    /** Did not attend, with a reason accepted by staff: does not count as attended. */
    EXCUSED(false);

    private static final Map<String, AttendanceStatus> WORDS = Map.ofEntries(
            Map.entry("出席", PRESENT), Map.entry("出", PRESENT), Map.entry("○", PRESENT), Map.entry("〇", PRESENT),
            Map.entry("遅刻", LATE), Map.entry("遅", LATE), Map.entry("△", LATE),
            Map.entry("欠席", ABSENT), Map.entry("欠", ABSENT), Map.entry("×", ABSENT),
            Map.entry("公欠", EXCUSED), Map.entry("届出欠席", EXCUSED), Map.entry("届", EXCUSED));

    private final boolean attended;

    AttendanceStatus(boolean attended) {
        this.attended = attended;
    }

    /**
     * Whether the status counts as attending the session.
     *
     * @return {@code true} for present and late
     */
    public boolean attended() {
        return attended;
    }

    /**
     * Reads a status as staff type it on a paper roll or in a spreadsheet: the code
     * ({@code PRESENT}, {@code late}, ...), its first letter ({@code P L A E}) or the Japanese word
     * or mark (出席 ○, 遅刻 △, 欠席 ×, 公欠).
     *
     * @param text the text
     * @return the status, or {@code null} when the text is none of these
     */
    public static AttendanceStatus parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        AttendanceStatus word = WORDS.get(t);
        if (word != null) {
            return word;
        }
        String upper = t.toUpperCase(Locale.ROOT);
        for (AttendanceStatus s : values()) {
            if (s.name().equals(upper) || s.name().substring(0, 1).equals(upper)) {
                return s;
            }
        }
        return null;
    }
}
