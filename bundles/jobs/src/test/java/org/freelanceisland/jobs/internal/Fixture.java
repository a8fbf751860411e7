package org.freelanceisland.jobs.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.freelanceisland.jobs.internal.service.People;
import org.freelanceisland.jobs.internal.service.Services;
import org.freelanceisland.platform.persistence.Tx;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.testing.jpa.ResourceLocalJpaTemplate;
import org.freelanceisland.testing.people.FakePeople;
import org.freelanceisland.testing.ledger.FakeLedger;

/** The program's services on a fresh in-memory H2 database, with fake people and ledger and a settable clock. */
public final class Fixture implements AutoCloseable {

    /** A clock whose day tests set. */
    public static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        /**
         * Sets the day (noon in Japan).
         *
         * @param date the day
         */
        public void set(LocalDate date) {
            now = date.atTime(12, 0).atZone(FiscalYear.ISLAND_ZONE).toInstant();
        }

        @Override
        public ZoneId getZone() {
            return FiscalYear.ISLAND_ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    public final ResourceLocalJpaTemplate jpa = ResourceLocalJpaTemplate.h2("jobs");
    public final TestClock clock = new TestClock(Instant.parse("2025-05-01T03:00:00Z"));
    public final FakePeople directory = new FakePeople();
    public final FakeLedger ledger = new FakeLedger();
    public final Tx tx = new Tx(jpa, clock);
    public final People people = new People(() -> Optional.of(directory));
    public final Services services = Services.wire(tx, people, ledger);

    @Override
    public void close() {
        jpa.close();
    }
}
