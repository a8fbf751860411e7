package org.freelanceisland.contest.internal.service;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.freelanceisland.contest.internal.model.AwardBasis;
import org.freelanceisland.contest.internal.model.AwardDefinition;
import org.freelanceisland.contest.internal.model.AwardWinner;
import org.freelanceisland.contest.internal.model.Contest;
import org.freelanceisland.contest.internal.model.Entry;
import org.freelanceisland.contest.internal.model.EntryStatus;
import org.freelanceisland.contest.internal.model.Photo;
import org.freelanceisland.contest.internal.model.Score;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * Results: the jury's and the audience's rankings ({@link Ranking}), the awards they decide, their
 * publication, and what the public may see afterwards (winners only).
 *
 * <p>Who sees what before publication: administrators everything at any time; staff and the
 * contest's jurors the jury ranking once judging has closed and the audience ranking once voting
 * has closed. Publishing needs both windows closed, stores the winners, records
 * {@code contest.award.won} for each and opens the public results; it cannot be undone.
 */
public final class ResultService {

    /** Ledger type of an award won. */
    public static final String AWARD_WON = "contest.award.won";

    private final Tx tx;
    private final People people;
    private final ActivityLedger ledger;

    /** Who is asking. */
    public enum Viewer {
        /** An administrator. */
        ADMIN,
        /** Staff. */
        STAFF,
        /** A juror of the contest. */
        JUROR
    }

    /**
     * Creates the service.
     *
     * @param tx the unit-of-work runner
     * @param people the people registry
     * @param ledger the activity ledger
     */
    public ResultService(Tx tx, People people, ActivityLedger ledger) {
        this.tx = tx;
        this.people = people;
        this.ledger = ledger;
    }

    /** Rankings of a contest as computed now. */
    private record Computed(List<Entry> entries, List<Ranking.JuryPlace> jury, List<Ranking.AudiencePlace> audience,
            int scoresGiven, int scoresExpected) {
    }

    /**
     * The results as the viewer may see them.
     *
     * @param contestId the contest
     * @param viewer who asks
     * @return the results (hidden parts left out)
     */
    public Dto.ResultsView results(long contestId, Viewer viewer) {
        return tx.read(em -> {
            Contest c = ContestService.find(em, contestId);
            LocalDateTime now = tx.now();
            boolean judgingClosed = ContestService.judgingClosed(c, now);
            boolean votingClosed = ContestService.votingClosed(c, now);
            boolean showJury = viewer == Viewer.ADMIN || judgingClosed;
            boolean showAudience = viewer == Viewer.ADMIN || votingClosed;
            Computed r = compute(em, c);
            Map<Long, Entry> byId = new HashMap<>();
            r.entries().forEach(e -> byId.put(e.id(), e));
            List<Dto.JuryRow> jury = showJury ? r.jury().stream().map(p -> new Dto.JuryRow(p.rank(), p.number(), p.entryId(),
                    byId.get(p.entryId()).title(), p.jurors(), p.score(), p.criteria(), p.tieBrokenBy())).toList() : null;
            List<Dto.AudienceRow> audience = showAudience ? r.audience().stream().map(p -> new Dto.AudienceRow(p.rank(), p.number(),
                    p.entryId(), byId.get(p.entryId()).title(), p.votes(), p.tieBrokenBy())).toList() : null;
            Map<String, AwardWinner> stored = winners(em, contestId);
            Map<String, String> names = viewer == Viewer.JUROR ? Map.of()
                    : people.names(r.entries().stream().map(Entry::makerId).distinct().toList());
            List<Dto.AwardResult> awards = new ArrayList<>();
            for (AwardDefinition a : c.awards()) {
                Long entryId = null;
                if (c.publishedAt() != null || a.basis() == AwardBasis.DESIGNATED) {
                    AwardWinner w = stored.get(a.code());
                    entryId = w == null ? null : w.entryId();
                } else if (a.basis() == AwardBasis.JURY && showJury) {
                    entryId = at(r.jury().stream().filter(p -> p.rank() == a.rank()).map(Ranking.JuryPlace::entryId).toList());
                } else if (a.basis() == AwardBasis.AUDIENCE && showAudience) {
                    entryId = at(r.audience().stream().filter(p -> p.rank() == a.rank()).map(Ranking.AudiencePlace::entryId).toList());
                }
                Entry e = entryId == null ? null : byId.get(entryId);
                if (e == null && entryId != null) {
                    e = em.find(Entry.class, entryId);
                }
                boolean showMaker = e != null && viewer != Viewer.JUROR;
                awards.add(new Dto.AwardResult(a.code(), LocalizedText.of(a.labelJa(), a.labelEn()), a.basis(), a.rank(),
                        e == null ? null : e.number(), e == null ? null : e.title(), showMaker ? e.makerId() : null,
                        showMaker ? names.get(e.makerId()) : null));
            }
            return new Dto.ResultsView(contestId, judgingClosed, votingClosed, c.publishedAt() != null,
                    ContestService.instant(c.publishedAt()), r.scoresGiven(), r.scoresExpected(), jury, audience, awards);
        });
    }

    private static Long at(List<Long> ids) {
        return ids.isEmpty() ? null : ids.get(0);
    }

    /**
     * Chooses the entry a designated award goes to (before publication).
     *
     * @param contestId the contest
     * @param award the award's code
     * @param entryNumber the entry's number
     * @return the results as an administrator sees them
     */
    public Dto.ResultsView designate(long contestId, String award, int entryNumber) {
        tx.write(em -> {
            Contest c = ContestService.lock(em, contestId);
            if (c.publishedAt() != null) {
                throw ProblemException.conflict("The results of contest " + contestId + " are published");
            }
            AwardDefinition a = c.awards().stream().filter(x -> x.code().equals(award)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("award", award));
            if (a.basis() != AwardBasis.DESIGNATED) {
                throw ProblemException.unprocessable("award", "award " + award + " is decided by the " + a.basis()
                        + " ranking, not chosen by staff");
            }
            Entry e = em.createQuery("SELECT e FROM Entry e WHERE e.contestId = :c AND e.number = :n", Entry.class)
                    .setParameter("c", contestId).setParameter("n", entryNumber).getResultList().stream()
                    .filter(x -> x.status() == EntryStatus.SUBMITTED).findFirst()
                    .orElseThrow(() -> ProblemException.unprocessable("entryNumber", "contest " + contestId
                            + " has no entered work number " + entryNumber));
            AwardWinner w = winners(em, contestId).get(award);
            if (w == null) {
                em.persist(new AwardWinner(contestId, award, e.id(), AwardBasis.DESIGNATED.name(), tx.now()));
            } else {
                w.entryId(e.id());
                w.decidedAt(tx.now());
            }
            return null;
        });
        return results(contestId, Viewer.ADMIN);
    }

    /**
     * Publishes the results: needs judging and voting closed and every designated award chosen.
     * An award whose rank nobody reached (no votes, too few scored entries) stays vacant.
     *
     * @param contestId the contest
     * @param user who publishes
     * @return the results
     */
    public Dto.ResultsView publish(long contestId, String user) {
        tx.write(em -> {
            Contest c = ContestService.lock(em, contestId);
            LocalDateTime now = tx.now();
            if (c.publishedAt() != null) {
                throw ProblemException.conflict("The results of contest " + contestId + " were published at "
                        + ContestService.instant(c.publishedAt()));
            }
            if (!ContestService.judgingClosed(c, now)) {
                throw ProblemException.unprocessable("judgingWindow", "judging is open until "
                        + ContestService.instant(c.judgingCloses()) + "; close it first");
            }
            if (!ContestService.votingClosed(c, now)) {
                throw ProblemException.unprocessable("votingWindow", "voting is open until "
                        + ContestService.instant(c.votingCloses()) + "; close it first");
            }
            Map<String, AwardWinner> stored = winners(em, contestId);
            for (AwardDefinition a : c.awards()) {
                if (a.basis() == AwardBasis.DESIGNATED && !stored.containsKey(a.code())) {
                    throw ProblemException.unprocessable("awards." + a.code(), "choose the work for " + a.labelJa() + " first");
                }
            }
            Computed r = compute(em, c);
            Map<Long, Entry> byId = new HashMap<>();
            r.entries().forEach(e -> byId.put(e.id(), e));
            for (AwardDefinition a : c.awards()) {
                Long entryId = switch (a.basis()) {
                    case JURY -> at(r.jury().stream().filter(p -> p.rank() == a.rank()).map(Ranking.JuryPlace::entryId).toList());
                    case AUDIENCE -> at(r.audience().stream().filter(p -> p.rank() == a.rank()).map(Ranking.AudiencePlace::entryId).toList());
                    case DESIGNATED -> null;
                };
                if (entryId != null) {
                    em.persist(new AwardWinner(contestId, a.code(), entryId, a.basis().name(), now));
                }
            }
            c.publishedAt(now);
            c.publishedBy(user);
            em.flush();
            for (AwardWinner w : winners(em, contestId).values()) {
                Entry e = Optional.ofNullable(byId.get(w.entryId())).orElseGet(() -> em.find(Entry.class, w.entryId()));
                ledger.record(ActivityEvent.builder("contest:" + contestId + ":award:" + w.award() + ":won", AWARD_WON,
                        ContestService.instant(now))
                        .person(e.makerId())
                        .fiscalYear(FiscalYear.of(c.fiscalYear()))
                        .attribute("contest", Long.toString(contestId))
                        .attribute("award", w.award())
                        .build());
            }
            return null;
        });
        return results(contestId, Viewer.ADMIN);
    }

    // ---- public

    /**
     * The contests whose results are published, newest first.
     *
     * @return the contests
     */
    public List<Dto.PublicContest> publishedContests() {
        return tx.read(em -> em.createQuery("SELECT c FROM Contest c WHERE c.publishedAt IS NOT NULL ORDER BY c.publishedAt DESC",
                Contest.class).setMaxResults(200).getResultList().stream().map(ResultService::publicContest).toList());
    }

    /**
     * The public results: the winners, each with the maker's name only if the maker consents (now)
     * to being shown publicly. Unpublished and unknown contests are the same 404.
     *
     * @param contestId the contest
     * @return the results
     */
    public Dto.PublicResults publicResults(long contestId) {
        return tx.read(em -> {
            Contest c = published(em, contestId);
            Map<String, AwardWinner> stored = winners(em, contestId);
            List<Entry> entries = new ArrayList<>();
            stored.values().forEach(w -> entries.add(em.find(Entry.class, w.entryId())));
            Map<String, String> names = people.publicNames(entries.stream().map(Entry::makerId).distinct().toList());
            Map<Long, List<Photo>> photos = EntryService.photos(em, entries.stream().map(Entry::id).distinct().toList());
            List<Dto.PublicWinner> winners = new ArrayList<>();
            for (AwardDefinition a : c.awards()) {
                AwardWinner w = stored.get(a.code());
                if (w == null) {
                    continue;
                }
                Entry e = em.find(Entry.class, w.entryId());
                String base = "/api/contest/public/contests/" + contestId + "/entries/" + e.number() + "/photos/";
                winners.add(new Dto.PublicWinner(a.code(), LocalizedText.of(a.labelJa(), a.labelEn()), e.number(), e.title(),
                        ContestService.categoryLabel(c, e.category()), e.materials(), e.technique(), names.get(e.makerId()),
                        photos.getOrDefault(e.id(), List.of()).stream().map(p -> base + p.id()).toList()));
            }
            return new Dto.PublicResults(publicContest(c), winners);
        });
    }

    /**
     * A photo of a winning work, for the public results.
     *
     * @param contestId the contest
     * @param entryNumber the entry's number
     * @param photoId the photo
     * @param thumbnail whether the thumbnail is wanted
     * @return the image
     */
    public EntryService.Image publicPhoto(long contestId, int entryNumber, long photoId, boolean thumbnail) {
        return tx.read(em -> {
            Contest c = ContestService.find(em, contestId);
            Entry e = byNumber(em, contestId, entryNumber);
            LocalDateTime now = tx.now();
            boolean winner = c.publishedAt() != null && winners(em, contestId).values().stream().anyMatch(w -> w.entryId() == e.id());
            boolean onBallot = thumbnail && e.status() == EntryStatus.SUBMITTED && !now.isBefore(c.votingOpens())
                    && now.isBefore(c.votingCloses());
            if (!winner && !onBallot) {
                throw ProblemException.notFound("public photo", photoId);
            }
            return EntryService.image(em, e, photoId, thumbnail);
        });
    }

    /**
     * The works open to votes, while voting is open (numbers, titles, categories, thumbnails; never
     * makers). Outside the window the same 404 as an unknown contest.
     *
     * @param contestId the contest
     * @return the ballot
     */
    public Dto.PublicBallot ballot(long contestId) {
        return tx.read(em -> {
            Contest c = em.find(Contest.class, contestId);
            LocalDateTime now = tx.now();
            if (c == null || now.isBefore(c.votingOpens()) || !now.isBefore(c.votingCloses())) {
                throw ProblemException.notFound("contest open to votes", contestId);
            }
            List<Entry> entries = JudgingService.active(em, contestId);
            Map<Long, List<Photo>> photos = EntryService.photos(em, entries.stream().map(Entry::id).toList());
            List<Dto.PublicEntry> items = entries.stream().map(e -> {
                String base = "/api/contest/public/contests/" + contestId + "/entries/" + e.number() + "/photos/";
                return new Dto.PublicEntry(e.number(), e.title(), ContestService.categoryLabel(c, e.category()), e.materials(),
                        photos.getOrDefault(e.id(), List.of()).stream().map(p -> base + p.id() + "/thumbnail").toList());
            }).toList();
            return new Dto.PublicBallot(contestId, LocalizedText.of(c.titleJa(), c.titleEn()), ContestService.instant(c.votingCloses()),
                    items);
        });
    }

    private static Contest published(EntityManager em, long contestId) {
        Contest c = em.find(Contest.class, contestId);
        if (c == null || c.publishedAt() == null) {
            throw ProblemException.notFound("published results of contest", contestId);
        }
        return c;
    }

    private static Entry byNumber(EntityManager em, long contestId, int number) {
        return em.createQuery("SELECT e FROM Entry e WHERE e.contestId = :c AND e.number = :n", Entry.class)
                .setParameter("c", contestId).setParameter("n", number).getResultList().stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("entry number", number));
    }

    private static Dto.PublicContest publicContest(Contest c) {
        FiscalYear year = FiscalYear.of(c.fiscalYear());
        Instant published = ContestService.instant(c.publishedAt());
        return new Dto.PublicContest(c.id(), year, year.label(), c.edition(), LocalizedText.of(c.titleJa(), c.titleEn()), published);
    }

    private static Map<String, AwardWinner> winners(EntityManager em, long contestId) {
        Map<String, AwardWinner> winners = new HashMap<>();
        em.createQuery("SELECT w FROM AwardWinner w WHERE w.contestId = :c", AwardWinner.class).setParameter("c", contestId)
                .getResultList().forEach(w -> winners.put(w.award(), w));
        return winners;
    }

    private static Computed compute(EntityManager em, Contest c) {
        List<Entry> entries = JudgingService.active(em, c.id());
        List<Ranking.Candidate> candidates = entries.stream().map(e -> new Ranking.Candidate(e.id(), e.number())).toList();
        List<Ranking.Weight> weights = c.criteria().stream().map(cr -> new Ranking.Weight(cr.code(), cr.weight())).toList();
        List<Score> scores = em.createQuery("SELECT s FROM Score s WHERE s.contestId = :c", Score.class)
                .setParameter("c", c.id()).getResultList();
        List<Ranking.Sheet> sheets = scores.stream().map(s -> new Ranking.Sheet(s.entryId(), s.values())).toList();
        List<Ranking.JuryPlace> jury = Ranking.jury(weights, candidates, sheets);
        List<Ranking.AudiencePlace> audience = Ranking.audience(candidates, VotingService.votes(em, c.id()), jury);
        // expected: every juror × every active entry they have no conflict with
        int expected = 0;
        for (var j : em.createQuery("SELECT j FROM Juror j WHERE j.contestId = :c", org.freelanceisland.contest.internal.model.Juror.class)
                .setParameter("c", c.id()).getResultList()) {
            expected += (int) entries.stream().filter(e -> !j.conflicts().contains(e.makerId())).count();
        }
        java.util.Set<Long> active = new java.util.HashSet<>();
        entries.forEach(e -> active.add(e.id()));
        int given = (int) scores.stream().filter(s -> active.contains(s.entryId())).count();
        return new Computed(entries, jury, audience, given, expected);
    }
}
