package org.freelanceisland.contest.internal.service;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/**
 * Checks uploaded photos by what they are, not by what the client says: the type from the magic
 * bytes (JPEG, PNG, WebP), the dimensions from the header, and for JPEG and PNG a full decode
 * that also yields the thumbnail. WebP cannot be decoded by the JDK: its header is checked and it
 * is served as its own thumbnail.
 */
public final class Images {

    /** The longest side of a thumbnail, in pixels. */
    public static final int THUMBNAIL_SIZE = 480;
    /** The most pixels a photo may have (a guard against decompression bombs). */
    public static final long MAX_PIXELS = 50_000_000L;

    private Images() {
    }

    /** The image types accepted. */
    public enum Type {
        /** JPEG. */
        JPEG("image/jpeg", "jpg"),
        /** PNG. */
        PNG("image/png", "png"),
        /** WebP. */
        WEBP("image/webp", "webp");

        private final String mediaType;
        private final String extension;

        Type(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        /** @return the media type */
        public String mediaType() {
            return mediaType;
        }

        /** @return the usual file extension */
        public String extension() {
            return extension;
        }
    }

    /**
     * What an image is.
     *
     * @param type its type
     * @param width width in pixels
     * @param height height in pixels
     */
    public record Info(Type type, int width, int height) {
    }

    /**
     * Reads the type and dimensions from the bytes.
     *
     * @param b the file
     * @return the image, or {@code null} when the bytes are not a JPEG, PNG or WebP image with a readable header
     */
    public static Info inspect(byte[] b) {
        if (b == null || b.length < 16) {
            return null;
        }
        try {
            if ((b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
                return jpeg(b);
            }
            if ((b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D && b[5] == 0x0A
                    && b[6] == 0x1A && b[7] == 0x0A) {
                if (b.length < 24 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
                    return null;
                }
                return sized(Type.PNG, be32(b, 16), be32(b, 20));
            }
            if (b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
                    && b[11] == 'P') {
                return webp(b);
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            return null;
        }
        return null;
    }

    private static Info jpeg(byte[] b) {
        int i = 2;
        while (i + 9 < b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;
                continue;
            }
            if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
                i += 2;
                continue;
            }
            int length = be16(b, i + 2);
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof) {
                return sized(Type.JPEG, be16(b, i + 7), be16(b, i + 5));
            }
            if (length < 2) {
                return null;
            }
            i += 2 + length;
        }
        return null;
    }

    private static Info webp(byte[] b) {
        String chunk = new String(b, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
        switch (chunk) {
            case "VP8 " -> {
                // frame tag (3 bytes) and start code 9d 01 2a at 23..25, then 14-bit width and height
                if ((b[23] & 0xFF) != 0x9D || (b[24] & 0xFF) != 0x01 || (b[25] & 0xFF) != 0x2A) {
                    return null;
                }
                return sized(Type.WEBP, le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF);
            }
            case "VP8L" -> {
                if ((b[20] & 0xFF) != 0x2F) {
                    return null;
                }
                int b1 = b[21] & 0xFF;
                int b2 = b[22] & 0xFF;
                int b3 = b[23] & 0xFF;
                int b4 = b[24] & 0xFF;
                int width = 1 + (((b2 & 0x3F) << 8) | b1);
                int height = 1 + (((b4 & 0x0F) << 10) | (b3 << 2) | ((b2 & 0xC0) >> 6));
                return sized(Type.WEBP, width, height);
            }
            case "VP8X" -> {
                return sized(Type.WEBP, 1 + le24(b, 24), 1 + le24(b, 27));
            }
            default -> {
                return null;
            }
        }
    }

    private static Info sized(Type type, int width, int height) {
        return width > 0 && height > 0 ? new Info(type, width, height) : null;
    }

    /**
     * Decodes a JPEG or PNG, subsampled to about twice the thumbnail size, and writes the
     * thumbnail as a JPEG (transparent areas on white).
     *
     * @param info what the image is
     * @param bytes the file
     * @return the thumbnail
     * @throws IOException when the file cannot be decoded (it is then not a usable image)
     */
    public static byte[] thumbnail(Info info, byte[] bytes) throws IOException {
        BufferedImage source;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("no reader for " + info.type());
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(info.width(), info.height()) / (THUMBNAIL_SIZE * 2));
                param.setSourceSubsampling(step, step, 0, 0);
                source = reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (RuntimeException e) {
            throw new IOException("cannot decode: " + e.getMessage(), e);
        }
        if (source == null) {
            throw new IOException("cannot decode");
        }
        double scale = Math.min(1.0, (double) THUMBNAIL_SIZE / Math.max(source.getWidth(), source.getHeight()));
        int w = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(source.getHeight() * scale));
        BufferedImage thumb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = thumb.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(thumb, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static int be16(byte[] b, int i) {
        return ((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF);
    }

    private static int be32(byte[] b, int i) {
        return ((b[i] & 0xFF) << 24) | ((b[i + 1] & 0xFF) << 16) | ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
    }

    private static int le16(byte[] b, int i) {
        return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8);
    }

    private static int le24(byte[] b, int i) {
        return (b[i] & 0xFF) | ((b[i + 1] & 0xFF) << 8) | ((b[i + 2] & 0xFF) << 16);
    }
}
