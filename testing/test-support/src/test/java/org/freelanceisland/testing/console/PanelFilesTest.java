package org.freelanceisland.testing.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PanelFilesTest {

    @TempDir
    Path dir;

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aPanelWhoseFilesHoldTogetherHasNoProblem() throws IOException {
        write("panel.json", """
                {"entry":"panel.js","role":["staff","coordinator"],"menu":[{"route":"list","label":{"ja":"一覧","en":"List"}}]}""");
        write("panel.js", "import { CODES } from './common.js';\nexport function mount(e, ctx) { ctx.t('title', { n: 1 }); get('x'); }");
        write("common.js", "export const CODES = ['A', 'B'];");
        write("messages.ja.json", "{\"title\":\"{n}件\",\"code.A\":\"エー\",\"code.B\":\"ビー\",\"unit\":\"件\"}");
        write("messages.en.json", "{\"title\":\"{n} items\",\"code.A\":\"A\",\"code.B\":\"B\",\"unit\":\"\"}");
        PanelFiles panel = PanelFiles.of(dir);
        assertEquals(List.of(), panel.problems());
        assertEquals(List.of("A", "B"), panel.arrayConstant("common.js", "CODES"));
        assertEquals(List.of(), panel.missingLabels("code.", List.of("A", "B")));
        assertEquals(List.of("code.C"), panel.missingLabels("code.", List.of("A", "C")));
    }

    @Test
    void everyKindOfMistakeIsReported() throws IOException {
        write("panel.json", """
                {"entry":"main.js","css":"../x.css","role":"boss","menu":[{"route":"list","label":{"ja":"一覧"}},{"label":{"ja":"a","en":"b"}}]}""");
        write("panel.js", "import { x } from './gone.js';\nt('missing.key'); t('title');");
        write("messages.ja.json", "{\"title\":\"{n}件\",\"only.ja\":\"日本語\",\"empty\":\"\"}");
        write("messages.en.json", "{\"title\":\"{count} items\",\"only.en\":\"English\",\"empty\":\"\"}");
        List<String> problems = PanelFiles.of(dir).problems();
        for (String expected : List.of(
                "panel.json: entry main.js is not a file of the panel",
                "panel.json: css ../x.css is not a file of the panel",
                "panel.json: role boss is no role",
                "panel.json: menu entry list needs a label in ja and en",
                "panel.json: a menu entry needs a route of its own of letters, digits, _-./: {\"label\":{\"ja\":\"a\",\"en\":\"b\"}}",
                "messages.en.json lacks only.ja",
                "messages.ja.json lacks only.en",
                "title: the placeholders differ: [n] / [count]",
                "messages.ja.json: empty is not a text",
                "panel.js uses the message missing.key, which is not in messages.ja.json",
                "panel.js imports ./gone.js, which does not exist")) {
            assertTrue(problems.contains(expected), expected + " in " + problems);
        }
        assertEquals(11, problems.size(), problems.toString());
        assertThrows(AssertionError.class, () -> PanelFiles.of(dir).arrayConstant("panel.js", "CODES"));
    }
}
