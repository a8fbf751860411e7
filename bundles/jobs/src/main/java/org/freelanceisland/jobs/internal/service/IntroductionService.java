package org.freelanceisland.jobs.internal.service;

import org.freelanceisland.platform.persistence.Tx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

import org.freelanceisland.jobs.internal.model.Channel;
import org.freelanceisland.jobs.internal.model.Introduction;
import org.freelanceisland.jobs.internal.model.IntroductionAction;
import org.freelanceisland.jobs.internal.model.IntroductionStatus;
import org.freelanceisland.jobs.internal.model.Job;
import org.freelanceisland.jobs.internal.model.JobStatus;
import org.freelanceisland.jobs.internal.model.Team;
import org.freelanceisland.jobs.internal.model.TeamMember;
import org.freelanceisland.jobs.internal.service.Dto.IntroduceInput;
import org.freelanceisland.jobs.internal.service.Dto.IntroductionView;
import org.freelanceisland.jobs.internal.service.Dto.ProposalInput;
import org.freelanceisland.jobs.internal.service.Dto.SplitInput;
import org.freelanceisland.jobs.internal.service.Dto.TermsView;
import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * Introductions of jobs to freelancers, and the freelancers' answers.
 *
 * <p>Freelancers have no accounts yet: staff and coordinators record each answer as the freelancer
 * gave it (by phone, e-mail, message, in person), and the history keeps who recorded what and how it
 * came. The coordinator decides on counter-proposals and may withdraw an introduction. Every step
 * locks the introduction's row; introducing locks the job's row, so a job is never introduced twice
 * to the same person and its status moves once.
 */
public final class IntroductionService {

    /** Ledger type of an introduction. */
    public static final String INTRODUCED = "jobs.introduced";

    private final Tx tx;
    private final People people;
    private final ActivityLedger ledger;
    private final IntroductionLog log;

    /**
     * Creates the service.
     *
     * @param tx the unit-of-work runner
     * @param people the people registry
     * @param ledger the activity ledger
     * @param log writes introduction history
     */
    public IntroductionService(Tx tx, People people, ActivityLedger ledger, IntroductionLog log) {
        this.tx = tx;
        this.people = people;
        this.ledger = ledger;
        this.log = log;
    }

    /**
     * Introduces a job to people one by one, or to a team. Each person gets an introduction with
     * the terms offered; a team's members get their share of the pay and their role.
     *
     * @param jobId the job
     * @param in whom, and on what terms
     * @param actor the coordinator
     * @return the new introductions
     * @throws ProblemException 400 unless exactly one of people and team is given; 422 for people who
     *         may not be offered jobs or a split that does not add up; 409 when the job is past
     *         introducing or a person was introduced to it already
     */
    public List<IntroductionView> introduce(long jobId, IntroduceInput in, String actor) {
        boolean byPeople = in.personIds() != null && !in.personIds().isEmpty();
        if (byPeople == (in.teamId() != null)) {
            throw ProblemException.invalid("personIds", "give either personIds or teamId");
        }
        if (in.split() != null && !in.split().isEmpty() && byPeople) {
            throw ProblemException.invalid("split", "a pay split is for a team");
        }
        Job before = tx.read(em -> JobService.find(em, jobId));
        List<String> personIds = new ArrayList<>();
        List<TeamMember> members = List.of();
        if (byPeople) {
            Set<String> distinct = new LinkedHashSet<>();
            for (String p : in.personIds()) {
                distinct.add(p.strip());
            }
            personIds.addAll(distinct);
        } else {
            members = tx.read(em -> {
                Team team = TeamService.find(em, in.teamId(), "teamId");
                if (!team.active()) {
                    throw ProblemException.unprocessable("teamId", "team " + team.id() + " is inactive");
                }
                return TeamService.members(em, team.id());
            });
            for (TeamMember m : members) {
                personIds.add(m.personId());
            }
        }
        for (int k = 0; k < personIds.size(); k++) {
            people.requireJobSeeker(byPeople ? "personIds[" + k + "]" : "teamId", personIds.get(k));
        }
        int units = in.units() != null ? in.units() : before.volume();
        if (units > before.volume()) {
            throw ProblemException.unprocessable("units", "the job has " + before.volume() + " units; " + units + " cannot be offered");
        }
        List<Long> shares = byPeople ? null : shares(members, JobService.payFor(before, units), in.split());
        List<TeamMember> team = members;
        List<IntroductionView> created = tx.write(em -> {
            Job job = JobService.lock(em, jobId);
            if (!job.status().introducible()) {
                throw ProblemException.conflict("Job " + jobId + " is " + job.status() + "; it can no longer be introduced");
            }
            Map<String, Introduction> existing = new HashMap<>();
            for (Introduction i : em.createQuery("SELECT i FROM Introduction i WHERE i.jobId = :j AND i.personId IN :p",
                    Introduction.class).setParameter("j", jobId).setParameter("p", personIds).getResultList()) {
                existing.put(i.personId(), i);
            }
            if (!existing.isEmpty()) {
                Introduction i = existing.values().iterator().next();
                throw ProblemException.conflict("Job " + jobId + " was introduced to person " + i.personId() + " already (introduction "
                        + i.id() + ", " + i.status() + ")");
            }
            int volumeUnits = Math.min(units, job.volume());
            long pay = JobService.payFor(job, volumeUnits);
            List<Introduction> made = new ArrayList<>();
            for (int k = 0; k < personIds.size(); k++) {
                Introduction i = new Introduction();
                i.setJobId(jobId);
                i.setPersonId(personIds.get(k));
                i.setStatus(IntroductionStatus.OFFERED);
                String scope = job.titleJa() + (job.unitJa() != null ? "（" + volumeUnits + job.unitJa() + "）" : "");
                if (shares != null) {
                    TeamMember m = team.get(k);
                    i.setTeamId(m.teamId());
                    i.setRole(m.role());
                    scope = scope + "：" + m.role();
                    i.setOfferedPayYen(shares.get(k));
                } else {
                    i.setOfferedPayYen(pay);
                }
                i.setOfferedScope(scope);
                i.setOfferedUnits(volumeUnits);
                i.setOfferedDueDate(job.deadline());
                i.setNote(Values.blank(in.note()));
                i.setCreatedBy(actor);
                i.setCreatedAt(tx.now());
                i.setUpdatedAt(tx.now());
                em.persist(i);
                em.flush();
                log.offered(em, i, actor, in.note(), offered(i));
                made.add(i);
            }
            JobService.move(job, JobStatus.INTRODUCED, tx.now());
            em.flush();
            for (Introduction i : made) {
                ledger.record(ActivityEvent.builder("jobs:introduction:" + i.id() + ":introduced", INTRODUCED,
                        Tx.instant(i.createdAt()))
                        .person(i.personId())
                        .attribute("job", Long.toString(jobId))
                        .attribute("partner", Long.toString(job.partnerId()))
                        .build());
            }
            List<IntroductionView> views = new ArrayList<>();
            for (Introduction i : made) {
                views.add(view(em, i, job, null, false));
            }
            return views;
        });
        return withNames(created);
    }

    /**
     * The freelancer accepts the terms offered (recorded by staff).
     *
     * @param id the introduction
     * @param channel how the answer came
     * @param note a note
     * @param actor who records it
     * @return the introduction
     */
    public IntroductionView accept(long id, Channel channel, String note, String actor) {
        return act(id, IntroductionAction.ACCEPT, actor, (em, i, job) -> {
            requireOpenJob(job);
            i.setAgreedScope(i.offeredScope());
            i.setAgreedUnits(i.offeredUnits());
            i.setAgreedPayYen(i.offeredPayYen());
            i.setAgreedDueDate(i.offeredDueDate());
            log.transition(em, i, IntroductionAction.ACCEPT, actor, channel, note, agreed(i));
        });
    }

    /**
     * The freelancer declines (recorded by staff).
     *
     * @param id the introduction
     * @param channel how the answer came
     * @param reason why, optional
     * @param actor who records it
     * @return the introduction
     */
    public IntroductionView decline(long id, Channel channel, String reason, String actor) {
        return act(id, IntroductionAction.DECLINE, actor,
                (em, i, job) -> log.transition(em, i, IntroductionAction.DECLINE, actor, channel, reason, null));
    }

    /**
     * The freelancer proposes what they would rather do (recorded by staff). A new proposal
     * replaces a pending one; fields left out keep the offered terms.
     *
     * @param id the introduction
     * @param in the proposal
     * @param actor who records it
     * @return the introduction
     * @throws ProblemException 400 when the proposal changes nothing
     */
    public IntroductionView propose(long id, ProposalInput in, String actor) {
        String scope = Values.blank(in.scope());
        if (scope == null && in.units() == null && in.dueDate() == null && in.payYen() == null) {
            throw ProblemException.invalid("scope", "a proposal changes at least one of scope, units, dueDate and payYen");
        }
        return act(id, IntroductionAction.PROPOSE, actor, (em, i, job) -> {
            requireOpenJob(job);
            i.setProposedScope(scope);
            i.setProposedUnits(in.units());
            i.setProposedPayYen(in.payYen());
            i.setProposedDueDate(in.dueDate());
            log.transition(em, i, IntroductionAction.PROPOSE, actor, in.channel(), in.note(),
                    new TermsView(scope, in.units(), in.payYen(), in.dueDate()));
        });
    }

    /**
     * The coordinator accepts the pending proposal: the agreed terms are the offer changed by it.
     *
     * @param id the introduction
     * @param reason a note
     * @param actor the coordinator
     * @return the introduction
     */
    public IntroductionView acceptProposal(long id, String reason, String actor) {
        return act(id, IntroductionAction.ACCEPT_PROPOSAL, actor, (em, i, job) -> {
            requireOpenJob(job);
            i.setAgreedScope(i.proposedScope() != null ? i.proposedScope() : i.offeredScope());
            i.setAgreedUnits(i.proposedUnits() != null ? i.proposedUnits() : i.offeredUnits());
            i.setAgreedPayYen(i.proposedPayYen() != null ? i.proposedPayYen() : i.offeredPayYen());
            i.setAgreedDueDate(i.proposedDueDate() != null ? i.proposedDueDate() : i.offeredDueDate());
            clearProposal(i);
            log.transition(em, i, IntroductionAction.ACCEPT_PROPOSAL, actor, null, reason, agreed(i));
        });
    }

    /**
     * The coordinator rejects the pending proposal; the original offer stands and the freelancer
     * answers again.
     *
     * @param id the introduction
     * @param reason why
     * @param actor the coordinator
     * @return the introduction
     */
    public IntroductionView rejectProposal(long id, String reason, String actor) {
        return act(id, IntroductionAction.REJECT_PROPOSAL, actor, (em, i, job) -> {
            clearProposal(i);
            log.transition(em, i, IntroductionAction.REJECT_PROPOSAL, actor, null, reason, null);
        });
    }

    /**
     * The coordinator withdraws an introduction that is not contracted.
     *
     * @param id the introduction
     * @param reason why
     * @param actor the coordinator
     * @return the introduction
     */
    public IntroductionView withdraw(long id, String reason, String actor) {
        return act(id, IntroductionAction.WITHDRAW, actor,
                (em, i, job) -> log.transition(em, i, IntroductionAction.WITHDRAW, actor, null, reason, null));
    }

    /**
     * One introduction with its history.
     *
     * @param id the introduction
     * @return the introduction
     */
    public IntroductionView get(long id) {
        IntroductionView v = tx.read(em -> {
            Introduction i = find(em, id);
            return view(em, i, JobService.find(em, i.jobId()), null, true);
        });
        return withNames(List.of(v)).get(0);
    }

    /**
     * Lists introductions, newest first.
     *
     * @param jobId only this job's, or {@code null}
     * @param personId only this person's, or {@code null}
     * @param teamId only this team's, or {@code null}
     * @param status only this status, or {@code null}
     * @param page the window
     * @return the page
     */
    public Page<IntroductionView> list(Long jobId, String personId, Long teamId, IntroductionStatus status, PageRequest page) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        if (jobId != null) {
            where.append(" AND i.jobId = :job");
            params.put("job", jobId);
        }
        if (personId != null) {
            where.append(" AND i.personId = :person");
            params.put("person", personId);
        }
        if (teamId != null) {
            where.append(" AND i.teamId = :team");
            params.put("team", teamId);
        }
        if (status != null) {
            where.append(" AND i.status = :status");
            params.put("status", status);
        }
        Page<IntroductionView> page0 = tx.read(em -> {
            TypedQuery<Introduction> q = em.createQuery("SELECT i FROM Introduction i" + Values.where(where)
                    + " ORDER BY i.createdAt DESC, i.id DESC", Introduction.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(i) FROM Introduction i" + Values.where(where), Long.class);
            params.forEach((k, v) -> {
                q.setParameter(k, v);
                count.setParameter(k, v);
            });
            List<Introduction> found = q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
            Map<Long, Job> jobs = new HashMap<>();
            List<IntroductionView> items = new ArrayList<>();
            for (Introduction i : found) {
                Job job = jobs.computeIfAbsent(i.jobId(), k -> em.find(Job.class, k));
                items.add(view(em, i, job, null, false));
            }
            return new Page<>(items, count.getSingleResult(), page.offset(), page.limit());
        });
        return new Page<>(withNames(page0.items()), page0.total(), page0.offset(), page0.limit());
    }

    // ---- shared

    /**
     * An introduction, or 404.
     *
     * @param em the entity manager
     * @param id the introduction
     * @return the introduction
     */
    static Introduction find(EntityManager em, long id) {
        Introduction i = em.find(Introduction.class, id);
        if (i == null) {
            throw ProblemException.notFound("introduction", id);
        }
        return i;
    }

    /**
     * The terms agreed on an introduction.
     *
     * @param i the introduction
     * @return the terms
     */
    static TermsView agreed(Introduction i) {
        return new TermsView(i.agreedScope(), i.agreedUnits(), i.agreedPayYen(), i.agreedDueDate());
    }

    static TermsView offered(Introduction i) {
        return new TermsView(i.offeredScope(), i.offeredUnits(), i.offeredPayYen(), i.offeredDueDate());
    }

    static IntroductionView view(EntityManager em, Introduction i, Job job, String name, boolean history) {
        TermsView proposed = i.status() == IntroductionStatus.PROPOSED
                ? new TermsView(i.proposedScope(), i.proposedUnits(), i.proposedPayYen(), i.proposedDueDate()) : null;
        TermsView agreed = i.agreedScope() == null && i.agreedPayYen() == null && i.agreedDueDate() == null ? null : agreed(i);
        return new IntroductionView(i.id(), i.jobId(), job == null ? null : LocalizedText.of(job.titleJa(), job.titleEn()),
                i.personId(), name, i.teamId(), i.role(), i.status(), i.status().label(), i.status().allowedActions(),
                offered(i), proposed, agreed, i.note(), i.contractId(), i.createdBy(), Tx.instant(i.createdAt()),
                Tx.instant(i.updatedAt()), i.version(), history ? IntroductionLog.history(em, i.id()) : null);
    }

    // ---- internals

    private interface Step {
        void apply(EntityManager em, Introduction i, Job job);
    }

    private IntroductionView act(long id, IntroductionAction action, String actor, Step step) {
        IntroductionView v = tx.write(em -> {
            Introduction i = em.find(Introduction.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (i == null) {
                throw ProblemException.notFound("introduction", id);
            }
            Job job = JobService.find(em, i.jobId());
            step.apply(em, i, job);
            em.flush();
            return view(em, i, job, null, true);
        });
        return withNames(List.of(v)).get(0);
    }

    private static void requireOpenJob(Job job) {
        if (job.status() == JobStatus.CLOSED) {
            throw ProblemException.conflict("Job " + job.id() + " is closed");
        }
    }

    private static void clearProposal(Introduction i) {
        i.setProposedScope(null);
        i.setProposedUnits(null);
        i.setProposedPayYen(null);
        i.setProposedDueDate(null);
    }

    private static List<Long> shares(List<TeamMember> members, long total, List<SplitInput> split) {
        if (split == null || split.isEmpty()) {
            List<Integer> percents = new ArrayList<>();
            for (TeamMember m : members) {
                percents.add(m.sharePercent());
            }
            return PaySplit.byPercent(total, percents);
        }
        Map<String, Long> byPerson = new HashMap<>();
        for (int k = 0; k < split.size(); k++) {
            if (byPerson.put(split.get(k).personId().strip(), split.get(k).payYen()) != null) {
                throw ProblemException.invalid("split[" + k + "].personId", "named twice");
            }
        }
        Set<String> memberIds = new HashSet<>();
        List<Long> amounts = new ArrayList<>();
        for (TeamMember m : members) {
            memberIds.add(m.personId());
            Long yen = byPerson.get(m.personId());
            if (yen == null) {
                throw ProblemException.unprocessable("split", "member " + m.personId() + " (" + m.role() + ") has no share");
            }
            amounts.add(yen);
        }
        for (String p : byPerson.keySet()) {
            if (!memberIds.contains(p)) {
                throw ProblemException.unprocessable("split", "person " + p + " is not a member of the team");
            }
        }
        if (!PaySplit.addsUp(total, amounts)) {
            long sum = amounts.stream().mapToLong(Long::longValue).sum();
            throw ProblemException.unprocessable("split", "the shares add up to " + sum + " yen, not the " + total + " yen offered");
        }
        return amounts;
    }

    private List<IntroductionView> withNames(List<IntroductionView> views) {
        Set<String> ids = new HashSet<>();
        for (IntroductionView v : views) {
            ids.add(v.personId());
        }
        Map<String, String> names = people.names(ids);
        List<IntroductionView> out = new ArrayList<>();
        for (IntroductionView v : views) {
            out.add(new IntroductionView(v.id(), v.jobId(), v.jobTitle(), v.personId(), names.get(v.personId()), v.teamId(),
                    v.role(), v.status(), v.statusLabel(), v.allowedActions(), v.offered(), v.proposed(), v.agreed(), v.note(),
                    v.contractId(), v.createdBy(), v.createdAt(), v.updatedAt(), v.version(), v.history()));
        }
        return out;
    }
}
