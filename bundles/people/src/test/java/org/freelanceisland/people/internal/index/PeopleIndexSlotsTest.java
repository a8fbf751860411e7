package org.freelanceisland.people.internal.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.freelanceisland.people.internal.model.Person;
import org.freelanceisland.people.internal.model.PersonData;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.people.Availability;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.api.people.LifestyleConstraint;
import org.freelanceisland.platform.api.people.PersonFlag;
import org.freelanceisland.platform.api.people.TimeWindow;
import org.junit.jupiter.api.Test;

/**
 * The index keeps people in slots with bitsets and bit masks; these tests compare every answer with
 * the plain definition (a filter over every entry), through changes, and while changes run.
 */
class PeopleIndexSlotsTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);
    private static final String[] SKILLS = { "writing", "photography", "design", "video", "sns", "handmade", "ライティング" };
    private static final String[] NAMES = { "山田", "やまだ", "佐藤", "田中", "奄美", "ヤマト" };

    private static Person random(Random r, long id, long version) {
        List<String> skills = new ArrayList<>();
        for (String s : SKILLS) {
            if (r.nextInt(4) == 0) {
                skills.add(s);
            }
        }
        if (r.nextBoolean()) {
            skills.add("tag-" + r.nextInt(100)); // more than 64 skills: the ids past the row's bit mask
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (r.nextBoolean()) {
                days.add(d);
            }
        }
        Set<TimeWindow> windows = EnumSet.noneOf(TimeWindow.class);
        for (TimeWindow w : TimeWindow.values()) {
            if (r.nextInt(3) == 0) {
                windows.add(w);
            }
        }
        Set<LifestyleConstraint> life = EnumSet.noneOf(LifestyleConstraint.class);
        for (LifestyleConstraint l : LifestyleConstraint.values()) {
            if (r.nextInt(4) == 0) {
                life.add(l);
            }
        }
        List<Person.Consent> consents = new ArrayList<>();
        for (ConsentPurpose c : ConsentPurpose.values()) {
            if (r.nextBoolean()) {
                consents.add(new Person.Consent(id * 100 + c.ordinal(), c, TODAY.minusDays(10), "v1", null));
            }
        }
        List<Person.FlagPeriod> flags = r.nextInt(3) == 0
                ? List.of(new Person.FlagPeriod(id, PersonFlag.values()[r.nextInt(PersonFlag.values().length)],
                        TODAY.minusDays(r.nextInt(100)), r.nextBoolean() ? null : TODAY.minusDays(1)))
                : List.of();
        String name = NAMES[r.nextInt(NAMES.length)] + " " + id;
        return new Person(id, version, name, name, null, null, r.nextBoolean() ? "名瀬" : "笠利", TODAY, r.nextInt(5) != 0, false,
                null, null, skills, List.of(), new Availability(r.nextInt(41), days, windows), life, List.of(),
                PersonData.Residency.UNKNOWN, flags, List.of(), consents, Instant.EPOCH, Instant.EPOCH);
    }

    private static SearchCriteria randomCriteria(Random r) {
        Set<String> skills = r.nextInt(3) == 0 ? Set.of() : r.nextInt(4) == 0 ? Set.of("tag-" + r.nextInt(100), SKILLS[r.nextInt(3)])
                : r.nextBoolean() ? Set.of(SKILLS[r.nextInt(SKILLS.length)])
                : Set.of(SKILLS[r.nextInt(3)], SKILLS[3 + r.nextInt(3)]);
        return new SearchCriteria(r.nextInt(4) == 0 ? NAMES[r.nextInt(NAMES.length)] : null, skills,
                r.nextInt(5) == 0 ? "名瀬" : null, r.nextInt(5) == 0 ? PersonFlag.values()[r.nextInt(PersonFlag.values().length)] : null,
                r.nextBoolean() ? r.nextInt(30) : null, r.nextBoolean() ? Set.of(DayOfWeek.of(1 + r.nextInt(7))) : null,
                r.nextInt(3) == 0 ? Set.of(TimeWindow.values()[r.nextInt(TimeWindow.values().length)]) : null,
                r.nextInt(4) == 0 ? Set.of(LifestyleConstraint.values()[r.nextInt(LifestyleConstraint.values().length)]) : null,
                r.nextInt(4) == 0 ? ConsentPurpose.values()[r.nextInt(ConsentPurpose.values().length)] : null, null, null,
                SearchCriteria.Status.values()[r.nextInt(3)]);
    }

    /** The definition: every criterion given holds. */
    private static boolean matches(PeopleIndex.Entry e, SearchCriteria c) {
        boolean status = switch (c.status()) {
            case ACTIVE -> e.active();
            case INACTIVE -> !e.active();
            case ALL -> true;
        };
        String text = c.text() == null ? null : org.freelanceisland.people.internal.model.Text.key(c.text());
        return status && (text == null || e.nameKey().contains(text))
                && (c.district() == null || e.districtKey().contains(org.freelanceisland.people.internal.model.Text.key(c.district())))
                && c.skills().stream().allMatch(s -> e.skillKeys().contains(PeopleIndex.skillKey(s)))
                && (c.minHours() == null || e.availability().hoursPerWeek() >= c.minHours())
                && e.availability().weekdays().containsAll(c.weekdays()) && e.availability().windows().containsAll(c.windows())
                && e.lifestyle().containsAll(c.lifestyle()) && (c.consent() == null || e.consents().contains(c.consent()))
                && (c.flag() == null || e.flagsOn(TODAY).contains(c.flag()));
    }

    private static List<Long> expected(List<PeopleIndex.Entry> all, SearchCriteria c) {
        return all.stream().filter(e -> matches(e, c))
                .sorted(Comparator.comparing(PeopleIndex.Entry::sortKey).thenComparingLong(PeopleIndex.Entry::id))
                .map(PeopleIndex.Entry::id).toList();
    }

    @Test
    void everySearchAndCandidateListEqualsTheDefinitionThroughChanges() {
        Random r = new Random(2025);
        PeopleIndex index = new PeopleIndex();
        List<Person> people = new ArrayList<>();
        for (long id = 1; id <= 600; id++) {
            people.add(random(r, id, 1));
        }
        index.replaceAll(people);
        for (int round = 0; round < 3; round++) {
            List<PeopleIndex.Entry> all = new ArrayList<>();
            for (long id = 1; id <= people.size(); id++) {
                all.add(index.get(id).orElseThrow());
            }
            for (int q = 0; q < 200; q++) {
                SearchCriteria c = randomCriteria(r);
                List<Long> want = expected(all, c);
                assertEquals(want, index.searchAll(c, TODAY).stream().map(PeopleIndex.Entry::id).toList(), c.toString());
                var page = index.search(c, new PageRequest(3, 7), TODAY);
                assertEquals(want.size(), page.total());
                assertEquals(want.subList(Math.min(3, want.size()), Math.min(10, want.size())),
                        page.items().stream().map(PeopleIndex.Entry::id).toList());
            }
            for (List<String> skills : List.of(List.<String>of(), List.of("writing"), List.of("design", "video", "nothing"), List.of("tag-77", "tag-3"))) {
                Set<Long> want = new java.util.HashSet<>();
                for (PeopleIndex.Entry e : all) {
                    if (e.jobCandidate() && (skills.isEmpty()
                            || skills.stream().anyMatch(s -> e.skillKeys().contains(PeopleIndex.skillKey(s))))) {
                        want.add(e.id());
                    }
                }
                List<Long> got = index.jobCandidates(skills).stream().map(PeopleIndex.Entry::id).toList();
                assertEquals(want, Set.copyOf(got));
                assertEquals(want.size(), got.size(), "no one twice");
            }
            // change a third of the people (skills, consents, state) and add some
            long before = index.modifications();
            for (int k = 0; k < 200; k++) {
                long id = 1 + r.nextInt(people.size());
                index.put(random(r, id, 1 + round + 1));
            }
            for (int k = 0; k < 50; k++) {
                index.put(random(r, people.size() + 1, 1));
                people.add(null);
            }
            assertNotEquals(before, index.modifications());
            assertEquals(people.size(), index.size());
        }
    }

    @Test
    void theNameFiltersNeverHideAName() {
        Random r = new Random(3);
        String alphabet = "やまだヤマダ山田太郎花子ｱｲ abc\u0000𠮷";
        for (int k = 0; k < 20_000; k++) {
            StringBuilder name = new StringBuilder();
            for (int n = 1 + r.nextInt(12); n > 0; n--) {
                name.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            String text = name.toString();
            int from = r.nextInt(text.length());
            String part = text.substring(from, from + r.nextInt(text.length() - from + 1));
            assertEquals(PeopleIndex.charBits(part), PeopleIndex.charBits(part) & PeopleIndex.charBits(text));
            assertEquals(PeopleIndex.pairBits(part), PeopleIndex.pairBits(part) & PeopleIndex.pairBits(text));
        }
        assertNotEquals(PeopleIndex.pairBits("やまだ"), PeopleIndex.pairBits("だまや"), "pairs are ordered");
    }

    @Test
    void putsOfUnchangedPeopleLeaveTheModificationCount() {
        PeopleIndex index = new PeopleIndex();
        Person p = random(new Random(1), 1, 1);
        index.put(p);
        long m = index.modifications();
        index.put(p); // a refresh reading the same row again
        assertEquals(m, index.modifications());
        index.put(random(new Random(2), 1, 2));
        assertNotEquals(m, index.modifications());
    }

    @Test
    void readersRunningDuringChangesSeeOnlyWholePeopleThatMatch() throws Exception {
        Random r = new Random(7);
        PeopleIndex index = new PeopleIndex();
        List<Person> people = new ArrayList<>();
        for (long id = 1; id <= 2_000; id++) {
            people.add(random(r, id, 1));
        }
        index.replaceAll(people);
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        SearchCriteria writers = new SearchCriteria(null, Set.of("writing"), null, null, 10, null, null, null, null, null, null, null);
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread reader = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        for (PeopleIndex.Entry e : index.searchAll(writers, TODAY)) {
                            assertTrue(e.active() && e.skillKeys().contains("writing") && e.availability().hoursPerWeek() >= 10);
                        }
                        for (PeopleIndex.Entry e : index.jobCandidates(List.of("design"))) {
                            assertTrue(e.jobCandidate() && e.skillKeys().contains("design"));
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            reader.start();
            readers.add(reader);
        }
        Random w = new Random(8);
        for (int k = 0; k < 20_000; k++) {
            long id = 1 + w.nextInt(3_000); // changes and new people, so the slots and bitsets grow
            index.put(random(w, id, 2 + k));
            if (k == 10_000) {
                index.replaceAll(people);
            }
        }
        stop.set(true);
        for (Thread t : readers) {
            t.join();
        }
        assertTrue(failures.isEmpty(), () -> failures.peek().toString());
    }
}
