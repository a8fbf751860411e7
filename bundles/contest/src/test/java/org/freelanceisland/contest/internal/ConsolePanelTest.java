package org.freelanceisland.contest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The console panel's files as the shell loads them: a manifest, an entry module and a label for every message in both languages. */
class ConsolePanelTest {

    private static String read(String name) throws IOException {
        try (InputStream in = ConsolePanelTest.class.getResourceAsStream("/console-panel/" + name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theManifestNamesFilesThatExistAndTheRolesOfItsMenu() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(read("panel.json"));
        read(manifest.path("entry").asText());
        read(manifest.path("css").asText());
        Set<String> routes = new TreeSet<>();
        manifest.path("menu").forEach(m -> routes.add(m.path("route").asText() + ":" + m.path("role").asText()));
        assertEquals(Set.of("contests:staff", "jury:juror", "markets:staff"), routes);
        assertEquals("/console/contest/", new ContestModule().consolePath().orElseThrow());
    }

    @Test
    void everyMessageThePanelUsesHasAJapaneseAndAnEnglishLabel() throws IOException {
        String js = read("panel.js");
        assertTrue(js.contains("export async function mount(element, ctx)"));
        Set<String> used = new TreeSet<>();
        Matcher m = Pattern.compile("\\bt\\('([a-zA-Z0-9_.]+)'").matcher(js);
        while (m.find()) {
            used.add(m.group(1));
        }
        ObjectMapper json = new ObjectMapper();
        Set<String> ja = new TreeSet<>();
        Set<String> en = new TreeSet<>();
        json.readTree(read("messages.ja.json")).fieldNames().forEachRemaining(ja::add);
        json.readTree(read("messages.en.json")).fieldNames().forEachRemaining(en::add);
        assertEquals(ja, en, "the same keys in both languages");
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(ja);
        assertEquals(Set.of(), missing);
    }
}
