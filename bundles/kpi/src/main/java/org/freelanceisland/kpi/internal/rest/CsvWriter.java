package org.freelanceisland.kpi.internal.rest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes CSV as Japanese Excel opens it: UTF-8 with a byte order mark, CRLF line ends, RFC 4180
 * quoting. Text that Excel would take for a formula ({@code =}, {@code +}, {@code -}, {@code @} at
 * the start) is prefixed with an apostrophe; numbers are written as they are.
 *
 * <p>The platform has no shared CSV writer yet ({@code org.freelanceisland.platform.rest.Csv});
 * this small one serves the KPI exports until it does.
 */
public final class CsvWriter {

    private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    private final StringBuilder text = new StringBuilder();

    /**
     * Adds a row.
     *
     * @param cells the cells: {@code null} is an empty cell, numbers are written as numbers, anything
     *        else as text
     * @return this writer
     */
    public CsvWriter row(List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(cell(cells.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    /**
     * Adds a row.
     *
     * @param cells the cells
     * @return this writer
     */
    public CsvWriter row(Object... cells) {
        return row(java.util.Arrays.asList(cells));
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number) {
            return number instanceof java.math.BigDecimal big ? big.toPlainString() : number.toString();
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                || (!s.isEmpty() && (s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' '))) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    /**
     * The CSV file.
     *
     * @return UTF-8 bytes starting with the byte order mark
     */
    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
