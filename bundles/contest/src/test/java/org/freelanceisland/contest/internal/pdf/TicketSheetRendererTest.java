package org.freelanceisland.contest.internal.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.Decoder;

/**
 * The ticket sheet as printed: every ticket carries the fixed texts (drawn once per sheet and
 * placed on each ticket) and a QR code whose modules, read back from the rendered page at the
 * ticket's place, are exactly those of its own voting address.
 */
class TicketSheetRendererTest {

    private static final float DPI = 200;

    @Test
    void qrCodesAreInOrderAndEachCarriesItsAddress() throws Exception {
        List<String> urls = urls(40);
        List<BitMatrix> matrices = TicketSheetRenderer.qrCodes(urls);
        assertEquals(urls.size(), matrices.size());
        for (int i = 0; i < urls.size(); i++) {
            assertEquals(urls.get(i), new Decoder().decode(matrices.get(i)).getText());
        }
    }

    @Test
    void everyTicketShowsTheFixedTextsAndItsOwnQrCode() throws Exception {
        int n = 20; // a full page of 18 and two on the second
        List<String> urls = urls(n);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            codes.add(code(i));
        }
        byte[] pdf = new TicketSheetRenderer(TicketSheetRenderer.fonts(""))
                .render(new TicketSheetRenderer.Sheet("第2回あまみハンドメイド大賞", "batch 7 朝の部", codes, urls));
        List<BitMatrix> expected = TicketSheetRenderer.qrCodes(urls);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(2, doc.getNumberOfPages());
            String text = new PDFTextStripper().getText(doc);
            assertEquals(n, count(text, "投票コード"), text);
            assertEquals(n, count(text, "One vote per ticket"), text);
            assertEquals(n, count(text, "1枚で1回だけ投票できます"), text);
            assertEquals(n, count(text, "第2回あまみハンドメイド大賞"), text);
            for (int i = 0; i < n; i++) {
                assertTrue(text.contains("batch 7 朝の部 #" + (i + 1)), text);
                assertTrue(text.contains(codes.get(i)), text);
            }
            PDFRenderer renderer = new PDFRenderer(doc);
            BufferedImage[] pages = { renderer.renderImageWithDPI(0, DPI, ImageType.GRAY),
                    renderer.renderImageWithDPI(1, DPI, ImageType.GRAY) };
            for (int i = 0; i < n; i++) {
                assertModules(pages[i / 18], i % 18, expected.get(i), i);
            }
        }
    }

    @Test
    void everyTextStaysOnItsOwnTicket() throws Exception {
        // the heading at 10 pt was wider than a ticket and ran into the next one on the sheet
        List<String> urls = urls(18);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            codes.add(code(i));
        }
        byte[] pdf = new TicketSheetRenderer(TicketSheetRenderer.fonts(""))
                .render(new TicketSheetRenderer.Sheet("あまみハンドメイド大賞", "batch 1", codes, urls));
        float cell = (PDRectangle.A4.getWidth() - 2 * 24) / 3;
        List<String> overflows = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper glyphs = new PDFTextStripper() {
                private float lastX = Float.MAX_VALUE;
                private float lastRight;
                private float lastY = Float.NaN;
                private int column;
                private final StringBuilder run = new StringBuilder();

                @Override
                protected void processTextPosition(org.apache.pdfbox.text.TextPosition g) {
                    // the glyphs of one text come one after another on one baseline, left to right,
                    // without gaps (texts of tickets side by side can share a baseline)
                    if (Math.abs(g.getYDirAdj() - lastY) > 0.5f || g.getXDirAdj() < lastX
                            || g.getXDirAdj() - lastRight > 6) {
                        column = (int) Math.floor((g.getXDirAdj() - 24) / cell);
                        run.setLength(0);
                    }
                    run.append(g.getUnicode());
                    float right = g.getXDirAdj() + g.getWidthDirAdj();
                    if (right > 24 + (column + 1) * cell + 0.5f && overflows.size() < 5) {
                        overflows.add(run + " (to " + right + " pt, the ticket ends at " + (24 + (column + 1) * cell) + ")");
                    }
                    lastX = g.getXDirAdj();
                    lastRight = right;
                    lastY = g.getYDirAdj();
                }
            };
            glyphs.setStartPage(1);
            glyphs.setEndPage(1);
            glyphs.getText(doc);
        }
        assertTrue(overflows.isEmpty(), "texts running into the next ticket: " + overflows);
    }

    @Test
    void oneRendererServesSheetsOneAfterAnotherAndAtOnce() throws Exception {
        // the renderer parses its font once and reuses it: every sheet must still embed the glyphs
        // it uses (text is read back through them) and sheets made at once must not mix
        TicketSheetRenderer renderer = new TicketSheetRenderer(TicketSheetRenderer.fonts(""));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> texts = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                int sheet = k;
                texts.add(pool.submit(() -> {
                    List<String> codes = List.of(code(100 + sheet), code(200 + sheet));
                    byte[] pdf = renderer.render(new TicketSheetRenderer.Sheet("第" + sheet + "回 島の手仕事展", "batch " + sheet, codes,
                            List.of("https://x.example/?c=" + codes.get(0), "https://x.example/?c=" + codes.get(1))));
                    try (PDDocument doc = Loader.loadPDF(pdf)) {
                        return new PDFTextStripper().getText(doc);
                    }
                }));
            }
            for (int k = 0; k < texts.size(); k++) {
                String text = texts.get(k).get();
                assertEquals(2, count(text, "第" + k + "回 島の手仕事展"), text);
                assertEquals(2, count(text, "投票コード"), text);
                assertTrue(text.contains(code(100 + k)) && text.contains(code(200 + k)), text);
                assertTrue(text.contains("batch " + k + " #2"), text);
                for (int other = 0; other < texts.size(); other++) {
                    if (other != k) {
                        assertTrue(!text.contains(code(100 + other)), text);
                    }
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Samples the centre of every module of a ticket's QR code on the rendered page. */
    private static void assertModules(BufferedImage page, int slot, BitMatrix m, int ticket) {
        float width = PDRectangle.A4.getWidth();
        float height = PDRectangle.A4.getHeight();
        float cellW = (width - 2 * 24) / 3;
        float cellH = (height - 2 * 24) / 6;
        float x = 24 + (slot % 3) * cellW;
        float y = height - 24 - (slot / 3 + 1) * cellH;
        float qrSize = Math.min(cellH - 58, cellW * 0.5f);
        float module = qrSize / m.getWidth();
        float scale = DPI / 72;
        for (int row = 0; row < m.getHeight(); row++) {
            for (int col = 0; col < m.getWidth(); col++) {
                float px = (x + 8 + (col + 0.5f) * module) * scale;
                float py = (height - (y + 22 + qrSize - (row + 0.5f) * module)) * scale;
                int grey = page.getRaster().getSample(Math.round(px), Math.round(py), 0);
                boolean dark = grey < 128;
                assertEquals(m.get(col, row), dark, "ticket " + ticket + ", module (" + col + ", " + row + ")");
            }
        }
    }

    private static List<String> urls(int n) {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            urls.add("https://island.example/contest/vote.html?contest=3&code=" + code(i));
        }
        return urls;
    }

    private static String code(int i) {
        String alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
        StringBuilder b = new StringBuilder();
        long v = 1_000_003L * (i + 1) * 7_919;
        for (int k = 0; k < 10; k++) {
            b.append(alphabet.charAt((int) (v % alphabet.length())));
            v = v / alphabet.length() + 131 * k + i;
            if (k == 4) {
                b.append('-');
            }
        }
        return b.toString();
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
