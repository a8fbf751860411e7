package org.freelanceisland.contest.internal.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.freelanceisland.contest.internal.model.Contest;
import org.freelanceisland.contest.internal.model.Criterion;
import org.freelanceisland.contest.internal.model.Entry;
import org.freelanceisland.contest.internal.model.EntryStatus;
import org.freelanceisland.contest.internal.model.Juror;
import org.freelanceisland.contest.internal.model.Photo;
import org.freelanceisland.contest.internal.model.Score;
import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.Params;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * The jury: jurors assigned to a contest by account, the makers they declare a conflict of
 * interest with, and their scores. Each juror scores each entry once ({@code POST}) and may revise
 * that score ({@code PUT}) while the judging window is open; a juror sees only their own scores,
 * never another juror's or any total, until judging closes. Judging is blind: jurors see the works,
 * not their makers (only the list of makers, to declare whom they know).
 */
public final class JudgingService {

    private final Tx tx;
    private final People people;

    /**
     * Creates the service.
     *
     * @param tx the unit-of-work runner
     * @param people the people registry
     */
    public JudgingService(Tx tx, People people) {
        this.tx = tx;
        this.people = people;
    }

    /**
     * The jurors of a contest with their progress.
     *
     * @param contestId the contest
     * @return the jurors
     */
    public List<Dto.JurorView> jurors(long contestId) {
        return tx.read(em -> {
            ContestService.find(em, contestId);
            List<Entry> entries = active(em, contestId);
            List<Dto.JurorView> views = new ArrayList<>();
            for (Juror j : em.createQuery("SELECT j FROM Juror j WHERE j.contestId = :c ORDER BY j.account", Juror.class)
                    .setParameter("c", contestId).getResultList()) {
                views.add(view(em, j, entries));
            }
            return views;
        });
    }

    /**
     * Assigns a juror account to a contest.
     *
     * @param contestId the contest
     * @param in the account
     * @return the juror
     */
    public Dto.JurorView assign(long contestId, Dto.JurorInput in) {
        return tx.write(em -> {
            Contest c = ContestService.lock(em, contestId);
            if (ContestService.judgingClosed(c, tx.now())) {
                throw ProblemException.conflict("Judging of contest " + contestId + " has closed; jurors can no longer be assigned");
            }
            if (!juror(em, contestId, in.account()).isEmpty()) {
                throw ProblemException.conflict("Account " + in.account() + " is already a juror of contest " + contestId);
            }
            Juror j = new Juror(contestId, in.account(), tx.now());
            j.displayName(ContestService.blank(in.displayName()));
            em.persist(j);
            em.flush();
            return view(em, j, active(em, contestId));
        });
    }

    /**
     * Removes a juror who has not scored yet.
     *
     * @param contestId the contest
     * @param account the account
     */
    public void unassign(long contestId, String account) {
        tx.write(em -> {
            ContestService.lock(em, contestId);
            Juror j = juror(em, contestId, account).stream().findFirst()
                    .orElseThrow(() -> ProblemException.notFound("juror of contest " + contestId + " with account", account));
            if (scoresOf(em, contestId, account).size() > 0) {
                throw ProblemException.conflict("Juror " + account + " has scored entries of contest " + contestId
                        + "; a juror with scores cannot be removed");
            }
            em.remove(j);
            return null;
        });
    }

    /**
     * The makers of a contest's entries, so a juror can declare whom they know.
     *
     * @param contestId the contest
     * @param account the juror
     * @return the makers, with whether the juror declared them
     */
    public List<Dto.MakerView> makers(long contestId, String account) {
        return tx.read(em -> {
            ContestService.find(em, contestId);
            Juror j = requireJuror(em, contestId, account);
            Set<String> makers = new LinkedHashSet<>();
            active(em, contestId).forEach(e -> makers.add(e.makerId()));
            Map<String, String> names = people.names(makers);
            return makers.stream().map(m -> new Dto.MakerView(m, names.get(m), j.conflicts().contains(m)))
                    .sorted((a, b) -> String.valueOf(a.name()).compareTo(String.valueOf(b.name()))).toList();
        });
    }

    /**
     * Replaces the makers a juror declared a conflict of interest with. The juror's scores of
     * entries by a newly declared maker are withdrawn. Possible until judging closes.
     *
     * @param contestId the contest
     * @param account the juror
     * @param personIds the makers
     * @return the juror
     */
    public Dto.JurorView declare(long contestId, String account, List<String> personIds) {
        tx.read(em -> juror(em, contestId, account).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("juror of contest " + contestId + " with account", account)));
        return tx.write(em -> {
            Contest c = ContestService.lock(em, contestId);
            if (ContestService.judgingClosed(c, tx.now())) {
                throw ProblemException.conflict("Judging of contest " + contestId + " has closed; conflicts can no longer change");
            }
            Juror j = requireJuror(em, contestId, account);
            Set<String> declared = new LinkedHashSet<>();
            personIds.forEach(p -> declared.add(p.strip()));
            j.conflicts().clear();
            j.conflicts().addAll(declared);
            Map<Long, Entry> entries = new HashMap<>();
            active(em, contestId).forEach(e -> entries.put(e.id(), e));
            for (Score s : scoresOf(em, contestId, account)) {
                Entry e = entries.get(s.entryId());
                if (e != null && declared.contains(e.makerId())) {
                    em.remove(s);
                }
            }
            em.flush();
            return view(em, j, new ArrayList<>(entries.values()));
        });
    }

    /**
     * What a juror judges: the entries they may score, each with their own score.
     *
     * @param contestId the contest
     * @param account the juror
     * @return the judging view
     */
    public Dto.JudgingView judging(long contestId, String account) {
        return tx.read(em -> {
            Contest c = ContestService.find(em, contestId);
            Juror j = requireJuror(em, contestId, account);
            List<Entry> entries = active(em, contestId);
            Map<Long, Score> mine = new HashMap<>();
            scoresOf(em, contestId, account).forEach(s -> mine.put(s.entryId(), s));
            Map<Long, List<Photo>> photos = EntryService.photos(em, entries.stream().map(Entry::id).toList());
            List<Dto.JudgingEntryView> views = new ArrayList<>();
            List<Integer> conflicted = new ArrayList<>();
            for (Entry e : entries) {
                if (j.conflicts().contains(e.makerId())) {
                    conflicted.add(e.number());
                    continue;
                }
                Score s = mine.get(e.id());
                views.add(new Dto.JudgingEntryView(e.id(), e.number(), e.title(), e.description(),
                        ContestService.categoryLabel(c, e.category()), e.materials(), e.technique(), e.priceYen(),
                        EntryService.photoViews(e, photos.getOrDefault(e.id(), List.of())), s == null ? null : scoreView(c, e, s)));
            }
            int scored = (int) views.stream().filter(v -> v.myScore() != null).count();
            return new Dto.JudgingView(contestId, LocalizedText.of(c.titleJa(), c.titleEn()),
                    ContestService.window(c.judgingOpens(), c.judgingCloses(), tx.now()), ContestService.rubric(c), views, scored,
                    views.size(), conflicted);
        });
    }

    /**
     * A juror scores an entry for the first time ({@code revise == false}) or revises their score.
     *
     * @param contestId the contest
     * @param entryId the entry
     * @param account the juror
     * @param in the values
     * @param revise whether this revises an existing score
     * @return the score
     */
    public Dto.ScoreView score(long contestId, long entryId, String account, Dto.ScoreInput in, boolean revise) {
        return tx.write(em -> {
            Contest c = ContestService.find(em, contestId);
            Juror j = requireJuror(em, contestId, account);
            Entry e = EntryService.entry(em, contestId, entryId);
            LocalDateTime now = tx.now();
            if (now.isBefore(c.judgingOpens()) || !now.isBefore(c.judgingCloses())) {
                throw ProblemException.unprocessable("judgingWindow", "scores are accepted from "
                        + ContestService.instant(c.judgingOpens()) + " until " + ContestService.instant(c.judgingCloses()));
            }
            if (e.status() != EntryStatus.SUBMITTED) {
                throw ProblemException.conflict("Entry " + entryId + " was withdrawn; it is not judged");
            }
            if (j.conflicts().contains(e.makerId())) {
                throw ProblemException.unprocessable("entryId", "you declared a conflict of interest with the maker of entry "
                        + e.number() + ", so you cannot score it");
            }
            Map<String, Integer> values = checkValues(c, in.values());
            List<Score> existing = em.createQuery("SELECT s FROM Score s WHERE s.entryId = :e AND s.juror = :j", Score.class)
                    .setParameter("e", entryId).setParameter("j", account).getResultList();
            Score s;
            if (revise) {
                if (existing.isEmpty()) {
                    throw ProblemException.notFound("score of entry " + entryId + " by", account);
                }
                s = existing.get(0);
                s.revision(s.revision() + 1);
                s.updatedAt(now);
            } else {
                if (!existing.isEmpty()) {
                    throw ProblemException.conflict("You already scored entry " + e.number() + "; revise your score with PUT");
                }
                s = new Score(contestId, entryId, account, now);
                em.persist(s);
            }
            s.values().clear();
            s.values().putAll(values);
            s.comment(ContestService.blank(in.comment()));
            em.flush();
            return scoreView(c, e, s);
        });
    }

    /**
     * A juror's own score of an entry.
     *
     * @param contestId the contest
     * @param entryId the entry
     * @param account the juror
     * @return the score
     */
    public Dto.ScoreView myScore(long contestId, long entryId, String account) {
        return tx.read(em -> {
            Contest c = ContestService.find(em, contestId);
            requireJuror(em, contestId, account);
            Entry e = EntryService.entry(em, contestId, entryId);
            return em.createQuery("SELECT s FROM Score s WHERE s.entryId = :e AND s.juror = :j", Score.class)
                    .setParameter("e", entryId).setParameter("j", account).getResultList().stream().findFirst()
                    .map(s -> scoreView(c, e, s))
                    .orElseThrow(() -> ProblemException.notFound("score of entry " + entryId + " by", account));
        });
    }

    private static Map<String, Integer> checkValues(Contest c, Map<String, Integer> values) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> checked = new LinkedHashMap<>();
        for (Criterion cr : c.criteria()) {
            Integer v = values.get(cr.code());
            if (v == null) {
                errors.add(new FieldError("values." + cr.code(), "must be given (1 to " + c.scoreMax() + ")"));
            } else if (v < 1 || v > c.scoreMax()) {
                errors.add(new FieldError("values." + cr.code(), "must be from 1 to " + c.scoreMax()));
            } else {
                checked.put(cr.code(), v);
            }
        }
        for (String code : values.keySet()) {
            if (c.criteria().stream().noneMatch(cr -> cr.code().equals(code))) {
                errors.add(new FieldError("values." + code, "is not a criterion of the rubric"));
            }
        }
        Params.check(errors);
        return checked;
    }

    static Dto.ScoreView scoreView(Contest c, Entry e, Score s) {
        long total = 0;
        long weights = 0;
        for (Criterion cr : c.criteria()) {
            total += (long) cr.weight() * s.values().getOrDefault(cr.code(), 0);
            weights += cr.weight();
        }
        BigDecimal weighted = BigDecimal.valueOf(total).divide(BigDecimal.valueOf(Math.max(1, weights)), 3, RoundingMode.HALF_UP);
        return new Dto.ScoreView(e.id(), e.number(), new LinkedHashMap<>(s.values()), weighted, s.comment(), s.revision(),
                ContestService.instant(s.updatedAt()));
    }

    private Dto.JurorView view(EntityManager em, Juror j, List<Entry> entries) {
        long eligible = entries.stream().filter(e -> !j.conflicts().contains(e.makerId())).count();
        Set<Long> ids = new java.util.HashSet<>();
        entries.stream().filter(e -> !j.conflicts().contains(e.makerId())).forEach(e -> ids.add(e.id()));
        long scored = scoresOf(em, j.contestId(), j.account()).stream().filter(s -> ids.contains(s.entryId())).count();
        return new Dto.JurorView(j.account(), j.displayName(), List.copyOf(j.conflicts()), (int) scored, (int) eligible);
    }

    static List<Entry> active(EntityManager em, long contestId) {
        return em.createQuery("SELECT e FROM Entry e WHERE e.contestId = :c AND e.status = :s ORDER BY e.number", Entry.class)
                .setParameter("c", contestId).setParameter("s", EntryStatus.SUBMITTED).getResultList();
    }

    private static List<Score> scoresOf(EntityManager em, long contestId, String account) {
        return em.createQuery("SELECT s FROM Score s WHERE s.contestId = :c AND s.juror = :j", Score.class)
                .setParameter("c", contestId).setParameter("j", account).getResultList();
    }

    private static List<Juror> juror(EntityManager em, long contestId, String account) {
        return em.createQuery("SELECT j FROM Juror j WHERE j.contestId = :c AND j.account = :a", Juror.class)
                .setParameter("c", contestId).setParameter("a", account).getResultList();
    }

    /**
     * Whether an account is a juror of a contest.
     *
     * @param contestId the contest
     * @param account the account
     * @return {@code true} if assigned
     */
    public boolean isJuror(long contestId, String account) {
        return tx.read(em -> !juror(em, contestId, account).isEmpty());
    }

    static Juror requireJuror(EntityManager em, long contestId, String account) {
        List<Juror> found = juror(em, contestId, account);
        if (found.isEmpty()) {
            throw new ProblemException(403, "forbidden", "Forbidden", "Account " + account + " is not a juror of contest "
                    + contestId, List.of());
        }
        return found.get(0);
    }
}
