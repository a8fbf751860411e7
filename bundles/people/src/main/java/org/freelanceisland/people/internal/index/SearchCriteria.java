package org.freelanceisland.people.internal.index;

import java.time.DayOfWeek;
import java.util.Set;

import org.freelanceisland.people.internal.model.Origin;
import org.freelanceisland.people.internal.model.RelationPhase;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.api.people.LifestyleConstraint;
import org.freelanceisland.platform.api.people.PersonFlag;
import org.freelanceisland.platform.api.people.TimeWindow;

/**
 * What staff search the registry for. Every criterion is optional; the ones given must all hold.
 *
 * @param text part of the name or the kana, matched without regard to hiragana/katakana, full or
 *        half width, case and spaces
 * @param skills skills the person must all have (codes, labels or tags)
 * @param district part of the district's name
 * @param flag a counted status that holds today
 * @param minHours at least this many hours a week
 * @param weekdays days the person must all be available on
 * @param windows parts of the day the person must all be available in
 * @param lifestyle lifestyle constraints the person must all have
 * @param consent a purpose the person consents to now
 * @param origin the origin
 * @param phase the relation phase
 * @param status active people (the default), inactive ones, or all
 */
public record SearchCriteria(String text, Set<String> skills, String district, PersonFlag flag, Integer minHours,
        Set<DayOfWeek> weekdays, Set<TimeWindow> windows, Set<LifestyleConstraint> lifestyle, ConsentPurpose consent,
        Origin origin, RelationPhase phase, Status status) {

    /** Which people by state. */
    public enum Status {
        /** Active people only. */
        ACTIVE,
        /** Deactivated or erased people only. */
        INACTIVE,
        /** Everyone. */
        ALL
    }

    /** Copies the sets and applies the defaults. */
    public SearchCriteria {
        skills = skills == null ? Set.of() : Set.copyOf(skills);
        weekdays = weekdays == null ? Set.of() : Set.copyOf(weekdays);
        windows = windows == null ? Set.of() : Set.copyOf(windows);
        lifestyle = lifestyle == null ? Set.of() : Set.copyOf(lifestyle);
        status = status == null ? Status.ACTIVE : status;
    }

    /**
     * Every active person.
     *
     * @return the criteria
     */
    public static SearchCriteria activePeople() {
        return new SearchCriteria(null, null, null, null, null, null, null, null, null, null, null, Status.ACTIVE);
    }
}
