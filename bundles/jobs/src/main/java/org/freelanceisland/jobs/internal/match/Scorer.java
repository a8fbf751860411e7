package org.freelanceisland.jobs.internal.match;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.freelanceisland.jobs.internal.model.WorkMode;
import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.people.Availability;
import org.freelanceisland.platform.api.people.LifestyleConstraint;
import org.freelanceisland.platform.api.people.PersonSummary;
import org.freelanceisland.platform.api.people.SkillVocabulary;
import org.freelanceisland.platform.api.people.TimeWindow;

/**
 * Scores how well a freelancer fits one job, 0 to 100, from five parts:
 * <ul>
 * <li><b>skills</b> (40): the job's skills the person has, each worth an equal share;</li>
 * <li><b>time</b> (25): free hours a week against the hours a week the job needs
 * ({@link JobProfile#hoursPerWeekNeeded()}), minus 10 when the person does not work on the weekday
 * of a fixed date, minus 10 when none of the job's time windows is one the person works in;</li>
 * <li><b>lifestyle</b> (15): where the work is done against the person's lifestyle: remote only
 * and on site −45 (partly on site −10); side job and weekday-daytime dates or hours −10;
 * child-rearing and early-morning, night or weekend requirements −5; caregiving and on site −5;</li>
 * <li><b>load</b> (10): 10 with nothing in progress in this program, 4 less for each active
 * introduction or contract;</li>
 * <li><b>results</b> (10): 4 for each contract delivered or paid, at most 10.</li>
 * </ul>
 * The total is kept between 0 and 100. The same person and job always give the same score; every
 * point comes with a {@link Reason} (see {@link #explain}). {@link #score} computes the same number
 * without building any reason, so that a ranking over the whole registry allocates nothing per
 * candidate.
 */
public final class Scorer {

    /** Most points for skills. */
    public static final int SKILLS_MAX = 40;
    /** Most points for time. */
    public static final int AVAILABILITY_MAX = 25;
    /** Most points for lifestyle. */
    public static final int LIFESTYLE_MAX = 15;
    /** Most points for load. */
    public static final int LOAD_MAX = 10;
    /** Most points for results. */
    public static final int RESULTS_MAX = 10;

    static final int CLASH = -10;
    static final int REMOTE_ONLY_ON_SITE = -45;
    static final int REMOTE_ONLY_HYBRID = -10;
    static final int SIDE_JOB_DAYTIME = -10;
    static final int CHILD_REARING_HOURS = -5;
    static final int CAREGIVING_ON_SITE = -5;
    static final int LOAD_STEP = 4;
    static final int RESULT_STEP = 4;

    private static final String[] WEEKDAY_JA = { "月", "火", "水", "木", "金", "土", "日" };
    private static final Set<TimeWindow> FAMILY_HOURS = EnumSet.of(TimeWindow.MORNING, TimeWindow.AFTERNOON);

    private final JobProfile job;
    private final String[] skills;
    private final String[] skillsLower;
    private final int[] shares;
    private final double needed;
    private final DayOfWeek[] fixedWeekdays;
    private final TimeWindow[] windows;
    private final boolean fixedOnWeekdays;
    private final boolean fixedOnWeekends;
    private final boolean daytimeOnly;
    private final boolean outsideFamilyHours;

    /**
     * Prepares scoring for one job.
     *
     * @param job the job
     */
    public Scorer(JobProfile job) {
        this.job = job;
        int n = job.skills().size();
        skills = job.skills().toArray(new String[0]);
        skillsLower = new String[n];
        shares = new int[n];
        for (int i = 0; i < n; i++) {
            String lower = skills[i].toLowerCase(Locale.ROOT);
            skillsLower[i] = lower.equals(skills[i]) ? null : lower;
            shares[i] = SKILLS_MAX * (i + 1) / n - SKILLS_MAX * i / n;
        }
        needed = job.hoursPerWeekNeeded();
        Set<DayOfWeek> days = job.fixedWeekdays();
        fixedWeekdays = days.toArray(new DayOfWeek[0]);
        boolean weekday = false;
        boolean weekend = false;
        for (DayOfWeek d : days) {
            if (d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY) {
                weekend = true;
            } else {
                weekday = true;
            }
        }
        fixedOnWeekdays = weekday;
        fixedOnWeekends = weekend;
        windows = EnumSet.copyOf(job.windows().isEmpty() ? EnumSet.noneOf(TimeWindow.class) : job.windows())
                .toArray(new TimeWindow[0]);
        daytimeOnly = !job.windows().isEmpty() && FAMILY_HOURS.containsAll(job.windows());
        boolean outside = false;
        for (TimeWindow w : job.windows()) {
            outside |= !FAMILY_HOURS.contains(w);
        }
        outsideFamilyHours = outside || fixedOnWeekends;
    }

    /**
     * The job being scored.
     *
     * @return the job
     */
    public JobProfile job() {
        return job;
    }

    /**
     * A person's score, without reasons.
     *
     * @param person the candidate
     * @param active the person's active introductions and contracts in this program
     * @param done the person's delivered or paid contracts
     * @return 0 to 100
     */
    public int score(PersonSummary person, int active, int done) {
        return evaluate(person, active, done, null, null);
    }

    /**
     * A person's score with every reason.
     *
     * @param person the candidate
     * @param active the person's active introductions and contracts in this program
     * @param done the person's delivered or paid contracts
     * @return the explanation
     */
    public Explanation explain(PersonSummary person, int active, int done) {
        List<Reason> reasons = new ArrayList<>();
        int[] parts = new int[5];
        int score = evaluate(person, active, done, reasons, parts);
        return new Explanation(score, parts[0], parts[1], parts[2], parts[3], parts[4], reasons);
    }

    /**
     * The points for skills, time and lifestyle of everyone in a pool: the same numbers as
     * {@link #score} computes part by part, read from the pool's arrays and skill bitsets. Load and
     * results are added by {@link #total}.
     *
     * @param pool the candidates
     * @param out receives the points by position, at least {@code pool.size()} long
     */
    void baseScores(CandidatePool pool, int[] out) {
        int n = pool.size();
        // skills: each of the job's skills adds its share to the people who list it
        if (skills.length == 0) {
            java.util.Arrays.fill(out, 0, n, SKILLS_MAX / 2);
        } else {
            java.util.Arrays.fill(out, 0, n, 0);
            for (int k = 0; k < skills.length; k++) {
                long[] exact = pool.withSkill(skills[k]);
                long[] lower = skillsLower[k] == null ? null : pool.withSkill(skillsLower[k]);
                int share = shares[k];
                int words = (n + 63) >>> 6;
                for (int w = 0; w < words; w++) {
                    long x = (exact == null ? 0 : exact[w]) | (lower == null ? 0 : lower[w]);
                    while (x != 0) {
                        out[w << 6 | Long.numberOfTrailingZeros(x)] += share;
                        x &= x - 1;
                    }
                }
            }
        }
        // time and lifestyle depend on a few small numbers: tables per job
        int[] timeByHours = new int[169];
        for (int h = 0; h < timeByHours.length; h++) {
            timeByHours[h] = timePoints(h);
        }
        int fixedMask = CandidatePool.mask(java.util.Arrays.asList(fixedWeekdays));
        int windowMask = CandidatePool.mask(java.util.Arrays.asList(windows));
        int[] lifestyleByMask = new int[1 << LifestyleConstraint.values().length];
        for (int m = 0; m < lifestyleByMask.length; m++) {
            lifestyleByMask[m] = lifestylePoints(m);
        }
        for (int i = 0; i < n; i++) {
            int time;
            if (pool.available(i)) {
                int h = pool.hours(i);
                time = h >= 0 && h < timeByHours.length ? timeByHours[h] : timePoints(h);
                int days = pool.weekdays(i);
                if (fixedMask != 0 && days != 0 && (fixedMask & ~days) != 0) {
                    time += CLASH;
                }
                int w = pool.windows(i);
                if (windowMask != 0 && w != 0 && (windowMask & w) == 0) {
                    time += CLASH;
                }
            } else {
                time = timeByHours[0];
            }
            out[i] += time + lifestyleByMask[pool.lifestyle(i)];
        }
    }

    /**
     * A score from the points of {@link #baseScores} and the person's load and results.
     *
     * @param base skills, time and lifestyle points
     * @param active the person's active introductions and contracts in this program
     * @param done the person's delivered or paid contracts
     * @return 0 to 100, as {@link #score}
     */
    static int total(int base, int active, int done) {
        int total = base + loadPoints(active) + resultPoints(done);
        return total < 0 ? 0 : Math.min(100, total);
    }

    static int loadPoints(int active) {
        return Math.max(0, LOAD_MAX - LOAD_STEP * active);
    }

    static int resultPoints(int done) {
        return Math.min(RESULTS_MAX, RESULT_STEP * done);
    }

    private int timePoints(int hours) {
        if (needed <= 0) {
            return AVAILABILITY_MAX;
        } else if (hours == 0) {
            return 0;
        }
        return (int) Math.min(AVAILABILITY_MAX, Math.round(AVAILABILITY_MAX * hours / needed));
    }

    private int lifestylePoints(int mask) {
        WorkMode mode = job.mode();
        int lifestyle = LIFESTYLE_MAX;
        if ((mask & 1 << LifestyleConstraint.REMOTE_ONLY.ordinal()) != 0) {
            if (mode == WorkMode.ON_SITE) {
                lifestyle += REMOTE_ONLY_ON_SITE;
            } else if (mode == WorkMode.HYBRID) {
                lifestyle += REMOTE_ONLY_HYBRID;
            }
        }
        if ((mask & 1 << LifestyleConstraint.SIDE_JOB.ordinal()) != 0 && (fixedOnWeekdays || daytimeOnly)) {
            lifestyle += SIDE_JOB_DAYTIME;
        }
        if ((mask & 1 << LifestyleConstraint.CHILD_REARING.ordinal()) != 0 && outsideFamilyHours) {
            lifestyle += CHILD_REARING_HOURS;
        }
        if ((mask & 1 << LifestyleConstraint.CAREGIVING.ordinal()) != 0 && mode == WorkMode.ON_SITE) {
            lifestyle += CAREGIVING_ON_SITE;
        }
        return lifestyle;
    }

    private int evaluate(PersonSummary p, int active, int done, List<Reason> out, int[] parts) {
        // skills
        Set<String> has = p.skills();
        int skill = 0;
        if (skills.length == 0) {
            skill = SKILLS_MAX / 2;
            add(out, "skill.unspecified", "必要なスキルの指定なし", "no skills specified for the job", skill, false);
        }
        for (int i = 0; i < skills.length; i++) {
            boolean match = has.contains(skills[i]) || (skillsLower[i] != null && has.contains(skillsLower[i]));
            if (match) {
                skill += shares[i];
            }
            if (out != null) {
                LocalizedText label = skillLabel(skills[i]);
                if (match) {
                    add(out, "skill.has", label.ja() + "の経験あり", "has " + label.en(), shares[i], false);
                } else {
                    add(out, "skill.missing", label.ja() + "の登録なし", "no " + label.en() + " listed", 0, false);
                }
            }
        }

        // time
        Availability a = p.availability();
        int hours = a == null ? 0 : a.hoursPerWeek();
        int time;
        if (needed <= 0) {
            time = AVAILABILITY_MAX;
        } else if (hours == 0) {
            time = 0;
        } else {
            time = (int) Math.min(AVAILABILITY_MAX, Math.round(AVAILABILITY_MAX * hours / needed));
        }
        if (out != null) {
            if (hours == 0) {
                add(out, "time.none", "空き時間の登録なし", "no free hours given", time, false);
            } else {
                add(out, "time.free", "週" + hours + "時間空きあり", hours + " h/week free", time, false);
                if (hours < needed) {
                    long n = Math.round(Math.ceil(needed));
                    add(out, "time.short", "必要な週約" + n + "時間に届かない", "needs about " + n + " h/week", 0, false);
                }
            }
        }
        if (a != null && fixedWeekdays.length > 0 && !a.weekdays().isEmpty()) {
            DayOfWeek off = null;
            for (DayOfWeek d : fixedWeekdays) {
                if (!a.weekdays().contains(d)) {
                    off = d;
                    break;
                }
            }
            if (off != null) {
                time += CLASH;
                if (out != null) {
                    add(out, "time.fixed-date", "指定日（" + WEEKDAY_JA[off.getValue() - 1] + "曜）は稼働日でない",
                            "does not work on " + off.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " (a fixed date)",
                            CLASH, false);
                }
            }
        }
        if (a != null && windows.length > 0 && !a.windows().isEmpty()) {
            boolean any = false;
            for (TimeWindow w : windows) {
                any |= a.windows().contains(w);
            }
            if (!any) {
                time += CLASH;
                if (out != null) {
                    add(out, "time.window", "指定の時間帯（" + windowsJa() + "）に稼働していない",
                            "does not work in the required hours (" + windowsEn() + ")", CLASH, false);
                }
            }
        }

        // lifestyle
        Set<LifestyleConstraint> life = p.lifestyle();
        WorkMode mode = job.mode();
        int lifestyle = LIFESTYLE_MAX;
        if (out != null) {
            switch (mode) {
                case REMOTE -> add(out, "mode.remote", "リモート可", "remote OK", LIFESTYLE_MAX, false);
                case HYBRID -> add(out, "mode.hybrid", "一部現地作業あり", "partly on site", LIFESTYLE_MAX, false);
                default -> add(out, "mode.on-site", "現地作業", "on site", LIFESTYLE_MAX, false);
            }
        }
        if (!life.isEmpty()) {
            if (life.contains(LifestyleConstraint.REMOTE_ONLY)) {
                if (mode == WorkMode.ON_SITE) {
                    lifestyle += REMOTE_ONLY_ON_SITE;
                    add(out, "lifestyle.remote-only", "リモートのみ希望のため現地作業は不可", "remote only: cannot work on site",
                            REMOTE_ONLY_ON_SITE, true);
                } else if (mode == WorkMode.HYBRID) {
                    lifestyle += REMOTE_ONLY_HYBRID;
                    add(out, "lifestyle.remote-only", "リモートのみ希望（一部現地作業あり）", "remote only: the job is partly on site",
                            REMOTE_ONLY_HYBRID, true);
                } else {
                    add(out, "lifestyle.remote-only", "リモートのみ希望に合う", "fits remote only", 0, true);
                }
            }
            if (life.contains(LifestyleConstraint.SIDE_JOB)) {
                if (fixedOnWeekdays || daytimeOnly) {
                    lifestyle += SIDE_JOB_DAYTIME;
                    add(out, "lifestyle.side-job", "副業：平日日中の指定が本業と重なる", "side job: weekday daytime requirement clashes with the main job",
                            SIDE_JOB_DAYTIME, true);
                } else {
                    add(out, "lifestyle.side-job", "副業：夜間・週末の作業で対応可", "side job: can be done evenings and weekends", 0, true);
                }
            }
            if (life.contains(LifestyleConstraint.CHILD_REARING)) {
                if (outsideFamilyHours) {
                    lifestyle += CHILD_REARING_HOURS;
                    add(out, "lifestyle.child-rearing", "子育て中：早朝・夜間・週末の指定あり", "child-rearing: early, late or weekend hours required",
                            CHILD_REARING_HOURS, true);
                } else if (mode == WorkMode.REMOTE) {
                    add(out, "lifestyle.child-rearing", "子育て中：在宅で時間の融通が利く", "child-rearing: remote with flexible hours fits",
                            0, true);
                } else {
                    add(out, "lifestyle.child-rearing", "子育て中：現地作業の日程調整が必要", "child-rearing: on-site days need arranging", 0, true);
                }
            }
            if (life.contains(LifestyleConstraint.CAREGIVING) && mode == WorkMode.ON_SITE) {
                lifestyle += CAREGIVING_ON_SITE;
                add(out, "lifestyle.caregiving", "介護中：現地作業は調整が必要", "caregiving: on-site work needs arranging",
                        CAREGIVING_ON_SITE, true);
            }
        }

        // load
        int load = Math.max(0, LOAD_MAX - LOAD_STEP * active);
        if (out != null) {
            if (active == 0) {
                add(out, "load.none", "進行中の案件なし", "no active jobs", load, false);
            } else {
                add(out, "load.active", "進行中の案件" + active + "件", "already " + active + " active job" + (active == 1 ? "" : "s"),
                        load, false);
            }
        }

        // results
        int results = Math.min(RESULTS_MAX, RESULT_STEP * done);
        if (out != null) {
            if (done == 0) {
                add(out, "results.none", "この事業での納品実績なし", "no deliveries yet", 0, false);
            } else {
                add(out, "results.delivered", "納品実績" + done + "件", done + " past deliver" + (done == 1 ? "y" : "ies"),
                        results, false);
            }
        }

        if (parts != null) {
            parts[0] = skill;
            parts[1] = time;
            parts[2] = lifestyle;
            parts[3] = load;
            parts[4] = results;
        }
        int total = skill + time + lifestyle + load + results;
        return total < 0 ? 0 : Math.min(100, total);
    }

    /**
     * The label of a skill: the vocabulary's for a curated code, the tag itself otherwise.
     *
     * @param skill a code or tag
     * @return the label, English in lower case for use in a sentence
     */
    static LocalizedText skillLabel(String skill) {
        LocalizedText curated = SkillVocabulary.SKILLS.get(skill);
        if (curated == null) {
            return LocalizedText.of(skill, skill);
        }
        String en = curated.en();
        return LocalizedText.of(curated.ja(), en.substring(0, 1).toLowerCase(Locale.ROOT) + en.substring(1));
    }

    private String windowsJa() {
        StringBuilder s = new StringBuilder();
        for (TimeWindow w : windows) {
            s.append(s.length() == 0 ? "" : "・").append(w.label().ja());
        }
        return s.toString();
    }

    private String windowsEn() {
        StringBuilder s = new StringBuilder();
        for (TimeWindow w : windows) {
            s.append(s.length() == 0 ? "" : ", ").append(w.label().en().toLowerCase(Locale.ROOT));
        }
        return s.toString();
    }

    private static void add(List<Reason> out, String code, String ja, String en, int points, boolean sensitive) {
        if (out != null) {
            out.add(new Reason(code, LocalizedText.of(ja, en), points, sensitive));
        }
    }
}
