package org.freelanceisland.contest.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** Photos are recognised by their bytes, measured from their headers and turned into thumbnails. */
public class ImagesTest {

    /**
     * An image made with ImageIO.
     *
     * @param format jpeg or png
     * @param w width
     * @param h height
     * @return the file
     */
    public static byte[] image(String format, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                img.setRGB(x, y, (x * 7) << 16 | (y * 3) << 8 | 0x40);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /**
     * The header of a lossy WebP image (what the JDK cannot decode, but we can measure).
     *
     * @param w width
     * @param h height
     * @return the bytes
     */
    public static byte[] webp(int w, int h) {
        byte[] b = new byte[64];
        System.arraycopy("RIFF".getBytes(StandardCharsets.US_ASCII), 0, b, 0, 4);
        System.arraycopy("WEBPVP8 ".getBytes(StandardCharsets.US_ASCII), 0, b, 8, 8);
        b[23] = (byte) 0x9D;
        b[24] = 0x01;
        b[25] = 0x2A;
        b[26] = (byte) (w & 0xFF);
        b[27] = (byte) (w >> 8);
        b[28] = (byte) (h & 0xFF);
        b[29] = (byte) (h >> 8);
        return b;
    }

    @Test
    void jpegPngAndWebpAreRecognisedWithTheirSize() {
        assertEquals(new Images.Info(Images.Type.JPEG, 640, 480), Images.inspect(image("jpeg", 640, 480)));
        assertEquals(new Images.Info(Images.Type.PNG, 33, 17), Images.inspect(image("png", 33, 17)));
        assertEquals(new Images.Info(Images.Type.WEBP, 1200, 900), Images.inspect(webp(1200, 900)));
    }

    @Test
    void otherBytesAreNotImagesWhateverTheyClaim() {
        assertNull(Images.inspect("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)));
        assertNull(Images.inspect("GIF89a..............".getBytes(StandardCharsets.US_ASCII)));
        assertNull(Images.inspect(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }));
        byte[] truncated = java.util.Arrays.copyOf(image("png", 10, 10), 20);
        assertNull(Images.inspect(truncated));
        assertNull(Images.inspect(null));
    }

    @Test
    void thumbnailsAreSmallJpegs() throws IOException {
        byte[] big = image("png", 1600, 900);
        byte[] thumb = Images.thumbnail(Images.inspect(big), big);
        BufferedImage t = ImageIO.read(new ByteArrayInputStream(thumb));
        assertNotNull(t);
        assertEquals(Images.THUMBNAIL_SIZE, t.getWidth());
        assertEquals(270, t.getHeight());
        assertEquals(Images.Type.JPEG, Images.inspect(thumb).type());
    }

    @Test
    void aBrokenBodyBehindAValidHeaderIsRefusedWhenDecoding() {
        byte[] good = image("jpeg", 200, 200);
        byte[] broken = java.util.Arrays.copyOf(good, 300);
        Images.Info info = Images.inspect(broken);
        assertNotNull(info, "the header is intact");
        assertThrows(IOException.class, () -> Images.thumbnail(info, broken));
    }
}
