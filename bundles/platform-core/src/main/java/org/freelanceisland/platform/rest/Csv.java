package org.freelanceisland.platform.rest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads and writes CSV the way staff exchange it with Excel in Japan: RFC 4180 (fields separated
 * by commas, records by CRLF, fields with commas, quotes or line breaks in double quotes, a quote
 * written twice inside them), UTF-8 with a byte order mark. Every module's imports and exports use
 * it, so that they all behave the same.
 *
 * <p>Reading is lenient where Excel and other tools differ (a BOM is optional, records may end with
 * LF or CR alone, the last record may lack its line break) and strict where data would be lost (a
 * quote left open, text after a closing quote, bytes that are not UTF-8 are errors with the line
 * where they occur).
 */
public final class Csv {

    /** The media type of the platform's CSV files. */
    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    /** The byte order mark that makes Excel read the file as UTF-8. */
    public static final char BOM = '\uFEFF';

    private Csv() {
    }

    /** A CSV file that cannot be read; the message names the line. */
    public static final class CsvFormatException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        private final int line;

        /**
         * Creates the exception.
         *
         * @param line the line (1-based) where the problem is
         * @param message what is wrong
         */
        public CsvFormatException(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        /**
         * The line where the problem is.
         *
         * @return the 1-based line number
         */
        public int line() {
            return line;
        }
    }

    /**
     * Decodes bytes as UTF-8 (with or without a BOM) and reads the records.
     *
     * @param utf8 the file's bytes
     * @return the records, each a list of fields
     * @throws CsvFormatException if the bytes are not UTF-8 or the CSV is malformed
     */
    public static List<List<String>> parse(byte[] utf8) {
        return parse(decode(utf8));
    }

    /**
     * Decodes bytes as UTF-8 (with or without a BOM) and reads the records with the line each
     * starts on, so that errors can name the row as a spreadsheet shows it.
     *
     * @param utf8 the file's bytes
     * @return the records
     * @throws CsvFormatException if the bytes are not UTF-8 or the CSV is malformed
     */
    public static List<Record> read(byte[] utf8) {
        return read(decode(utf8));
    }

    /**
     * A record and the line of the file it starts on.
     *
     * @param line the 1-based line number
     * @param fields the fields
     */
    public record Record(int line, List<String> fields) {
        /** Copies the fields. */
        public Record {
            fields = List.copyOf(fields);
        }
    }

    private static String decode(byte[] utf8) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new CsvFormatException(1, "the file is not UTF-8; in Excel save it as \"CSV UTF-8 (comma delimited)\"");
        }
        return text;
    }

    /**
     * Reads the records of a CSV text. A leading BOM is ignored; blank lines between records are
     * skipped.
     *
     * @param text the CSV text
     * @return the records, each a list of fields
     * @throws CsvFormatException if a quoted field is not closed or text follows a closing quote
     */
    public static List<List<String>> parse(String text) {
        return read(text).stream().map(Record::fields).toList();
    }

    /**
     * Reads the records of a CSV text with the line each starts on. A leading BOM is ignored;
     * blank lines between records are skipped (and counted).
     *
     * @param text the CSV text
     * @return the records
     * @throws CsvFormatException if a quoted field is not closed or text follows a closing quote
     */
    public static List<Record> read(String text) {
        List<Record> records = new ArrayList<>();
        int recordLine = 1;
        int length = text.length();
        int i = !text.isEmpty() && text.charAt(0) == BOM ? 1 : 0;
        int line = 1;
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false; // the current field was quoted
        boolean started = false; // the current record has begun
        while (i < length) {
            char c = text.charAt(i);
            if (c == '"' && field.length() == 0 && !quoted) {
                int openedAt = line;
                i++;
                while (true) {
                    if (i >= length) {
                        throw new CsvFormatException(openedAt, "a quoted field is not closed");
                    }
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < length && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (q == '\n' || (q == '\r' && (i + 1 >= length || text.charAt(i + 1) != '\n'))) {
                        line++;
                    }
                    field.append(q);
                    i++;
                }
                quoted = true;
                started = true;
                if (i < length && text.charAt(i) != ',' && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
                    throw new CsvFormatException(line, "unexpected text after a closing quote");
                }
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                quoted = false;
                started = true;
                i++;
            } else if (c == '\r' || c == '\n') {
                i += c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n' ? 2 : 1;
                line++;
                if (started || field.length() > 0) {
                    record.add(field.toString());
                    records.add(new Record(recordLine, record));
                }
                recordLine = line;
                record = new ArrayList<>();
                field.setLength(0);
                quoted = false;
                started = false;
            } else if (c == '"') {
                throw new CsvFormatException(line,
                        "a quote inside an unquoted field (put the field in quotes and double the quote)");
            } else {
                field.append(c);
                started = true;
                i++;
            }
        }
        if (started || field.length() > 0) {
            record.add(field.toString());
            records.add(new Record(recordLine, record));
        }
        return Collections.unmodifiableList(records);
    }

    /**
     * Writes records as CSV text: a BOM, fields quoted when they hold a comma, a quote, a line
     * break or start or end with a space, and CRLF after every record.
     *
     * @param records the records
     * @return the text; encode it as UTF-8
     */
    public static String write(List<? extends List<String>> records) {
        StringBuilder out = new StringBuilder().append(BOM);
        for (List<String> record : records) {
            appendRecord(out, record);
        }
        return out.toString();
    }

    /**
     * Writes records as the bytes of a CSV file: {@link #write(List)} encoded as UTF-8.
     *
     * @param records the records
     * @return the bytes
     */
    public static byte[] writeBytes(List<? extends List<String>> records) {
        return write(records).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Appends one record and its CRLF.
     *
     * @param out where to write
     * @param record the fields; {@code null} fields are written empty
     */
    public static void appendRecord(StringBuilder out, List<String> record) {
        if (record.size() == 1 && (record.get(0) == null || record.get(0).isEmpty())) {
            out.append("\"\"\r\n"); // an empty line would be read as no record at all
            return;
        }
        for (int f = 0; f < record.size(); f++) {
            if (f > 0) {
                out.append(',');
            }
            out.append(quote(record.get(f)));
        }
        out.append("\r\n");
    }

    /**
     * One field as it is written: in quotes when it needs them.
     *
     * @param value the field, may be {@code null} (written empty)
     * @return the field's CSV text
     */
    public static String quote(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        boolean needsQuotes = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0 || value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ';
        return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /**
     * Protects a text field from being run as a formula when the file is opened in a spreadsheet
     * ("CSV injection"): a value starting with {@code = + - @}, a tab or a carriage return gets a
     * leading apostrophe. {@link #unprotect(String)} removes it again on import.
     *
     * @param value the text, may be {@code null}
     * @return the text safe to open in a spreadsheet
     */
    public static String protect(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    /**
     * Undoes {@link #protect(String)}.
     *
     * @param value a field as read, may be {@code null}
     * @return the text without the protecting apostrophe
     */
    public static String unprotect(String value) {
        if (value != null && value.length() >= 2 && value.charAt(0) == '\'') {
            char second = value.charAt(1);
            if (second == '=' || second == '+' || second == '-' || second == '@' || second == '\t' || second == '\r') {
                return value.substring(1);
            }
        }
        return value;
    }
}
