package org.freelanceisland.people.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import org.freelanceisland.people.internal.model.Origin;
import org.freelanceisland.people.internal.model.PersonInput;
import org.freelanceisland.people.internal.model.RelationPhase;
import org.freelanceisland.people.internal.store.PeopleStore;
import org.freelanceisland.platform.api.people.ConsentPurpose;
import org.freelanceisland.platform.api.people.LifestyleConstraint;
import org.freelanceisland.platform.api.people.TimeWindow;
import org.freelanceisland.testing.jpa.ResourceLocalJpaTemplate;

/** Builds the registry on in-memory H2 with a fixed clock, and sample people, for tests. */
public final class People implements AutoCloseable {

    /** The test's "now": 10:00 in Japan on 15 June 2025 (fiscal year 2025). */
    public static final Instant NOW = Instant.parse("2025-06-15T01:00:00Z");
    /** The test's today. */
    public static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

    public final ResourceLocalJpaTemplate jpa = ResourceLocalJpaTemplate.h2("people");
    public final PeopleStore store = new PeopleStore(jpa, Clock.fixed(NOW, ZoneOffset.UTC));
    public final FakeLedger ledger = new FakeLedger();
    public final PeopleService service = new PeopleService(store, ledger, false);

    /**
     * A valid profile.
     *
     * @param name name
     * @param kana kana
     * @param skills skills
     * @return the input
     */
    public static PersonInput person(String name, String kana, String... skills) {
        return new PersonInput(name, kana, "taro@example.jp", "0997-52-1111", "名瀬", LocalDate.of(2025, 4, 1),
                List.of(skills), List.of("https://example.jp/works"),
                new PersonInput.AvailabilityInput(20, Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY), Set.of(TimeWindow.MORNING)),
                Set.of(LifestyleConstraint.CHILD_REARING), List.of("記事執筆"),
                new PersonInput.ResidencyInput(Origin.I_TURN, LocalDate.of(2025, 5, 1), 3, null, RelationPhase.MOVED),
                List.of(new PersonInput.ConsentInput(ConsentPurpose.JOB_OFFERS, LocalDate.of(2025, 4, 1), "2025-04"),
                        new PersonInput.ConsentInput(ConsentPurpose.STATISTICS, LocalDate.of(2025, 4, 1), "2025-04")),
                null);
    }

    @Override
    public void close() {
        jpa.close();
    }
}
