package org.freelanceisland.jobs.internal.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.freelanceisland.jobs.internal.model.WorkMode;
import org.freelanceisland.platform.api.people.Availability;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.api.people.LifestyleConstraint;
import org.freelanceisland.platform.api.people.PersonSummary;
import org.freelanceisland.platform.api.people.TimeWindow;
import org.junit.jupiter.api.Test;

/**
 * Ranking over a {@link CandidatePool} (arrays, bitsets, tables per job) must give exactly what
 * scoring each summary with {@link Scorer#score} and sorting gives: every score, every tie, every
 * window, for jobs and people of every shape.
 */
class CandidatePoolTest {

    private static final String[] SKILLS = { "writing", "photography", "Design", "design", "video", "sns-operation", "手作り" };

    private static <E extends Enum<E>> Set<E> some(Random r, Class<E> type, int oneIn) {
        Set<E> out = EnumSet.noneOf(type);
        for (E e : type.getEnumConstants()) {
            if (r.nextInt(oneIn) == 0) {
                out.add(e);
            }
        }
        return out;
    }

    private static String id(Random r, int i) {
        return switch (r.nextInt(12)) {
            case 0 -> "p-" + i; // text ids come after numbers
            case 1 -> "0" + i; // a leading zero is not a number
            case 2 -> "1234567890123456789" + i; // too long for a long
            default -> Integer.toString(i);
        };
    }

    static List<PersonSummary> people(Random r, int n) {
        List<PersonSummary> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Set<String> skills = new HashSet<>();
            for (String s : SKILLS) {
                if (r.nextInt(3) == 0) {
                    skills.add(s);
                }
            }
            Availability a = r.nextInt(10) == 0 ? null
                    : new Availability(r.nextInt(8) == 0 ? 0 : r.nextInt(60), some(r, DayOfWeek.class, 2), some(r, TimeWindow.class, 3));
            Set<ConsentPurpose> consents = r.nextInt(5) == 0 ? Set.of() : Set.of(ConsentPurpose.JOB_OFFERS);
            out.add(new PersonSummary(id(r, i), "n" + i, null, null, r.nextInt(8) != 0, skills, a,
                    some(r, LifestyleConstraint.class, 3), Set.of(), consents));
        }
        out.add(out.get(3)); // the same person twice: ranked twice, as before
        out.add(null);
        return out;
    }

    static JobProfile job(Random r) {
        List<String> skills = new ArrayList<>();
        for (String s : SKILLS) {
            if (r.nextInt(3) == 0 && !skills.contains(s)) {
                skills.add(r.nextInt(4) == 0 ? s.toUpperCase(java.util.Locale.ROOT) : s);
            }
        }
        LocalDate today = LocalDate.of(2025, 5, 1);
        List<LocalDate> fixed = new ArrayList<>();
        for (int k = r.nextInt(3); k > 0; k--) {
            fixed.add(today.plusDays(1 + r.nextInt(20)));
        }
        return new JobProfile(skills.stream().distinct().toList(), WorkMode.values()[r.nextInt(WorkMode.values().length)],
                r.nextInt(5) == 0 ? 0 : r.nextInt(200), r.nextBoolean() ? null : today.plusDays(r.nextInt(10)),
                r.nextInt(4) == 0 ? null : today.plusDays(r.nextInt(60) - 5), fixed, some(r, TimeWindow.class, 3), today);
    }

    @Test
    void rankingAPoolEqualsScoringEverySummaryAndSorting() {
        Random r = new Random(42);
        for (int round = 0; round < 60; round++) {
            List<PersonSummary> people = people(r, 300);
            Scorer scorer = new Scorer(job(r));
            Tally.Builder b = Tally.builder(50);
            for (int k = 0; k < 80; k++) {
                PersonSummary p = people.get(r.nextInt(300));
                b.add(p.id(), r.nextInt(4), r.nextInt(4));
            }
            b.add("nobody-in-the-pool", 3, 3);
            Tally tally = b.build();
            Set<String> leftOut = round % 3 == 0 ? Set.of(people.get(7).id(), people.get(8).id()) : Set.of();

            record Scored(PersonSummary p, int score) {
            }
            List<Scored> expected = new ArrayList<>();
            for (PersonSummary p : people) {
                if (p != null && p.active() && p.consentsTo(ConsentPurpose.JOB_OFFERS) && !leftOut.contains(p.id())) {
                    int[] c = tally.of(p.id());
                    expected.add(new Scored(p, scorer.score(p, c[0], c[1])));
                }
            }
            expected.sort(Comparator.comparingInt((Scored s) -> -s.score()).thenComparing((x, y) -> Ranking.compareIds(x.p().id(), y.p().id())));

            CandidatePool pool = CandidatePool.of(people);
            int offset = r.nextInt(20);
            int limit = 1 + r.nextInt(400);
            Ranking.Result got = Ranking.rank(scorer, pool, tally, leftOut, offset, limit);
            assertEquals(expected.size(), got.total());
            List<Scored> window = expected.subList(Math.min(offset, expected.size()), Math.min(offset + limit, expected.size()));
            assertEquals(window.size(), got.entries().size());
            for (int k = 0; k < window.size(); k++) {
                Ranking.Entry e = got.entries().get(k);
                assertEquals(window.get(k).p().id(), e.person().id(), "position " + (offset + k));
                assertEquals(window.get(k).score(), e.explanation().score());
                assertEquals(offset + k + 1, e.rank());
            }
        }
    }

    @Test
    void theCacheGivesAListsOwnPoolAndLaysOutAListItHasNotSeen() {
        Random r = new Random(1);
        List<PersonSummary> a = List.copyOf(people(r, 20).subList(0, 20));
        List<PersonSummary> sameContentOtherList = new ArrayList<>(a);
        PoolCache cache = new PoolCache(2);
        CandidatePool pa = cache.of(a);
        assertSame(pa, cache.of(a));
        assertSame(a, pa.source());
        CandidatePool other = cache.of(sameContentOtherList);
        assertNotSame(pa, other, "by identity: a changed registry hands out a new list");
        assertSame(sameContentOtherList, other.source());
        cache.of(new ArrayList<>(a)); // a third list pushes out the oldest
        assertNotSame(pa, cache.of(a));
    }
}
