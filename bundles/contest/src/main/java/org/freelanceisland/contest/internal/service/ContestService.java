package org.freelanceisland.contest.internal.service;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

import org.freelanceisland.contest.internal.model.AwardBasis;
import org.freelanceisland.contest.internal.model.AwardDefinition;
import org.freelanceisland.contest.internal.model.Category;
import org.freelanceisland.contest.internal.model.Contest;
import org.freelanceisland.contest.internal.model.Criterion;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.Params;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * Contests: their windows, categories, awards and rubric. Staff may close a window early (the
 * market ended, the jury finished); the rubric is fixed once a juror has scored.
 */
public final class ContestService {

    private final Tx tx;

    /**
     * Creates the service.
     *
     * @param tx the unit-of-work runner
     */
    public ContestService(Tx tx) {
        this.tx = tx;
    }

    /**
     * Lists contests, newest year first.
     *
     * @param year a fiscal year, or {@code null}
     * @param page the window
     * @return the page
     */
    public Page<Dto.ContestView> list(FiscalYear year, PageRequest page) {
        return tx.read(em -> {
            String where = year == null ? "" : " WHERE c.fiscalYear = :y";
            TypedQuery<Contest> q = em.createQuery("SELECT c FROM Contest c" + where + " ORDER BY c.fiscalYear DESC, c.id DESC", Contest.class);
            TypedQuery<Long> n = em.createQuery("SELECT COUNT(c) FROM Contest c" + where, Long.class);
            if (year != null) {
                q.setParameter("y", year.startYear());
                n.setParameter("y", year.startYear());
            }
            List<Dto.ContestView> items = q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList()
                    .stream().map(this::view).toList();
            return new Page<>(items, n.getSingleResult(), page.offset(), page.limit());
        });
    }

    /**
     * The contests a juror account is assigned to, newest first.
     *
     * @param account the account
     * @return the contests
     */
    public List<Dto.ContestView> assignedTo(String account) {
        return tx.read(em -> em.createQuery("SELECT c FROM Contest c WHERE c.id IN (SELECT j.contestId FROM Juror j"
                + " WHERE j.account = :a) ORDER BY c.fiscalYear DESC, c.id DESC", Contest.class).setParameter("a", account)
                .getResultList().stream().map(this::view).toList());
    }

    /**
     * One contest.
     *
     * @param id the contest
     * @return the contest
     */
    public Dto.ContestView get(long id) {
        return tx.read(em -> view(find(em, id)));
    }

    /**
     * Creates a contest.
     *
     * @param in the contest
     * @return the contest
     */
    public Dto.ContestView create(Dto.ContestInput in) {
        check(in);
        return tx.write(em -> {
            Contest c = new Contest(tx.now());
            apply(c, in);
            em.persist(c);
            em.flush();
            return view(c);
        });
    }

    /**
     * Changes a contest. The rubric cannot change once a juror has scored; categories in use by
     * entries cannot be removed.
     *
     * @param id the contest
     * @param in all fields
     * @return the contest
     */
    public Dto.ContestView update(long id, Dto.ContestInput in) {
        check(in);
        return tx.write(em -> {
            Contest c = lock(em, id);
            if (in.version() != null && in.version() != c.version()) {
                throw ProblemException.conflict("Contest " + id + " was changed by someone else (version " + c.version()
                        + ", yours " + in.version() + "); load it again");
            }
            if (c.publishedAt() != null) {
                throw ProblemException.conflict("The results of contest " + id + " are published; it can no longer be changed");
            }
            long scores = em.createQuery("SELECT COUNT(s) FROM Score s WHERE s.contestId = :c", Long.class)
                    .setParameter("c", id).getSingleResult();
            if (scores > 0 && !sameRubric(c, in.rubric())) {
                throw ProblemException.conflict("Jurors have scored entries of contest " + id + "; the rubric can no longer change");
            }
            Set<String> codes = new HashSet<>();
            in.categories().forEach(cat -> codes.add(cat.code()));
            for (String used : em.createQuery("SELECT DISTINCT e.category FROM Entry e WHERE e.contestId = :c", String.class)
                    .setParameter("c", id).getResultList()) {
                if (!codes.contains(used)) {
                    throw ProblemException.unprocessable("categories", "category " + used + " has entries and cannot be removed");
                }
            }
            apply(c, in);
            c.updatedAt(tx.now());
            em.flush();
            return view(c);
        });
    }

    /**
     * Deletes a contest without entries, jurors or tickets.
     *
     * @param id the contest
     */
    public void delete(long id) {
        tx.write(em -> {
            Contest c = lock(em, id);
            for (String entity : List.of("Entry", "Juror", "TicketBatch")) {
                long n = em.createQuery("SELECT COUNT(x) FROM " + entity + " x WHERE x.contestId = :c", Long.class)
                        .setParameter("c", id).getSingleResult();
                if (n > 0) {
                    throw ProblemException.conflict("Contest " + id + " has " + entity.toLowerCase(java.util.Locale.ROOT)
                            + " records; it cannot be deleted");
                }
            }
            em.remove(c);
            return null;
        });
    }

    /**
     * Closes a window now (entries, judging or voting end early). Closing a window that is not open
     * is refused.
     *
     * @param id the contest
     * @param window {@code entry}, {@code judging} or {@code voting}
     * @return the contest
     */
    public Dto.ContestView close(long id, String window) {
        return tx.write(em -> {
            Contest c = lock(em, id);
            LocalDateTime now = tx.now();
            switch (window) {
                case "entry" -> {
                    requireOpen("entryWindow", c.entryOpens(), c.entryCloses(), now);
                    c.entryCloses(now);
                }
                case "judging" -> {
                    requireOpen("judgingWindow", c.judgingOpens(), c.judgingCloses(), now);
                    c.judgingCloses(now);
                }
                case "voting" -> {
                    requireOpen("votingWindow", c.votingOpens(), c.votingCloses(), now);
                    c.votingCloses(now);
                }
                default -> throw ProblemException.notFound("window", window);
            }
            c.updatedAt(now);
            em.flush();
            return view(c);
        });
    }

    private static void requireOpen(String field, LocalDateTime opens, LocalDateTime closes, LocalDateTime now) {
        if (now.isBefore(opens) || !now.isBefore(closes)) {
            throw ProblemException.unprocessable(field, "the window is not open (" + instant(opens) + " to " + instant(closes)
                    + "), so it cannot be closed now");
        }
    }

    private static void check(Dto.ContestInput in) {
        new Windows(in.entryWindow().opens(), in.entryWindow().closes(), in.judgingWindow().opens(),
                in.judgingWindow().closes(), in.votingWindow().opens(), in.votingWindow().closes()).check();
        List<FieldError> errors = new ArrayList<>();
        unique("categories", in.categories().stream().map(Dto.CategoryInput::code).toList(), errors);
        unique("rubric.criteria", in.rubric().criteria().stream().map(Dto.CriterionInput::code).toList(), errors);
        List<Dto.AwardInput> awards = in.awards() == null ? List.of() : in.awards();
        unique("awards", awards.stream().map(Dto.AwardInput::code).toList(), errors);
        for (int i = 0; i < awards.size(); i++) {
            Dto.AwardInput a = awards.get(i);
            if (AwardDefinition.GRAND_PRIZE.equals(a.code()) && (a.basis() != AwardBasis.JURY || rank(a) != 1)) {
                errors.add(new FieldError("awards[" + i + "].basis", "the Grand Prize goes to the jury's first place (JURY, rank 1)"));
            }
            if (AwardDefinition.AUDIENCE.equals(a.code()) && (a.basis() != AwardBasis.AUDIENCE || rank(a) != 1)) {
                errors.add(new FieldError("awards[" + i + "].basis", "the Audience Award goes to the audience's first place (AUDIENCE, rank 1)"));
            }
        }
        Params.check(errors);
        Instant first = in.entryWindow().opens();
        FiscalYear startsIn = FiscalYear.of(first);
        if (Math.abs(startsIn.startYear() - in.fiscalYear().startYear()) > 1) {
            throw ProblemException.unprocessable("fiscalYear", "entries open in " + startsIn.englishLabel()
                    + ", far from the contest's fiscal year " + in.fiscalYear().englishLabel());
        }
    }

    private static int rank(Dto.AwardInput a) {
        return a.rank() == null ? 1 : a.rank();
    }

    private static void unique(String field, List<String> codes, List<FieldError> errors) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            if (!seen.add(codes.get(i))) {
                errors.add(new FieldError(field + "[" + i + "].code", "code " + codes.get(i) + " appears twice"));
            }
        }
    }

    private static boolean sameRubric(Contest c, Dto.RubricInput r) {
        if (c.scoreMax() != r.scale() || c.criteria().size() != r.criteria().size()) {
            return false;
        }
        for (int i = 0; i < r.criteria().size(); i++) {
            Criterion have = c.criteria().get(i);
            Dto.CriterionInput want = r.criteria().get(i);
            if (!have.code().equals(want.code()) || have.weight() != want.weight()) {
                return false;
            }
        }
        return true;
    }

    private static void apply(Contest c, Dto.ContestInput in) {
        c.fiscalYear(in.fiscalYear().startYear());
        c.edition(in.edition());
        c.titleJa(in.title().ja().strip());
        c.titleEn(blank(in.title().en()));
        c.descriptionJa(in.description() == null ? null : blank(in.description().ja()));
        c.descriptionEn(in.description() == null ? null : blank(in.description().en()));
        c.entryOpens(utc(in.entryWindow().opens()));
        c.entryCloses(utc(in.entryWindow().closes()));
        c.judgingOpens(utc(in.judgingWindow().opens()));
        c.judgingCloses(utc(in.judgingWindow().closes()));
        c.votingOpens(utc(in.votingWindow().opens()));
        c.votingCloses(utc(in.votingWindow().closes()));
        c.categories().clear();
        in.categories().forEach(cat -> c.categories().add(new Category(cat.code(), cat.label().ja().strip(), blank(cat.label().en()))));
        c.scoreMax(in.rubric().scale());
        c.criteria().clear();
        in.rubric().criteria().forEach(cr -> c.criteria().add(new Criterion(cr.code(), cr.label().ja().strip(),
                blank(cr.label().en()), cr.weight())));
        c.awards().clear();
        List<Dto.AwardInput> awards = in.awards() == null ? List.of() : in.awards();
        if (awards.stream().noneMatch(a -> AwardDefinition.GRAND_PRIZE.equals(a.code()))) {
            c.awards().add(new AwardDefinition(AwardDefinition.GRAND_PRIZE, "大賞", "Grand Prize", AwardBasis.JURY, 1));
        }
        if (awards.stream().noneMatch(a -> AwardDefinition.AUDIENCE.equals(a.code()))) {
            c.awards().add(new AwardDefinition(AwardDefinition.AUDIENCE, "オーディエンス賞", "Audience Award", AwardBasis.AUDIENCE, 1));
        }
        awards.forEach(a -> c.awards().add(new AwardDefinition(a.code(), a.label().ja().strip(), blank(a.label().en()), a.basis(),
                a.basis() == AwardBasis.DESIGNATED ? 0 : rank(a))));
    }

    // ---- shared helpers

    /**
     * Finds a contest.
     *
     * @param em the entity manager
     * @param id the contest
     * @return the contest
     * @throws ProblemException 404 when there is none
     */
    static Contest find(EntityManager em, long id) {
        Contest c = em.find(Contest.class, id);
        if (c == null) {
            throw ProblemException.notFound("contest", id);
        }
        return c;
    }

    /**
     * Locks a contest's row for the rest of the transaction.
     *
     * @param em the entity manager
     * @param id the contest
     * @return the contest
     */
    static Contest lock(EntityManager em, long id) {
        Contest c = em.find(Contest.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ProblemException.notFound("contest", id);
        }
        return c;
    }

    /**
     * A stored time as an instant.
     *
     * @param t the time (UTC), may be {@code null}
     * @return the instant
     */
    static Instant instant(LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    /**
     * An instant as stored: UTC, to the millisecond.
     *
     * @param i the instant
     * @return the stored time
     */
    static LocalDateTime utc(Instant i) {
        return LocalDateTime.ofInstant(i.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static LocalizedText text(String ja, String en) {
        return LocalizedText.of(ja, en);
    }

    static LocalizedText categoryLabel(Contest c, String code) {
        return c.categories().stream().filter(cat -> cat.code().equals(code)).findFirst()
                .map(cat -> LocalizedText.of(cat.labelJa(), cat.labelEn())).orElse(LocalizedText.of(code, code));
    }

    static Dto.RubricView rubric(Contest c) {
        return new Dto.RubricView(c.scoreMax(), c.criteria().stream()
                .map(cr -> new Dto.CriterionView(cr.code(), LocalizedText.of(cr.labelJa(), cr.labelEn()), cr.weight())).toList());
    }

    static Dto.WindowView window(LocalDateTime opens, LocalDateTime closes, LocalDateTime now) {
        return new Dto.WindowView(instant(opens), instant(closes), Windows.phase(instant(opens), instant(closes), instant(now)));
    }

    static boolean judgingClosed(Contest c, LocalDateTime now) {
        return !now.isBefore(c.judgingCloses());
    }

    static boolean votingClosed(Contest c, LocalDateTime now) {
        return !now.isBefore(c.votingCloses());
    }

    Dto.ContestView view(Contest c) {
        LocalDateTime now = tx.now();
        FiscalYear year = FiscalYear.of(c.fiscalYear());
        Dto.LongText description = c.descriptionJa() == null && c.descriptionEn() == null ? null
                : new Dto.LongText(c.descriptionJa(), c.descriptionEn());
        return new Dto.ContestView(c.id(), year, year.label(), c.edition(), LocalizedText.of(c.titleJa(), c.titleEn()), description,
                window(c.entryOpens(), c.entryCloses(), now), window(c.judgingOpens(), c.judgingCloses(), now),
                window(c.votingOpens(), c.votingCloses(), now),
                c.categories().stream().map(cat -> new Dto.CategoryView(cat.code(), LocalizedText.of(cat.labelJa(), cat.labelEn()))).toList(),
                c.awards().stream().map(a -> new Dto.AwardView(a.code(), LocalizedText.of(a.labelJa(), a.labelEn()), a.basis(), a.rank())).toList(),
                rubric(c), c.entryCount(), c.publishedAt() != null, instant(c.publishedAt()), c.version());
    }
}
