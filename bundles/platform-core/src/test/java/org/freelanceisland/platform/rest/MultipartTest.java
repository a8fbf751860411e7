package org.freelanceisland.platform.rest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class MultipartTest {

    private static final String TYPE = "multipart/form-data; boundary=\"b0undary\"";

    private static byte[] form(String... parts) {
        StringBuilder body = new StringBuilder();
        for (String part : parts) {
            body.append("--b0undary\r\n").append(part).append("\r\n");
        }
        return body.append("--b0undary--\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void partsWithTheirNamesFileNamesAndBytes() {
        List<Multipart.Part> parts = Multipart.parse(TYPE, form(
                "Content-Disposition: form-data; name=\"entry\"\r\n\r\n{\"title\":\"大島紬\"}",
                "Content-Disposition: form-data; name=\"photo\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\nJPEG"));
        assertEquals(2, parts.size());
        assertEquals("entry", parts.get(0).name());
        assertNull(parts.get(0).fileName());
        assertEquals("{\"title\":\"大島紬\"}", parts.get(0).text());
        assertEquals("a.jpg", parts.get(1).fileName());
        assertEquals("image/jpeg", parts.get(1).contentType());
        assertEquals("JPEG", parts.get(1).text());
    }

    @Test
    void aFileIsTheBodyItselfOrTheFormsFilePart() {
        byte[] csv = "name,kana\n".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(csv, Multipart.file("text/csv", new ByteArrayInputStream(csv)));
        byte[] form = form("Content-Disposition: form-data; name=\"note\"\r\n\r\nx",
                "Content-Disposition: form-data; name=\"upload\"; filename=\"people.csv\"\r\n\r\nname,kana");
        assertEquals("name,kana", new String(Multipart.file(TYPE, new ByteArrayInputStream(form)), StandardCharsets.UTF_8));
        byte[] named = form("Content-Disposition: form-data; name=\"file\"\r\n\r\nbytes");
        assertEquals("bytes", new String(Multipart.file(TYPE, new ByteArrayInputStream(named)), StandardCharsets.UTF_8));
    }

    @Test
    void malformedBodiesAre400sNamingTheField() {
        ProblemException noFile = assertThrows(ProblemException.class, () -> Multipart.file(TYPE,
                new ByteArrayInputStream(form("Content-Disposition: form-data; name=\"note\"\r\n\r\nx"))));
        assertEquals(400, noFile.status());
        assertEquals("file", noFile.toProblem().errors().get(0).field());
        ProblemException noBoundary = assertThrows(ProblemException.class,
                () -> Multipart.parse("multipart/form-data", new byte[0]));
        assertEquals("body", noBoundary.toProblem().errors().get(0).field());
        assertEquals(400, assertThrows(ProblemException.class, () -> Multipart.parse(TYPE,
                "--b0undary\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\nno end".getBytes(StandardCharsets.UTF_8))).status());
    }
}
