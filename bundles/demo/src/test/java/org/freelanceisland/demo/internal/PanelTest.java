package org.freelanceisland.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.freelanceisland.testing.console.PanelFiles;
import org.junit.jupiter.api.Test;

/** The demo island's console panel and home card: files, messages in both languages. */
class PanelTest {

    @Test
    void panelFilesAreComplete() {
        assertEquals(List.of(), PanelFiles.of(Path.of("src/main/resources/console-panel")).problems());
    }
}
