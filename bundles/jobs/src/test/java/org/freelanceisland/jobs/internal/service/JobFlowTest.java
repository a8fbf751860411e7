package org.freelanceisland.jobs.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.freelanceisland.jobs.internal.Fixture;
import org.freelanceisland.jobs.internal.match.Tally;
import org.freelanceisland.jobs.internal.model.Channel;
import org.freelanceisland.jobs.internal.model.ContractStatus;
import org.freelanceisland.jobs.internal.model.EffortUnit;
import org.freelanceisland.jobs.internal.model.IntroductionStatus;
import org.freelanceisland.jobs.internal.model.JobStatus;
import org.freelanceisland.jobs.internal.model.ListingKind;
import org.freelanceisland.jobs.internal.model.PartnerKind;
import org.freelanceisland.jobs.internal.model.PayType;
import org.freelanceisland.jobs.internal.model.WorkMode;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.people.LifestyleConstraint;
import org.freelanceisland.platform.rest.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The services on H2: the whole way of a job, the job's status, the tally query, the Freelance Act query, teams, skill share. */
class JobFlowTest {

    private Fixture f;
    private Services s;

    @BeforeEach
    void start() {
        f = new Fixture();
        s = f.services;
        f.directory.add("1", "奄美 花子", Set.of("writing", "photography"), 20, Set.of(LifestyleConstraint.CHILD_REARING))
                .add("2", "名瀬 太郎", Set.of("writing"), 10, Set.of(LifestyleConstraint.SIDE_JOB))
                .add("3", "笠利 次郎", Set.of("web-production"), 15, Set.of());
    }

    @AfterEach
    void stop() {
        f.close();
    }

    long partner(Integer quota) {
        return s.partners().create(new Dto.PartnerInput("株式会社しーま " + quota, PartnerKind.COMPANY, "担当 一郎", "a@example.jp",
                "0997-00-0000", "記事制作の業務委託", LocalDate.of(2025, 4, 1), null, quota, null, null, null)).id();
    }

    Dto.JobInput article(long partner, int volume, boolean priority) {
        return new Dto.JobInput(partner, new Dto.Text("観光記事の執筆", "Tourism articles"), "奄美の観光地を紹介する記事",
                List.of("writing"), volume, new Dto.Text("本", "articles"), new Dto.EffortInput(new BigDecimal("3"), EffortUnit.DAYS),
                new Dto.ScheduleInput(null, LocalDate.of(2025, 6, 30), null, null, WorkMode.REMOTE, null),
                new Dto.PayInput(PayType.PER_UNIT, 30_000L), priority, null, null);
    }

    static int status(Runnable r) {
        try {
            r.run();
            return 200;
        } catch (ProblemException e) {
            return e.status();
        }
    }

    @Test
    void aJobFromPartnerToPaymentMovesItsStatusAndRecordsTheLedgerFacts() {
        long p = partner(null);
        Dto.JobView job = s.jobs().create(article(p, 2, false), "coord");
        assertEquals(JobStatus.OPEN, job.status());
        assertEquals(60_000, job.pay().totalYen());
        assertEquals(48.0, job.effort().totalHours());

        var ranking = s.matching().candidates(job.id(), false, new PageRequest(0, 10));
        assertEquals(2, ranking.total(), "people with writing");
        assertEquals("1", ranking.items().get(0).personId());

        List<Dto.IntroductionView> made = s.introductions().introduce(job.id(),
                new Dto.IntroduceInput(List.of("1", "2"), null, null, null, "急ぎ"), "coord");
        assertEquals(2, made.size());
        assertEquals("奄美 花子", made.get(0).personName());
        assertEquals(60_000L, made.get(0).offered().payYen());
        assertEquals("観光記事の執筆（2本）", made.get(0).offered().scope());
        assertEquals(JobStatus.INTRODUCED, s.jobs().get(job.id()).status());
        assertEquals(2, f.ledger.ofType("jobs.introduced").size());
        ActivityEvent introduced = f.ledger.find("jobs:introduction:" + made.get(0).id() + ":introduced").orElseThrow().event();
        assertEquals(Long.toString(job.id()), introduced.attributes().get("job"));
        assertEquals(Long.toString(p), introduced.attributes().get("partner"));

        Tally tally = s.matching().tally();
        assertEquals(1, tally.of("1")[0], "an open introduction is load");

        long a = made.get(0).id();
        long b = made.get(1).id();
        assertEquals(IntroductionStatus.DECLINED, s.introductions().decline(b, Channel.PHONE, "本業が繁忙期", "staff").status());
        assertEquals(409, status(() -> s.introductions().accept(b, null, null, "staff")));

        Dto.IntroductionView proposed = s.introductions().propose(a,
                new Dto.ProposalInput(Channel.EMAIL, null, null, LocalDate.of(2025, 7, 15), 70_000L, "写真も付けたい"), "staff");
        assertEquals(IntroductionStatus.PROPOSED, proposed.status());
        assertEquals(70_000L, proposed.proposed().payYen());
        assertEquals(409, status(() -> s.introductions().accept(a, null, null, "staff")), "the coordinator decides a proposal");
        assertEquals(IntroductionStatus.OFFERED, s.introductions().rejectProposal(a, "予算超過", "coord").status());
        s.introductions().propose(a, new Dto.ProposalInput(Channel.EMAIL, null, null, LocalDate.of(2025, 7, 10), null, null), "staff");
        Dto.IntroductionView accepted = s.introductions().acceptProposal(a, null, "coord");
        assertEquals(IntroductionStatus.ACCEPTED, accepted.status());
        assertEquals(new Dto.TermsView("観光記事の執筆（2本）", 2, 60_000L, LocalDate.of(2025, 7, 10)), accepted.agreed());
        assertEquals(List.of("OFFER", "PROPOSE", "REJECT_PROPOSAL", "PROPOSE", "ACCEPT_PROPOSAL"),
                accepted.history().stream().map(e -> e.action().name()).toList());
        assertEquals(Channel.EMAIL, accepted.history().get(1).channel());
        assertEquals("staff", accepted.history().get(1).recordedBy());
        assertEquals("予算超過", accepted.history().get(2).reason());

        Dto.ContractView c = s.contracts().contract(a, new Dto.TermsInput(null, null, null, null, LocalDate.of(2025, 8, 31),
                LocalDate.of(2025, 5, 1), null), "coord");
        assertEquals(ContractStatus.ACTIVE, c.status());
        assertEquals(60_000L, c.payYen());
        assertEquals(LocalDate.of(2025, 7, 10), c.dueDate());
        assertEquals(List.of(), c.flags());
        assertEquals(JobStatus.CONTRACTED, s.jobs().get(job.id()).status());
        assertEquals(IntroductionStatus.CONTRACTED, s.introductions().get(a).status());
        assertEquals(c.id(), s.introductions().get(a).contractId());
        ActivityEvent contracted = f.ledger.find("jobs:contract:" + c.id() + ":contracted").orElseThrow().event();
        assertEquals(60_000L, contracted.amountYen());
        assertEquals("1", contracted.personId());
        assertEquals(409, status(() -> s.contracts().contract(a, new Dto.TermsInput(null, null, null, null, null, null, null), "c")));
        assertEquals(409, status(() -> s.contracts().pay(c.id(), LocalDate.of(2025, 5, 1), null)), "not delivered");
        assertEquals(409, status(() -> s.jobs().close(job.id(), null, "coord")), "work in progress");

        f.clock.set(LocalDate.of(2025, 7, 8));
        assertEquals(422, status(() -> s.contracts().deliver(c.id(), LocalDate.of(2025, 7, 9), null)), "in the future");
        Dto.ContractView delivered = s.contracts().deliver(c.id(), LocalDate.of(2025, 7, 8), "2本納品");
        assertEquals(LocalDate.of(2025, 9, 5), delivered.paymentDeadline());
        assertEquals(JobStatus.DELIVERED, s.jobs().get(job.id()).status());
        assertEquals(1, s.matching().tally().of("1")[1]);

        f.clock.set(LocalDate.of(2026, 4, 10));
        assertEquals(List.of("PAYMENT_LATE"), s.contracts().get(c.id()).flags().stream().map(Dto.FlagView::code).toList());
        Dto.ContractView paid = s.contracts().pay(c.id(), LocalDate.of(2025, 8, 29), null);
        assertEquals(ContractStatus.PAID, paid.status());
        assertEquals(2025, paid.paidFiscalYear());
        assertEquals(List.of(), paid.flags(), "paid on day 53");
        assertEquals(JobStatus.PAID, s.jobs().get(job.id()).status());
        ActivityEvent payment = f.ledger.find("jobs:contract:" + c.id() + ":paid").orElseThrow().event();
        assertEquals(60_000L, payment.amountYen());
        assertEquals(FiscalYear.of(2025), payment.fiscalYear());
        assertEquals("1", payment.personId());
        assertEquals(Long.toString(c.id()), payment.attributes().get("contract"));

        f.ledger.record(ActivityEvent.builder("people:1:income:2025:r1", "people.income.reported",
                java.time.Instant.parse("2026-04-05T00:00:00Z")).person("1").fiscalYear(FiscalYear.of(2025)).amountYen(500_000)
                .attribute("source", "SELF_REPORT").attribute("revision", "1").build());
        f.ledger.record(ActivityEvent.builder("people:1:income:2025:r2", "people.income.reported",
                java.time.Instant.parse("2026-04-06T00:00:00Z")).person("1").fiscalYear(FiscalYear.of(2025)).amountYen(550_000)
                .attribute("source", "SELF_REPORT").attribute("revision", "2").build());
        var year = s.earnings().year(FiscalYear.of(2025), new PageRequest(0, 10));
        assertEquals(1, year.total());
        assertEquals(new Dto.EarningsView("1", "奄美 花子", 2025, FiscalYear.of(2025).label(), 60_000, 1, 550_000L), year.items().get(0));
        Dto.PersonEarningsView mine = s.earnings().person("1");
        assertEquals(60_000, mine.totalPaidYen());
        assertEquals(1, mine.years().size());

        assertEquals(JobStatus.CLOSED, s.jobs().close(job.id(), "完了", "coord").status());
        assertEquals(409, status(() -> s.jobs().close(job.id(), null, "coord")));
        assertEquals(409, status(() -> s.introductions().introduce(job.id(),
                new Dto.IntroduceInput(List.of("3"), null, null, null, null), "coord")));
    }

    @Test
    void introductionsAreCheckedAgainstConsentTheJobAndThemselves() {
        long p = partner(null);
        long job = s.jobs().create(article(p, 1, false), "coord").id();
        f.directory.put(new org.freelanceisland.platform.api.people.PersonSummary("9", "同意なし", null, null, true, Set.of("writing"),
                null, Set.of(), Set.of(), Set.of(org.freelanceisland.platform.api.people.ConsentPurpose.STATISTICS)));
        assertEquals(422, status(() -> s.introductions().introduce(job, new Dto.IntroduceInput(List.of("9"), null, null, null, null), "c")));
        assertEquals(422, status(() -> s.introductions().introduce(job, new Dto.IntroduceInput(List.of("404"), null, null, null, null), "c")));
        assertEquals(422, status(() -> s.introductions().introduce(job, new Dto.IntroduceInput(List.of("1"), null, null, 5, null), "c")),
                "more units than the job has");
        assertEquals(400, status(() -> s.introductions().introduce(job, new Dto.IntroduceInput(null, null, null, null, null), "c")));
        s.introductions().introduce(job, new Dto.IntroduceInput(List.of("1"), null, null, null, null), "c");
        assertEquals(409, status(() -> s.introductions().introduce(job, new Dto.IntroduceInput(List.of("1"), null, null, null, null), "c")));
        assertEquals(404, status(() -> s.introductions().accept(12345, null, null, "c")));
        assertEquals(JobStatus.INTRODUCED, s.jobs().get(job).status());

        // closing withdraws what is pending
        assertEquals(JobStatus.CLOSED, s.jobs().close(job, "先方都合で中止", "coord").status());
        var intro = s.introductions().list(job, null, null, null, new PageRequest(0, 10)).items().get(0);
        assertEquals(IntroductionStatus.WITHDRAWN, intro.status());
        assertEquals("job closed", s.introductions().get(intro.id()).history().get(1).reason());
    }

    @Test
    void manyCoordinatorsIntroducingTheSamePersonAtOnceMakeOneIntroduction() throws Exception {
        long job = s.jobs().create(article(partner(null), 1, false), "coord").id();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            Callable<Integer> call = () -> {
                go.await();
                return status(() -> s.introductions().introduce(job, new Dto.IntroduceInput(List.of("2"), null, null, null, null), "c"));
            };
            results.add(pool.submit(call));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> r : results) {
            statuses.add(r.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(x -> x == 200).count(), statuses.toString());
        assertTrue(statuses.stream().allMatch(x -> x == 200 || x == 409 || x == 503), statuses.toString());
        assertEquals(1, s.introductions().list(job, null, null, null, new PageRequest(0, 10)).total());
        assertEquals(1, f.ledger.ofType("jobs.introduced").size());
    }

    @Test
    void thePriorityQuotaOfAPartnerHoldsPerFiscalYear() {
        long p = partner(1);
        assertTrue(s.jobs().create(article(p, 1, true), "c").priority());
        assertEquals(422, status(() -> s.jobs().create(article(p, 1, true), "c")));
        assertEquals(1, s.partners().get(p).priorityUsed());
        long other = partner(null);
        assertEquals(422, status(() -> s.jobs().create(article(other, 1, true), "c")), "no quota at all");
        s.jobs().create(article(p, 1, false), "c");
    }

    @Test
    void aTeamIsIntroducedTogetherWithItsPaySplitAndTheSplitMustAddUp() {
        long job = s.jobs().create(new Dto.JobInput(partner(null), new Dto.Text("観光サイト制作", "Tourism site"), null,
                List.of("writing", "photography", "web-production"), 1, null, new Dto.EffortInput(new BigDecimal("20"), EffortUnit.DAYS),
                new Dto.ScheduleInput(null, LocalDate.of(2025, 9, 30), null, null, WorkMode.HYBRID, "奄美市"),
                new Dto.PayInput(PayType.FIXED, 300_001L), false, null, null), "c").id();
        assertEquals(422, status(() -> s.teams().create(new Dto.TeamInput("島チーム", null, List.of(
                new Dto.MemberInput("1", "ライター", 50), new Dto.MemberInput("3", "Web制作", 40)), null, null))));
        Dto.TeamView team = s.teams().create(new Dto.TeamInput("島チーム", null, List.of(new Dto.MemberInput("1", "ライター・写真", 60),
                new Dto.MemberInput("3", "Web制作", 40)), null, null));
        assertEquals("奄美 花子", team.members().get(0).name());

        assertEquals(422, status(() -> s.introductions().introduce(job, new Dto.IntroduceInput(null, team.id(),
                List.of(new Dto.SplitInput("1", 200_000L), new Dto.SplitInput("3", 90_000L)), null, null), "c")), "does not add up");
        assertEquals(422, status(() -> s.introductions().introduce(job, new Dto.IntroduceInput(null, team.id(),
                List.of(new Dto.SplitInput("1", 200_001L), new Dto.SplitInput("2", 100_000L)), null, null), "c")), "not a member");
        List<Dto.IntroductionView> made = s.introductions().introduce(job, new Dto.IntroduceInput(null, team.id(), null, null, null), "c");
        assertEquals(List.of(180_001L, 120_000L), made.stream().map(i -> i.offered().payYen()).toList());
        assertEquals("ライター・写真", made.get(0).role());
        assertEquals(team.id(), made.get(1).teamId());
        assertEquals(2, s.introductions().list(null, null, team.id(), null, new PageRequest(0, 10)).total());
    }

    @Test
    void theFlaggedQueryFindsWhatTheChecksFind() {
        long job = s.jobs().create(article(partner(null), 3, false), "c").id();
        s.introductions().introduce(job, new Dto.IntroduceInput(List.of("1", "2", "3"), null, null, 1, null), "c");
        List<Long> contracts = new ArrayList<>();
        for (var i : s.introductions().list(job, null, null, null, new PageRequest(0, 10)).items()) {
            s.introductions().accept(i.id(), Channel.PHONE, null, "staff");
            contracts.add(s.contracts().contract(i.id(), new Dto.TermsInput(null, null, null, null, LocalDate.of(2025, 7, 31),
                    LocalDate.of(2025, 5, 1), null), "c").id());
        }
        // one fine, one without written terms, one delivered and left unpaid past 60 days
        s.contracts().amend(contracts.get(1), new Dto.TermsInput(null, null, null, null, LocalDate.of(2025, 9, 30), null, null));
        f.clock.set(LocalDate.of(2025, 6, 2));
        s.contracts().deliver(contracts.get(2), LocalDate.of(2025, 6, 2), null);
        f.clock.set(LocalDate.of(2025, 8, 1));
        var flagged = s.contracts().list(null, null, null, true, new PageRequest(0, 10));
        List<Long> ids = flagged.items().stream().map(Dto.ContractView::id).sorted().toList();
        assertEquals(List.of(contracts.get(1), contracts.get(2)), ids);
        for (var c : s.contracts().list(null, null, null, false, new PageRequest(0, 10)).items()) {
            assertEquals(ids.contains(c.id()), !c.flags().isEmpty(), c.toString());
        }
        assertEquals("PAYMENT_DATE_BEYOND_60_DAYS", s.contracts().get(contracts.get(1)).flags().get(0).code());
        assertEquals("PAYMENT_LATE", s.contracts().get(contracts.get(2)).flags().get(0).code());
    }

    @Test
    void skillShareMatchesOffersToRequestsAndCountsCompletedExchangesForBoth() {
        var offer = s.skillShare().list(new Dto.ListingInput("1", ListingKind.OFFER, "photography", "撮影の基本を教えます"));
        s.skillShare().list(new Dto.ListingInput("1", ListingKind.REQUEST, "web-production", null));
        var request = s.skillShare().list(new Dto.ListingInput("3", ListingKind.REQUEST, "photography", null));
        s.skillShare().list(new Dto.ListingInput("3", ListingKind.OFFER, "web-production", null));
        assertEquals(409, status(() -> s.skillShare().list(new Dto.ListingInput("1", ListingKind.OFFER, "photography", null))));
        var matches = s.skillShare().matches(null, new PageRequest(0, 10));
        assertEquals(2, matches.total(), "photography 1→3 and web production 3→1");
        assertEquals("写真撮影", matches.items().get(0).skillLabel().ja());

        var x = s.skillShare().agree(new Dto.ExchangeInput(offer.id(), request.id(), null, null, null, null), "staff");
        assertEquals("1", x.providerId());
        assertEquals("笠利 次郎", x.receiverName());
        var done = s.skillShare().complete(x.id(), null, null);
        assertEquals(LocalDate.of(2025, 5, 1), done.completedOn());
        assertEquals(409, status(() -> s.skillShare().complete(x.id(), null, null)));
        assertEquals(2, f.ledger.ofType("jobs.skillshare.completed").size());
        ActivityEvent e = f.ledger.find("jobs:skillshare:" + x.id() + ":completed:3").orElseThrow().event();
        assertEquals("photography", e.attributes().get("skill"));
        assertEquals(1, s.skillShare().matches(null, new PageRequest(0, 10)).total(), "the answered request is closed");
        assertEquals(422, status(() -> s.skillShare().agree(new Dto.ExchangeInput(null, null, "1", "1", "writing", null), "staff")));
        assertNull(s.skillShare().listings(null, null, "3", false, new PageRequest(0, 10)).items().get(0).note());
    }
}
