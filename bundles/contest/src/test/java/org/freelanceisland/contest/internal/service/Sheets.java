package org.freelanceisland.contest.internal.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads the codes back from a printed ticket sheet, as a person would from the paper. */
public final class Sheets {

    private static final Pattern CODE = Pattern.compile("[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}");

    private Sheets() {
    }

    /**
     * The codes on a sheet.
     *
     * @param pdf the sheet
     * @return the codes as printed
     */
    public static List<String> codes(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            Matcher m = CODE.matcher(new PDFTextStripper().getText(doc));
            List<String> codes = new ArrayList<>();
            while (m.find()) {
                codes.add(m.group());
            }
            return codes;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The text of a sheet.
     *
     * @param pdf the sheet
     * @return its text
     */
    public static String text(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
