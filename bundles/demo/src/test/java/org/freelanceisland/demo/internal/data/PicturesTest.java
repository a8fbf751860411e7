package org.freelanceisland.demo.internal.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** The demo island's pictures: real PNGs, the same for the same seed. */
class PicturesTest {

    @Test
    void photosAreDrawnAsRealPngs() throws Exception {
        byte[] png = Pictures.work(1, "tsumugi");
        assertEquals(800, ImageIO.read(new ByteArrayInputStream(png)).getWidth());
        assertEquals(480, ImageIO.read(new ByteArrayInputStream(Pictures.portrait(2))).getHeight());
        assertTrue(Arrays.equals(png, Pictures.work(1, "tsumugi")), "the same seed draws the same picture");
    }
}
