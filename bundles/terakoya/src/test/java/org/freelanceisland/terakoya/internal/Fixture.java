package org.freelanceisland.terakoya.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.terakoya.internal.model.CompletionRule;
import org.freelanceisland.terakoya.internal.model.CourseFormat;
import org.freelanceisland.terakoya.internal.pdf.CertificateRenderer;
import org.freelanceisland.terakoya.internal.service.AttendanceService;
import org.freelanceisland.terakoya.internal.service.CompletionService;
import org.freelanceisland.terakoya.internal.service.CourseService;
import org.freelanceisland.terakoya.internal.service.Dto;
import org.freelanceisland.terakoya.internal.service.EnrolmentService;
import org.freelanceisland.terakoya.internal.service.OnlineSeatService;
import org.freelanceisland.terakoya.internal.service.People;
import org.freelanceisland.platform.persistence.Tx;
import org.freelanceisland.testing.jpa.ResourceLocalJpaTemplate;
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

    public final ResourceLocalJpaTemplate jpa = ResourceLocalJpaTemplate.h2("terakoya");
    public final TestClock clock = new TestClock(Instant.parse("2025-05-01T03:00:00Z"));
    public final FakePeople directory = new FakePeople();
    public final FakeLedger ledger = new FakeLedger();
    public final Tx tx = new Tx(jpa, clock);
    public final People people = new People(() -> Optional.of(directory));
    public final CourseService courses = new CourseService(tx, people);
    public final EnrolmentService enrolments = new EnrolmentService(tx, people, ledger);
    public final AttendanceService attendance = new AttendanceService(tx, people);
    public final CompletionService completion = new CompletionService(tx, people, ledger,
            new CertificateRenderer(CertificateRenderer.fonts(""), LocalizedText.of("奄美市 フリーランス寺子屋事務局", "Freelance Terakoya Office")));
    public final OnlineSeatService seats = new OnlineSeatService(tx, people, ledger);

    /**
     * A course input of FY2025 open for applications in May 2025.
     *
     * @param capacity seats
     * @param rule the completion rule
     * @param minSessions N
     * @return the input
     */
    public static Dto.CourseInput course(int capacity, CompletionRule rule, Integer minSessions) {
        return new Dto.CourseInput(FiscalYear.of(2025), new Dto.Text("Webライティング講座", "Web writing"),
                new Dto.LongText("記事の書き方を学ぶ", null), "writing",
                List.of(new Dto.InstructorInput(null, "株式会社しーま")), capacity, CourseFormat.HYBRID, "WorkStyle Lab Inno",
                LocalDate.of(2025, 4, 15), LocalDate.of(2025, 5, 31), new Dto.CompletionInput(rule, minSessions), null);
    }

    /**
     * A session input.
     *
     * @param date the day
     * @return the input
     */
    public static Dto.SessionInput session(LocalDate date) {
        return new Dto.SessionInput(date, LocalTime.of(19, 0), LocalTime.of(21, 0), new Dto.Text("導入", "Introduction"), null);
    }

    @Override
    public void close() {
        jpa.close();
    }
}
