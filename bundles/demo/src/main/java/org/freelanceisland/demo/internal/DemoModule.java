package org.freelanceisland.demo.internal;

import java.util.Optional;
import java.util.Set;

import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.Pillar;
import org.freelanceisland.platform.api.ProgramModule;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The demo island as a module of the console: its panel (what is loaded, load and clear for
 * administrators) and the "getting started" card on the console's home page, served from
 * {@code src/main/resources/console-panel/} under {@code /console/demo/}. It belongs to no pillar
 * and no stage of the plan: it is sample data, not a program.
 */
@Component(service = ProgramModule.class)
@HttpWhiteboardResource(pattern = "/console/demo/*", prefix = "/console-panel")
public final class DemoModule implements ProgramModule {

    /** The module's id. */
    public static final String ID = "demo";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText title() {
        return LocalizedText.of("はじめに・デモの島", "Getting started and the demo island");
    }

    @Override
    public LocalizedText description() {
        return LocalizedText.of("お試し用のサンプルデータ（架空の島フリーランス、講座、コンテスト、仕事、交流）と、はじめての方への案内。本番のデータベースには読み込まないでください。",
                "Sample data for trying Freelance Island (invented island freelancers, courses, a contest, jobs, community)"
                        + " and a guide for newcomers. Never load it into a production database.");
    }

    @Override
    public Set<Pillar> pillars() {
        return Set.of();
    }

    @Override
    public Set<Integer> stages() {
        return Set.of();
    }

    @Override
    public Optional<String> consolePath() {
        return Optional.of("/console/demo/");
    }
}
