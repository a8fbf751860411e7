package org.freelanceisland.platform.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads uploads: a {@code multipart/form-data} body (RFC 7578) held in memory, every part with its
 * field name, file name and bytes ({@link #parse(String, byte[])}); or one uploaded file, sent as the
 * body itself or as the file part of a form ({@link #file(String, InputStream)}). Malformed bodies
 * are 400 problems naming the field, never exceptions. Bodies are limited in size by
 * {@link MaxRequestBytes} before they get here.
 *
 * @since 1.4
 */
public final class Multipart {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=(?:\"([^\"]+)\"|([^;\\s]+))", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("(?<![a-z*])name=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    /**
     * One part.
     *
     * @param name the form field
     * @param fileName the file name, or {@code null} for a plain field
     * @param contentType the declared type, or {@code null}
     * @param bytes the content
     */
    public record Part(String name, String fileName, String contentType, byte[] bytes) {

        /**
         * The content as text.
         *
         * @return the UTF-8 text
         */
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private Multipart() {
    }

    /**
     * Splits a body into its parts.
     *
     * @param contentType the request's content type, with the boundary
     * @param body the body
     * @return the parts in order
     * @throws ProblemException 400 for a malformed body
     */
    public static List<Part> parse(String contentType, byte[] body) {
        Matcher m = contentType == null ? null : BOUNDARY.matcher(contentType);
        if (m == null || !m.find()) {
            throw ProblemException.invalid("body", "multipart/form-data without a boundary");
        }
        byte[] delimiter = ("--" + (m.group(1) != null ? m.group(1) : m.group(2))).getBytes(StandardCharsets.ISO_8859_1);
        List<Part> parts = new ArrayList<>();
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw ProblemException.invalid("body", "multipart body without its boundary");
        }
        while (true) {
            int start = at + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                return parts; // closing delimiter
            }
            start = skipLineEnd(body, start);
            int next = indexOf(body, delimiter, start);
            if (next < 0) {
                throw ProblemException.invalid("body", "multipart body ends without its closing boundary");
            }
            int end = next;
            if (end >= 2 && body[end - 2] == '\r' && body[end - 1] == '\n') {
                end -= 2;
            } else if (end >= 1 && body[end - 1] == '\n') {
                end -= 1;
            }
            parts.add(part(Arrays.copyOfRange(body, start, Math.max(start, end))));
            at = next;
        }
    }

    /**
     * One uploaded file: the body itself ({@code text/csv}, {@code image/jpeg},
     * {@code application/octet-stream}, ...), or the first file part of a {@code multipart/form-data}
     * body (as a browser form or the console's upload sends it): the first part with a file name,
     * else the part named {@code file}.
     *
     * @param contentType the request's content type
     * @param body the body
     * @return the file's bytes
     * @throws ProblemException 400 when the body cannot be read, is malformed, or its form holds no file
     */
    public static byte[] file(String contentType, InputStream body) {
        byte[] bytes;
        try {
            bytes = body.readAllBytes();
        } catch (IOException e) {
            throw ProblemException.invalid("body", "the upload could not be read");
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (!type.startsWith("multipart/form-data")) {
            return bytes;
        }
        List<Part> parts = parse(contentType, bytes);
        return parts.stream().filter(p -> p.fileName() != null).findFirst()
                .or(() -> parts.stream().filter(p -> p.name().equals("file")).findFirst())
                .map(Part::bytes)
                .orElseThrow(() -> ProblemException.invalid("file", "the form holds no file"));
    }

    private static Part part(byte[] raw) {
        int split = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        int skip = 4;
        if (split < 0) {
            split = indexOf(raw, "\n\n".getBytes(StandardCharsets.ISO_8859_1), 0);
            skip = 2;
        }
        if (split < 0) {
            throw ProblemException.invalid("body", "a multipart part without headers");
        }
        String headers = new String(raw, 0, split, StandardCharsets.UTF_8);
        String name = null;
        String fileName = null;
        String type = null;
        for (String line : headers.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String header = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (header.equals("content-disposition")) {
                Matcher n = NAME.matcher(value);
                name = n.find() ? n.group(1) : null;
                Matcher f = FILE_NAME.matcher(value);
                fileName = f.find() ? f.group(1) : null;
            } else if (header.equals("content-type")) {
                type = value;
            }
        }
        if (name == null) {
            throw ProblemException.invalid("body", "a multipart part without a field name");
        }
        return new Part(name, fileName, type, Arrays.copyOfRange(raw, split + skip, raw.length));
    }

    private static int skipLineEnd(byte[] b, int i) {
        if (i < b.length && b[i] == '\r') {
            i++;
        }
        if (i < b.length && b[i] == '\n') {
            i++;
        }
        return i;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
