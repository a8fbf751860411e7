package org.freelanceisland.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.freelanceisland.testing.console.PanelFiles;
import org.junit.jupiter.api.Test;

/** The shell's own files: every message it uses exists in Japanese and English, every module it imports exists. */
class ConsoleFilesTest {

    @Test
    void theShellsMessagesAndModulesHoldTogether() {
        PanelFiles console = PanelFiles.of(Path.of("src/main/resources/console"));
        assertEquals(List.of(), console.problems());
        assertEquals(List.of(), console.missingLabels("role.", List.of("admin", "staff", "coordinator", "juror")));
    }
}
