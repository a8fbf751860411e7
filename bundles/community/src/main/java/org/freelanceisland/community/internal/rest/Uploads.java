package org.freelanceisland.community.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.freelanceisland.platform.rest.ProblemException;

/**
 * Reads an uploaded file from a request body (the same reading as the people registry's uploads):
 * the body itself ({@code image/jpeg}, {@code application/octet-stream}, ...)
 * or the first file part of a {@code multipart/form-data} body
 * (as a browser form or the console's upload sends it).
 */
final class Uploads {

    private Uploads() {
    }

    static byte[] file(String contentType, InputStream body) {
        byte[] bytes;
        try {
            bytes = body.readAllBytes();
        } catch (IOException e) {
            throw ProblemException.invalid("body", "the upload could not be read");
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("multipart/form-data") ? firstPart(contentType, bytes) : bytes;
    }

    private static byte[] firstPart(String contentType, byte[] body) {
        String boundary = null;
        for (String param : contentType.split(";")) {
            String p = param.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                boundary = p.substring("boundary=".length()).replace("\"", "");
            }
        }
        if (boundary == null || boundary.isEmpty()) {
            throw ProblemException.invalid("body", "multipart body without a boundary");
        }
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        int start = indexOf(body, delimiter, 0);
        while (start >= 0) {
            int headersStart = start + delimiter.length;
            if (headersStart + 1 < body.length && body[headersStart] == '-' && body[headersStart + 1] == '-') {
                break; // closing delimiter
            }
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
            if (headersEnd < 0) {
                break;
            }
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8)
                    .toLowerCase(Locale.ROOT);
            int contentStart = headersEnd + 4;
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1), contentStart);
            if (next < 0) {
                break;
            }
            if (headers.contains("filename=") || headers.contains("name=\"file\"")) {
                byte[] part = new byte[next - contentStart];
                System.arraycopy(body, contentStart, part, 0, part.length);
                return part;
            }
            start = next + 2;
        }
        throw ProblemException.invalid("file", "the form holds no file");
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
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
