package org.freelanceisland.demo.internal.load;

import static org.freelanceisland.demo.internal.load.IslandClient.obj;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.freelanceisland.demo.internal.data.People;
import org.freelanceisland.demo.internal.data.Years;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * Job brokering ({@code /api/jobs}): partner platforms and companies of the kinds in the seed, three
 * years of jobs introduced to freelancers who fit them, answers (accepted, declined for lifestyle
 * reasons, counter-proposals), contracts with written terms, deliveries and payments; this year's
 * jobs in every state; a project team and skill-share exchanges.
 */
final class JobsPart {

    /** Partners: key, name, kind, from, quota, note. */
    private static final String[][] PARTNERS = {
        { "crowd", "シマソーシング株式会社", "CROWDSOURCING", "2015-10-01", "24", "クラウドソーシング・マーケットの運営会社。市との連携協定により企業単位の仕事を優先的に配分。" },
        { "stock", "あおぞらフォトストック株式会社", "STOCK_PHOTO", "2016-06-01", "0", "写真・イラスト素材のオンラインマーケット。島の風景素材の撮影を依頼。" },
        { "handmade", "てしごとマルシェ株式会社", "HANDMADE_MARKET", "2016-09-01", "0", "ハンドメイドマーケットの運営会社。作家の出品支援とイベント出展に協力。" },
        { "learning", "まなびクラウド株式会社", "ONLINE_LEARNING", "2017-04-01", "0", "オンライン動画学習サービス。寺子屋への講師派遣と年間100名の無料受講枠。" },
        { "media", "株式会社ゆらいメディア", "COMPANY", "2019-04-01", "6", "島の情報誌とWebメディアを発行する地元の会社。取材記事と写真を依頼。" },
    };

    /** Job templates: partner, skills, title ja, title en, volume, unit ja, effort, effort unit, pay type, yen, mode. */
    private static final String[][] JOBS = {
        { "crowd", "writing", "観光スポット紹介記事（3,000字）", "Tourist spot articles (3,000 characters)", "5", "本", "3", "DAYS", "PER_UNIT", "15000", "REMOTE" },
        { "crowd", "web-production,design", "飲食店のWebサイト制作（5ページ）", "Website for a restaurant (5 pages)", "1", "式", "10", "DAYS", "FIXED", "180000", "HYBRID" },
        { "crowd", "sns-operation", "宿泊施設のSNS投稿代行（月12投稿）", "SNS posts for a guesthouse (12 a month)", "12", "投稿", "2", "HOURS", "PER_UNIT", "3000", "REMOTE" },
        { "stock", "photography", "ストックフォト素材「奄美の海と森」", "Stock photos: Amami's sea and forest", "20", "点", "1.5", "HOURS", "PER_UNIT", "2500", "ON_SITE" },
        { "stock", "video,photography", "観光PR動画素材（30秒）", "Tourism video clips (30 seconds)", "5", "本", "1", "DAYS", "PER_UNIT", "12000", "ON_SITE" },
        { "handmade", "online-selling,photography", "ハンドメイド作品の商品ページ作成", "Product pages for handmade works", "20", "点", "1", "HOURS", "PER_UNIT", "2000", "REMOTE" },
        { "handmade", "handmade", "大島紬コースターの受注制作", "Oshima-tsumugi coasters made to order", "30", "枚", "2", "HOURS", "PER_UNIT", "1800", "REMOTE" },
        { "learning", "translation", "オンライン講座の字幕翻訳（日本語→英語）", "Subtitles for an online course (Japanese to English)", "6", "本", "4", "HOURS", "PER_UNIT", "8000", "REMOTE" },
        { "learning", "writing,proposal", "講座紹介文の作成", "Course descriptions", "3", "本", "1", "DAYS", "PER_UNIT", "10000", "REMOTE" },
        { "media", "writing,photography", "月刊誌の集落取材記事（写真付き）", "Village reportage with photos for the monthly magazine", "2", "本", "3", "DAYS", "PER_UNIT", "30000", "ON_SITE" },
        { "media", "design,illustration", "観光マップのイラスト制作", "Illustrated tourist map", "1", "式", "5", "DAYS", "FIXED", "80000", "REMOTE" },
    };
    private static final String[] DECLINES = { "子育て中のため締切までの時間が取れない", "本業が繁忙期のため", "平日の日中は対応できない",
        "ほかの案件と重なっている", "取材先が遠く移動が難しい" };

    private JobsPart() {
    }

    static void load(Steps s) {
        s.say("jobs: partners, jobs, introductions, contracts and payments");
        List<String> partnerIds = new ArrayList<>();
        for (String[] p : PARTNERS) {
            partnerIds.add(s.ensure("jobs:partner:" + p[0], "jobs", "partner", () -> s.api.post("/api/jobs/partners", obj(
                    "name", p[1], "kind", p[2], "contactName", "提携窓口担当", "contactEmail", "partner-" + p[0] + "@example.jp",
                    "agreement", "フリーランスが最も働きやすい島化計画に関する連携協定", "agreementFrom", p[3],
                    "priorityQuota", Integer.valueOf(p[4]), "note", p[5])).path("id").asText()));
        }
        int current = Years.fiscalYear(s.today);
        for (int fy = current - 2; fy <= current; fy++) {
            Random random = s.random("jobs:" + fy);
            LocalDate from = Years.day(fy, 4, 1);
            int count = fy == current ? 18 : 26;
            for (int i = 0; i < count; i++) {
                LocalDate received = fy != current ? from.plusDays(random.nextInt(330))
                        : i >= count - 6 ? s.today.minusDays(random.nextInt(12)) // the last few: open, introduced, answered
                        : from.plusDays(random.nextInt((int) Math.max(1, s.today.toEpochDay() - from.toEpochDay())));
                job(s, random, "jobs:" + fy + ":" + i, received, partnerIds);
            }
        }
        team(s);
        skillShare(s);
    }

    private static String partnerId(List<String> ids, String key) {
        for (int i = 0; i < PARTNERS.length; i++) {
            if (PARTNERS[i][0].equals(key)) {
                return ids.get(i);
            }
        }
        throw new IllegalArgumentException(key);
    }

    private static void job(Steps s, Random random, String key, LocalDate received, List<String> partnerIds) {
        String[] t = JOBS[random.nextInt(JOBS.length)];
        List<String> skills = List.of(t[1].split(","));
        int volume = Integer.parseInt(t[4]);
        long yen = Long.parseLong(t[9]);
        long total = t[8].equals("FIXED") ? yen : yen * volume;
        LocalDate deadline = received.plusDays(25 + random.nextInt(20));
        long ageDays = s.today.toEpochDay() - received.toEpochDay();
        // which candidates: the job's main skill, consenting to job offers, registered before
        List<People.Person> fit = s.select(p -> p.has(skills.get(0)) && p.consents("JOB_OFFERS") && p.registeredOn().isBefore(received));
        List<People.Person> chosen = Steps.pick(random, fit, 1 + random.nextInt(3));
        boolean proposes = random.nextInt(5) == 0;
        int deliveredAfter = (int) (deadline.toEpochDay() - received.toEpochDay()) - random.nextInt(5);
        int paidAfter = 15 + random.nextInt(30);
        boolean late = random.nextInt(25) == 0;
        String declineReason = DECLINES[random.nextInt(DECLINES.length)];
        String jobId = s.ensure(key, "jobs", "job", () -> s.api.post("/api/jobs/jobs", obj(
                "partnerId", Long.valueOf(partnerId(partnerIds, t[0])), "title", obj("ja", t[2], "en", t[3]),
                "description", t[2] + "。納品形式や表記ルールは発注者の手引きに従ってください。島内在住のフリーランス向け。",
                "skills", skills, "volume", volume, "unit", obj("ja", t[5], "en", "units"),
                "effort", obj("value", Double.valueOf(t[6]), "unit", t[7]),
                "schedule", obj("start", received.plusDays(3), "deadline", deadline, "workMode", t[10],
                        "location", t[10].equals("REMOTE") ? null : "奄美市内"),
                "pay", obj("type", t[8], "yen", yen), "receivedOn", received)).path("id").asText());
        if (chosen.isEmpty() || ageDays < 3) {
            return; // still open: nobody introduced yet
        }
        String base = "/api/jobs";
        List<String> personIds = chosen.stream().map(s::id).toList();
        if (!s.done(key + ":introduced")) {
            JsonNode made = s.api.post(base + "/jobs/" + jobId + "/introductions", obj("personIds", personIds,
                    "note", "ライフスタイルとスキルに合う方にご紹介しています"));
            for (JsonNode intro : made) {
                s.store.add(key + ":introduction:" + intro.path("personId").asText(), "jobs", "introduction", intro.path("id").asText());
            }
            s.store.add(key + ":introduced", "jobs", "step", null);
        }
        if (ageDays < 8) {
            return; // waiting for the answers
        }
        String taker = null;
        for (int i = 0; i < personIds.size(); i++) {
            String pid = personIds.get(i);
            String intro = s.store.find(key + ":introduction:" + pid).orElseThrow().ref();
            if (i == 0) {
                taker = intro;
                if (proposes) {
                    s.once(key + ":propose", "jobs", () -> {
                        s.api.post(base + "/introductions/" + intro + "/propose", obj("channel", "MESSAGE",
                                "dueDate", deadline.plusDays(7), "note", "締切を1週間延ばせれば、写真も撮り下ろします"));
                        s.api.post(base + "/introductions/" + intro + "/proposal/accept", obj("reason", "発注者の了承を得ました"));
                    });
                } else {
                    s.once(key + ":accept", "jobs", () -> s.api.post(base + "/introductions/" + intro + "/accept",
                            obj("channel", "PHONE", "note", "ぜひ担当したいとのこと")));
                }
            } else {
                s.once(key + ":decline:" + i, "jobs", () -> s.api.post(base + "/introductions/" + intro + "/decline",
                        obj("channel", "EMAIL", "reason", declineReason)));
            }
        }
        String accepted = taker;
        LocalDate issued = received.plusDays(6);
        LocalDate due = proposes ? deadline.plusDays(7) : deadline;
        String contract = s.ensure(key + ":contract", "jobs", "contract", () -> s.api.post(base + "/introductions/" + accepted + "/contract",
                obj("payYen", total, "dueDate", due, "paymentDueDate", due.plusDays(30), "termsIssuedOn", issued)).path("id").asText());
        LocalDate delivered = received.plusDays(deliveredAfter + (proposes ? 7 : 0));
        if (!delivered.isBefore(s.today)) {
            return; // in progress
        }
        s.once(key + ":delivered", "jobs", () -> s.api.post(base + "/contracts/" + contract + "/delivery",
                obj("deliveredOn", delivered, "note", "納品物を確認しました")));
        LocalDate paid = delivered.plusDays(late ? 65 : paidAfter);
        if (!paid.isBefore(s.today)) {
            return; // awaiting payment
        }
        s.once(key + ":paid", "jobs", () -> s.api.post(base + "/contracts/" + contract + "/payment",
                obj("paidOn", paid, "amountYen", total)));
        s.once(key + ":closed", "jobs", () -> s.api.post(base + "/jobs/" + jobId + "/close", obj("reason", "支払い完了")));
    }

    /** A writer, a photographer and a web maker form a team for a larger job. */
    private static void team(Steps s) {
        People.Person writer = first(s, "writing");
        People.Person photographer = first(s, "photography");
        People.Person web = first(s, "web-production");
        if (writer == null || photographer == null || web == null || writer == photographer || photographer == web || writer == web) {
            return;
        }
        ArrayNode members = IslandClient.JSON.createArrayNode();
        members.add(obj("personId", s.id(writer), "role", "ライター", "sharePercent", 40));
        members.add(obj("personId", s.id(photographer), "role", "カメラマン", "sharePercent", 25));
        members.add(obj("personId", s.id(web), "role", "Web制作", "sharePercent", 35));
        s.ensure("jobs:team:tida", "jobs", "team", () -> s.api.post("/api/jobs/teams", obj("name", "チーム・ティダ",
                "note", "ライター・カメラマン・Web制作の3人で、集落の魅力発信サイトなど大きめの案件を受けるプロジェクトチーム",
                "members", members)).path("id").asText());
    }

    private static People.Person first(Steps s, String skill) {
        return s.people.stream().filter(p -> p.mainSkill().equals(skill) && p.level() > 0.5 && p.consents("JOB_OFFERS"))
                .findFirst().orElse(null);
    }

    /** Freelancers teach each other: listings and completed exchanges. */
    private static void skillShare(Steps s) {
        Random random = s.random("skillshare");
        String[][] pairs = { { "sns-operation", "SNS運用のコツを教えます" }, { "photography", "商品撮影の基本を教えます" },
            { "web-production", "ホームページの更新方法を教えます" }, { "writing", "記事の構成を添削します" } };
        for (String[] pair : pairs) {
            List<People.Person> teachers = s.select(p -> p.mainSkill().equals(pair[0]) && p.level() > 0.4);
            List<People.Person> learners = s.select(p -> !p.has(pair[0]) && p.level() < 0.5);
            if (teachers.isEmpty() || learners.isEmpty()) {
                continue;
            }
            People.Person teacher = teachers.get(random.nextInt(teachers.size()));
            People.Person learner = learners.get(random.nextInt(learners.size()));
            LocalDate done = s.today.minusDays(10 + random.nextInt(120));
            String key = "jobs:skillshare:" + pair[0];
            s.ensure(key + ":offer", "jobs", "listing", () -> s.api.post("/api/jobs/skillshare/listings", obj(
                    "personId", s.id(teacher), "kind", "OFFER", "skill", pair[0], "note", pair[1])).path("id").asText());
            String exchange = s.ensure(key + ":exchange", "jobs", "exchange", () -> s.api.post("/api/jobs/skillshare/exchanges", obj(
                    "providerId", s.id(teacher), "receiverId", s.id(learner), "skill", pair[0],
                    "note", "WorkStyle Lab Inno で2時間")).path("id").asText());
            s.once(key + ":complete", "jobs", () -> s.api.post("/api/jobs/skillshare/exchanges/" + exchange + "/complete",
                    obj("completedOn", done, "note", "お互いに学びがありました")));
        }
    }
}
