package org.freelanceisland.terakoya.internal;

import java.util.Optional;
import java.util.Set;

import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.Pillar;
import org.freelanceisland.platform.api.ProgramModule;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The Freelance Terakoya (フリーランス寺子屋) as a program of the plan; it also serves the program's
 * console panel ({@code src/main/resources/console-panel/}) under {@code /console/terakoya/}.
 */
@Component(service = ProgramModule.class)
@HttpWhiteboardResource(pattern = "/console/terakoya/*", prefix = "/console-panel")
public final class TerakoyaModule implements ProgramModule {

    /** The module's id. */
    public static final String ID = "terakoya";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText title() {
        return LocalizedText.of("寺子屋", "Freelance Terakoya");
    }

    @Override
    public LocalizedText description() {
        return LocalizedText.of("フリーランス寺子屋の講座運営：年度ごとの講座、日程、受講申込とキャンセル待ち、出欠、修了者と修了証書、提携先のオンライン学習枠。",
                "Freelance Terakoya courses: courses per fiscal year, sessions, applications with a waitlist, attendance,"
                        + " graduates and certificates, and partner online-learning seats.");
    }

    @Override
    public Set<Pillar> pillars() {
        return Set.of(Pillar.SKILL_UP);
    }

    @Override
    public Set<Integer> stages() {
        return Set.of(1, 2, 3);
    }

    @Override
    public Optional<String> consolePath() {
        return Optional.of("/console/terakoya/");
    }
}
