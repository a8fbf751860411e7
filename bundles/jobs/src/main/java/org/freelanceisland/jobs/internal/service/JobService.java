package org.freelanceisland.jobs.internal.service;

import org.freelanceisland.platform.persistence.Tx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

import org.freelanceisland.jobs.internal.match.JobProfile;
import org.freelanceisland.jobs.internal.model.ContractStatus;
import org.freelanceisland.jobs.internal.model.Introduction;
import org.freelanceisland.jobs.internal.model.IntroductionAction;
import org.freelanceisland.jobs.internal.model.IntroductionStatus;
import org.freelanceisland.jobs.internal.model.Job;
import org.freelanceisland.jobs.internal.model.JobStatus;
import org.freelanceisland.jobs.internal.model.Partner;
import org.freelanceisland.jobs.internal.model.PayType;
import org.freelanceisland.jobs.internal.service.Dto.JobInput;
import org.freelanceisland.jobs.internal.service.Dto.JobView;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.people.TimeWindow;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * Jobs taken from partners. A job's status follows its work ({@link JobStatus}): it becomes
 * introduced with the first introduction, contracted with the first contract, delivered when every
 * contract is delivered, paid when every contract is paid; coordinators close it. The job's row is
 * locked by every change that moves its status, so concurrent requests move it one after another.
 */
public final class JobService {

    private final Tx tx;
    private final IntroductionLog log;

    /**
     * Creates the service.
     *
     * @param tx the unit-of-work runner
     * @param log writes introduction history
     */
    public JobService(Tx tx, IntroductionLog log) {
        this.tx = tx;
        this.log = log;
    }

    /**
     * Lists jobs, newest first.
     *
     * @param status only this status, or {@code null}
     * @param partnerId only this partner's, or {@code null}
     * @param skill only jobs needing this skill code or tag, or {@code null}
     * @param fiscalYear only jobs received in this fiscal year, or {@code null}
     * @param text words of the title, or {@code null}
     * @param page the window
     * @return the page
     */
    public Page<JobView> list(JobStatus status, Long partnerId, String skill, FiscalYear fiscalYear, String text,
            PageRequest page) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.append(" AND j.status = :status");
            params.put("status", status);
        }
        if (partnerId != null) {
            where.append(" AND j.partnerId = :partner");
            params.put("partner", partnerId);
        }
        if (skill != null) {
            where.append(" AND j.skills LIKE :skill");
            params.put("skill", "%|" + Values.skill("skill", skill) + "|%");
        }
        if (fiscalYear != null) {
            where.append(" AND j.fiscalYear = :fy");
            params.put("fy", fiscalYear.startYear());
        }
        if (text != null) {
            where.append(" AND (LOWER(j.titleJa) LIKE :q ESCAPE '\\' OR LOWER(j.titleEn) LIKE :q ESCAPE '\\')");
            params.put("q", Values.like(text));
        }
        return tx.read(em -> {
            TypedQuery<Job> q = em.createQuery("SELECT j FROM Job j" + Values.where(where) + " ORDER BY j.receivedOn DESC, j.id DESC", Job.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(j) FROM Job j" + Values.where(where), Long.class);
            params.forEach((k, v) -> {
                q.setParameter(k, v);
                count.setParameter(k, v);
            });
            List<Job> jobs = q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
            return new Page<>(views(em, jobs), count.getSingleResult(), page.offset(), page.limit());
        });
    }

    /**
     * One job.
     *
     * @param id the job
     * @return the job
     */
    public JobView get(long id) {
        return tx.read(em -> views(em, List.of(find(em, id))).get(0));
    }

    /**
     * Takes a job from a partner. A priority job counts against the partner's yearly quota; the
     * partner's row is locked while it is counted.
     *
     * @param in the job
     * @param actor who records it
     * @return the job
     * @throws ProblemException 422 for an unknown or inactive partner, or a quota used up
     */
    public JobView create(JobInput in, String actor) {
        List<String> skills = check(in);
        return tx.write(em -> {
            Job j = new Job();
            j.setReceivedOn(in.receivedOn() != null ? in.receivedOn() : tx.today());
            j.setFiscalYear(FiscalYear.of(j.receivedOn()).startYear());
            Partner partner = PartnerService.lock(em, in.partnerId(), "partnerId");
            if (!partner.active()) {
                throw ProblemException.unprocessable("partnerId", "partner " + partner.id() + " is inactive");
            }
            j.setPriority(Boolean.TRUE.equals(in.priority()));
            if (j.priority()) {
                requireQuota(em, partner, j.fiscalYear());
            }
            apply(j, in, skills);
            j.setStatus(JobStatus.OPEN);
            j.setCreatedBy(actor);
            j.setCreatedAt(tx.now());
            j.setUpdatedAt(tx.now());
            em.persist(j);
            em.flush();
            return views(em, List.of(j)).get(0);
        });
    }

    /**
     * Changes a job that is still open or introduced. Terms already offered in introductions stay
     * as they were offered.
     *
     * @param id the job
     * @param in all fields
     * @return the job
     * @throws ProblemException 409 once contracted, or when the version is not the current one
     */
    public JobView update(long id, JobInput in) {
        List<String> skills = check(in);
        return tx.write(em -> {
            Job j = lock(em, id);
            if (in.version() != null && in.version() != j.version()) {
                throw ProblemException.conflict("Job " + id + " was changed by someone else (version " + j.version()
                        + ", you sent " + in.version() + "); load it again");
            }
            if (!j.status().introducible()) {
                throw ProblemException.conflict("Job " + id + " is " + j.status() + "; only open or introduced jobs can be changed");
            }
            if (in.partnerId() != j.partnerId()) {
                if (j.status() != JobStatus.OPEN) {
                    throw ProblemException.conflict("Job " + id + " was introduced already; its partner cannot change");
                }
                Partner partner = PartnerService.lock(em, in.partnerId(), "partnerId");
                if (j.priority() || Boolean.TRUE.equals(in.priority())) {
                    requireQuota(em, partner, j.fiscalYear());
                }
            }
            boolean priority = Boolean.TRUE.equals(in.priority());
            if (priority && !j.priority() && in.partnerId() == j.partnerId()) {
                requireQuota(em, PartnerService.lock(em, in.partnerId(), "partnerId"), j.fiscalYear());
            }
            j.setPriority(priority);
            if (in.receivedOn() != null) {
                j.setReceivedOn(in.receivedOn());
                j.setFiscalYear(FiscalYear.of(in.receivedOn()).startYear());
            }
            apply(j, in, skills);
            j.setUpdatedAt(tx.now());
            em.flush();
            return views(em, List.of(j)).get(0);
        });
    }

    /**
     * Closes a job: a paid job when its work is done, or an open or introduced job nobody took
     * (its pending introductions are withdrawn).
     *
     * @param id the job
     * @param reason why, or {@code null}
     * @param actor who closes it
     * @return the job
     * @throws ProblemException 409 while contracts are in progress or unpaid, or when closed already
     */
    public JobView close(long id, String reason, String actor) {
        return tx.write(em -> {
            Job j = lock(em, id);
            if (j.status() == JobStatus.CLOSED) {
                throw ProblemException.conflict("Job " + id + " is closed already");
            }
            if (!j.status().canMoveTo(JobStatus.CLOSED)) {
                throw ProblemException.conflict("Job " + id + " is " + j.status()
                        + "; it can be closed once every contract is paid (or cancelled)");
            }
            for (Introduction i : em.createQuery("SELECT i FROM Introduction i WHERE i.jobId = :j AND i.status IN :live",
                    Introduction.class).setParameter("j", id).setParameter("live", IntroductionStatus.LIVE)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()) {
                log.transition(em, i, IntroductionAction.WITHDRAW, actor, null, "job closed", null);
            }
            move(j, JobStatus.CLOSED, tx.now());
            j.setClosedReason(Values.blank(reason));
            em.flush();
            return views(em, List.of(j)).get(0);
        });
    }

    // ---- shared with the other services

    /**
     * A job, or 404.
     *
     * @param em the entity manager
     * @param id the job
     * @return the job
     */
    static Job find(EntityManager em, long id) {
        Job j = em.find(Job.class, id);
        if (j == null) {
            throw ProblemException.notFound("job", id);
        }
        return j;
    }

    /**
     * Locks a job's row for the rest of the transaction.
     *
     * @param em the entity manager
     * @param id the job
     * @return the job
     */
    static Job lock(EntityManager em, long id) {
        Job j = em.find(Job.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (j == null) {
            throw ProblemException.notFound("job", id);
        }
        return j;
    }

    /**
     * Moves a job to a status.
     *
     * @param j the job (locked)
     * @param to the status
     * @param now now (UTC)
     * @throws ProblemException 409 when the move is not allowed
     */
    static void move(Job j, JobStatus to, LocalDateTime now) {
        if (j.status() == to) {
            return;
        }
        if (!j.status().canMoveTo(to)) {
            throw ProblemException.conflict("Job " + j.id() + " cannot go from " + j.status() + " to " + to);
        }
        j.setStatus(to);
        j.setUpdatedAt(now);
    }

    /**
     * Brings a job's status in line with its contracts after one of them changed: in progress
     * while any contract is active, delivered when all are delivered or paid, paid when all are
     * paid, back to introduced when none is left.
     *
     * @param em the entity manager
     * @param j the job (locked)
     * @param now now (UTC)
     */
    static void follow(EntityManager em, Job j, LocalDateTime now) {
        Map<ContractStatus, Long> counts = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT c.status, COUNT(c) FROM Contract c WHERE c.jobId = :j GROUP BY c.status",
                Object[].class).setParameter("j", j.id()).getResultList()) {
            counts.put((ContractStatus) row[0], ((Number) row[1]).longValue());
        }
        long active = counts.getOrDefault(ContractStatus.ACTIVE, 0L);
        long delivered = counts.getOrDefault(ContractStatus.DELIVERED, 0L);
        long paid = counts.getOrDefault(ContractStatus.PAID, 0L);
        JobStatus target;
        if (active > 0) {
            target = JobStatus.CONTRACTED;
        } else if (delivered > 0) {
            target = JobStatus.DELIVERED;
        } else if (paid > 0) {
            target = JobStatus.PAID;
        } else {
            target = JobStatus.INTRODUCED;
        }
        move(j, target, now);
    }

    /**
     * The whole pay of the job (fixed, or per unit times the volume).
     *
     * @param j the job
     * @return yen
     */
    static long totalPay(Job j) {
        return j.payType() == PayType.FIXED ? j.payYen() : j.payYen() * j.volume();
    }

    /**
     * The pay for part of a job.
     *
     * @param j the job
     * @param units how many units
     * @return yen: per unit times units, or the fixed pay pro rata (rounded down) for part of the volume
     */
    static long payFor(Job j, int units) {
        if (j.payType() == PayType.PER_UNIT) {
            return j.payYen() * units;
        }
        return units >= j.volume() ? j.payYen() : j.payYen() * units / j.volume();
    }

    /**
     * Hours per unit of the job.
     *
     * @param j the job
     * @return hours
     */
    static double hoursPerUnit(Job j) {
        return j.effortUnit().hours(j.effortTenths() / 10.0);
    }

    /**
     * What matching needs of a job.
     *
     * @param j the job
     * @param today the day of the ranking
     * @return the profile
     */
    static JobProfile profile(Job j, LocalDate today) {
        List<TimeWindow> windows = Values.split(j.windows(), TimeWindow::valueOf);
        return new JobProfile(Values.split(j.skills(), s -> s), j.workMode(), hoursPerUnit(j) * j.volume(), j.startDate(),
                j.deadline(), Values.dates(j.fixedDates()), windows.isEmpty() ? Set.of() : EnumSet.copyOf(windows), today);
    }

    /**
     * Views of jobs, with their partners' names and counts read once for the whole list.
     *
     * @param em the entity manager
     * @param jobs the jobs
     * @return the views, in the same order
     */
    static List<JobView> views(EntityManager em, List<Job> jobs) {
        if (jobs.isEmpty()) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        List<Long> partnerIds = new ArrayList<>();
        for (Job j : jobs) {
            ids.add(j.id());
            partnerIds.add(j.partnerId());
        }
        Map<Long, String> partners = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT p.id, p.name FROM Partner p WHERE p.id IN :ids", Object[].class)
                .setParameter("ids", partnerIds).getResultList()) {
            partners.put((Long) row[0], (String) row[1]);
        }
        Map<Long, Long> introductions = counts(em, "SELECT i.jobId, COUNT(i) FROM Introduction i WHERE i.jobId IN :ids GROUP BY i.jobId", ids);
        Map<Long, Long> contracts = counts(em, "SELECT c.jobId, COUNT(c) FROM Contract c WHERE c.jobId IN :ids AND c.status <> :cancelled GROUP BY c.jobId", ids);
        List<JobView> views = new ArrayList<>();
        for (Job j : jobs) {
            List<Dto.SkillView> skills = new ArrayList<>();
            for (String s : Values.split(j.skills(), s -> s)) {
                skills.add(new Dto.SkillView(s, Values.skillLabel(s), org.freelanceisland.platform.api.people.SkillVocabulary.isCurated(s)));
            }
            List<TimeWindow> windows = Values.split(j.windows(), TimeWindow::valueOf);
            double perUnit = hoursPerUnit(j);
            views.add(new JobView(j.id(), j.partnerId(), partners.get(j.partnerId()), LocalizedText.of(j.titleJa(), j.titleEn()),
                    j.description(), skills, j.volume(), Values.text(j.unitJa(), j.unitEn()),
                    new Dto.EffortView(BigDecimal.valueOf(j.effortTenths(), 1).stripTrailingZeros(), j.effortUnit(), perUnit,
                            perUnit * j.volume()),
                    new Dto.ScheduleView(j.startDate(), j.deadline(), Values.dates(j.fixedDates()),
                            windows.isEmpty() ? Set.of() : EnumSet.copyOf(windows), j.workMode(), j.workMode().label(), j.location()),
                    new Dto.PayView(j.payType(), j.payType().label(), j.payYen(), totalPay(j)), j.priority(), j.receivedOn(),
                    j.fiscalYear(), j.status(), j.status().label(), j.closedReason(), introductions.getOrDefault(j.id(), 0L),
                    contracts.getOrDefault(j.id(), 0L), j.version(), j.createdBy(), Tx.instant(j.createdAt()),
                    Tx.instant(j.updatedAt())));
        }
        return views;
    }

    private static Map<Long, Long> counts(EntityManager em, String jpql, Collection<Long> ids) {
        TypedQuery<Object[]> q = em.createQuery(jpql, Object[].class).setParameter("ids", ids);
        if (jpql.contains(":cancelled")) {
            q.setParameter("cancelled", ContractStatus.CANCELLED);
        }
        Map<Long, Long> out = new HashMap<>();
        for (Object[] row : q.getResultList()) {
            out.put((Long) row[0], ((Number) row[1]).longValue());
        }
        return out;
    }

    private static void requireQuota(EntityManager em, Partner partner, int fiscalYear) {
        if (partner.priorityQuota() == null || partner.priorityQuota() == 0) {
            throw ProblemException.unprocessable("priority", "partner " + partner.id() + " has no priority allocation quota");
        }
        int used = PartnerService.priorityUsed(em, partner.id(), fiscalYear);
        if (used >= partner.priorityQuota()) {
            throw ProblemException.unprocessable("priority", "partner " + partner.id() + " allocated its " + partner.priorityQuota()
                    + " priority jobs of fiscal year " + fiscalYear + " already");
        }
    }

    private static List<String> check(JobInput in) {
        List<String> skills = Values.skills("skills", in.skills());
        Dto.ScheduleInput s = in.schedule();
        if (s.start() != null && s.deadline() != null && s.deadline().isBefore(s.start())) {
            throw ProblemException.invalid("schedule.deadline", "must not be before schedule.start");
        }
        if (s.fixedDates() != null) {
            for (LocalDate d : s.fixedDates()) {
                if ((s.start() != null && d.isBefore(s.start())) || (s.deadline() != null && d.isAfter(s.deadline()))) {
                    throw ProblemException.invalid("schedule.fixedDates", d + " is outside the schedule's start and deadline");
                }
            }
        }
        BigDecimal tenths = in.effort().value().movePointRight(1);
        if (tenths.stripTrailingZeros().scale() > 0) {
            throw ProblemException.invalid("effort.value", "at most one decimal (for example 2.5)");
        }
        return skills;
    }

    private static void apply(Job j, JobInput in, List<String> skills) {
        j.setPartnerId(in.partnerId());
        j.setTitleJa(in.title().ja().strip());
        j.setTitleEn(Values.blank(in.title().en()));
        j.setDescription(Values.blank(in.description()));
        j.setSkills(Values.join(skills, s -> s));
        j.setVolume(in.volume());
        j.setUnitJa(in.unit() == null ? null : Values.blank(in.unit().ja()));
        j.setUnitEn(in.unit() == null ? null : Values.blank(in.unit().en()));
        j.setEffortTenths(in.effort().value().movePointRight(1).intValueExact());
        j.setEffortUnit(in.effort().unit());
        Dto.ScheduleInput s = in.schedule();
        j.setWorkMode(s.workMode());
        j.setLocation(Values.blank(s.location()));
        j.setStartDate(s.start());
        j.setDeadline(s.deadline());
        j.setFixedDates(s.fixedDates() == null ? null : Values.join(s.fixedDates().stream().distinct().sorted().toList(), LocalDate::toString));
        j.setWindows(s.windows() == null || s.windows().isEmpty() ? null
                : Values.join(EnumSet.copyOf(s.windows()), TimeWindow::name));
        j.setPayType(in.pay().type());
        j.setPayYen(in.pay().yen());
    }
}
