package org.freelanceisland.contest.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.freelanceisland.contest.internal.pdf.TicketSheetRenderer;
import org.freelanceisland.contest.internal.service.ContestService;
import org.freelanceisland.contest.internal.service.Dto;
import org.freelanceisland.contest.internal.service.EntryService;
import org.freelanceisland.contest.internal.service.JudgingService;
import org.freelanceisland.contest.internal.service.MarketService;
import org.freelanceisland.contest.internal.service.People;
import org.freelanceisland.contest.internal.service.ResultService;
import org.freelanceisland.contest.internal.service.TicketCodes;
import org.freelanceisland.platform.persistence.Tx;
import org.freelanceisland.contest.internal.service.VotingService;
import org.freelanceisland.platform.api.FiscalYear;
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
         * Sets the time.
         *
         * @param instant the time
         */
        public void set(Instant instant) {
            now = instant;
        }

        /**
         * Sets the time.
         *
         * @param iso an ISO-8601 instant
         */
        public void set(String iso) {
            now = Instant.parse(iso);
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

    /** Entries open 1 Sep, close 1 Oct; judging 1 Oct – 1 Nov; voting 15 Oct – 20 Oct 2025 (UTC). */
    public static final String CONTEST = """
            {"fiscalYear":2025,"edition":2,"title":{"ja":"第2回あまみハンドメイド大賞","en":"2nd Amami Handmade Grand Prize"},
             "entryWindow":{"opens":"2025-09-01T00:00:00Z","closes":"2025-10-01T00:00:00Z"},
             "judgingWindow":{"opens":"2025-10-01T00:00:00Z","closes":"2025-11-01T00:00:00Z"},
             "votingWindow":{"opens":"2025-10-15T00:00:00Z","closes":"2025-10-20T00:00:00Z"},
             "categories":[{"code":"textile","label":{"ja":"布もの","en":"Textiles"}},{"code":"accessory","label":{"ja":"アクセサリー","en":"Accessories"}}],
             "awards":[{"code":"EXCELLENCE","label":{"ja":"優秀賞","en":"Excellence"},"basis":"JURY","rank":2},
                       {"code":"JURY_SPECIAL","label":{"ja":"審査員特別賞","en":"Jury special prize"},"basis":"DESIGNATED"}],
             "rubric":{"scale":10,"criteria":[{"code":"craft","label":{"ja":"技術","en":"Craft"},"weight":3},
                                              {"code":"originality","label":{"ja":"独創性","en":"Originality"},"weight":2},
                                              {"code":"island","label":{"ja":"奄美らしさ","en":"Island character"},"weight":1}]}}""";

    public final ResourceLocalJpaTemplate jpa = ResourceLocalJpaTemplate.h2("contest");
    public final TestClock clock = new TestClock(Instant.parse("2025-09-10T03:00:00Z"));
    public final FakePeople directory = new FakePeople();
    public final FakeLedger ledger = new FakeLedger();
    public final Tx tx = new Tx(jpa, clock);
    public final People people = new People(() -> Optional.of(directory));
    public final TicketCodes codes = new TicketCodes("a test secret of at least 16 bytes".getBytes(StandardCharsets.UTF_8));
    public final ContestService contests = new ContestService(tx);
    public final EntryService entries = new EntryService(tx, people, ledger, new EntryService.Limits(200_000, 6));
    public final JudgingService judging = new JudgingService(tx, people);
    public final VotingService voting = new VotingService(tx, codes,
            new TicketSheetRenderer(TicketSheetRenderer.fonts("")),
            "https://island.example/contest/vote.html?contest={contest}&code={code}", 30);
    public final ResultService results = new ResultService(tx, people, ledger);
    public final MarketService markets = new MarketService(tx, people, ledger);

    /**
     * The contest of {@link #CONTEST} as an input.
     *
     * @return the input
     */
    public static Dto.ContestInput contest() {
        try {
            return ContestApi.jsonReader().registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                    .registerModule(fiscalYears()).readValue(CONTEST, Dto.ContestInput.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static com.fasterxml.jackson.databind.module.SimpleModule fiscalYears() {
        com.fasterxml.jackson.databind.module.SimpleModule m = new com.fasterxml.jackson.databind.module.SimpleModule();
        m.addDeserializer(FiscalYear.class, new com.fasterxml.jackson.databind.JsonDeserializer<>() {
            @Override
            public FiscalYear deserialize(com.fasterxml.jackson.core.JsonParser p,
                    com.fasterxml.jackson.databind.DeserializationContext c) throws java.io.IOException {
                return FiscalYear.of(p.getIntValue());
            }
        });
        return m;
    }

    /**
     * An entry input.
     *
     * @param maker the maker
     * @param title the title
     * @return the input
     */
    public static Dto.EntryInput entry(String maker, String title) {
        return new Dto.EntryInput(maker, title, "奄美の泥染めで染めた布", "textile", "大島紬", "泥染め", 12_000L, null);
    }

    /**
     * Creates the contest, with entries by the given makers (the clock ends inside the entry window).
     *
     * @param makers makers, one entry each
     * @return the contest's id
     */
    public long contestWithEntries(String... makers) {
        long id = contests.create(contest()).id();
        clock.set("2025-09-10T03:00:00Z");
        for (String m : makers) {
            entries.submit(id, entry(m, "作品 " + m), List.of());
        }
        return id;
    }

    @Override
    public void close() {
        jpa.close();
    }
}
