package org.freelanceisland.community.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.freelanceisland.community.internal.service.ICalendar;
import org.freelanceisland.community.internal.service.People;
import org.freelanceisland.community.internal.service.Suppression;
import org.freelanceisland.platform.persistence.Tx;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.audit.AuditEntry;
import org.freelanceisland.platform.api.people.PersonDirectory;
import org.freelanceisland.platform.rest.RestSupport;
import org.freelanceisland.testing.jpa.ResourceLocalJpaTemplate;
import org.glassfish.jersey.server.ResourceConfig;
import org.freelanceisland.testing.people.FakePeople;
import org.freelanceisland.testing.ledger.FakeLedger;

/** The module's services on a fresh in-memory H2 database, with fake people and ledger and a settable clock. */
public final class Fixture implements AutoCloseable {

    /** A clock whose time tests set. */
    public static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(Instant now) {
            this.now = now;
        }

        /**
         * Sets the time on the island.
         *
         * @param islandTime the local time in Japan
         */
        public void set(LocalDateTime islandTime) {
            now = islandTime.atZone(FiscalYear.ISLAND_ZONE).toInstant();
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

    public final ResourceLocalJpaTemplate jpa = ResourceLocalJpaTemplate.h2("community");
    public final TestClock clock = new TestClock(LocalDateTime.parse("2025-06-01T10:00").atZone(FiscalYear.ISLAND_ZONE).toInstant());
    public final FakePeople directory = new FakePeople();
    /** Set to {@code false} to take the people registry away. */
    public final AtomicBoolean registryUp = new AtomicBoolean(true);
    public final FakeLedger ledger = new FakeLedger();
    public final List<AuditEntry> audited = new ArrayList<>();
    public final Tx tx = new Tx(jpa, clock);
    public final People people = new People(() -> registryUp.get() ? Optional.<PersonDirectory>of(directory) : Optional.empty());
    public final Services services = new Services(tx, people, ledger, Duration.ofMinutes(60), Duration.ofDays(30));

    /**
     * The REST application as the runtime builds it, on these services.
     *
     * @param rest the platform's REST support
     * @return the application
     */
    public ResourceConfig application(RestSupport rest) {
        return Services.resources(rest.application("community"), services, audited::add, new Suppression(3),
                new ICalendar("test.example"));
    }

    @Override
    public void close() {
        jpa.close();
    }
}
