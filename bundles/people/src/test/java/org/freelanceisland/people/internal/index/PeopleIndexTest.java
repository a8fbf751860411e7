package org.freelanceisland.people.internal.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.freelanceisland.people.internal.model.Person;
import org.freelanceisland.people.internal.model.PersonData;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.people.Availability;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.api.people.LifestyleConstraint;
import org.freelanceisland.platform.api.people.PersonFlag;
import org.freelanceisland.platform.api.people.TimeWindow;
import org.junit.jupiter.api.Test;

class PeopleIndexTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    static Person person(long id, String name, String kana, List<String> skills, int hours, Set<DayOfWeek> days,
            Set<ConsentPurpose> consents, boolean active, List<Person.FlagPeriod> flags) {
        return new Person(id, 1, name, kana, null, null, "名瀬", TODAY, active, false, null, null, skills, List.of(),
                new Availability(hours, days, Set.of(TimeWindow.MORNING)), Set.of(LifestyleConstraint.CHILD_REARING),
                List.of(), PersonData.Residency.UNKNOWN, flags, List.of(),
                consents.stream().map(c -> new Person.Consent(id * 10 + c.ordinal(), c, TODAY, "v1", null)).toList(),
                Instant.EPOCH, Instant.EPOCH);
    }

    private final PeopleIndex index = new PeopleIndex();

    private List<Long> ids(SearchCriteria c) {
        return index.search(c, new PageRequest(0, 50), TODAY).items().stream().map(PeopleIndex.Entry::id).toList();
    }

    private static SearchCriteria text(String q) {
        return new SearchCriteria(q, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void findsNamesAndKanaRegardlessOfScriptWidthAndSpaces() {
        index.put(person(1, "山田 太郎", "ヤマダ タロウ", List.of(), 0, Set.of(), Set.of(), true, List.of()));
        index.put(person(2, "𠮷田 花子", "ヨシダ ハナコ", List.of(), 0, Set.of(), Set.of(), true, List.of()));
        assertEquals(List.of(1L), ids(text("やまだ")));
        assertEquals(List.of(1L), ids(text("ﾔﾏﾀﾞ")));
        assertEquals(List.of(1L), ids(text("山田太郎")));
        assertEquals(List.of(2L), ids(text("𠮷田")));
        assertEquals(List.of(1L, 2L), ids(text("だ")));
        assertEquals(List.of(), ids(text("佐藤")));
    }

    @Test
    void listsInKanaOrderWithPaging() {
        index.put(person(1, "渡辺", "ワタナベ", List.of(), 0, Set.of(), Set.of(), true, List.of()));
        index.put(person(2, "青木", "アオキ", List.of(), 0, Set.of(), Set.of(), true, List.of()));
        index.put(person(3, "加藤", "カトウ", List.of(), 0, Set.of(), Set.of(), true, List.of()));
        var page = index.search(SearchCriteria.activePeople(), new PageRequest(1, 1), TODAY);
        assertEquals(3, page.total());
        assertEquals(List.of(3L), page.items().stream().map(PeopleIndex.Entry::id).toList());
        assertEquals(List.of(2L, 3L, 1L), ids(SearchCriteria.activePeople()));
    }

    @Test
    void filtersBySkillsAvailabilityFlagsAndState() {
        List<Person.FlagPeriod> leader = List.of(new Person.FlagPeriod(1, PersonFlag.COMMUNITY_LEADER, TODAY.minusYears(1), null));
        List<Person.FlagPeriod> former = List.of(new Person.FlagPeriod(2, PersonFlag.COMMUNITY_LEADER, TODAY.minusYears(2), TODAY.minusYears(1)));
        index.put(person(1, "a", "ア", List.of("writing", "photography"), 20, Set.of(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of(), true, leader));
        index.put(person(2, "b", "イ", List.of("writing"), 10, Set.of(DayOfWeek.MONDAY), Set.of(), true, former));
        index.put(person(3, "c", "ウ", List.of("photography"), 40, Set.of(DayOfWeek.FRIDAY), Set.of(), false, List.of()));
        SearchCriteria writersFor15Hours = new SearchCriteria(null, Set.of("ライティング"), null, null, 15, null, null, null,
                null, null, null, null);
        assertEquals(List.of(1L), ids(writersFor15Hours));
        assertEquals(List.of(1L, 2L), ids(new SearchCriteria(null, Set.of("writing"), null, null, null,
                Set.of(DayOfWeek.MONDAY), null, null, null, null, null, null)));
        assertEquals(List.of(1L), ids(new SearchCriteria(null, Set.of("writing", "photography"), null, null, null, null,
                null, null, null, null, null, null)));
        assertEquals(List.of(1L), ids(new SearchCriteria(null, null, null, PersonFlag.COMMUNITY_LEADER, null, null, null,
                null, null, null, null, null)));
        assertEquals(List.of(3L), ids(new SearchCriteria(null, Set.of("photography"), null, null, null, null, null, null,
                null, null, null, SearchCriteria.Status.INACTIVE)));
        assertEquals(List.of(1L, 3L), ids(new SearchCriteria(null, Set.of("PHOTOGRAPHY"), "名", null, null, null, null,
                null, null, null, null, SearchCriteria.Status.ALL)));
        assertEquals(List.of(), ids(new SearchCriteria(null, null, "笠利", null, null, null, null, null, null, null, null,
                SearchCriteria.Status.ALL)));
    }

    @Test
    void jobCandidatesAreActivePeopleConsentingToJobOffersWithAnyOfTheSkills() {
        index.put(person(1, "a", "ア", List.of("writing"), 20, Set.of(), Set.of(ConsentPurpose.JOB_OFFERS), true, List.of()));
        index.put(person(2, "b", "イ", List.of("design"), 20, Set.of(), Set.of(ConsentPurpose.JOB_OFFERS), true, List.of()));
        index.put(person(3, "c", "ウ", List.of("writing"), 20, Set.of(), Set.of(ConsentPurpose.STATISTICS), true, List.of()));
        index.put(person(4, "d", "エ", List.of("writing"), 20, Set.of(), Set.of(ConsentPurpose.JOB_OFFERS), false, List.of()));
        assertEquals(Set.of(1L), ids(index.jobCandidates(List.of("writing"))));
        assertEquals(Set.of(1L, 2L), ids(index.jobCandidates(List.of("writing", "デザイン"))));
        assertEquals(Set.of(1L, 2L), ids(index.jobCandidates(List.of())));

        // consent withdrawn, skill dropped: the index follows every change
        index.put(person(1, "a", "ア", List.of("writing"), 20, Set.of(), Set.of(), true, List.of()));
        index.put(person(2, "b", "イ", List.of("video"), 20, Set.of(), Set.of(ConsentPurpose.JOB_OFFERS), true, List.of()));
        assertEquals(Set.of(), ids(index.jobCandidates(List.of("writing", "design"))));
        assertEquals(Set.of(2L), ids(index.jobCandidates(List.of("video"))));
        assertTrue(index.jobCandidates(List.of("unknown-skill")).isEmpty());
    }

    private static Set<Long> ids(List<PeopleIndex.Entry> entries) {
        return Set.copyOf(entries.stream().map(PeopleIndex.Entry::id).toList());
    }
}
