package org.freelanceisland.demo.internal.data;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The island's freelancers, invented from a seed: Japanese names with their kana, Amami's districts,
 * skills of the registry's vocabulary, availability, lifestyles (child-rearing, side job), U-turn and
 * I-turn migrants with the day they moved, consents, counted statuses and yearly income. The same
 * seed and day always give the same people.
 */
public final class People {

    /** The districts of Amami City and how many of the island's freelancers live in each. */
    static final String[] DISTRICTS = { "名瀬", "笠利", "住用" };
    private static final int[] DISTRICT_WEIGHTS = { 62, 25, 13 };

    // Common family names of the Amami islands and of Japan; invented combinations, no real persons.
    private static final String[][] FAMILY = {
        { "田中", "タナカ" }, { "山田", "ヤマダ" }, { "中村", "ナカムラ" }, { "前田", "マエダ" }, { "森", "モリ" },
        { "川畑", "カワバタ" }, { "平田", "ヒラタ" }, { "福山", "フクヤマ" }, { "栄", "サカエ" }, { "泉", "イズミ" },
        { "池田", "イケダ" }, { "徳田", "トクダ" }, { "久保", "クボ" }, { "吉田", "ヨシダ" }, { "林", "ハヤシ" },
        { "松元", "マツモト" }, { "西", "ニシ" }, { "里", "サト" }, { "基", "モトイ" }, { "碇山", "イカリヤマ" },
        { "白畑", "シラハタ" }, { "東", "ヒガシ" }, { "奥", "オク" }, { "藤井", "フジイ" }, { "宮田", "ミヤタ" },
        { "濱田", "ハマダ" }, { "大山", "オオヤマ" }, { "有村", "アリムラ" }, { "安田", "ヤスダ" }, { "竹山", "タケヤマ" },
        { "豊島", "トヨシマ" }, { "肥後", "ヒゴ" }, { "岩切", "イワキリ" }, { "叶", "カノウ" }, { "福田", "フクダ" },
        { "浜崎", "ハマサキ" }, { "中山", "ナカヤマ" }, { "山下", "ヤマシタ" }, { "村田", "ムラタ" }, { "原田", "ハラダ" },
    };

    private static final String[][] GIVEN = {
        { "美咲", "ミサキ" }, { "陽菜", "ヒナ" }, { "結衣", "ユイ" }, { "彩", "アヤ" }, { "真由美", "マユミ" },
        { "恵", "メグミ" }, { "由美子", "ユミコ" }, { "千夏", "チナツ" }, { "愛", "アイ" }, { "奈々", "ナナ" },
        { "麻衣", "マイ" }, { "里奈", "リナ" }, { "花子", "ハナコ" }, { "智子", "トモコ" }, { "和美", "カズミ" },
        { "優子", "ユウコ" }, { "沙織", "サオリ" }, { "香織", "カオリ" }, { "直美", "ナオミ" }, { "久美子", "クミコ" },
        { "加奈子", "カナコ" }, { "美穂", "ミホ" }, { "綾乃", "アヤノ" }, { "明美", "アケミ" }, { "さくら", "サクラ" },
        { "大輔", "ダイスケ" }, { "翔太", "ショウタ" }, { "健太", "ケンタ" }, { "拓也", "タクヤ" }, { "誠", "マコト" },
        { "浩二", "コウジ" }, { "隆", "タカシ" }, { "亮", "リョウ" }, { "直樹", "ナオキ" }, { "和也", "カズヤ" },
        { "哲也", "テツヤ" }, { "健一", "ケンイチ" }, { "聡", "サトシ" }, { "剛", "ツヨシ" }, { "勇気", "ユウキ" },
        { "海斗", "カイト" }, { "蓮", "レン" }, { "悠真", "ユウマ" }, { "大地", "ダイチ" }, { "翼", "ツバサ" },
    };

    /** Skill codes of the registry's vocabulary, with how often each is someone's main skill. */
    private static final String[] SKILLS = { "writing", "photography", "handmade", "web-production", "sns-operation",
        "design", "online-selling", "video", "translation", "illustration", "programming", "tourism-guide" };
    private static final int[] SKILL_WEIGHTS = { 22, 14, 16, 10, 10, 8, 5, 4, 3, 3, 3, 2 };
    private static final Map<String, String[]> RELATED = Map.ofEntries(
            Map.entry("writing", new String[] { "photography", "sns-operation", "proposal", "translation" }),
            Map.entry("photography", new String[] { "writing", "video", "design" }),
            Map.entry("handmade", new String[] { "online-selling", "sns-operation", "photography" }),
            Map.entry("web-production", new String[] { "design", "programming", "writing" }),
            Map.entry("sns-operation", new String[] { "writing", "photography", "video" }),
            Map.entry("design", new String[] { "illustration", "web-production" }),
            Map.entry("online-selling", new String[] { "handmade", "sns-operation", "photography" }),
            Map.entry("video", new String[] { "photography", "sns-operation" }),
            Map.entry("translation", new String[] { "writing", "tourism-guide" }),
            Map.entry("illustration", new String[] { "design", "handmade" }),
            Map.entry("programming", new String[] { "web-production" }),
            Map.entry("tourism-guide", new String[] { "translation", "photography" }));
    private static final Map<String, String> WORK = Map.ofEntries(
            Map.entry("writing", "観光・暮らしの記事の執筆"), Map.entry("photography", "観光地・商品の撮影"),
            Map.entry("handmade", "大島紬を使った小物の制作・販売"), Map.entry("web-production", "小規模事業者のWebサイト制作"),
            Map.entry("sns-operation", "SNSアカウントの運用代行"), Map.entry("design", "チラシ・パンフレットのデザイン"),
            Map.entry("online-selling", "ネットショップの商品ページ作成"), Map.entry("video", "観光PR動画の撮影・編集"),
            Map.entry("translation", "観光案内の英訳"), Map.entry("illustration", "地図・挿絵のイラスト"),
            Map.entry("programming", "業務システムの開発"), Map.entry("tourism-guide", "自然・集落のガイド"),
            Map.entry("proposal", "企画書・提案書の作成"));

    /** A counted status from a day on. */
    public record Flag(String flag, LocalDate since) {
    }

    /** A consent given on a day. */
    public record Consent(String purpose, LocalDate givenOn) {
    }

    /**
     * A freelancer of the demo island.
     *
     * @param key stable key ({@code person:001})
     * @param name name in kanji
     * @param kana reading in katakana
     * @param email invented address at example.jp
     * @param phone invented number
     * @param district 名瀬, 笠利 or 住用
     * @param registeredOn day of registration
     * @param skills skill codes, the main one first
     * @param hoursPerWeek hours a week available
     * @param weekdays days available
     * @param windows parts of the day available
     * @param lifestyle lifestyle constraints
     * @param preferredWork work wished for
     * @param origin ISLAND_BORN, U_TURN or I_TURN
     * @param movedOn day moved to the island, or {@code null}
     * @param householdSize household, for migrants
     * @param withFamily moved with family
     * @param phase relation phase, for migrants
     * @param consents consents
     * @param flags counted statuses
     * @param income self-reported freelance income per fiscal year
     * @param level how established the freelancer is, 0 (starting) to 1 (earning well)
     */
    public record Person(String key, String name, String kana, String email, String phone, String district,
            LocalDate registeredOn, List<String> skills, int hoursPerWeek, Set<DayOfWeek> weekdays, Set<String> windows,
            Set<String> lifestyle, List<String> preferredWork, String origin, LocalDate movedOn, Integer householdSize,
            Boolean withFamily, String phase, List<Consent> consents, List<Flag> flags, Map<Integer, Long> income,
            double level) {

        /**
         * Whether the person has a skill.
         *
         * @param skill the code
         * @return {@code true} if so
         */
        public boolean has(String skill) {
            return skills.contains(skill);
        }

        /**
         * Whether the person consents to a purpose.
         *
         * @param purpose the purpose
         * @return {@code true} if so
         */
        public boolean consents(String purpose) {
            return consents.stream().anyMatch(c -> c.purpose().equals(purpose));
        }

        /**
         * The main skill.
         *
         * @return the first skill
         */
        public String mainSkill() {
            return skills.get(0);
        }
    }

    private People() {
    }

    /**
     * Invents the island's freelancers.
     *
     * @param seed the seed
     * @param count how many
     * @param today the day the island is loaded (nothing happens after it)
     * @return the people, ordered by registration
     */
    public static List<Person> generate(long seed, int count, LocalDate today) {
        Random random = new Random(seed);
        int currentYear = Years.fiscalYear(today);
        LocalDate first = LocalDate.of(2015, 6, 1);
        LocalDate stage2 = LocalDate.of(2020, 4, 1);
        LocalDate stage3 = LocalDate.of(2025, 4, 1);
        LocalDate last = today.minusDays(7);
        Set<String> names = new HashSet<>();
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double r = random.nextDouble();
            LocalDate from;
            LocalDate to;
            if (r < 0.40 || !stage2.isBefore(last)) {
                from = first;
                to = stage2.minusDays(1);
            } else if (r < 0.72 || !stage3.isBefore(last)) {
                from = stage2;
                to = stage3.minusDays(1);
            } else {
                from = stage3;
                to = last;
            }
            if (to.isAfter(last)) {
                to = last;
            }
            days.add(from.plusDays(random.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1)));
        }
        days.sort(null);
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String[] family;
            String[] given;
            do {
                family = FAMILY[random.nextInt(FAMILY.length)];
                given = GIVEN[random.nextInt(GIVEN.length)];
            } while (!names.add(family[0] + given[0]));
            people.add(person(random, i + 1, family, given, days.get(i), today, currentYear));
        }
        return people;
    }

    private static Person person(Random random, int n, String[] family, String[] given, LocalDate registeredOn,
            LocalDate today, int currentYear) {
        String key = String.format("person:%03d", n);
        String district = DISTRICTS[weighted(random, DISTRICT_WEIGHTS)];
        List<String> skills = new ArrayList<>();
        String main = SKILLS[weighted(random, SKILL_WEIGHTS)];
        skills.add(main);
        String[] related = RELATED.get(main);
        int more = random.nextInt(3);
        for (int i = 0; i < more; i++) {
            String s = related[random.nextInt(related.length)];
            if (!skills.contains(s)) {
                skills.add(s);
            }
        }
        Set<String> lifestyle = new LinkedHashSet<>();
        boolean childRearing = random.nextDouble() < 0.30;
        boolean sideJob = random.nextDouble() < 0.40;
        if (childRearing) {
            lifestyle.add("CHILD_REARING");
        }
        if (sideJob) {
            lifestyle.add("SIDE_JOB");
        }
        if (random.nextDouble() < 0.05) {
            lifestyle.add("CAREGIVING");
        }
        if (random.nextDouble() < 0.08) {
            lifestyle.add("REMOTE_ONLY");
        }
        int hours;
        Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
        Set<String> windows = new LinkedHashSet<>();
        if (sideJob) {
            hours = 5 + random.nextInt(11);
            weekdays.addAll(List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
            if (random.nextBoolean()) {
                weekdays.add(DayOfWeek.WEDNESDAY);
            }
            windows.add("EVENING");
            if (random.nextBoolean()) {
                windows.add("MORNING");
            }
        } else if (childRearing) {
            hours = 10 + random.nextInt(16);
            weekdays.addAll(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));
            windows.add("MORNING");
            windows.add("AFTERNOON");
            if (random.nextDouble() < 0.3) {
                windows.add("NIGHT");
            }
        } else {
            hours = 20 + random.nextInt(21);
            weekdays.addAll(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY));
            if (random.nextDouble() < 0.4) {
                weekdays.add(DayOfWeek.SATURDAY);
            }
            windows.addAll(List.of("MORNING", "AFTERNOON"));
            if (random.nextDouble() < 0.5) {
                windows.add("EVENING");
            }
        }
        List<String> work = new ArrayList<>();
        for (String s : skills) {
            if (work.size() < 2) {
                work.add(WORK.get(s));
            }
        }

        double o = random.nextDouble();
        String origin = o < 0.58 ? "ISLAND_BORN" : o < 0.80 ? "U_TURN" : "I_TURN";
        LocalDate movedOn = null;
        Integer household = null;
        Boolean withFamily = null;
        String phase = null;
        if (!origin.equals("ISLAND_BORN")) {
            household = 1 + random.nextInt(childRearing ? 4 : 2) + (childRearing ? 1 : 0);
            withFamily = household > 1;
            if (origin.equals("I_TURN") && random.nextDouble() < 0.12) {
                phase = random.nextBoolean() ? "INTERESTED" : "TRIAL_STAY";
            } else {
                movedOn = registeredOn.minusDays(random.nextInt(200));
                phase = "MOVED";
            }
        }

        List<Consent> consents = new ArrayList<>();
        consents.add(new Consent("PROGRAM_ADMINISTRATION", registeredOn));
        if (random.nextDouble() < 0.9) {
            consents.add(new Consent("STATISTICS", registeredOn));
        }
        if (random.nextDouble() < 0.85) {
            consents.add(new Consent("JOB_OFFERS", registeredOn));
        }
        if (random.nextDouble() < 0.12) {
            consents.add(new Consent("ROLE_MODEL", registeredOn.plusDays(30).isAfter(today) ? registeredOn : registeredOn.plusDays(30)));
        }

        List<Flag> flags = new ArrayList<>();
        if (childRearing) {
            flags.add(new Flag("CHILD_REARING_FREELANCER", registeredOn));
        }
        if (sideJob) {
            flags.add(new Flag("SIDE_JOB_FREELANCER", registeredOn));
        }

        // how established: starts low, grows with years on the island's programs
        double years = (today.toEpochDay() - registeredOn.toEpochDay()) / 365.0;
        double level = Math.min(1.0, random.nextDouble() * 0.6 + years * 0.06);
        Map<Integer, Long> income = new LinkedHashMap<>();
        int firstYear = Math.max(Years.fiscalYear(registeredOn), currentYear - 3);
        for (int fy = firstYear; fy < currentYear; fy++) {
            if (random.nextDouble() < 0.35) {
                long base = sideJob ? 150_000 + (long) (level * 700_000) : childRearing ? 250_000 + (long) (level * 1_300_000)
                        : 600_000 + (long) (level * 3_200_000);
                long amount = Math.round(base * (0.8 + random.nextDouble() * 0.4) / 10_000) * 10_000;
                income.put(fy, amount);
            }
        }
        String email = String.format("f%03d@example.jp", n);
        String phone = String.format("0997-%02d-%04d", new int[] { 52, 53, 54, 55, 63 }[random.nextInt(5)], random.nextInt(10_000));
        return new Person(key, family[0] + " " + given[0], family[1] + " " + given[1], email, phone, district, registeredOn,
                List.copyOf(skills), hours, weekdays, windows, lifestyle, work, origin, movedOn, household, withFamily, phase,
                consents, flags, income, level);
    }

    /**
     * Draws an index with the given weights.
     *
     * @param random the source
     * @param weights the weights
     * @return the index
     */
    public static int weighted(Random random, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
