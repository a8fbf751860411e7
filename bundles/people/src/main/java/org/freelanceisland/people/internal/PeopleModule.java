package org.freelanceisland.people.internal;

import java.util.Optional;
import java.util.Set;

import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.Pillar;
import org.freelanceisland.platform.api.ProgramModule;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The people registry as the platform lists it in {@code /api/modules} and the console. The
 * component also serves the registry's console panel ({@code src/main/resources/console-panel/})
 * under {@code /console/people/}.
 */
@Component(service = ProgramModule.class)
@HttpWhiteboardResource(pattern = "/console/people/*", prefix = "/console-panel")
public final class PeopleModule implements ProgramModule {

    @Override
    public String id() {
        return "people";
    }

    @Override
    public LocalizedText title() {
        return LocalizedText.of("人材台帳", "People registry");
    }

    @Override
    public LocalizedText description() {
        return LocalizedText.of("フリーランスと移住者の台帳：スキル・稼働状況・同意・移住・収入を一元管理し、各事業に提供します。",
                "The registry of freelancers and migrants: skills, availability, consent, migration and income, "
                        + "kept once and shared with every program.");
    }

    @Override
    public Set<Pillar> pillars() {
        return Set.of(Pillar.HELP, Pillar.NETWORK);
    }

    @Override
    public Set<Integer> stages() {
        return Set.of(1, 2, 3);
    }

    @Override
    public Optional<String> consolePath() {
        return Optional.of("/console/people/");
    }
}
