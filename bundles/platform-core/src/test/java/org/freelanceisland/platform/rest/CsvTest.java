package org.freelanceisland.platform.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void writesBomCrlfAndQuotesOnlyWhereNeeded() {
        String text = Csv.write(List.of(List.of("氏名", "メモ"), List.of("山田 太郎", "a,b"),
                List.of("say \"hi\"", "line1\nline2"), List.of(" lead", "")));
        assertEquals("\uFEFF氏名,メモ\r\n山田 太郎,\"a,b\"\r\n\"say \"\"hi\"\"\",\"line1\nline2\"\r\n\" lead\",\r\n", text);
    }

    @Test
    void bytesStartWithTheUtf8Bom() {
        byte[] bytes = Csv.writeBytes(List.of(List.of("x")));
        assertArrayEquals(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x', '\r', '\n' }, bytes);
    }

    @Test
    void roundTripsJapaneseTextQuotesLineBreaksAndSurrogatePairs() {
        List<List<String>> records = List.of(
                List.of("𠮷野家", "ﾔﾏﾀﾞ ﾀﾛｳ", "やまだ", "カタカナ"),
                List.of("", "\"", ",,", "a\r\nb"),
                List.of("奄美市名瀬", "  ", "'=1+1", "最後"));
        assertEquals(records, Csv.parse(Csv.writeBytes(records)));
        assertEquals(records, Csv.parse(Csv.write(records)));
    }

    @Test
    void readsWithoutBomAndWithLfOrCrLineEndsAndNoFinalLineBreak() {
        assertEquals(List.of(List.of("a", "b"), List.of("c", "d"), List.of("e", "f")),
                Csv.parse("a,b\nc,d\re,f"));
    }

    @Test
    void keepsEmptyFieldsAndSkipsBlankLines() {
        assertEquals(List.of(List.of("a", "", ""), List.of("", "b"), List.of("")),
                Csv.parse("a,,\r\n\r\n,b\r\n\"\"\r\n"));
    }

    @Test
    void refusesAnOpenQuoteNamingTheLineWhereItOpened() {
        Csv.CsvFormatException e = assertThrows(Csv.CsvFormatException.class, () -> Csv.parse("a,b\r\nc,\"d\r\ne"));
        assertEquals(2, e.line());
    }

    @Test
    void refusesTextAfterAClosingQuoteAndStrayQuotes() {
        assertEquals(1, assertThrows(Csv.CsvFormatException.class, () -> Csv.parse("\"a\"b,c")).line());
        assertEquals(2, assertThrows(Csv.CsvFormatException.class, () -> Csv.parse("x\r\nab\"c")).line());
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        byte[] shiftJis = "氏名,山田".getBytes(Charset.forName("Shift_JIS"));
        Csv.CsvFormatException e = assertThrows(Csv.CsvFormatException.class, () -> Csv.parse(shiftJis));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void lineNumbersCountLineBreaksInsideQuotedFields() {
        String text = "a,\"multi\r\nline\"\r\nb,\"open";
        assertEquals(3, assertThrows(Csv.CsvFormatException.class, () -> Csv.parse(text)).line());
    }

    @Test
    void recordsKnowTheLineTheyStartOn() {
        List<Csv.Record> records = Csv.read("h1,h2\r\n\r\na,\"two\r\nlines\"\r\nb,c\r\n");
        assertEquals(List.of(1, 3, 5), records.stream().map(Csv.Record::line).toList());
        assertEquals(List.of("a", "two\r\nlines"), records.get(1).fields());
    }

    @Test
    void protectsFormulasAndUndoesIt() {
        assertEquals("'=SUM(A1)", Csv.protect("=SUM(A1)"));
        assertEquals("'+81", Csv.protect("+81"));
        assertEquals("'@x", Csv.protect("@x"));
        assertEquals("山田", Csv.protect("山田"));
        assertEquals("=SUM(A1)", Csv.unprotect("'=SUM(A1)"));
        assertEquals("'quoted", Csv.unprotect("'quoted"));
        assertEquals(null, Csv.protect(null));
    }

    @Test
    void decodesTheBomFromBytes() {
        byte[] bytes = "\uFEFF名前\r\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(List.of("名前")), Csv.parse(bytes));
    }
}
