package org.freelanceisland.jobs.internal.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.freelanceisland.jobs.internal.model.WorkMode;
import org.freelanceisland.platform.api.people.Availability;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.api.people.LifestyleConstraint;
import org.freelanceisland.platform.api.people.PersonSummary;
import org.freelanceisland.platform.api.people.TimeWindow;
import org.junit.jupiter.api.Test;

class ScorerTest {

    static final LocalDate TODAY = LocalDate.of(2025, 5, 1);
    static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    /** Two articles at 3 days each (48 h) due in four weeks: about 11.6 h a week. */
    static JobProfile articles(WorkMode mode) {
        return new JobProfile(List.of("writing", "photography"), mode, 48, null, TODAY.plusDays(28), List.of(), Set.of(), TODAY);
    }

    static PersonSummary person(String id, Set<String> skills, int hours, Set<LifestyleConstraint> life) {
        return new PersonSummary(id, "name " + id, null, null, true, skills,
                new Availability(hours, WEEKDAYS, EnumSet.of(TimeWindow.MORNING, TimeWindow.AFTERNOON)), life, Set.of(),
                EnumSet.of(ConsentPurpose.JOB_OFFERS));
    }

    @Test
    void aFullFitScoresEveryPartAndSaysWhyInJapaneseAndEnglish() {
        Scorer scorer = new Scorer(articles(WorkMode.REMOTE));
        Explanation e = scorer.explain(person("1", Set.of("writing", "photography"), 20, Set.of()), 0, 0);
        assertEquals(40, e.skills());
        assertEquals(25, e.availability());
        assertEquals(15, e.lifestyle());
        assertEquals(10, e.load());
        assertEquals(0, e.results());
        assertEquals(90, e.score());
        assertTrue(has(e, "ライティングの経験あり", "has writing"));
        assertTrue(has(e, "写真撮影の経験あり", "has photography"));
        assertTrue(has(e, "週20時間空きあり", "20 h/week free"));
        assertTrue(has(e, "リモート可", "remote OK"));
        assertTrue(has(e, "進行中の案件なし", "no active jobs"));
        assertEquals(e.score(), e.reasons().stream().mapToInt(Reason::points).sum(), "reasons add up to the score");
        assertEquals(e.score(), scorer.score(person("1", Set.of("writing", "photography"), 20, Set.of()), 0, 0));
    }

    @Test
    void partialSkillsShortTimeLoadAndResultsAreWeighedAndExplained() {
        Scorer scorer = new Scorer(articles(WorkMode.REMOTE));
        PersonSummary p = person("2", Set.of("writing"), 10, Set.of(LifestyleConstraint.CHILD_REARING));
        Explanation e = scorer.explain(p, 2, 1);
        assertEquals(20, e.skills());
        assertEquals(22, e.availability(), "10 of the 11.6 h/week needed");
        assertEquals(15, e.lifestyle());
        assertEquals(2, e.load());
        assertEquals(4, e.results());
        assertEquals(63, e.score());
        assertTrue(has(e, "写真撮影の登録なし", "no photography listed"));
        assertTrue(has(e, "週10時間空きあり", "10 h/week free"));
        assertTrue(has(e, "必要な週約12時間に届かない", "needs about 12 h/week"));
        assertTrue(has(e, "進行中の案件2件", "already 2 active jobs"));
        assertTrue(has(e, "納品実績1件", "1 past delivery"));
        Reason childRearing = e.reasons().stream().filter(r -> r.code().equals("lifestyle.child-rearing")).findFirst().orElseThrow();
        assertTrue(childRearing.sensitive(), "lifestyle reasons are marked sensitive");
        assertEquals("子育て中：在宅で時間の融通が利く", childRearing.text().ja());
        assertFalse(e.withoutSensitive().reasons().contains(childRearing));
        assertEquals(63, scorer.score(p, 2, 1));
    }

    @Test
    void lifestyleConstraintsAgainstTheJobsScheduleCostPoints() {
        PersonSummary remoteOnly = person("3", Set.of("writing", "photography"), 20, Set.of(LifestyleConstraint.REMOTE_ONLY));
        assertEquals(15 - 45, new Scorer(articles(WorkMode.ON_SITE)).explain(remoteOnly, 0, 0).lifestyle());
        assertEquals(5, new Scorer(articles(WorkMode.HYBRID)).explain(remoteOnly, 0, 0).lifestyle());
        assertEquals(15, new Scorer(articles(WorkMode.REMOTE)).explain(remoteOnly, 0, 0).lifestyle());
        assertTrue(has(new Scorer(articles(WorkMode.ON_SITE)).explain(remoteOnly, 0, 0), "リモートのみ希望のため現地作業は不可",
                "remote only: cannot work on site"));

        // a shoot on a Tuesday morning: the side-jobber works evenings and weekends
        JobProfile shoot = new JobProfile(List.of("photography"), WorkMode.ON_SITE, 8, null, TODAY.plusDays(20),
                List.of(LocalDate.of(2025, 5, 13)), Set.of(TimeWindow.MORNING), TODAY);
        PersonSummary sideJob = new PersonSummary("4", "副業", null, null, true, Set.of("photography"),
                new Availability(8, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), EnumSet.of(TimeWindow.EVENING)),
                Set.of(LifestyleConstraint.SIDE_JOB), Set.of(), EnumSet.of(ConsentPurpose.JOB_OFFERS));
        Explanation e = new Scorer(shoot).explain(sideJob, 0, 0);
        assertTrue(has(e, "指定日（火曜）は稼働日でない", "does not work on Tue (a fixed date)"));
        assertTrue(has(e, "指定の時間帯（午前）に稼働していない", "does not work in the required hours (morning)"));
        assertTrue(has(e, "副業：平日日中の指定が本業と重なる", "side job: weekday daytime requirement clashes with the main job"));
        assertEquals(25 - 20, e.availability());
        assertEquals(15 - 10, e.lifestyle());
        assertEquals(e.score(), e.reasons().stream().mapToInt(Reason::points).sum());

        // evening work is hard for a parent whose hours are the day
        JobProfile evening = new JobProfile(List.of("sns-operation"), WorkMode.REMOTE, 4, null, null, List.of(),
                Set.of(TimeWindow.EVENING), TODAY);
        Explanation parent = new Scorer(evening).explain(person("5", Set.of("sns-operation"), 10,
                Set.of(LifestyleConstraint.CHILD_REARING)), 0, 0);
        assertEquals(10, parent.lifestyle());
        assertEquals(15, parent.availability(), "4 h needed, 10 free: full time points minus the window clash");
    }

    @Test
    void theScoreStaysBetweenZeroAndAHundredAndIsTheSameEveryTime() {
        PersonSummary nothing = new PersonSummary("6", "n", null, null, true, Set.of("video"), null,
                Set.of(LifestyleConstraint.REMOTE_ONLY), Set.of(), EnumSet.of(ConsentPurpose.JOB_OFFERS));
        Scorer onSite = new Scorer(articles(WorkMode.ON_SITE));
        assertEquals(0, onSite.score(nothing, 5, 0));
        assertTrue(has(onSite.explain(nothing, 5, 0), "空き時間の登録なし", "no free hours given"));
        PersonSummary p = person("7", Set.of("writing"), 6, Set.of());
        assertEquals(new Scorer(articles(WorkMode.REMOTE)).explain(p, 1, 3), new Scorer(articles(WorkMode.REMOTE)).explain(p, 1, 3));
    }

    @Test
    void freeTagsMatchAsWrittenAndAreShownAsThemselves() {
        JobProfile job = new JobProfile(List.of("Webライティング"), WorkMode.REMOTE, 10, null, null, List.of(), Set.of(), TODAY);
        Explanation e = new Scorer(job).explain(person("8", Set.of("Webライティング"), 10, Set.of()), 0, 0);
        assertEquals(40, e.skills());
        assertTrue(has(e, "Webライティングの経験あり", "has Webライティング"));
    }

    @Test
    void theHoursNeededFollowTheDeadline() {
        assertEquals(48 / (29 / 7.0), articles(WorkMode.REMOTE).hoursPerWeekNeeded(), 1e-9);
        assertEquals(10, new JobProfile(List.of(), WorkMode.REMOTE, 48, null, null, List.of(), Set.of(), TODAY).hoursPerWeekNeeded());
        assertEquals(48, new JobProfile(List.of(), WorkMode.REMOTE, 48, null, TODAY.minusDays(1), List.of(), Set.of(), TODAY)
                .hoursPerWeekNeeded(), "past the deadline everything is needed now");
        assertEquals(48, new JobProfile(List.of(), WorkMode.REMOTE, 48, TODAY.plusDays(10), TODAY.plusDays(12), List.of(),
                Set.of(), TODAY).hoursPerWeekNeeded(), "three days from the start: one week at least");
    }

    static boolean has(Explanation e, String ja, String en) {
        return e.reasons().stream().anyMatch(r -> r.text().ja().equals(ja) && r.text().en().equals(en));
    }
}
