package org.freelanceisland.jobs.internal;

import java.util.Optional;
import java.util.Set;

import org.freelanceisland.jobs.internal.rest.JobsApplication;
import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.Pillar;
import org.freelanceisland.platform.api.ProgramModule;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * Job brokering (仕事の紹介) as a program of the plan. Also serves the program's console panel
 * ({@code src/main/resources/console-panel}) under {@code /console/jobs/}.
 */
@Component(service = ProgramModule.class)
@HttpWhiteboardResource(pattern = "/console/jobs/*", prefix = "/console-panel")
public final class JobsModule implements ProgramModule {

    @Override
    public String id() {
        return JobsApplication.ID;
    }

    @Override
    public LocalizedText title() {
        return LocalizedText.of("仕事の紹介", "Job brokering");
    }

    @Override
    public LocalizedText description() {
        return LocalizedText.of("提携企業・プラットフォームの仕事を、スキルと暮らし方（子育て・副業・時間）に合わせて島のフリーランスに紹介：候補者の推薦と理由、紹介と回答・逆提案、契約（フリーランス法の確認）、納品と支払、年度ごとの報酬、チームとスキルシェア。",
                "Jobs from partner companies and platforms introduced to island freelancers to fit their skills and lifestyle:"
                        + " ranked candidates with reasons, introductions with answers and counter-proposals, contracts checked"
                        + " against the Freelance Act, delivery and payment, yearly earnings, teams and skill share.");
    }

    @Override
    public Set<Pillar> pillars() {
        return Set.of(Pillar.MONETIZE, Pillar.NETWORK, Pillar.HELP);
    }

    @Override
    public Set<Integer> stages() {
        return Set.of(1, 2, 3);
    }

    @Override
    public Optional<String> consolePath() {
        return Optional.of("/console/jobs/");
    }
}
