package org.freelanceisland.platform.rest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads and writes CSV (RFC 4180) the way every import and export of the platform does: UTF-8,
 * an optional byte order mark when reading and always one when writing (so that Excel in Japan
 * opens the file as UTF-8), fields quoted with {@code "} when they contain a comma, a quote or a
 * line break, lines ending in CRLF when writing and in CRLF or LF when reading.
 *
 * <p>Exports: {@code text/csv; charset=UTF-8} ({@link #MEDIA_TYPE}) with {@link #write(List)}.
 * Imports: {@link #read(String)} (or {@link #read(byte[])} for an uploaded file, which must be
 * UTF-8) gives the rows with their line numbers; the caller checks every row and imports nothing
 * when one is invalid. A malformed file is a {@link CsvFormatException} naming the line.
 */
public final class Csv {

    /** The media type of every CSV the platform sends. */
    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    /** The byte order mark written before an export. */
    public static final String BOM = "\uFEFF";

    private Csv() {
    }

    /** A CSV file that cannot be read; the message starts with {@code line <n>:}. */
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
     * One row of a CSV file.
     *
     * @param line the line number (1-based) on which the row starts
     * @param fields the fields, unquoted
     */
    public record Row(int line, List<String> fields) {

        /** Copies the fields. */
        public Row {
            fields = List.copyOf(fields);
        }

        /**
         * A field, or the empty string when the row is shorter.
         *
         * @param index the field's index
         * @return the field's text
         */
        public String field(int index) {
            return index < fields.size() ? fields.get(index) : "";
        }

        /**
         * Whether every field of the row is blank (an empty line, or only commas).
         *
         * @return {@code true} for a blank row
         */
        public boolean isBlank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    /**
     * Reads a whole CSV text.
     *
     * @param text the text, with or without a leading byte order mark
     * @return the rows in order, blank lines included (callers usually skip them)
     * @throws CsvFormatException when a quoted field is not closed, or a quote appears inside an
     *         unquoted field, naming the line
     */
    public static List<Row> read(String text) {
        String s = text.startsWith(BOM) ? text.substring(1) : text;
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        int i = 0;
        int n = s.length();
        if (n == 0) {
            return List.of();
        }
        while (i < n) {
            char c = s.charAt(i);
            if (c == '"' && field.length() == 0) {
                int start = line;
                i++;
                boolean closed = false;
                while (i < n) {
                    char q = s.charAt(i);
                    if (q == '"') {
                        if (i + 1 < n && s.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        closed = true;
                        i++;
                        break;
                    }
                    if (q == '\n') {
                        line++;
                    }
                    field.append(q);
                    i++;
                }
                if (!closed) {
                    throw new CsvFormatException(start, "a quoted field is not closed");
                }
                if (i < n && s.charAt(i) != ',' && s.charAt(i) != '\r' && s.charAt(i) != '\n') {
                    throw new CsvFormatException(line, "text after the closing quote of a field");
                }
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                i++;
            } else if (c == '\r' || c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                rows.add(new Row(rowLine, fields));
                fields = new ArrayList<>();
                i += (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') ? 2 : 1;
                line++;
                rowLine = line;
            } else if (c == '"') {
                throw new CsvFormatException(line, "a quote inside an unquoted field");
            } else {
                field.append(c);
                i++;
            }
        }
        char last = s.charAt(n - 1);
        if (last != '\n' && last != '\r') {
            fields.add(field.toString());
            rows.add(new Row(rowLine, fields));
        }
        return Collections.unmodifiableList(rows);
    }

    /**
     * Reads an uploaded CSV file, which must be UTF-8 (with or without a byte order mark).
     *
     * @param utf8 the file's bytes
     * @return the rows in order, blank lines included
     * @throws CsvFormatException when the bytes are not UTF-8 (for example a Shift_JIS file saved
     *         by an older Excel) or the CSV is malformed
     */
    public static List<Row> read(byte[] utf8) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new CsvFormatException(1, "the file is not UTF-8; in Excel save it as \"CSV UTF-8 (comma delimited)\"");
        }
        return read(text);
    }

    /**
     * Writes rows as the bytes of a CSV file: {@link #write(List)} in UTF-8.
     *
     * @param rows the rows
     * @return the bytes, starting with the UTF-8 byte order mark
     */
    public static byte[] writeBytes(List<? extends List<?>> rows) {
        return write(rows).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Undoes the formula guard of {@link #quote(Object)} on an imported field: a leading
     * apostrophe before {@code = + - @} is removed, so that an exported file imports unchanged.
     *
     * @param field a field as read, may be {@code null}
     * @return the field without the guarding apostrophe
     */
    public static String unprotect(String field) {
        return field != null && field.length() >= 2 && field.charAt(0) == '\'' && "=+-@".indexOf(field.charAt(1)) >= 0
                ? field.substring(1) : field;
    }

    /**
     * Writes rows as CSV with a leading byte order mark and CRLF line ends.
     *
     * @param rows the rows; {@code null} fields are written empty
     * @return the CSV text
     */
    public static String write(List<? extends List<?>> rows) {
        StringBuilder out = new StringBuilder(BOM);
        for (List<?> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(quote(row.get(i)));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /**
     * One field as CSV: quoted when it contains a comma, a quote, a line break or leading or
     * trailing spaces. A field starting with {@code = + - @} (a formula in a spreadsheet) is
     * prefixed with an apostrophe, so an opened export never runs a formula someone typed in.
     *
     * @param value the value, may be {@code null}
     * @return the field's text
     */
    public static String quote(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && !(value instanceof Number) && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean needsQuotes = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || (!text.isEmpty() && (text.charAt(0) == ' ' || text.charAt(text.length() - 1) == ' '));
        return needsQuotes ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
