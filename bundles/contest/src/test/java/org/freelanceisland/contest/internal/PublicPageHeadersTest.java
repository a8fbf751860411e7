package org.freelanceisland.contest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class PublicPageHeadersTest {

    @Test
    void thePublicPagesCannotBeFramedSniffedOrLeakTheTicketCode() {
        Map<String, String> headers = PublicPageHeaders.headers(false);
        assertEquals("nosniff", headers.get("X-Content-Type-Options"));
        assertEquals("DENY", headers.get("X-Frame-Options"));
        assertEquals("no-referrer", headers.get("Referrer-Policy"), "the ballot's address holds the ticket code");
        assertTrue(headers.get("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertTrue(headers.get("Content-Security-Policy").contains("script-src 'self'"));
        assertFalse(headers.containsKey("Strict-Transport-Security"), "HSTS means nothing over plain HTTP");
        assertEquals("max-age=31536000; includeSubDomains", PublicPageHeaders.headers(true).get("Strict-Transport-Security"));
    }

    @Test
    void thePagesNeedNothingThePolicyForbids() throws IOException {
        Pattern inline = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>|<style|\\sstyle=|\\son[a-z]+=|https?://", Pattern.CASE_INSENSITIVE);
        for (String page : List.of("vote.html", "results.html")) {
            String html = Files.readString(Path.of("src/main/resources/public", page), StandardCharsets.UTF_8);
            assertFalse(inline.matcher(html).find(), page + " has an inline script or style, or loads from elsewhere");
        }
    }
}
