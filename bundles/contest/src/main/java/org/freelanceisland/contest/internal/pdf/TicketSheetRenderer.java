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
import org.apache.pdfbox.pdmodel.PDFormContentStream;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;
import org.freelanceisland.pdffonts.FontSource;
import org.freelanceisland.platform.rest.ProblemException;

import com.google.zxing.BarcodeFormat;
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
    // guarded by this
    private TrueTypeFont trueType;

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
     * Where the Japanese font comes from: {@code fontPath} of
     * {@code etc/org.freelanceisland.contest.cfg}, else the Noto Sans JP embedded in this bundle, else
     * the operating system's.
     *
     * @param configuredPath the configured TrueType font file, or blank
     * @return the font source to create the renderer with
     */
    public static FontSource fonts(String configuredPath) {
        return new FontSource(configuredPath, "Contest ticket sheets", "etc/org.freelanceisland.contest.cfg");
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
        // the QR codes first, on every core: each is independent of the others and choosing its
        // mask (eight trial matrices, each scored) is most of the work of a sheet
        List<BitMatrix> qrCodes = qrCodes(sheet.voteUrls());
        // the font is parsed once (5 MB, 17,000 glyphs: tens of milliseconds and 16 MB of garbage
        // a sheet); PDFBox reads its glyphs on demand from one position in its data, so a parsed
        // font serves one document at a time
        synchronized (this) {
            return layout(sheet, source, qrCodes, cellW, cellH, height);
        }
    }

    private byte[] layout(Sheet sheet, FontSource.Font source, List<BitMatrix> qrCodes, float cellW, float cellH, float height) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            // not closed with the document: PDFBox closes only fonts it parsed itself
            PDType0Font font = PDType0Font.load(doc, trueType(source), true);
            // what every ticket shows alike is drawn once, as a form XObject that each ticket places:
            // the Japanese font's text (shaped through its GSUB table on every call) is then set 6
            // times a sheet instead of 6 times a ticket
            PDFormXObject blank = blankTicket(doc, font, cellW, cellH, sheet.contestTitle());
            int perPage = COLUMNS * ROWS;
            for (int start = 0; start < sheet.codes().size(); start += perPage) {
                PDPage page = new PDPage(PDRectangle.A4);
                doc.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                    for (int i = start; i < Math.min(start + perPage, sheet.codes().size()); i++) {
                        int slot = i - start;
                        float x = MARGIN + (slot % COLUMNS) * cellW;
                        float y = height - MARGIN - (slot / COLUMNS + 1) * cellH;
                        ticket(s, font, blank, qrCodes.get(i), x, y, cellW, cellH, sheet, i);
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
                        float qrSize = qrSize(cellW, cellH);
                        text(s, CODE_FONT, 11.5f, x + 16 + qrSize, y + cellH - 70, sheet.codes().get(i));
                    }
                }
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("投票券 " + sheet.batchLabel());
            info.setCreator("Freelance Island — Contest");
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("The ticket sheet could not be rendered: " + e.getMessage(), e);
        }
    }

    // under this renderer's lock
    private TrueTypeFont trueType(FontSource.Font source) throws IOException {
        if (trueType == null) {
            trueType = new TTFParser().parse(new RandomAccessReadBuffer(source.bytes()));
        }
        return trueType;
    }

    /**
     * The QR codes of voting addresses (error correction M, no quiet zone: the ticket's margin is
     * one), in their order, computed in parallel.
     *
     * @param urls the addresses
     * @return one module matrix each
     */
    static List<BitMatrix> qrCodes(List<String> urls) {
        QRCodeWriter qr = new QRCodeWriter();
        Map<EncodeHintType, Object> hints = Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                EncodeHintType.MARGIN, 0, EncodeHintType.CHARACTER_SET, "UTF-8");
        return urls.parallelStream().map(url -> {
            try {
                return qr.encode(url, BarcodeFormat.QR_CODE, 0, 0, hints);
            } catch (WriterException e) {
                throw new IllegalStateException("The ticket sheet could not be rendered: " + e.getMessage(), e);
            }
        }).toList();
    }

    private static float qrSize(float w, float h) {
        return Math.min(h - 58, w * 0.5f);
    }

    /**
     * What every ticket of a sheet shows alike, in the ticket's own coordinates (origin at its
     * lower left corner): the cutting guide, the contest's name and the fixed texts.
     */
    static PDFormXObject blankTicket(PDDocument doc, PDType0Font font, float w, float h, String contestTitle) throws IOException {
        PDFormXObject form = new PDFormXObject(doc);
        form.setResources(new PDResources());
        // the whole page around the ticket, so nothing is clipped that was drawn before there was a
        // form: the guide's line is centred on the ticket's edge
        float pageW = PDRectangle.A4.getWidth();
        float pageH = PDRectangle.A4.getHeight();
        form.setBBox(new PDRectangle(-pageW, -pageH, 3 * pageW, 3 * pageH));
        try (PDFormContentStream s = new PDFormContentStream(form)) {
            s.setStrokingColor(0.75f, 0.75f, 0.75f);
            s.setLineWidth(0.4f);
            s.setLineDashPattern(new float[] { 3, 3 }, 0);
            s.addRect(0, 0, w, h);
            s.stroke();
            s.setLineDashPattern(new float[] {}, 0);
            s.setNonStrokingColor(0.1f, 0.1f, 0.1f);
            text(s, font, 8.5f, 8, h - 16, fit(font, 8.5f, contestTitle, w - 16));
            String heading = "オーディエンス賞 投票券 / Audience vote";
            // at most 10 pt, smaller when the ticket is narrower than the heading (it ran into the
            // next ticket on the A4 sheets of 18)
            float headingSize = Math.min(10, (w - 16) / (font.getStringWidth(heading) / 1000));
            text(s, font, headingSize, 8, h - 30, heading);
            float tx = 8 + qrSize(w, h) + 8;
            text(s, font, 7.5f, tx, h - 52, "投票コード");
            text(s, font, 6.5f, tx, 40, "1枚で1回だけ投票できます");
            text(s, font, 6.5f, tx, 31, "One vote per ticket");
        }
        return form;
    }

    private static void ticket(PDPageContentStream s, PDType0Font font, PDFormXObject blank, BitMatrix m,
            float x, float y, float w, float h, Sheet sheet, int i) throws IOException {
        s.saveGraphicsState();
        s.transform(Matrix.getTranslateInstance(x, y));
        s.drawForm(blank);
        s.restoreGraphicsState();
        s.setNonStrokingColor(0.1f, 0.1f, 0.1f);
        float qrSize = qrSize(w, h);
        float module = qrSize / m.getWidth();
        // in the QR code's own coordinates, one unit a module and the origin at its lower left
        // corner: every rectangle is a few small integers instead of four decimal fractions
        s.saveGraphicsState();
        s.transform(new Matrix(module, 0, 0, module, x + 8, y + 22));
        int size = m.getHeight();
        for (int row = 0; row < size; row++) {
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
                s.addRect(col, size - row - 1, run - col, 1);
                col = run;
            }
        }
        s.fill();
        s.restoreGraphicsState();
        text(s, font, 6, x + 8, y + 9, fit(font, 6, sheet.batchLabel() + " #" + (i + 1), w - 16));
    }

    private static void text(PDPageContentStream s, PDFont font, float size, float x, float y, String text) throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(text);
        s.endText();
    }

    // the same for a form (PDFBox's common superclass of both streams is not public)
    private static void text(PDFormContentStream s, PDFont font, float size, float x, float y, String text) throws IOException {
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
