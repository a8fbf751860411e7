package org.freelanceisland.kpi.internal;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.Pillar;
import org.freelanceisland.platform.api.ProgramModule;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The KPI program as the platform lists it, with its console panel ({@code /console/kpi/}, files in
 * {@code console-panel/} of the bundle, Chart.js unpacked there from its WebJar by the build).
 */
@Component(service = ProgramModule.class)
@HttpWhiteboardResource(pattern = "/console/kpi/*", prefix = "/console-panel")
public final class KpiProgram implements ProgramModule {

    /** The program's id. */
    public static final String ID = "kpi";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText title() {
        return LocalizedText.of("KPI管理", "KPI tracking");
    }

    @Override
    public LocalizedText description() {
        return LocalizedText.of("計画の各ステージの目標と実績（第１・第２ステージは報告値、第３ステージは活動台帳から集計）、達成率と評価、根拠の記録、CSV出力。",
                "The plan's targets and results per stage (reported for stages 1 and 2, counted live from the activity ledger"
                        + " for stage 3), achievement rates and grades, the records behind each figure, and CSV exports.");
    }

    @Override
    public Set<Pillar> pillars() {
        return EnumSet.allOf(Pillar.class);
    }

    @Override
    public Set<Integer> stages() {
        return Set.of(1, 2, 3);
    }

    @Override
    public Optional<String> consolePath() {
        return Optional.of("/console/kpi/");
    }
}
