package org.freelanceisland.kpi.internal.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void writesExcelFriendlyCsv() {
        byte[] bytes = new CsvWriter().row("名前", "a,b", "say \"hi\"", null, 12, new BigDecimal("33.30"))
                .row("line\nbreak", " padded", "=SUM(A1)", "-1", "@x", "+y").toBytes();
        assertArrayEquals(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, Arrays.copyOf(bytes, 3));
        assertEquals("名前,\"a,b\",\"say \"\"hi\"\"\",,12,33.30\r\n\"line\nbreak\",\" padded\",'=SUM(A1),'-1,'@x,'+y\r\n",
                new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
    }
}
