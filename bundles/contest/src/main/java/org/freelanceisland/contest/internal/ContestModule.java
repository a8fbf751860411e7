package org.freelanceisland.contest.internal;

import java.util.Optional;
import java.util.Set;

import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.Pillar;
import org.freelanceisland.platform.api.ProgramModule;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The Amami Handmade Grand Prize and market (あまみハンドメイド大賞・マーケット) as a program of the plan.
 * It also serves the program's console panel ({@code src/main/resources/console-panel}) under
 * {@code /console/contest/}, so the panel comes and goes with the program.
 */
@Component(service = ProgramModule.class)
@HttpWhiteboardResource(pattern = "/console/contest/*", prefix = "/console-panel")
public final class ContestModule implements ProgramModule {

    /** The module's id. */
    public static final String ID = "contest";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText title() {
        return LocalizedText.of("あまみハンドメイド大賞・マーケット", "Handmade contest and market");
    }

    @Override
    public LocalizedText description() {
        return LocalizedText.of("ハンドメイド大賞の運営（作品応募と写真、審査員による採点、投票券によるオーディエンス賞、結果発表）と、"
                + "ハンドメイドマーケット（出展者、来場者数、年度ごと・累計の動員数）。",
                "The handmade contest (entries with photos, jury scoring, the audience award voted with ticket codes, published"
                        + " results) and the handmade market (exhibitors, visitor counts, attendance per year and across the years).");
    }

    @Override
    public Set<Pillar> pillars() {
        return Set.of(Pillar.MONETIZE, Pillar.NETWORK);
    }

    @Override
    public Set<Integer> stages() {
        return Set.of(1, 2, 3);
    }

    @Override
    public Optional<String> consolePath() {
        return Optional.of("/console/contest/");
    }
}
