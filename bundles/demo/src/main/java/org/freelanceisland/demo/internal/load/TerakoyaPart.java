package org.freelanceisland.demo.internal.load;

import static org.freelanceisland.demo.internal.load.IslandClient.obj;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.freelanceisland.demo.internal.data.People;
import org.freelanceisland.demo.internal.data.Years;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Freelance Terakoya of three fiscal years ({@code /api/terakoya}): about ten courses a year with
 * their sessions, applications, attendance and graduates, and a partner's online-learning seats.
 */
final class TerakoyaPart {

    /** The year's courses: category, title ja, title en, organisation teaching (or null for a freelancer). */
    static final String[][] COURSES = {
        { "writing", "Webライティング講座", "Web writing", "まなびクラウド株式会社" },
        { "photography", "観光フォトライター講座", "Tourism photo-writer", "あおぞらフォトストック株式会社" },
        { "handmade", "ハンドメイド作家講座", "Handmade makers", null },
        { "web-production", "Web制作講座", "Web production", "まなびクラウド株式会社" },
        { "sns-operation", "SNS運用講座", "SNS operation", null },
        { "online-selling", "ネット販売講座（ハンドメイドマーケット活用）", "Selling online on a handmade marketplace", "てしごとマルシェ株式会社" },
        { "proposal", "高付加価値提案講座", "Proposals of higher value", "シマソーシング株式会社" },
        { "design", "デザイン基礎講座", "Design basics", null },
        { "video", "動画制作講座", "Video production", null },
        { "writing", "取材・インタビュー記事講座", "Interviews and reportage", null },
    };
    private static final int[] START_MONTH = { 5, 6, 7, 8, 9, 10, 11, 12, 1, 2 };
    static final String HUB = "WorkStyle Lab Inno（名瀬）";
    static final String SEAT_PARTNER = "まなびクラウド株式会社";

    private TerakoyaPart() {
    }

    static void load(Steps s) {
        int current = Years.fiscalYear(s.today);
        Random random = s.random("terakoya");
        for (int fy = current - 2; fy <= current; fy++) {
            int courses = fy == current - 2 ? 8 : COURSES.length;
            s.say("terakoya: courses of FY" + fy);
            for (int i = 0; i < courses; i++) {
                course(s, random, fy, i);
            }
        }
        for (int fy = current - 1; fy <= current; fy++) {
            seats(s, random, fy);
        }
    }

    private static void course(Steps s, Random random, int fy, int index) {
        String[] c = COURSES[index];
        String key = "terakoya:course:" + fy + ":" + index;
        LocalDate first = Years.day(fy, START_MONTH[index], 8).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        int sessions = 4 + random.nextInt(3);
        boolean evening = c[0].equals("sns-operation") || c[0].equals("writing");
        LocalDate opens = first.minusDays(35);
        LocalDate closes = first.minusDays(7);
        String format = index == 3 ? "ONLINE" : index % 3 == 1 ? "HYBRID" : "ON_SITE";
        ArrayNode instructors = IslandClient.JSON.createArrayNode();
        if (c[3] != null) {
            instructors.add(obj("organisation", c[3]));
        }
        List<People.Person> teachers = s.select(p -> p.mainSkill().equals(c[0]) && p.level() > 0.6 && p.registeredOn().isBefore(opens));
        People.Person teacher = teachers.isEmpty() ? null : teachers.get(random.nextInt(teachers.size()));
        if (teacher != null) {
            instructors.add(obj("personId", s.id(teacher)));
        }
        String rule = c[0].equals("proposal") || c[0].equals("handmade") ? "ATTENDANCE_OR_ASSIGNMENT" : "ATTENDANCE";
        ObjectNode input = obj("fiscalYear", fy, "title", obj("ja", c[1], "en", c[2]),
                "description", obj("ja", description(c[1], sessions), "en", c[2] + ": " + sessions + " sessions with practice work."),
                "category", c[0], "instructors", instructors, "capacity", c[0].equals("handmade") ? 10 : 12,
                "format", format, "location", format.equals("ONLINE") ? null : HUB,
                "applicationOpens", opens, "applicationCloses", closes,
                "completion", obj("rule", rule, "minSessions", sessions - 1));
        // Applications are taken while the window is open today: a course of the past is created with
        // a window reaching today, takes its applications, and then gets its real window back.
        boolean windowOpenToday = !s.today.isBefore(opens) && !s.today.isAfter(closes);
        boolean takesApplications = !s.today.isBefore(opens);
        ObjectNode creating = input.deepCopy();
        if (takesApplications && !windowOpenToday) {
            creating.put("applicationCloses", s.today.toString());
        }
        String courseId = s.ensure(key, "terakoya", "course", () -> s.api.post("/api/terakoya/courses", creating).path("id").asText());
        String base = "/api/terakoya/courses/" + courseId;

        List<String> sessionIds = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        for (int n = 0; n < sessions; n++) {
            LocalDate day = first.plusWeeks(n);
            dates.add(day);
            LocalTime start = evening ? LocalTime.of(19, 0) : LocalTime.of(10, 0);
            int number = n + 1;
            sessionIds.add(s.ensure(key + ":session:" + number, "terakoya", "session", () -> s.api.post(base + "/sessions",
                    obj("date", day, "startsAt", start.toString(), "endsAt", start.plusHours(2).toString(),
                            "topic", obj("ja", "第" + number + "回", "en", "Session " + number),
                            "location", format.equals("ONLINE") ? null : HUB)).path("id").asText()));
        }
        if (!takesApplications) {
            return; // applications open later this year
        }
        int applicants = 6 + random.nextInt(5);
        List<People.Person> keen = s.select(p -> p.registeredOn().isBefore(opens) && (p.has(c[0]) || p.level() < 0.35));
        List<String> accepted = new ArrayList<>();
        for (People.Person p : Steps.pick(random, keen, applicants)) {
            String pid = s.id(p);
            String eid = s.ensure(key + ":enrolment:" + p.key(), "terakoya", "enrolment",
                    () -> s.api.post(base + "/enrolments", obj("personId", pid)).path("id").asText());
            boolean withdraws = random.nextInt(12) == 0;
            boolean pending = windowOpenToday && random.nextInt(3) == 0;
            if (withdraws) {
                s.once(key + ":withdraw:" + p.key(), "terakoya", () -> s.api.post(base + "/enrolments/" + eid + "/withdraw",
                        obj("reason", "仕事の都合で受講できなくなったため")));
            } else if (!pending) {
                s.once(key + ":accept:" + p.key(), "terakoya", () -> s.api.post(base + "/enrolments/" + eid + "/accept", null));
                accepted.add(pid);
            }
        }
        if (takesApplications && !windowOpenToday) {
            s.once(key + ":window", "terakoya", () -> {
                JsonNode now = s.api.get(base);
                ObjectNode real = input.deepCopy();
                real.put("version", now.path("version").asLong());
                s.api.put(base, real);
            });
        }
        double[] diligence = new double[accepted.size()];
        for (int i = 0; i < diligence.length; i++) {
            diligence[i] = 0.7 + random.nextDouble() * 0.3;
        }
        for (int n = 0; n < sessions; n++) {
            if (!dates.get(n).isBefore(s.today) || accepted.isEmpty()) {
                continue;
            }
            ArrayNode entries = IslandClient.JSON.createArrayNode();
            for (int i = 0; i < accepted.size(); i++) {
                double r = random.nextDouble();
                String status = r < diligence[i] ? (random.nextInt(10) == 0 ? "LATE" : "PRESENT")
                        : random.nextBoolean() ? "EXCUSED" : "ABSENT";
                entries.add(obj("personId", accepted.get(i), "status", status,
                        "note", status.equals("EXCUSED") ? "子どもの発熱のため欠席連絡あり" : null));
            }
            String sid = sessionIds.get(n);
            s.once(key + ":roll:" + (n + 1), "terakoya",
                    () -> s.api.put(base + "/sessions/" + sid + "/attendance", obj("entries", entries, "othersAbsent", false)));
        }
        if (dates.get(sessions - 1).isBefore(s.today) && !accepted.isEmpty()) {
            s.once(key + ":completion", "terakoya", () -> s.api.post(base + "/completion", null));
        }
    }

    private static String description(String title, int sessions) {
        return "フリーランスとして仕事を得るための実践講座です。全" + sessions
                + "回。講義と課題の添削を通して、すぐに使えるスキルを身につけます。" + title + "の修了者には修了証書を発行します。";
    }

    private static void seats(Steps s, Random random, int fy) {
        String key = "terakoya:seats:" + fy;
        String poolId = s.ensure(key, "terakoya", "pool", () -> s.api.post("/api/terakoya/online-seats/pools",
                obj("fiscalYear", fy, "partner", SEAT_PARTNER, "serviceName", "オンライン動画学習「まなびクラウド」",
                        "seats", 100, "note", "提携企業の協力による無料受講枠（年間100名）")).path("id").asText());
        LocalDate from = Years.day(fy, 4, 1);
        if (s.today.isBefore(from)) {
            return;
        }
        List<People.Person> learners = Steps.pick(random, s.select(p -> p.registeredOn().isBefore(from.plusMonths(6))), 28 + random.nextInt(8));
        for (People.Person p : learners) {
            String pid = s.id(p);
            String aid = s.ensure(key + ":allocation:" + p.key(), "terakoya", "allocation", () -> s.api.post(
                    "/api/terakoya/online-seats/pools/" + poolId + "/allocations", obj("personId", pid)).path("id").asText());
            int uses = 1 + random.nextInt(3);
            for (int u = 0; u < uses; u++) {
                LocalDate day = from.plusDays(random.nextInt(300));
                if (day.isAfter(s.today)) {
                    continue;
                }
                int use = u;
                int minutes = 30 + 15 * random.nextInt(6);
                s.once(key + ":usage:" + p.key() + ":" + u, "terakoya", () -> s.api.post(
                        "/api/terakoya/online-seats/allocations/" + aid + "/usage",
                        obj("usedOn", day, "minutes", minutes, "note", use == 0 ? "初回受講" : null)));
            }
        }
    }
}
