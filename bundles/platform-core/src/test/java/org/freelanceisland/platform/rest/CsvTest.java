package org.freelanceisland.platform.rest;

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
}
