package org.freelanceisland.contest.internal.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.freelanceisland.platform.rest.ProblemException;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * Sets a batch of audience ticket codes on A4 pages to print and cut: 3 × 6 tickets a page, each
 * with the contest's name, the code in large letters and a QR code of the voting address with the
 * code filled in. The QR codes are drawn as vector squares (ZXing computes the matrix), so they
 * print sharply at any size.
 */
public final class TicketSheetRenderer {

    private static final int COLUMNS = 3;
    private static final int ROWS = 6;
    private static final float MARGIN = 24;
    private static final PDType1Font CODE_FONT = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

    private final FontSource fonts;

    /**
     * A sheet to render.
     *
     * @param contestTitle the contest's name
     * @param batchLabel the batch's label and number, printed small on each ticket
     * @param codes the codes as printed
     * @param voteUrls the voting address of each code, for its QR code
     */
    public record Sheet(String contestTitle, String batchLabel, List<String> codes, List<String> voteUrls) {
    }

    /**
     * Creates the renderer.
     *
     * @param fonts where the Japanese font comes from
     */
    public TicketSheetRenderer(FontSource fonts) {
        this.fonts = fonts;
    }

    /**
     * Renders the sheet.
     *
     * @param sheet what to print
     * @return the PDF
     * @throws ProblemException 503 when no Japanese font is available
     */
    public byte[] render(Sheet sheet) {
        FontSource.Font source;
        try {
            source = fonts.font();
        } catch (IllegalStateException e) {
            throw ProblemException.unavailable(e.getMessage());
        }
        float width = PDRectangle.A4.getWidth();
        float height = PDRectangle.A4.getHeight();
        float cellW = (width - 2 * MARGIN) / COLUMNS;
        float cellH = (height - 2 * MARGIN) / ROWS;
        QRCodeWriter qr = new QRCodeWriter();
        Map<EncodeHintType, Object> hints = Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                EncodeHintType.MARGIN, 0, EncodeHintType.CHARACTER_SET, "UTF-8");
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(source.bytes()));
            PDType0Font font = PDType0Font.load(doc, ttf, true);
            int perPage = COLUMNS * ROWS;
            for (int start = 0; start < sheet.codes().size(); start += perPage) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                    for (int i = start; i < Math.min(start + perPage, sheet.codes().size()); i++) {
                        int slot = i - start;
                        float x = MARGIN + (slot % COLUMNS) * cellW;
                        float y = height - MARGIN - (slot / COLUMNS + 1) * cellH;
                        ticket(s, font, qr, hints, x, y, cellW, cellH, sheet, i);
                    }
                }
                // the codes in a second, uncompressed stream in a standard font: plain text in the
                // file, so any tool (and a recount by hand) can read them back from the sheet
                try (PDPageContentStream s = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.APPEND, false)) {
                    s.setNonStrokingColor(0f, 0f, 0f);
                    for (int i = start; i < Math.min(start + perPage, sheet.codes().size()); i++) {
                        int slot = i - start;
                        float x = MARGIN + (slot % COLUMNS) * cellW;
                        float y = height - MARGIN - (slot / COLUMNS + 1) * cellH;
                        float qrSize = Math.min(cellH - 58, cellW * 0.5f);
                        text(s, CODE_FONT, 11.5f, x + 16 + qrSize, y + cellH - 70, sheet.codes().get(i));
                    }
                }
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("投票券 " + sheet.batchLabel());
            info.setCreator("Freelance Island — Contest");
            doc.save(out);
            return out.toByteArray();
        } catch (IOException | WriterException e) {
            throw new IllegalStateException("The ticket sheet could not be rendered: " + e.getMessage(), e);
        }
    }

    private static void ticket(PDPageContentStream s, PDType0Font font, QRCodeWriter qr, Map<EncodeHintType, Object> hints,
            float x, float y, float w, float h, Sheet sheet, int i) throws IOException, WriterException {
        // cutting guide
        s.setStrokingColor(0.75f, 0.75f, 0.75f);
        s.setLineWidth(0.4f);
        s.setLineDashPattern(new float[] { 3, 3 }, 0);
        s.addRect(x, y, w, h);
        s.stroke();
        s.setLineDashPattern(new float[] {}, 0);
        s.setNonStrokingColor(0.1f, 0.1f, 0.1f);

        text(s, font, 8.5f, x + 8, y + h - 16, fit(font, 8.5f, sheet.contestTitle(), w - 16));
        text(s, font, 10, x + 8, y + h - 30, "オーディエンス賞 投票券 / Audience vote");
        float qrSize = Math.min(h - 58, w * 0.5f);
        BitMatrix m = qr.encode(sheet.voteUrls().get(i), com.google.zxing.BarcodeFormat.QR_CODE, 0, 0, hints);
        float module = qrSize / m.getWidth();
        float qx = x + 8;
        float qy = y + 22;
        for (int row = 0; row < m.getHeight(); row++) {
            int col = 0;
            while (col < m.getWidth()) {
                if (!m.get(col, row)) {
                    col++;
                    continue;
                }
                int run = col;
                while (run < m.getWidth() && m.get(run, row)) {
                    run++;
                }
                // one rectangle per run of dark modules: a third of the drawing operations
                s.addRect(qx + col * module, qy + qrSize - (row + 1) * module, (run - col) * module, module);
                col = run;
            }
        }
        s.fill();
        float tx = qx + qrSize + 8;
        text(s, font, 7.5f, tx, y + h - 52, "投票コード");
        text(s, font, 6.5f, tx, y + 40, "1枚で1回だけ投票できます");
        text(s, font, 6.5f, tx, y + 31, "One vote per ticket");
        text(s, font, 6, x + 8, y + 9, fit(font, 6, sheet.batchLabel() + " #" + (i + 1), w - 16));
    }

    private static void text(PDPageContentStream s, PDFont font, float size, float x, float y, String text) throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(text);
        s.endText();
    }

    private static String fit(PDType0Font font, float size, String text, float width) throws IOException {
        String t = text;
        while (t.length() > 1 && font.getStringWidth(t) / 1000 * size > width) {
            t = t.substring(0, t.length() - 2) + "…";
        }
        return t;
    }
}
