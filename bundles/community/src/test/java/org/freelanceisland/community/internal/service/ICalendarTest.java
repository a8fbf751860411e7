package org.freelanceisland.community.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;

import org.freelanceisland.community.internal.model.Event;
import org.freelanceisland.community.internal.model.EventKind;
import org.freelanceisland.community.internal.model.EventStatus;
import org.freelanceisland.community.internal.model.Visibility;
import org.junit.jupiter.api.Test;

/** The iCalendar feed against RFC 5545: CRLF, folding at 75 octets, escaping, UIDs, DTSTAMP, the time zone. */
class ICalendarTest {

    private static Event event(String title, String description, String place, String url) {
        Event e = new Event(LocalDateTime.parse("2025-05-20T01:02:03"));
        e.update(new Event.Details(title, "Exchange meeting", description, null, EventKind.EXCHANGE_MEETING,
                LocalDateTime.parse("2025-06-14T19:00"), LocalDateTime.parse("2025-06-14T21:30"), place, url, 30, true,
                Visibility.PUBLIC), LocalDateTime.parse("2025-05-21T04:05:06"));
        return e;
    }

    private static String unfold(String ics) {
        return ics.replace("\r\n ", "");
    }

    @Test
    void linesEndInCrlfAndAreFoldedAt75OctetsWithoutBreakingACharacter() {
        String longTitle = "島フリーランス交流会：子育てと仕事の両立、確定申告、契約のこと、何でも話そう（奄美市名瀬・WorkStyle Lab Inno にて）";
        String ics = new ICalendar("test.example").write("フリーランスの島 イベント", false,
                List.of(event(longTitle, "説明".repeat(200), "WorkStyle Lab Inno", null)));
        assertFalse(ics.replace("\r\n", "").contains("\n"), "bare LF");
        assertFalse(ics.replace("\r\n", "").contains("\r"), "bare CR");
        assertTrue(ics.endsWith("END:VCALENDAR\r\n"));
        for (String line : ics.split("\r\n")) {
            byte[] octets = line.getBytes(StandardCharsets.UTF_8);
            assertTrue(octets.length <= 75, octets.length + " octets: " + line);
            // a fold never splits a character: every physical line is valid UTF-8 on its own
            assertEquals(line, new String(octets, StandardCharsets.UTF_8));
        }
        assertTrue(ics.contains("\r\n "), "long lines are folded");
        assertTrue(unfold(ics).contains("SUMMARY:" + longTitle.replace(",", "\\,") + "\r\n"), unfold(ics));
        assertTrue(unfold(ics).contains("DESCRIPTION:" + "説明".repeat(200) + "\r\n"));
    }

    @Test
    void textValuesEscapeBackslashSemicolonCommaAndLineBreaks() {
        assertEquals("a\\\\b\\;c\\,d\\ne\\nf", ICalendar.escape("a\\b;c,d\ne\r\nf"));
        String ics = unfold(new ICalendar("test.example").write("x", false,
                List.of(event("勉強会; 税金, 契約", "一行目\n二行目", "名瀬, 奄美市", "https://meet.example/abc?x=1,2"))));
        assertTrue(ics.contains("SUMMARY:勉強会\\; 税金\\, 契約\r\n"), ics);
        assertTrue(ics.contains("LOCATION:名瀬\\, 奄美市\r\n"), ics);
        assertTrue(ics.contains("DESCRIPTION:一行目\\n二行目\\n\\nオンライン: https://meet.example/abc?x=1\\,2\r\n"), ics);
        assertTrue(ics.contains("URL:https://meet.example/abc?x=1,2\r\n"), "URL is a URI value, not TEXT: " + ics);
    }

    @Test
    void everyEventHasAStableUidADtstampInUtcAndLocalTimesInTokyo() {
        Event e = event("交流会", null, "WorkStyle Lab Inno", null);
        String ics = unfold(new ICalendar("amami.example.jp").write("x", true, List.of(e)));
        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"), ics);
        assertTrue(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
                + "TZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\nTZNAME:JST\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"), ics);
        assertTrue(ics.contains("UID:community-event-null@amami.example.jp\r\n"), "UID from the id and the domain: " + ics);
        assertTrue(ics.contains("DTSTAMP:20250521T040506Z\r\n"), ics);
        assertTrue(ics.contains("DTSTART;TZID=Asia/Tokyo:20250614T190000\r\n"), ics);
        assertTrue(ics.contains("DTEND;TZID=Asia/Tokyo:20250614T213000\r\n"), ics);
        assertTrue(ics.contains("SUMMARY:Exchange meeting\r\n"), "English title with lang=en: " + ics);
        assertTrue(ics.contains("STATUS:CONFIRMED\r\n"));
        assertEquals(1, ics.split("BEGIN:VEVENT", -1).length - 1);
    }

    @Test
    void aCancelledEventStaysInTheFeedMarkedCancelled() {
        Event e = event("交流会", null, null, "https://meet.example/x");
        e.status(EventStatus.CANCELLED, LocalDateTime.parse("2025-06-01T00:00"));
        String ics = unfold(new ICalendar("x").write("x", false, List.of(e)));
        assertTrue(ics.contains("STATUS:CANCELLED\r\n"), ics);
        assertTrue(ics.contains("LOCATION:オンライン\r\n"), ics);
    }

    @Test
    void foldingCountsOctetsNotCharacters() {
        StringBuilder out = new StringBuilder();
        ICalendar.line(out, "X:" + "あ".repeat(30)); // 2 + 90 octets
        String[] lines = out.toString().split("\r\n");
        assertEquals(2, lines.length);
        assertEquals(2 + 3 * 24, lines[0].getBytes(StandardCharsets.UTF_8).length, "24 characters of 3 octets fit after 'X:'");
        assertEquals(" " + "あ".repeat(6), lines[1]);
        StringBuilder ascii = new StringBuilder();
        ICalendar.line(ascii, "A".repeat(75));
        assertEquals("A".repeat(75) + "\r\n", ascii.toString(), "exactly 75 octets is not folded");
    }

    @Test
    void foldingMatchesEncodingEachCharacterForEveryKindOfCharacter() {
        // 1, 2, 3 and 4 octets, a lone surrogate (encoded as '?'), at every offset around the limit
        String[] pieces = { "a", "é", "あ", "𠮷", "😀", "\uD800", "\uDC00", " ", ";" };
        java.util.Random random = new java.util.Random(5545);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder content = new StringBuilder("X:");
            int length = random.nextInt(120);
            for (int k = 0; k < length; k++) {
                content.append(pieces[random.nextInt(pieces.length)]);
            }
            StringBuilder out = new StringBuilder();
            ICalendar.line(out, content.toString());
            assertEquals(reference(content.toString()), out.toString(), content.toString());
            for (String line : out.toString().split("\r\n")) {
                assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
            }
        }
    }

    /** Folding as it was first written: each code point encoded to measure it. */
    private static String reference(String content) {
        StringBuilder out = new StringBuilder();
        int octets = 0;
        for (int i = 0; i < content.length();) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        return out.append("\r\n").toString();
    }
}
