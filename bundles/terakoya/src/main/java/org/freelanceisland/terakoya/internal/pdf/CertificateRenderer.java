package org.freelanceisland.terakoya.internal.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.chrono.JapaneseDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.freelanceisland.pdffonts.FontSource;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * Sets a certificate of completion (修了証書) on one A4 page with Apache PDFBox, in Japanese with
 * an English line, the font subset embedded so that it prints the same everywhere.
 */
public final class CertificateRenderer {

    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float HEIGHT = PDRectangle.A4.getHeight();
    private static final String MISSING_GLYPH = "〓";

    private final FontSource fonts;
    private final LocalizedText issuer;

    /**
     * What a certificate says.
     *
     * @param number the certificate's number
     * @param personId the graduate's id
     * @param name the graduate's name, filled in last from the people registry
     * @param course the course's title
     * @param fiscalYear the course's fiscal year
     * @param firstSession the first session's date, or {@code null}
     * @param lastSession the last session's date, or {@code null}
     * @param attended sessions attended
     * @param sessions sessions held
     * @param completedOn the day of completion (the date of issue)
     */
    public record Certificate(String number, String personId, String name, LocalizedText course, FiscalYear fiscalYear,
            LocalDate firstSession, LocalDate lastSession, int attended, int sessions, LocalDate completedOn) {

        /**
         * The same certificate with the graduate's name.
         *
         * @param name the name
         * @return the certificate
         */
        public Certificate withName(String name) {
            return new Certificate(number, personId, name, course, fiscalYear, firstSession, lastSession, attended,
                    sessions, completedOn);
        }
    }

    /**
     * A rendered PDF.
     *
     * @param fileName a file name for the download
     * @param bytes the PDF
     */
    public record Pdf(String fileName, byte[] bytes) {
    }

    /**
     * Where the Japanese font comes from: {@code fontPath} of
     * {@code etc/org.freelanceisland.terakoya.cfg}, else the Noto Sans JP embedded in this bundle, else
     * the operating system's.
     *
     * @param configuredPath the configured TrueType font file, or blank
     * @return the font source to create the renderer with
     */
    public static FontSource fonts(String configuredPath) {
        return new FontSource(configuredPath, "Terakoya certificates", "etc/org.freelanceisland.terakoya.cfg");
    }

    /**
     * Creates the renderer.
     *
     * @param fonts where the Japanese font comes from
     * @param issuer who issues certificates (for example フリーランス寺子屋 運営事務局)
     */
    public CertificateRenderer(FontSource fonts, LocalizedText issuer) {
        this.fonts = fonts;
        this.issuer = issuer;
    }

    /**
     * Renders a certificate.
     *
     * @param c what it says
     * @return the PDF
     * @throws ProblemException 503 when no Japanese font is available
     */
    public Pdf render(Certificate c) {
        FontSource.Font source;
        try {
            source = fonts.font();
        } catch (IllegalStateException e) {
            throw ProblemException.unavailable(e.getMessage());
        }
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(source.bytes()));
            PDType0Font font = PDType0Font.load(doc, ttf, true);
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.setStrokingColor(0.55f, 0.42f, 0.16f);
                s.setLineWidth(3f);
                s.addRect(30, 30, WIDTH - 60, HEIGHT - 60);
                s.stroke();
                s.setLineWidth(0.8f);
                s.addRect(38, 38, WIDTH - 76, HEIGHT - 76);
                s.stroke();
                s.setNonStrokingColor(0.1f, 0.1f, 0.1f);

                right(s, font, 10, HEIGHT - 70, "第 " + c.number() + " 号");
                center(s, font, 40, HEIGHT - 170, "修 了 証 書");
                center(s, font, 13, HEIGHT - 198, "Certificate of Completion");
                center(s, font, 26, HEIGHT - 290, c.name() + "  殿");

                String body = "あなたは" + c.fiscalYear().japaneseLabel() + "フリーランス寺子屋「" + c.course().ja()
                        + "」において所定の課程を修了されたことをここに証します。";
                float y = HEIGHT - 370;
                for (String line : wrap(font, 15, body, WIDTH - 190)) {
                    left(s, font, 15, 95, y, line);
                    y -= 26;
                }
                y -= 12;
                if (c.firstSession() != null) {
                    left(s, font, 11, 95, y, "受講期間　" + japanese(c.firstSession()) + " 〜 " + japanese(c.lastSession()));
                    y -= 18;
                }
                left(s, font, 11, 95, y, "出席　" + c.attended() + "回 ／ 全" + c.sessions() + "回");
                y -= 34;
                String english = "This is to certify that " + c.name() + " has completed the course \"" + c.course().en()
                        + "\" of the Freelance Terakoya, " + c.fiscalYear().englishLabel() + ".";
                for (String line : wrap(font, 10, english, WIDTH - 190)) {
                    left(s, font, 10, 95, y, line);
                    y -= 15;
                }

                center(s, font, 14, 215, japanese(c.completedOn()));
                center(s, font, 17, 170, issuer.ja());
                center(s, font, 10, 150, issuer.en());
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("修了証書 " + c.number());
            info.setSubject(c.course().ja());
            info.setCreator("Freelance Island — Terakoya");
            Calendar created = GregorianCalendar.from(c.completedOn().atStartOfDay(ZoneId.of("Asia/Tokyo")));
            info.setCreationDate(created);
            doc.save(out);
            return new Pdf("certificate-" + c.number() + ".pdf", out.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException("The certificate could not be rendered: " + e.getMessage(), e);
        }
    }

    /**
     * A date in the Japanese era calendar, {@code 令和7年8月1日} (the first year is 元年).
     *
     * @param date the date
     * @return the text
     */
    static String japanese(LocalDate date) {
        JapaneseDate jd = JapaneseDate.from(date);
        int year = jd.get(ChronoField.YEAR_OF_ERA);
        return jd.getEra().getDisplayName(TextStyle.FULL, Locale.JAPAN) + (year == 1 ? "元" : Integer.toString(year))
                + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    private static void center(PDPageContentStream s, PDType0Font font, float size, float y, String text) throws IOException {
        String t = printable(font, text);
        left(s, font, size, (WIDTH - width(font, size, t)) / 2, y, t);
    }

    private static void right(PDPageContentStream s, PDType0Font font, float size, float y, String text) throws IOException {
        String t = printable(font, text);
        left(s, font, size, WIDTH - 60 - width(font, size, t), y, t);
    }

    private static void left(PDPageContentStream s, PDType0Font font, float size, float x, float y, String text)
            throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(printable(font, text));
        s.endText();
    }

    private static float width(PDType0Font font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** Breaks text into lines that fit a width: between any two characters (Japanese has no spaces). */
    private static List<String> wrap(PDType0Font font, float size, String text, float maxWidth) throws IOException {
        String t = printable(font, text);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int i = 0;
        while (i < t.length()) {
            int cp = t.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (line.length() > 0 && width(font, size, line + ch) > maxWidth) {
                int space = line.lastIndexOf(" ");
                if (cp < 0x3000 && space > 0 && Character.isLetterOrDigit(cp)) {
                    lines.add(line.substring(0, space));
                    line.delete(0, space + 1);
                } else if ("、。」）".contains(ch)) {
                    line.append(ch);
                    lines.add(line.toString());
                    line.setLength(0);
                    i += Character.charCount(cp);
                    continue;
                } else {
                    lines.add(line.toString());
                    line.setLength(0);
                }
            }
            line.append(ch);
            i += Character.charCount(cp);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Replaces characters the font has no glyph for (rare kanji in a name) with 〓, as printers do. */
    private static String printable(PDType0Font font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = new String(Character.toChars(cp));
            try {
                font.encode(ch);
                out.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                out.append(MISSING_GLYPH);
            }
        });
        return out.toString();
    }
}
