package org.freelanceisland.community.internal;

import java.util.Optional;
import java.util.Set;

import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.Pillar;
import org.freelanceisland.platform.api.ProgramModule;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The community and hub program (コミュニティ・拠点) of stage 3 of the plan. Its console panel
 * ({@code src/main/resources/console-panel/}) is served under {@code /console/community/}.
 */
@Component(service = ProgramModule.class)
@HttpWhiteboardResource(pattern = "/console/community/*", prefix = "/console-panel")
public final class CommunityModule implements ProgramModule {

    /** The module's id. */
    public static final String ID = "community";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public LocalizedText title() {
        return LocalizedText.of("コミュニティ・拠点", "Community and hub");
    }

    @Override
    public LocalizedText description() {
        return LocalizedText.of("支援拠点の運営：交流会などのイベントと受付（チェックイン）、相談窓口の記録とフォロー、コミュニティリーダー、"
                + "年度ごとの満足度調査、同意を得た島フリーランスのロールモデル紹介、移住希望者へのフェーズ別情報。",
                "Running the support hub: events and exchange meetings with check-in, the consultation desk with follow-ups,"
                        + " community leaders, the yearly satisfaction survey, role models shown with their consent, and"
                        + " information for would-be migrants by phase.");
    }

    @Override
    public Set<Pillar> pillars() {
        return Set.of(Pillar.NETWORK, Pillar.HELP, Pillar.LIFE, Pillar.WORK_PLACE);
    }

    @Override
    public Set<Integer> stages() {
        return Set.of(3);
    }

    @Override
    public Optional<String> consolePath() {
        return Optional.of("/console/community/");
    }
}
