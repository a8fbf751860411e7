package org.freelanceisland.terakoya.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.freelanceisland.terakoya.internal.model.AttendanceStatus;
import org.freelanceisland.terakoya.internal.model.CompletionRule;
import org.freelanceisland.terakoya.internal.model.CourseFormat;
import org.freelanceisland.terakoya.internal.model.EnrolmentStatus;
import org.freelanceisland.testing.console.PanelFiles;
import org.junit.jupiter.api.Test;

/** The Terakoya panel's files: its manifest, messages and modules, and its codes against the API's. */
class TerakoyaPanelTest {

    private final PanelFiles panel = PanelFiles.of(Path.of("src/main/resources/console-panel"));

    @Test
    void theManifestMessagesAndModulesHoldTogether() {
        assertEquals(List.of(), panel.problems());
    }

    @Test
    void thePanelOffersExactlyTheCodesTheApiTakesAndLabelsEachInBothLanguages() {
        check("STATUSES", "status.", names(EnrolmentStatus.values()));
        check("ATTENDANCE", "attendance.", names(AttendanceStatus.values()));
        check("RULES", "rule.", names(CompletionRule.values()));
        check("FORMATS", "format.", names(CourseFormat.values()));
        assertEquals(List.of(), panel.missingLabels("rule.text.", CompletionRule.class));
    }

    private void check(String constant, String prefix, List<String> codes) {
        assertEquals(codes, panel.arrayConstant("common.js", constant), constant);
        assertEquals(List.of(), panel.missingLabels(prefix, codes), constant);
    }

    private static List<String> names(Enum<?>[] values) {
        return Stream.of(values).map(Enum::name).toList();
    }
}
