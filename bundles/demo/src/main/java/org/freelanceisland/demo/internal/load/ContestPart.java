package org.freelanceisland.demo.internal.load;

import static org.freelanceisland.demo.internal.load.IslandClient.obj;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.freelanceisland.demo.internal.data.People;
import org.freelanceisland.demo.internal.data.Pictures;
import org.freelanceisland.demo.internal.data.Years;
import org.freelanceisland.platform.api.FiscalYear;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The handmade contest and markets ({@code /api/contest}): last year's あまみハンドメイド大賞 judged,
 * voted and published (entries with photos, three jurors' scores, audience votes with the printed
 * ticket codes), this year's contest taking entries, and the yearly markets since FY2016 with their
 * exhibitors, sales and visitors (2,850 visitors in the four markets of stage 1, as the plan reports).
 */
final class ContestPart {

    private static final int FIRST_CONTEST_YEAR = 2016;
    private static final String[][] MATERIALS = {
        // code, material, category, picture
        { "tsumugi", "大島紬", "tsumugi" }, { "dorozome", "泥染めの布", "tsumugi" }, { "shell", "夜光貝", "accessory" },
        { "wood", "奄美の木（イジュ）", "craft" }, { "glass", "ガラス", "craft" }, { "cloth", "芭蕉の糸と綿布", "cloth" },
    };
    private static final String[][] ITEMS = {
        { "がま口ポーチ", "cloth" }, { "名刺入れ", "cloth" }, { "ピアス", "accessory" }, { "ブローチ", "accessory" },
        { "トートバッグ", "cloth" }, { "ヘアゴム", "accessory" }, { "コースター", "craft" }, { "ランプシェード", "craft" },
        { "ブックカバー", "cloth" }, { "キーホルダー", "accessory" }, { "ネクタイ", "cloth" }, { "豆皿", "craft" },
    };
    private static final String[] NAMES = { "夜光", "ティダ", "あやまる", "ゆらい", "きょら", "はなはな", "うがみんしょうらん", "ハイビスカス",
        "波の花", "群青", "ソテツ", "ルリカケス" };
    private static final Pattern CODE = Pattern.compile("\\(([2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5})\\)\\s*Tj");

    private ContestPart() {
    }

    static void load(Steps s) {
        int current = Years.fiscalYear(s.today);
        List<People.Person> makers = s.select(p -> p.has("handmade") || p.has("online-selling") || p.has("illustration"));
        String lastYear = judgedContest(s, s.random("contest:" + (current - 1)), current - 1, makers);
        openContest(s, s.random("contest:" + current), current, makers);
        markets(s, current, makers, lastYear);
    }

    private static ObjectNode categories() {
        ArrayNode list = IslandClient.JSON.createArrayNode();
        list.add(obj("code", "tsumugi", "label", obj("ja", "大島紬・泥染め", "en", "Oshima-tsumugi and mud dye")));
        list.add(obj("code", "accessory", "label", obj("ja", "アクセサリー", "en", "Accessories")));
        list.add(obj("code", "cloth", "label", obj("ja", "布小物・服飾", "en", "Fabric goods and clothing")));
        list.add(obj("code", "craft", "label", obj("ja", "木工・陶芸・ガラス", "en", "Wood, pottery and glass")));
        ObjectNode holder = IslandClient.JSON.createObjectNode();
        holder.set("categories", list);
        return holder;
    }

    private static ObjectNode input(int fy, Instant[] w) {
        int edition = fy - FIRST_CONTEST_YEAR + 1;
        ArrayNode criteria = IslandClient.JSON.createArrayNode();
        criteria.add(obj("code", "design", "label", obj("ja", "デザイン性", "en", "Design"), "weight", 30));
        criteria.add(obj("code", "craft", "label", obj("ja", "技術・完成度", "en", "Craftsmanship"), "weight", 30));
        criteria.add(obj("code", "amami", "label", obj("ja", "奄美らしさ", "en", "Sense of Amami"), "weight", 25));
        criteria.add(obj("code", "market", "label", obj("ja", "商品性", "en", "Marketability"), "weight", 15));
        ArrayNode awards = IslandClient.JSON.createArrayNode();
        awards.add(obj("code", "GRAND_PRIZE", "label", obj("ja", "大賞", "en", "Grand Prize"), "basis", "JURY", "rank", 1));
        awards.add(obj("code", "AUDIENCE", "label", obj("ja", "オーディエンス賞", "en", "Audience Award"), "basis", "AUDIENCE", "rank", 1));
        awards.add(obj("code", "EXCELLENCE", "label", obj("ja", "優秀賞", "en", "Award of Excellence"), "basis", "JURY", "rank", 2));
        awards.add(obj("code", "JUDGES_SPECIAL", "label", obj("ja", "審査員特別賞", "en", "Judges' Special Award"), "basis", "DESIGNATED"));
        ObjectNode in = obj("fiscalYear", fy, "edition", edition,
                "title", obj("ja", "第" + edition + "回あまみハンドメイド大賞", "en", ordinal(edition) + " Amami Handmade Grand Prize"),
                "description", obj("ja", "奄美の素材と技を生かしたハンドメイド作品のコンテスト。審査員が大賞を、マーケットの来場者がオーディエンス賞を選びます。",
                        "en", "A contest of handmade works with the island's materials and skills: the jury picks the Grand Prize, market visitors the Audience Award."),
                "entryWindow", obj("opens", w[0].toString(), "closes", w[1].toString()),
                "judgingWindow", obj("opens", w[2].toString(), "closes", w[3].toString()),
                "votingWindow", obj("opens", w[4].toString(), "closes", w[5].toString()),
                "awards", awards, "rubric", obj("scale", 5, "criteria", criteria));
        in.setAll(categories());
        return in;
    }

    private static String ordinal(int n) {
        return n + (n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        });
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(FiscalYear.ISLAND_ZONE).toInstant();
    }

    /** The windows a contest of a fiscal year really had: entries from November to January, judging and the market in February. */
    private static Instant[] realWindows(int fy) {
        LocalDate market = Years.day(fy, 2, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)).plusWeeks(1);
        return new Instant[] { at(Years.day(fy, 11, 1), 9), at(Years.day(fy, 1, 20), 17), at(Years.day(fy, 1, 21), 9),
            at(market.minusDays(1), 17), at(market, 10), at(market.plusDays(1), 16) };
    }

    private record Work(People.Person maker, String title, String category, String material, String picture,
            String description, double quality, double appeal, long price) {
    }

    private static List<Work> works(Random random, List<People.Person> makers, int count, LocalDate before) {
        List<Work> works = new ArrayList<>();
        for (People.Person maker : Steps.pick(random, makers.stream().filter(p -> p.registeredOn().isBefore(before)).toList(), count)) {
            String[] m = MATERIALS[random.nextInt(MATERIALS.length)];
            String[] item = ITEMS[random.nextInt(ITEMS.length)];
            String category = m[2].equals("tsumugi") ? "tsumugi" : item[1];
            String title = m[1] + "の" + item[0] + "「" + NAMES[random.nextInt(NAMES.length)] + "」";
            String description = m[1] + "を使い、" + item[0] + "に仕立てました。奄美の"
                    + (random.nextBoolean() ? "海の色" : "森と集落の暮らし") + "をイメージしています。";
            double quality = 2.6 + random.nextDouble() * 1.8 + maker.level() * 0.6;
            double appeal = quality + random.nextGaussian() * 0.6;
            long price = (1 + random.nextInt(30)) * 500L;
            works.add(new Work(maker, title, category, m[1], m[0], description, quality, appeal, price));
        }
        return works;
    }

    private static String submit(Steps s, String contestId, String key, Work w, long pictureSeed) {
        return s.ensure(key, "contest", "entry", () -> {
            ObjectNode entry = obj("makerId", s.id(w.maker()), "title", w.title(), "description", w.description(),
                    "category", w.category(), "materials", w.material(), "technique", "手縫い・手仕上げ", "priceYen", w.price());
            try {
                return s.api.multipart("/api/contest/contests/" + contestId + "/entries", List.of(
                        new IslandClient.Part("entry", null, "application/json", IslandClient.JSON.writeValueAsBytes(entry)),
                        new IslandClient.Part("photos", "work.png", "image/png", Pictures.work(pictureSeed, w.picture()))))
                        .path("id").asText();
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String judgedContest(Steps s, Random random, int fy, List<People.Person> makers) {
        String key = "contest:" + fy;
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant[] live = { now.minus(1, ChronoUnit.HOURS), now.plus(30, ChronoUnit.DAYS), now.plus(30, ChronoUnit.DAYS),
            now.plus(31, ChronoUnit.DAYS), now.plus(30, ChronoUnit.DAYS), now.plus(31, ChronoUnit.DAYS) };
        String id = s.ensure(key, "contest", "contest", () -> s.api.post("/api/contest/contests", input(fy, live)).path("id").asText());
        String base = "/api/contest/contests/" + id;
        if (s.done(key + ":published")) {
            return id;
        }
        s.say("contest: the " + fy + " contest, its entries, jury and audience");
        List<Work> works = works(random, makers, 24, Years.day(fy, 11, 1));
        List<String> entryIds = new ArrayList<>();
        for (int i = 0; i < works.size(); i++) {
            entryIds.add(submit(s, id, key + ":entry:" + i, works.get(i), s.seed + fy * 100L + i));
        }
        // judging now: entries close, judging and voting open at once (the real windows come back before publication)
        s.once(key + ":judging-open", "contest", () -> {
            JsonNode c = s.api.post(base + "/windows/entry/close", null);
            Instant closed = Instant.parse(c.path("entryWindow").path("closes").asText());
            Instant[] w = { live[0], closed, closed, closed.plus(1, ChronoUnit.DAYS), closed, closed.plus(1, ChronoUnit.DAYS) };
            ObjectNode update = input(fy, w);
            update.put("version", c.path("version").asLong());
            s.api.put(base, update);
        });
        String[][] jurors = { { "demo-juror-1", "審査員A（工芸作家）" }, { "demo-juror-2", "審査員B（デザイナー）" },
            { "demo-juror-3", "審査員C（提携マーケット担当）" } };
        Map<String, IslandClient> clients = new LinkedHashMap<>();
        for (String[] j : jurors) {
            clients.put(j[0], s.api.as(j[0], s.newJuror.apply(j[0])));
            s.once(key + ":juror:" + j[0], "contest", () -> s.api.post(base + "/jurors", obj("account", j[0], "displayName", j[1])));
        }
        // the second juror knows one maker (a former student): no score for that maker's work
        People.Person known = works.get(3).maker();
        s.once(key + ":conflict", "contest", () -> s.api.put(base + "/jurors/demo-juror-2/conflicts",
                obj("personIds", List.of(s.id(known)))));
        for (int i = 0; i < works.size(); i++) {
            Work w = works.get(i);
            for (String juror : clients.keySet()) {
                Map<String, Integer> values = new LinkedHashMap<>();
                for (String c : List.of("design", "craft", "amami", "market")) {
                    values.put(c, (int) Math.max(1, Math.min(5, Math.round(w.quality() + random.nextGaussian() * 0.5))));
                }
                if (juror.equals("demo-juror-2") && w.maker() == known) {
                    continue;
                }
                String eid = entryIds.get(i);
                s.once(key + ":score:" + juror + ":" + i, "contest", () -> clients.get(juror).post(base + "/entries/" + eid + "/score",
                        obj("values", values, "comment", w.quality() > 4 ? "素材の生かし方が見事です。" : null)));
            }
        }
        // the audience votes with the codes printed on the ticket sheet
        if (!s.done(key + ":votes")) {
            String batch = s.ensure(key + ":tickets", "contest", "batch", () -> s.api.post(base + "/ticket-batches",
                    obj("count", 400, "label", "マーケット投票券")).path("id").asText());
            String pdf = new String(s.api.bytes(base + "/ticket-batches/" + batch + "/sheet"), StandardCharsets.ISO_8859_1);
            List<String> codes = new ArrayList<>();
            Matcher m = CODE.matcher(pdf);
            while (m.find()) {
                codes.add(m.group(1));
            }
            if (codes.size() < 300) {
                throw new IllegalStateException("The ticket sheet holds " + codes.size() + " readable codes, not 400");
            }
            double[] weights = new double[works.size()];
            double total = 0;
            for (int i = 0; i < weights.length; i++) {
                weights[i] = Math.pow(Math.max(0.5, works.get(i).appeal()), 4);
                total += weights[i];
            }
            IslandClient visitor = s.api.anonymous();
            int votes = 300 + random.nextInt(60);
            for (int v = 0; v < votes; v++) {
                double r = random.nextDouble() * total;
                int number = 0;
                while (number < weights.length - 1 && (r -= weights[number]) > 0) {
                    number++;
                }
                visitor.post("/api/contest/public/contests/" + id + "/votes", obj("code", codes.get(v), "entryNumber", number + 1));
            }
            s.once(key + ":votes", "contest", () -> { });
        }
        s.once(key + ":close", "contest", () -> {
            s.api.post(base + "/windows/judging/close", null);
            s.api.post(base + "/windows/voting/close", null);
            JsonNode c = s.api.get(base);
            ObjectNode real = input(fy, realWindows(fy));
            real.put("version", c.path("version").asLong());
            s.api.put(base, real);
        });
        int special = 1 + random.nextInt(works.size());
        s.once(key + ":published", "contest", () -> {
            s.api.put(base + "/awards/JUDGES_SPECIAL/winner", obj("entryNumber", special));
            s.api.post(base + "/results/publish", null);
        });
        return id;
    }

    private static void openContest(Steps s, Random random, int fy, List<People.Person> makers) {
        Instant[] w = realWindows(fy);
        String key = "contest:" + fy;
        String id = s.ensure(key, "contest", "contest", () -> s.api.post("/api/contest/contests", input(fy, w)).path("id").asText());
        if (!"OPEN".equals(s.api.get("/api/contest/contests/" + id).path("entryWindow").path("phase").asText())) {
            return; // entries are not taken today
        }
        s.say("contest: entries of the " + fy + " contest so far");
        List<Work> works = works(random, makers, 9, s.today);
        for (int i = 0; i < works.size(); i++) {
            submit(s, id, key + ":entry:" + i, works.get(i), s.seed + fy * 100L + i);
        }
    }

    private static void markets(Steps s, int current, List<People.Person> makers, String contestOfLastYear) {
        // visitors per market: the four markets of stage 1 add up to the plan's 2,850
        Map<Integer, Integer> visitors = new LinkedHashMap<>();
        visitors.put(2016, 520);
        visitors.put(2017, 690);
        visitors.put(2018, 760);
        visitors.put(2019, 880);
        int[] later = { 430, 610, 720, 780, 840, 900, 960 };
        for (int fy = 2021, i = 0; fy < current && i < later.length; fy++, i++) {
            visitors.put(fy, later[i]);
        }
        s.say("contest: markets since FY2016");
        for (Map.Entry<Integer, Integer> year : visitors.entrySet()) {
            market(s, s.random("market:" + year.getKey()), year.getKey(), year.getValue(), makers, year.getKey() == current - 1 ? contestOfLastYear : null);
        }
        // this year's market, planned
        LocalDate day = Years.day(current, 2, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)).plusWeeks(1);
        if (day.isAfter(s.today)) {
            int n = current - FIRST_CONTEST_YEAR + 1;
            s.ensure("market:" + current, "contest", "market", () -> s.api.post("/api/contest/markets", obj(
                    "name", obj("ja", "第" + n + "回あまみハンドメイドマーケット", "en", ordinal(n) + " Amami Handmade Market"),
                    "venue", TerakoyaPart.HUB, "startsOn", day, "endsOn", day.plusDays(1),
                    "note", "ハンドメイド大賞の展示とオーディエンス賞の投票を同時開催")).path("id").asText());
        }
    }

    private static void market(Steps s, Random random, int fy, int total, List<People.Person> makers, String contestId) {
        String key = "market:" + fy;
        int n = fy - FIRST_CONTEST_YEAR + 1;
        LocalDate day = Years.day(fy, 2, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)).plusWeeks(1);
        if (!day.plusDays(1).isBefore(s.today)) {
            return;
        }
        String id = s.ensure(key, "contest", "market", () -> s.api.post("/api/contest/markets", obj(
                "name", obj("ja", "第" + n + "回あまみハンドメイドマーケット", "en", ordinal(n) + " Amami Handmade Market"),
                "venue", fy < 2021 ? "名瀬 中央通りアーケード" : TerakoyaPart.HUB, "startsOn", day, "endsOn", day.plusDays(1),
                "contestId", contestId == null ? null : Long.valueOf(contestId),
                "note", fy < 2020 ? "即売会（ハンドメイド作家の発掘・育成・活動広報）" : "即売会とワークショップ")).path("id").asText());
        String base = "/api/contest/markets/" + id;
        if (s.done(key + ":closed")) {
            return;
        }
        List<People.Person> here = Steps.pick(random, makers.stream().filter(p -> p.registeredOn().isBefore(day)).toList(),
                8 + random.nextInt(10));
        int booth = 1;
        for (People.Person p : here) {
            String b = "A-" + booth++;
            long sales = (20 + random.nextInt(160)) * 1000L;
            String xid = s.ensure(key + ":exhibitor:" + p.key(), "contest", "exhibitor",
                    () -> s.api.post(base + "/exhibitors", obj("personId", s.id(p), "booth", b)).path("id").asText());
            s.once(key + ":sales:" + p.key(), "contest", () -> s.api.put(base + "/exhibitors/" + xid + "/sales", obj("salesYen", sales)));
        }
        int first = (int) Math.round(total * (0.52 + random.nextDouble() * 0.08));
        int[] days = { first, total - first };
        ArrayNode counts = IslandClient.JSON.createArrayNode();
        for (int d = 0; d < 2; d++) {
            LocalDate date = day.plusDays(d);
            if (fy >= 2023) {
                // counted by the hour, 10:00 to 16:00
                int[] shape = { 9, 14, 18, 16, 15, 13, 15 };
                int left = days[d];
                for (int h = 0; h < shape.length; h++) {
                    int v = h == shape.length - 1 ? left : days[d] * shape[h] / 100;
                    left -= v;
                    counts.add(obj("date", date, "hour", 10 + h, "visitors", v));
                }
            } else {
                counts.add(obj("date", date, "visitors", days[d]));
            }
        }
        s.once(key + ":visitors", "contest", () -> s.api.put(base + "/visitors", obj("counts", counts)));
        s.once(key + ":closed", "contest", () -> s.api.post(base + "/close", null));
    }
}
