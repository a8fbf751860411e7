package org.freelanceisland.community.internal.service;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.freelanceisland.community.internal.model.Event;
import org.freelanceisland.community.internal.model.EventStatus;

/**
 * Writes the public calendar feed in iCalendar (RFC 5545): lines end in CRLF and are folded at 75
 * octets (never inside a UTF-8 character), text values escape backslash, semicolon, comma and line
 * breaks, every event has a stable UID, a DTSTAMP in UTC and a SEQUENCE that grows with each change,
 * and local times name the {@code Asia/Tokyo} zone defined in a VTIMEZONE (Japan has kept +09:00
 * without daylight saving time since 1951). Cancelled events stay in the feed with
 * {@code STATUS:CANCELLED}, so subscribed calendars update.
 */
public final class ICalendar {

    /** The media type of the feed. */
    public static final String MEDIA_TYPE = "text/calendar; charset=UTF-8";
    /** The time zone of the island, as named in the feed. */
    public static final String TZID = "Asia/Tokyo";

    private static final int MAX_OCTETS = 75;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss", Locale.ROOT);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

    private final String uidDomain;

    /**
     * Creates the writer.
     *
     * @param uidDomain the domain that makes event UIDs globally unique, for example {@code amami.example.jp}
     */
    public ICalendar(String uidDomain) {
        this.uidDomain = uidDomain;
    }

    /**
     * Writes a calendar.
     *
     * @param name the calendar's name
     * @param english whether to write the English texts
     * @param events the events
     * @return the calendar, CRLF lines, folded
     */
    public String write(String name, boolean english, List<Event> events) {
        // about 420 characters an event: sized once instead of grown (and copied) a dozen times
        StringBuilder out = new StringBuilder(1024 + 512 * events.size());
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Freelance Island//Community//" + (english ? "EN" : "JA"));
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + escape(name));
        line(out, "X-WR-TIMEZONE:" + TZID);
        line(out, "REFRESH-INTERVAL;VALUE=DURATION:PT1H");
        line(out, "X-PUBLISHED-TTL:PT1H");
        line(out, "BEGIN:VTIMEZONE");
        line(out, "TZID:" + TZID);
        line(out, "BEGIN:STANDARD");
        line(out, "DTSTART:19700101T000000");
        line(out, "TZOFFSETFROM:+0900");
        line(out, "TZOFFSETTO:+0900");
        line(out, "TZNAME:JST");
        line(out, "END:STANDARD");
        line(out, "END:VTIMEZONE");
        for (Event e : events) {
            event(out, english, e);
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private void event(StringBuilder out, boolean english, Event e) {
        String title = english && e.titleEn() != null ? e.titleEn() : e.titleJa();
        String description = english && e.descriptionEn() != null ? e.descriptionEn() : e.descriptionJa();
        String kind = english ? e.kind().label().en() : e.kind().label().ja();
        line(out, "BEGIN:VEVENT");
        line(out, "UID:community-event-" + e.id() + "@" + uidDomain);
        line(out, "DTSTAMP:" + utc(e.updatedAt()));
        line(out, "LAST-MODIFIED:" + utc(e.updatedAt()));
        line(out, "CREATED:" + utc(e.createdAt()));
        line(out, "SEQUENCE:" + e.version());
        line(out, "DTSTART;TZID=" + TZID + ":" + LOCAL.format(e.startsAt()));
        line(out, "DTEND;TZID=" + TZID + ":" + LOCAL.format(e.endsAt()));
        line(out, "SUMMARY:" + escape(title));
        StringBuilder text = new StringBuilder();
        if (description != null) {
            text.append(description);
        }
        if (e.onlineUrl() != null) {
            text.append(text.length() > 0 ? "\n\n" : "").append(english ? "Online: " : "オンライン: ").append(e.onlineUrl());
        }
        if (text.length() > 0) {
            line(out, "DESCRIPTION:" + escape(text.toString()));
        }
        if (e.place() != null) {
            line(out, "LOCATION:" + escape(e.place()));
        } else if (e.onlineUrl() != null) {
            line(out, "LOCATION:" + escape(english ? "Online" : "オンライン"));
        }
        if (e.onlineUrl() != null) {
            line(out, "URL:" + e.onlineUrl().replaceAll("[\\r\\n]", ""));
        }
        line(out, "CATEGORIES:" + escape(kind));
        line(out, "STATUS:" + (e.status() == EventStatus.CANCELLED ? "CANCELLED" : "CONFIRMED"));
        line(out, "TRANSP:OPAQUE");
        line(out, "CLASS:PUBLIC");
        line(out, "END:VEVENT");
    }

    private static String utc(LocalDateTime utc) {
        return UTC.format(utc.atOffset(ZoneOffset.UTC));
    }

    /**
     * A time in UTC as iCalendar writes it.
     *
     * @param instant the instant
     * @return for example {@code 20250614T100000Z}
     */
    public static String utc(Instant instant) {
        return UTC.format(instant.atOffset(ZoneOffset.UTC));
    }

    /**
     * Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma get a backslash, line
     * breaks become {@code \n}, other control characters are dropped.
     *
     * @param text the text
     * @return the escaped text
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ';' -> out.append("\\;");
                case ',' -> out.append("\\,");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c >= 0x20 && c != 0x7F || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * Appends a content line, folded so that no line is longer than 75 octets of UTF-8 (RFC 5545
     * 3.1): a fold is CRLF followed by one space, and never splits a character (or a surrogate pair).
     *
     * @param out where to write
     * @param content the unfolded line
     */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int n = content.length();
        int segment = 0; // where the text not yet appended starts
        for (int i = 0; i < n;) {
            char c = content.charAt(i);
            int chars = 1;
            int size;
            if (c < 0x80) {
                size = 1;
            } else if (c < 0x800) {
                size = 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(content.charAt(i + 1))) {
                size = 4; // a supplementary character: one code point, two chars
                chars = 2;
            } else if (Character.isSurrogate(c)) {
                size = 1; // a lone surrogate, which UTF-8 encoding writes as '?'
            } else {
                size = 3;
            }
            // the octets of UTF-8 are counted from the char values (encoding each character into a
            // new byte array to measure it was most of the cost of writing a feed), and the text is
            // appended a folded piece at a time
            if (octets + size > MAX_OCTETS) {
                out.append(content, segment, i).append("\r\n ");
                segment = i;
                octets = 1;
            }
            octets += size;
            i += chars;
        }
        out.append(content, segment, n).append("\r\n");
    }
}
