package org.freelanceisland.demo.internal.load;

import static org.freelanceisland.demo.internal.load.IslandClient.obj;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Random;

import org.freelanceisland.demo.internal.data.People;
import org.freelanceisland.demo.internal.data.Pictures;
import org.freelanceisland.demo.internal.data.Years;

import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * The community and hub ({@code /api/community}) of stage 3: monthly exchange meetings, freelancer
 * cafes and study sessions at the hub (past ones with their attendance, the next ones with
 * registrations), the consultation desk's cases, community leaders, the yearly work-life
 * satisfaction survey with answers, role models with photos, and pages for would-be migrants.
 */
final class CommunityPart {

    private static final String[] TOPICS = { "STARTING_OUT", "TAXES_AND_FILING", "CONTRACTS", "MIGRATION",
        "CHILD_REARING_AND_WORK", "SKILLS", "OTHER" };
    private static final int[] TOPIC_WEIGHTS = { 25, 18, 12, 14, 14, 12, 5 };
    private static final String[] CHANNELS = { "IN_PERSON", "PHONE", "ONLINE", "EMAIL" };

    private CommunityPart() {
    }

    static void load(Steps s) {
        int current = Years.fiscalYear(s.today);
        s.say("community: events, consultations, leaders, surveys, role models, migrant pages");
        for (int fy = current - 1; fy <= current; fy++) {
            events(s, s.random("events:" + fy), fy);
            consultations(s, s.random("consultations:" + fy), fy);
            survey(s, s.random("survey:" + fy), fy, fy == current);
        }
        leaders(s, current);
        roleModels(s);
        migrantPages(s);
    }

    private static void events(Steps s, Random random, int fy) {
        for (int month = 4; month <= 15; month++) {
            int m = month > 12 ? month - 12 : month;
            LocalDate first = Years.day(fy, m, 1);
            if (first.isAfter(s.today.plusDays(45))) {
                break;
            }
            event(s, random, "community:event:" + fy + ":" + m + ":exchange", first.with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.FRIDAY)),
                    19, "EXCHANGE_MEETING", "島フリーランス交流会（" + m + "月）", "Island freelancers' meetup (" + first.getMonth() + ")", 40);
            event(s, random, "community:event:" + fy + ":" + m + ":cafe", first.with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.WEDNESDAY)),
                    14, "FREELANCER_CAFE", "フリーランスカフェ", "Freelancer cafe", 20);
            if (m % 2 == 0) {
                event(s, random, "community:event:" + fy + ":" + m + ":study", first.with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.SATURDAY)),
                        10, "STUDY_SESSION", "スキルアップ勉強会「確定申告と経費のきほん」", "Study session: tax returns and expenses", 30);
            }
        }
    }

    private static void event(Steps s, Random random, String key, LocalDate day, int hour, String kind, String ja, String en, int capacity) {
        LocalDateTime starts = day.atTime(LocalTime.of(hour, 0));
        LocalDateTime ends = starts.plusHours(2);
        int expected = capacity / 3 + random.nextInt(capacity / 2);
        List<People.Person> comers = Steps.pick(random, s.select(p -> p.registeredOn().isBefore(day)), expected);
        int walkIns = random.nextInt(6);
        String id = s.ensure(key, "community", "event", () -> s.api.post("/api/community/events", obj(
                "title", obj("ja", ja, "en", en),
                "description", obj("ja", "島で働くフリーランス同士が仕事や暮らしの情報を交換する場です。初めての方も歓迎します。",
                        "en", "Island freelancers meet to share work and life. Newcomers welcome."),
                "kind", kind, "startsAt", starts.toString(), "endsAt", ends.toString(), "place", TerakoyaPart.HUB,
                "capacity", capacity, "waitlist", true, "visibility", "PUBLIC")).path("id").asText());
        String base = "/api/community/events/" + id;
        LocalDate today = s.today;
        if (day.isAfter(today)) {
            for (People.Person p : comers.subList(0, Math.min(comers.size(), capacity / 2))) {
                s.ensure(key + ":registration:" + p.key(), "community", "registration",
                        () -> s.api.post(base + "/registrations", obj("personId", s.id(p))).path("id").asText());
            }
        } else if (!day.isBefore(today.minusDays(28)) && day.isBefore(today)) {
            // recent: the paper list typed in afterwards, walk-ins registered at the door
            for (People.Person p : comers) {
                s.ensure(key + ":registration:" + p.key(), "community", "registration",
                        () -> s.api.post(base + "/check-ins", obj("personId", s.id(p))).path("id").asText());
            }
            s.once(key + ":visitors", "community", () -> s.api.put(base + "/visitors", obj("count", walkIns)));
        } else if (day.isBefore(today)) {
            // older: only the head count at the door was kept
            int count = comers.size() + walkIns;
            s.once(key + ":visitors", "community", () -> s.api.put(base + "/visitors", obj("count", count)));
        }
    }

    private static void consultations(Steps s, Random random, int fy) {
        LocalDate from = Years.day(fy, 4, 1);
        int n = 45 + random.nextInt(15);
        for (int i = 0; i < n; i++) {
            LocalDate day = from.plusDays(random.nextInt(365));
            String topic = TOPICS[People.weighted(random, TOPIC_WEIGHTS)];
            String channel = CHANNELS[random.nextInt(CHANNELS.length)];
            boolean named = random.nextInt(4) != 0;
            List<People.Person> who = s.select(p -> p.registeredOn().isBefore(day));
            People.Person person = named && !who.isEmpty() ? who.get(random.nextInt(who.size())) : null;
            boolean followUp = day.isAfter(s.today.minusDays(30)) && random.nextInt(3) == 0;
            if (day.isAfter(s.today)) {
                continue;
            }
            String key = "community:consultation:" + fy + ":" + i;
            s.ensure(key, "community", "consultation", () -> s.api.post("/api/community/consultations", obj(
                    "personId", person == null ? null : s.id(person), "heldOn", day, "topic", topic, "channel", channel,
                    "notes", note(topic), "followUpOn", followUp ? s.today.plusDays(3 + (int) (day.toEpochDay() % 10)) : null,
                    "status", followUp ? "FOLLOW_UP" : "CLOSED")).path("id").asText());
        }
    }

    private static String note(String topic) {
        return switch (topic) {
            case "STARTING_OUT" -> "開業届と最初の仕事の探し方について相談。寺子屋のWebライティング講座を案内。";
            case "TAXES_AND_FILING" -> "確定申告と経費の扱いについて。青色申告の手続きを説明。";
            case "CONTRACTS" -> "発注書に支払期日がないとの相談。フリーランス法の取引条件の明示を説明。";
            case "MIGRATION" -> "移住前の住まいと通信環境の相談。お試しサテライトオフィスを案内。";
            case "CHILD_REARING_AND_WORK" -> "保育園の送迎と両立できる仕事量について。在宅でできる案件を紹介予定。";
            case "SKILLS" -> "写真の腕を上げたいとの相談。観光フォトライター講座とスキルシェアを案内。";
            default -> "その他の相談。";
        };
    }

    private static void leaders(Steps s, int current) {
        String[][] communities = { { "handmade-makers", "ハンドメイド作家の会", "Handmade makers' circle", "handmade" },
            { "island-writers", "島ライター部", "Island writers' club", "writing" },
            { "parents-at-work", "子育てフリーランスの会", "Freelancing parents", "" },
            { "web-study", "Web・IT勉強会", "Web and IT study group", "web-production" } };
        for (int i = 0; i < communities.length; i++) {
            String[] c = communities[i];
            LocalDate since = Years.day(current - 1 + i / 2, i % 2 == 0 ? 6 : 10, 1);
            if (since.isAfter(s.today)) {
                since = s.today.minusDays(14);
            }
            LocalDate start = since;
            List<People.Person> fit = s.select(p -> (c[3].isEmpty() ? p.lifestyle().contains("CHILD_REARING") : p.has(c[3]))
                    && p.level() > 0.45 && p.registeredOn().isBefore(start));
            if (fit.isEmpty()) {
                continue;
            }
            People.Person leader = fit.get(fit.size() / 2);
            s.ensure("community:leader:" + c[0], "community", "leader", () -> s.api.post("/api/community/leaders", obj(
                    "personId", s.id(leader), "community", c[0], "communityName", obj("ja", c[1], "en", c[2]), "since", start,
                    "note", "月1回の集まりを主催")).path("id").asText());
        }
    }

    private static void survey(Steps s, Random random, int fy, boolean stillOpen) {
        String key = "community:survey:" + fy;
        ArrayNode questions = IslandClient.JSON.createArrayNode();
        questions.add(obj("code", "life", "type", "LIKERT_1_5", "required", true,
                "text", obj("ja", "島での仕事と暮らしに、どのくらい満足していますか。", "en", "How satisfied are you with your work and life on the island?")));
        ArrayNode options = IslandClient.JSON.createArrayNode();
        options.add(obj("code", "main", "label", obj("ja", "フリーランスが本業", "en", "Freelancing is my main work")));
        options.add(obj("code", "side", "label", obj("ja", "副業として", "en", "As a side job")));
        options.add(obj("code", "parenting", "label", obj("ja", "子育てしながら", "en", "While raising children")));
        questions.add(obj("code", "style", "type", "CHOICE", "required", false, "options", options,
                "text", obj("ja", "いまの働き方に近いものを選んでください。", "en", "Which is closest to how you work now?")));
        questions.add(obj("code", "wish", "type", "FREE_TEXT", "required", false,
                "text", obj("ja", "拠点や講座に望むことがあれば教えてください。", "en", "What would you like from the hub or the courses?")));
        int era = fy - 2018;
        String id = s.ensure(key, "community", "survey", () -> s.api.post("/api/community/surveys", obj(
                "fiscalYear", fy, "title", obj("ja", "令和" + era + "年度 島フリーランス満足度調査", "en", "Island freelancers' satisfaction survey FY" + fy),
                "description", obj("ja", "ワークライフの満足度（目標80％）を測る年1回の調査です。", "en", "The yearly work-life satisfaction survey (target 80 %)."),
                "anonymous", false, "questions", questions, "satisfiedWhen", obj("question", "life", "min", 4))).path("id").asText());
        String base = "/api/community/surveys/" + id;
        s.once(key + ":open", "community", () -> s.api.post(base + "/open", null));
        double satisfied = stillOpen ? 0.84 : 0.78;
        List<People.Person> answering = Steps.pick(random, s.select(p -> p.registeredOn().isBefore(Years.day(fy, 9, 1))),
                stillOpen ? 42 : 68);
        String[] wishes = { "子どもを連れて行ける時間帯の講座がほしい", "交流会をオンラインでも開いてほしい", "請求書や契約の相談がもっとしやすいと助かる",
            "スキルシェアの掲示板が便利でした", null, null };
        for (People.Person p : answering) {
            boolean happy = random.nextDouble() < satisfied;
            int rating = happy ? 4 + random.nextInt(2) : 1 + random.nextInt(3);
            String style = p.lifestyle().contains("CHILD_REARING") ? "parenting" : p.lifestyle().contains("SIDE_JOB") ? "side" : "main";
            String wish = wishes[random.nextInt(wishes.length)];
            ArrayNode answers = IslandClient.JSON.createArrayNode();
            answers.add(obj("question", "life", "rating", rating));
            answers.add(obj("question", "style", "choice", style));
            if (wish != null) {
                answers.add(obj("question", "wish", "text", wish));
            }
            s.ensure(key + ":response:" + p.key(), "community", "response",
                    () -> s.api.post(base + "/responses", obj("personId", s.id(p), "answers", answers)).path("id").asText());
        }
        if (!stillOpen) {
            s.once(key + ":close", "community", () -> s.api.post(base + "/close", null));
        }
    }

    private static void roleModels(Steps s) {
        List<People.Person> models = s.select(p -> p.consents("ROLE_MODEL") && p.level() > 0.4);
        String[][] stories = {
            { "大島紬の端切れで、暮らしの小物をつくっています", "寺子屋のネット販売講座でハンドメイドマーケットへの出品を学び、いまは店舗・イベント・ネットの三本柱で販売しています。子どもたちが作品を誇りにしてくれるのが励みです。" },
            { "記事1本に3日。島のペースで書いています", "1日目に調べ、2日目と3日目で書きます。読者の感想が直接届くのがやりがいです。フリーランスカフェで悩みを話せる仲間ができました。" },
            { "ライター、カメラマン、Web制作をひとりで", "取材から撮影、サイトの更新までまとめて受けることで単価が上がりました。大きな案件は仲間とチームを組んで受けています。" },
            { "副業から始めて、島の仕事をつくる側へ", "本業のかたわら週末にSNS運用を受けていました。いまは地元のお店の発信を手伝いながら、勉強会も主催しています。" },
        };
        for (int i = 0; i < Math.min(models.size(), stories.length); i++) {
            People.Person p = models.get(i);
            String[] story = stories[i];
            String family = p.name().split(" ")[0];
            String key = "community:role-model:" + p.key();
            String id = s.ensure(key, "community", "role-model", () -> s.api.post("/api/community/role-models", obj(
                    "personId", s.id(p), "displayName", family + "さん（" + p.district() + "）",
                    "headline", obj("ja", story[0]), "story", obj("ja", story[1]), "workKind", p.mainSkill(),
                    "work", obj("ja", String.join("、", p.preferredWork())))).path("id").asText());
            long seed = s.seed + i;
            s.once(key + ":photo", "community", () -> s.api.raw("PUT", "/api/community/role-models/" + id + "/photo", "image/png",
                    Pictures.portrait(seed)));
            s.once(key + ":publish", "community", () -> s.api.post("/api/community/role-models/" + id + "/publish", null));
        }
    }

    private static void migrantPages(Steps s) {
        String[][] pages = {
            { "interested", "INTERESTED", "奄美で働くということ", "フリーランスの仕事は島のどこにいてもできます。まずは島フリーランスのロールモデルを読んでみてください。" },
            { "visiting", "VISITING", "島を訪ねるときに", "WorkStyle Lab Inno のコワーキングを1日から使えます。交流会の日に合わせて来ると、先輩フリーランスに会えます。" },
            { "trial-stay", "TRIAL_STAY", "お試し滞在とサテライトオフィス", "1週間から使えるお試しサテライトオフィスがあります。通信環境は市内全域の光回線です。" },
            { "moved", "MOVED", "移住したら最初にすること", "人材台帳への登録、寺子屋の講座、相談窓口。仕事の紹介は登録と同意のあとに始まります。" },
        };
        for (int i = 0; i < pages.length; i++) {
            String[] pg = pages[i];
            int position = i;
            String key = "community:migrant-page:" + pg[0];
            String id = s.ensure(key, "community", "migrant-page", () -> s.api.post("/api/community/migrant-pages", obj(
                    "slug", "demo-" + pg[0], "phase", pg[1], "position", position, "title", obj("ja", pg[2]),
                    "summary", obj("ja", pg[3]), "body", obj("ja", pg[3] + "\n\n詳しくは相談窓口（WorkStyle Lab Inno）へどうぞ。"))).path("id").asText());
            s.once(key + ":publish", "community", () -> s.api.post("/api/community/migrant-pages/" + id + "/publish", null));
        }
    }
}
