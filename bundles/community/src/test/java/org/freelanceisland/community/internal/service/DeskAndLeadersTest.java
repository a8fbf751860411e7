package org.freelanceisland.community.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.freelanceisland.community.internal.Fixture;
import org.freelanceisland.community.internal.model.CaseStatus;
import org.freelanceisland.community.internal.model.Channel;
import org.freelanceisland.community.internal.model.ConsultationTopic;
import org.freelanceisland.community.internal.model.MigrantPhase;
import org.freelanceisland.community.internal.model.Publication;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.rest.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The consultation desk, community leaders and the migrant pages on H2. */
class DeskAndLeadersTest {

    private Fixture f;

    @BeforeEach
    void start() {
        f = new Fixture();
        f.directory.add("p-1", "奄美 花子").add("p-2", "名瀬 太郎");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private Dto.ConsultationInput consultation(String person, String day, ConsultationTopic topic, LocalDate followUp) {
        return new Dto.ConsultationInput(person, LocalDate.parse(day), topic, Channel.IN_PERSON, "確定申告の相談", followUp, null, null);
    }

    @Test
    void consultationsAreLoggedFollowedUpAndCountedWithoutPersonalDetail() {
        ConsultationService desk = f.services.consultations();
        Dto.ConsultationView named = desk.create(consultation("p-1", "2025-05-12", ConsultationTopic.TAXES_AND_FILING,
                LocalDate.parse("2025-05-30")), "sato");
        assertEquals(CaseStatus.FOLLOW_UP, named.status());
        assertEquals("奄美 花子", named.personName());
        Dto.ConsultationView anonymous = desk.create(consultation(null, "2025-04-03", ConsultationTopic.MIGRATION, null), "sato");
        assertTrue(anonymous.anonymous());
        assertEquals(CaseStatus.OPEN, anonymous.status());
        desk.create(consultation(null, "2025-05-20", ConsultationTopic.TAXES_AND_FILING, null), "suzuki");

        ProblemException bad = assertThrows(ProblemException.class, () -> desk.create(new Dto.ConsultationInput(" ",
                LocalDate.parse("2025-07-01"), ConsultationTopic.OTHER, Channel.EMAIL, null, LocalDate.parse("2025-05-01"),
                CaseStatus.FOLLOW_UP, null), "sato"));
        assertEquals(List.of("personId", "heldOn", "followUpOn"), bad.toProblem().errors().stream().map(e -> e.field()).toList());
        assertEquals(422, assertThrows(ProblemException.class, () -> desk.create(consultation("nobody", "2025-05-12",
                ConsultationTopic.OTHER, null), "sato")).status());
        f.directory.withdraw("p-2", org.freelanceisland.platform.api.people.ConsentPurpose.PROGRAM_ADMINISTRATION);
        assertEquals(422, assertThrows(ProblemException.class, () -> desk.create(consultation("p-2", "2025-05-12",
                ConsultationTopic.OTHER, null), "sato")).status(), "no consent to program administration, no named case");

        assertNull(desk.list(null, null, null, null, null, new PageRequest(0, 10)).items().get(0).notes(), "no notes in lists");
        assertEquals("確定申告の相談", desk.get(named.id()).notes());
        assertEquals(0, desk.followUps(LocalDate.parse("2025-05-29"), new PageRequest(0, 10)).total());
        assertEquals(1, desk.followUps(LocalDate.parse("2025-05-30"), new PageRequest(0, 10)).total());
        assertTrue(desk.followUps(null, new PageRequest(0, 10)).items().get(0).followUpDue(), "overdue by 1 June");
        Dto.ConsultationView closed = desk.close(named.id(), "解決");
        assertEquals(CaseStatus.CLOSED, closed.status());
        assertEquals("確定申告の相談\n解決", closed.notes());
        assertEquals(0, desk.followUps(null, new PageRequest(0, 10)).total());
        assertEquals(409, assertThrows(ProblemException.class, () -> desk.update(named.id(), new Dto.ConsultationInput("p-1",
                LocalDate.parse("2025-05-12"), ConsultationTopic.CONTRACTS, Channel.PHONE, null, null, CaseStatus.OPEN, 0L))).status(),
                "stale version");

        Dto.ConsultationCounts counts = desk.counts(FiscalYear.of(2025));
        assertEquals(3, counts.total());
        assertEquals(12 * ConsultationTopic.values().length, counts.cells().size());
        assertEquals(2, counts.byTopic().get(ConsultationTopic.TAXES_AND_FILING));
        assertEquals(2, counts.byMonth().get("2025-05"));
        assertEquals(3, counts.byChannel().get(Channel.IN_PERSON));
        assertFalse(counts.toString().contains("p-1") || counts.toString().contains("確定申告の相談"));

        List<ActivityEvent> held = f.ledger.ofType(ConsultationService.HELD);
        assertEquals(3, held.size());
        ActivityEvent first = held.stream().filter(e -> "p-1".equals(e.personId())).findFirst().orElseThrow();
        assertEquals("TAXES_AND_FILING", first.attributes().get("topic"));
        assertEquals("IN_PERSON", first.attributes().get("channel"));
        assertEquals(2, first.attributes().size());
        assertEquals(2, held.stream().filter(e -> e.personId() == null).count(), "anonymous visitors stay anonymous");
    }

    @Test
    void leadersStartAndEndInTheLedgerAndLeadACommunityOnceAtATime() {
        LeaderService leaders = f.services.leaders();
        Dto.LeaderView l = leaders.start(new Dto.LeaderInput("p-1", "handmade-makers", new Dto.Text("ハンドメイド作家の会", "Handmade makers"),
                LocalDate.parse("2025-04-01"), null));
        assertTrue(l.active());
        assertEquals(409, assertThrows(ProblemException.class, () -> leaders.start(new Dto.LeaderInput("p-1", "handmade-makers",
                new Dto.Text("x", null), LocalDate.parse("2025-05-01"), null))).status());
        leaders.start(new Dto.LeaderInput("p-2", "handmade-makers", new Dto.Text("ハンドメイド作家の会", null), LocalDate.parse("2025-05-01"), null));
        assertEquals(2, leaders.list(LocalDate.parse("2025-06-01"), "handmade-makers", null, new PageRequest(0, 10)).total());

        assertEquals(422, assertThrows(ProblemException.class, () -> leaders.end(l.id(), LocalDate.parse("2025-03-31"))).status());
        Dto.LeaderView ended = leaders.end(l.id(), LocalDate.parse("2026-03-31"));
        assertEquals(LocalDate.parse("2026-03-31"), ended.until());
        assertEquals(409, assertThrows(ProblemException.class, () -> leaders.end(l.id(), LocalDate.parse("2026-03-31"))).status());
        assertEquals(1, leaders.list(LocalDate.parse("2026-04-01"), null, null, new PageRequest(0, 10)).total());
        // after the end, the same person may lead the same community again
        leaders.start(new Dto.LeaderInput("p-1", "handmade-makers", new Dto.Text("ハンドメイド作家の会", null), LocalDate.parse("2026-04-01"), null));

        ActivityEvent started = f.ledger.find("community:leader:" + l.id() + ":started").orElseThrow().event();
        assertEquals(LeaderService.STARTED, started.type());
        assertEquals("p-1", started.personId());
        assertEquals("handmade-makers", started.attributes().get("community"));
        assertEquals(Instant.parse("2025-03-31T15:00:00Z"), started.occurredAt(), "the start of the day in Japan");
        ActivityEvent end = f.ledger.find("community:leader:" + l.id() + ":ended").orElseThrow().event();
        assertEquals(LeaderService.ENDED, end.type());
        assertEquals(FiscalYear.of(2025), end.fiscalYear(), "ends within the fiscal year of its last day");
        assertEquals(3, f.ledger.ofType(LeaderService.STARTED).size());
    }

    @Test
    void migrantPagesArePublicOnlyWhenPublished() {
        MigrantPageService pages = f.services.pages();
        Dto.PageView p = pages.create(new Dto.PageInput("trial-stay-houses", MigrantPhase.TRIAL_STAY, 1, new Dto.Text("お試し住宅", "Trial houses"),
                new Dto.Summary("1か月から", null), new Dto.Body("奄美市のお試し住宅は…", "Amami's trial houses..."), null));
        assertEquals(Publication.DRAFT, p.status());
        assertEquals(404, assertThrows(ProblemException.class, () -> pages.publicGet("trial-stay-houses")).status());
        assertTrue(pages.publicContents(null).stream().allMatch(ph -> ph.pages().isEmpty()));
        assertEquals(409, assertThrows(ProblemException.class, () -> pages.create(new Dto.PageInput("trial-stay-houses", MigrantPhase.MOVED,
                null, new Dto.Text("重複", null), null, null, null))).status());

        pages.status(p.id(), Publication.PUBLISHED);
        Dto.PublicPageView shown = pages.publicGet("trial-stay-houses");
        assertEquals("Amami's trial houses...", shown.body().en());
        List<Dto.PhaseView> contents = pages.publicContents(null);
        assertEquals(List.of(MigrantPhase.INTERESTED, MigrantPhase.VISITING, MigrantPhase.TRIAL_STAY, MigrantPhase.MOVED),
                contents.stream().map(Dto.PhaseView::phase).toList());
        assertEquals(1, contents.get(2).pages().size());
        assertNull(contents.get(2).pages().get(0).body(), "the contents list no bodies");
        pages.status(p.id(), Publication.DRAFT);
        assertEquals(404, assertThrows(ProblemException.class, () -> pages.publicGet("trial-stay-houses")).status());
        f.clock.set(LocalDateTime.parse("2025-06-02T10:00"));
    }
}
