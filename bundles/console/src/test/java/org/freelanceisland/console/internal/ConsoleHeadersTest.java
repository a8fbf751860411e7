package org.freelanceisland.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ConsoleHeadersTest {

    @Test
    void everyConsoleFileIsProtected() {
        Map<String, String> headers = ConsoleHeaders.headers(false, "/console/js/shell.js");
        assertEquals("nosniff", headers.get("X-Content-Type-Options"));
        assertEquals("DENY", headers.get("X-Frame-Options"));
        assertTrue(headers.get("Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertTrue(headers.get("Content-Security-Policy").contains("script-src 'self'"));
        assertFalse(headers.get("Content-Security-Policy").contains("unsafe-inline"));
        assertEquals("same-origin", headers.get("Cross-Origin-Resource-Policy"));
        assertEquals("no-cache", headers.get("Cache-Control"));
        assertFalse(headers.containsKey("Strict-Transport-Security"), "HSTS means nothing over plain HTTP");
    }

    @Test
    void overHttpsBrowsersAreToldToKeepToHttps() {
        assertEquals("max-age=31536000; includeSubDomains",
                ConsoleHeaders.headers(true, "/console/").get("Strict-Transport-Security"));
    }

    @Test
    void imagesAndFontsAreKeptForADay() {
        assertEquals("public, max-age=86400", ConsoleHeaders.headers(false, "/console/terakoya/icon.svg").get("Cache-Control"));
        assertEquals("no-cache", ConsoleHeaders.headers(false, "/console/terakoya/panel.json").get("Cache-Control"));
    }
}
