package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.freelanceisland.testing.console.PanelFiles;
import org.junit.jupiter.api.Test;

import ${package}.internal.model.ItemStatus;

/** The console panel's files, checked without a browser (docs/console-panels.md of the platform). */
class PanelTest {

    private final PanelFiles panel = PanelFiles.of(Path.of("src/main/resources/console-panel"));

    @Test
    void theManifestMessagesAndModulesAgree() {
        assertEquals(List.of(), panel.problems());
    }

    @Test
    void thePanelKnowsEveryStatusOfTheApi() {
        assertEquals(Arrays.stream(ItemStatus.values()).map(Enum::name).toList(), panel.arrayConstant("panel.js", "STATUSES"));
        assertEquals(List.of(), panel.missingLabels("status.", ItemStatus.class));
    }
}
