package org.freelanceisland.pdffonts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the font comes from: the configured file first, else the one shipped with this library. */
class FontSourceTest {

    @Test
    void withoutAConfiguredFileTheBundledNotoSansJpIsUsedOnce() throws Exception {
        FontSource source = new FontSource(" ", "Test PDFs", "etc/test.cfg");
        FontSource.Font font = source.font();
        assertTrue(font.origin().startsWith("Noto Sans JP"), font.origin());
        try (InputStream in = FontSource.class.getResourceAsStream(FontSource.BUNDLED)) {
            assertNotNull(in, "the build puts the font under fonts/");
            assertArrayEquals(in.readAllBytes(), font.bytes());
        }
        assertSame(font, source.font());
    }

    @Test
    void theLicenceShipsWithTheFont() {
        assertNotNull(FontSource.class.getResource("/fonts/NotoSansJP-OFL.txt"));
    }

    @Test
    void aConfiguredFileComesFirst(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("city.ttf"), new byte[] {1, 2, 3});
        FontSource.Font font = new FontSource(file.toString(), "Test PDFs", "etc/test.cfg").font();
        assertEquals(file.toString(), font.origin());
        assertArrayEquals(new byte[] {1, 2, 3}, font.bytes());
    }

    @Test
    void anUnreadableConfiguredFileFallsBackToTheBundledFont(@TempDir Path dir) {
        FontSource.Font font = new FontSource(dir.resolve("missing.ttf").toString(), "Test PDFs", "etc/test.cfg").font();
        assertTrue(font.origin().startsWith("Noto Sans JP"), font.origin());
    }
}
