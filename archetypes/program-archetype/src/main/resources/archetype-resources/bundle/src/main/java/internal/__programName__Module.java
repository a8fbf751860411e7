package ${package}.internal;

import java.util.Optional;
import java.util.Set;

import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.Pillar;
import org.freelanceisland.platform.api.ProgramModule;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * ${titleEn} as a program of the plan: the platform lists it in {@code /api/modules} and the console
 * shows its panel while this bundle is active. The panel's files
 * ({@code src/main/resources/console-panel/}) are served under {@code /console/${programId}/}.
 */
@Component(service = ProgramModule.class)
@HttpWhiteboardResource(pattern = "/console/${programId}/*", prefix = "/console-panel")
public final class ${programName}Module implements ProgramModule {

    /** The program's id. */
    public static final String ID = "${programId}";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText title() {
        return LocalizedText.of("${titleJa}", "${titleEn}");
    }

    @Override
    public LocalizedText description() {
        return LocalizedText.of("${titleJa}の記録を年度ごとに登録し、一覧・更新します。",
                "Records of ${titleEn} per fiscal year: register, list and update them.");
    }

    @Override
    public Set<Pillar> pillars() {
        return Set.of(Pillar.WORK_PLACE);
    }

    @Override
    public Set<Integer> stages() {
        return Set.of(3);
    }

    @Override
    public Optional<String> consolePath() {
        return Optional.of("/console/" + ID + "/");
    }
}
