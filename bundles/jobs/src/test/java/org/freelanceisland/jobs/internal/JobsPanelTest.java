package org.freelanceisland.jobs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.freelanceisland.jobs.internal.model.Channel;
import org.freelanceisland.jobs.internal.model.ContractStatus;
import org.freelanceisland.jobs.internal.model.EffortUnit;
import org.freelanceisland.jobs.internal.model.IntroductionStatus;
import org.freelanceisland.jobs.internal.model.JobStatus;
import org.freelanceisland.jobs.internal.model.PartnerKind;
import org.freelanceisland.jobs.internal.model.PayType;
import org.freelanceisland.jobs.internal.model.WorkMode;
import org.freelanceisland.platform.api.people.TimeWindow;
import org.freelanceisland.testing.console.PanelFiles;
import org.junit.jupiter.api.Test;

/** The job brokering panel's files: its manifest, messages and modules, and its codes against the API's. */
class JobsPanelTest {

    private final PanelFiles panel = PanelFiles.of(Path.of("src/main/resources/console-panel"));

    @Test
    void theManifestMessagesAndModulesHoldTogether() {
        assertEquals(List.of(), panel.problems());
    }

    @Test
    void thePanelOffersExactlyTheCodesTheApiTakesAndLabelsEachInBothLanguages() {
        check("JOB_STATUSES", "jobStatus.", JobStatus.values());
        check("INTRODUCTION_STATUSES", "introductionStatus.", IntroductionStatus.values());
        check("CONTRACT_STATUSES", "contractStatus.", ContractStatus.values());
        check("PARTNER_KINDS", "partnerKind.", PartnerKind.values());
        check("WORK_MODES", "workMode.", WorkMode.values());
        check("CHANNELS", "channel.", Channel.values());
        check("TIME_WINDOWS", "window.", TimeWindow.values());
        assertEquals(List.of(), panel.missingLabels("payType.", PayType.class));
        assertEquals(List.of(), panel.missingLabels("job.pay.", PayType.class));
        assertEquals(List.of(), panel.missingLabels("effortUnit.", EffortUnit.class));
        assertEquals(List.of(), panel.missingLabels("severity.", List.of(org.freelanceisland.jobs.internal.service.FreelanceAct.VIOLATION,
                org.freelanceisland.jobs.internal.service.FreelanceAct.WARNING)));
    }

    private void check(String constant, String prefix, Enum<?>[] values) {
        List<String> codes = Stream.of(values).map(Enum::name).toList();
        assertEquals(codes.stream().sorted().toList(), panel.arrayConstant("common.js", constant).stream().sorted().toList(), constant);
        assertEquals(List.of(), panel.missingLabels(prefix, codes), constant);
    }
}
