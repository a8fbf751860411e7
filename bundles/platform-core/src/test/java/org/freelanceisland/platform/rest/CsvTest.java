package org.freelanceisland.platform.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void readsQuotedFieldsLineBreaksAndBom() {
        List<Csv.Row> rows = Csv.read("\uFEFFsession,person,status\r\n1,p-1,\"出席, 遅れず\"\n2,\"p\"\"2\",\"二\n行\"\n");
        assertEquals(3, rows.size());
        assertEquals(List.of("session", "person", "status"), rows.get(0).fields());
        assertEquals(List.of("1", "p-1", "出席, 遅れず"), rows.get(1).fields());
        assertEquals(2, rows.get(1).line());
        assertEquals(List.of("2", "p\"2", "二\n行"), rows.get(2).fields());
        assertEquals(3, rows.get(2).line());
    }

    @Test
    void lastLineWithoutLineEndAndBlankLines() {
        List<Csv.Row> rows = Csv.read("a,b\n\n,\nc,d");
        assertEquals(4, rows.size());
        assertTrue(rows.get(1).isBlank());
        assertTrue(rows.get(2).isBlank());
        assertEquals("d", rows.get(3).field(1));
        assertEquals("", rows.get(3).field(5));
        assertEquals(List.of(), Csv.read(""));
        assertEquals(List.of(), Csv.read("\uFEFF"));
    }

    @Test
    void refusesBrokenQuotes() {
        IllegalArgumentException open = assertThrows(IllegalArgumentException.class, () -> Csv.read("a\n\"b,c\n"));
        assertTrue(open.getMessage().startsWith("line 2:"), open.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Csv.read("a\"b,c\n"));
        assertThrows(IllegalArgumentException.class, () -> Csv.read("\"a\"b,c\n"));
    }

    @Test
    void writesWithBomCrlfQuotingAndFormulaGuard() {
        String csv = Csv.write(List.of(List.of("名前", "note"), Arrays.asList("山田, 太郎", null),
                List.of("say \"hi\"", "=SUM(A1)"), List.of(-5, "-5")));
        assertEquals("\uFEFF名前,note\r\n\"山田, 太郎\",\r\n\"say \"\"hi\"\"\",'=SUM(A1)\r\n-5,'-5\r\n", csv);
        assertEquals("名前", Csv.read(csv).get(0).field(0));
        assertEquals("山田, 太郎", Csv.read(csv).get(1).field(0));
    }

    @Test
    void bytesStartWithTheUtf8Bom() {
        assertArrayEquals(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x', '\r', '\n' },
                Csv.writeBytes(List.of(List.of("x"))));
    }

    @Test
    void roundTripsJapaneseTextQuotesLineBreaksAndSurrogatePairs() {
        List<List<String>> records = List.of(
                List.of("𠮷野家", "ﾔﾏﾀﾞ ﾀﾛｳ", "やまだ", "カタカナ"),
                List.of("", "\"", ",,", "a\r\nb"),
                List.of("奄美市名瀬", "  ", "=1+1", "最後"));
        List<Csv.Row> rows = Csv.read(Csv.writeBytes(records));
        assertEquals(records.get(0), rows.get(0).fields());
        assertEquals(records.get(1), rows.get(1).fields());
        assertEquals(List.of("奄美市名瀬", "  ", "'=1+1", "最後"), rows.get(2).fields());
        assertEquals("=1+1", Csv.unprotect(rows.get(2).field(2)));
        assertEquals(List.of(1, 2, 4), rows.stream().map(Csv.Row::line).toList());
    }

    @Test
    void refusesBytesThatAreNotUtf8AndNamesTheLineOfBrokenQuotes() {
        byte[] shiftJis = "氏名,山田".getBytes(java.nio.charset.Charset.forName("Shift_JIS"));
        Csv.CsvFormatException e = assertThrows(Csv.CsvFormatException.class, () -> Csv.read(shiftJis));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
        assertEquals(3, assertThrows(Csv.CsvFormatException.class,
                () -> Csv.read("a,\"multi\nline\"\nb,\"open")).line());
        assertEquals(List.of("名前"), Csv.read("\uFEFF名前\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).get(0).fields());
    }

    @Test
    void unprotectLeavesOrdinaryApostrophesAlone() {
        assertEquals("'quoted", Csv.unprotect("'quoted"));
        assertEquals("@x", Csv.unprotect("'@x"));
        assertEquals(null, Csv.unprotect(null));
    }
}
