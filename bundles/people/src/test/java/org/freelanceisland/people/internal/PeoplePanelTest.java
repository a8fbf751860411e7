package org.freelanceisland.people.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.List;
import java.util.stream.Stream;

import org.freelanceisland.people.internal.model.IncomeSource;
import org.freelanceisland.people.internal.model.Origin;
import org.freelanceisland.people.internal.model.RelationPhase;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.api.people.LifestyleConstraint;
import org.freelanceisland.platform.api.people.PersonFlag;
import org.freelanceisland.platform.api.people.TimeWindow;
import org.freelanceisland.testing.console.PanelFiles;
import org.junit.jupiter.api.Test;

/** The people panel's files: its manifest, messages and modules, and its codes against the API's. */
class PeoplePanelTest {

    private final PanelFiles panel = PanelFiles.of(Path.of("src/main/resources/console-panel"));

    @Test
    void theManifestMessagesAndModulesHoldTogether() {
        assertEquals(List.of(), panel.problems());
    }

    @Test
    void thePanelOffersExactlyTheCodesTheApiTakesAndLabelsEachInBothLanguages() {
        check("WEEKDAYS", "weekday.", names(DayOfWeek.values()));
        check("WINDOWS", "window.", names(TimeWindow.values()));
        check("LIFESTYLE", "lifestyle.", names(LifestyleConstraint.values()));
        check("FLAGS", "flag.", names(PersonFlag.values()));
        check("PURPOSES", "purpose.", names(ConsentPurpose.values()));
        check("ORIGINS", "origin.", names(Origin.values()));
        check("PHASES", "phase.", names(RelationPhase.values()));
        check("SOURCES", "source.", names(IncomeSource.values()));
        assertEquals(List.of(), panel.missingLabels("weekday.short.", DayOfWeek.class));
    }

    private void check(String constant, String prefix, List<String> codes) {
        assertEquals(codes, panel.arrayConstant("common.js", constant), constant);
        assertEquals(List.of(), panel.missingLabels(prefix, codes), constant);
    }

    private static List<String> names(Enum<?>[] values) {
        return Stream.of(values).map(Enum::name).toList();
    }
}
