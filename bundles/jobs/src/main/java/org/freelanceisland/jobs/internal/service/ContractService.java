package org.freelanceisland.jobs.internal.service;

import org.freelanceisland.platform.persistence.Tx;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

import org.freelanceisland.jobs.internal.model.Contract;
import org.freelanceisland.jobs.internal.model.ContractStatus;
import org.freelanceisland.jobs.internal.model.Introduction;
import org.freelanceisland.jobs.internal.model.IntroductionAction;
import org.freelanceisland.jobs.internal.model.IntroductionStatus;
import org.freelanceisland.jobs.internal.model.Job;
import org.freelanceisland.jobs.internal.model.JobStatus;
import org.freelanceisland.jobs.internal.service.Dto.ContractView;
import org.freelanceisland.jobs.internal.service.Dto.FlagView;
import org.freelanceisland.jobs.internal.service.Dto.TermsInput;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * Contracts made from accepted introductions, their written terms, delivery and payment, and the
 * Freelance Act checks ({@link FreelanceAct}). Each change locks the job's row and then the
 * contract's, the same order as every other change of a job, so the job's status follows its
 * contracts exactly.
 */
public final class ContractService {

    /** Ledger type of a contract made. */
    public static final String CONTRACTED = "jobs.contracted";
    /** Ledger type of a payment. */
    public static final String PAID = "jobs.paid";

    private static final String FLAGGED = " AND c.status <> :cancelled AND (c.termsIssuedOn IS NULL OR c.scope IS NULL"
            + " OR c.payYen IS NULL OR c.dueDate IS NULL OR c.paymentDueDate IS NULL OR c.paymentDueDate > c.paymentLimit"
            + " OR (c.status = :delivered AND (c.paymentLimit < :today OR c.paymentDueDate < :today))"
            + " OR (c.status = :paid AND (c.paidOn > c.paymentLimit OR c.paidAmountYen < c.payYen)))";

    private final Tx tx;
    private final People people;
    private final ActivityLedger ledger;
    private final IntroductionLog log;

    /**
     * Creates the service.
     *
     * @param tx the unit-of-work runner
     * @param people the people registry (names)
     * @param ledger the activity ledger
     * @param log writes introduction history
     */
    public ContractService(Tx tx, People people, ActivityLedger ledger, IntroductionLog log) {
        this.tx = tx;
        this.people = people;
        this.ledger = ledger;
        this.log = log;
    }

    /**
     * Makes the contract of an accepted introduction. Terms left out are taken from the agreed
     * terms; terms still missing (and terms not yet given in writing) are flagged.
     *
     * @param introductionId the introduction
     * @param in the written terms
     * @param actor the coordinator
     * @return the contract
     * @throws ProblemException 409 unless the introduction is accepted and the job is introduced or contracted
     */
    public ContractView contract(long introductionId, TermsInput in, String actor) {
        Introduction before = tx.read(em -> IntroductionService.find(em, introductionId));
        ContractView v = tx.write(em -> {
            Job job = JobService.lock(em, before.jobId());
            Introduction i = em.find(Introduction.class, introductionId, LockModeType.PESSIMISTIC_WRITE);
            if (i.status() != IntroductionStatus.ACCEPTED) {
                throw ProblemException.conflict("Introduction " + introductionId + " is " + i.status()
                        + "; a contract is made once the freelancer accepted (or a proposal was accepted)");
            }
            if (job.status() != JobStatus.INTRODUCED && job.status() != JobStatus.CONTRACTED) {
                throw ProblemException.conflict("Job " + job.id() + " is " + job.status() + "; no new contract can be made for it");
            }
            Contract c = new Contract();
            c.setJobId(job.id());
            c.setIntroductionId(i.id());
            c.setPersonId(i.personId());
            c.setTeamId(i.teamId());
            c.setRole(i.role());
            c.setScope(Values.blank(in.scope()) != null ? Values.blank(in.scope()) : i.agreedScope());
            c.setUnits(in.units() != null ? in.units() : i.agreedUnits());
            c.setPayYen(in.payYen() != null ? in.payYen() : i.agreedPayYen());
            c.setDueDate(in.dueDate() != null ? in.dueDate() : i.agreedDueDate());
            c.setPaymentDueDate(in.paymentDueDate());
            c.setTermsIssuedOn(in.termsIssuedOn());
            checkDates(c);
            c.setPaymentLimit(FreelanceAct.paymentLimit(c.dueDate()));
            c.setStatus(ContractStatus.ACTIVE);
            c.setCreatedBy(actor);
            c.setCreatedAt(tx.now());
            c.setUpdatedAt(tx.now());
            em.persist(c);
            em.flush();
            i.setContractId(c.id());
            log.transition(em, i, IntroductionAction.CONTRACT, actor, null, null,
                    new Dto.TermsView(c.scope(), c.units(), c.payYen(), c.dueDate()));
            JobService.move(job, JobStatus.CONTRACTED, tx.now());
            em.flush();
            ActivityEvent.Builder event = ActivityEvent.builder("jobs:contract:" + c.id() + ":contracted", CONTRACTED,
                    Tx.instant(c.createdAt())).person(c.personId())
                    .attribute("job", Long.toString(job.id())).attribute("contract", Long.toString(c.id()));
            if (c.payYen() != null) {
                event.amountYen(c.payYen());
            }
            ledger.record(event.build());
            return view(c, job, null);
        });
        return withNames(List.of(v)).get(0);
    }

    /**
     * Amends the written terms of a contract not yet paid: fields given replace the current ones.
     *
     * @param id the contract
     * @param in the terms to change
     * @return the contract
     * @throws ProblemException 409 once paid or cancelled, or when the version is not the current one
     */
    public ContractView amend(long id, TermsInput in) {
        return change(id, (em, c, job) -> {
            if (c.status() != ContractStatus.ACTIVE && c.status() != ContractStatus.DELIVERED) {
                throw ProblemException.conflict("Contract " + id + " is " + c.status() + "; its terms can no longer change");
            }
            if (in.version() != null && in.version() != c.version()) {
                throw ProblemException.conflict("Contract " + id + " was changed by someone else (version " + c.version()
                        + ", you sent " + in.version() + "); load it again");
            }
            if (Values.blank(in.scope()) != null) {
                c.setScope(Values.blank(in.scope()));
            }
            if (in.units() != null) {
                c.setUnits(in.units());
            }
            if (in.payYen() != null) {
                c.setPayYen(in.payYen());
            }
            if (in.dueDate() != null) {
                c.setDueDate(in.dueDate());
            }
            if (in.paymentDueDate() != null) {
                c.setPaymentDueDate(in.paymentDueDate());
            }
            if (in.termsIssuedOn() != null) {
                c.setTermsIssuedOn(in.termsIssuedOn());
            }
            checkDates(c);
            c.setPaymentLimit(FreelanceAct.paymentLimit(c.deliveredOn() != null ? c.deliveredOn() : c.dueDate()));
        });
    }

    /**
     * Records the delivery of a contract's work.
     *
     * @param id the contract
     * @param deliveredOn the day the work was received
     * @param note a note
     * @return the contract
     * @throws ProblemException 409 unless the contract is in progress; 422 for a day in the future
     */
    public ContractView deliver(long id, LocalDate deliveredOn, String note) {
        return change(id, (em, c, job) -> {
            if (c.status() != ContractStatus.ACTIVE) {
                throw ProblemException.conflict("Contract " + id + " is " + c.status() + "; only a contract in progress is delivered");
            }
            if (deliveredOn.isAfter(tx.today())) {
                throw ProblemException.unprocessable("deliveredOn", "must not be in the future");
            }
            c.setStatus(ContractStatus.DELIVERED);
            c.setDeliveredOn(deliveredOn);
            c.setDeliveryNote(Values.blank(note));
            c.setPaymentLimit(FreelanceAct.paymentLimit(deliveredOn));
            em.flush();
            JobService.follow(em, job, tx.now());
        });
    }

    /**
     * Records the payment of a delivered contract; the ledger counts it as the freelancer's
     * earnings in the fiscal year of the payment ({@code jobs.paid}).
     *
     * @param id the contract
     * @param paidOn the day of payment
     * @param amountYen the amount, or {@code null} for the contract's pay
     * @return the contract
     * @throws ProblemException 409 unless delivered; 422 for a day in the future or before delivery
     */
    public ContractView pay(long id, LocalDate paidOn, Long amountYen) {
        return change(id, (em, c, job) -> {
            if (c.status() == ContractStatus.ACTIVE) {
                throw ProblemException.conflict("Contract " + id + " is not delivered yet; record the delivery first");
            }
            if (c.status() != ContractStatus.DELIVERED) {
                throw ProblemException.conflict("Contract " + id + " is " + c.status() + "; it cannot be paid");
            }
            if (paidOn.isAfter(tx.today())) {
                throw ProblemException.unprocessable("paidOn", "must not be in the future");
            }
            if (paidOn.isBefore(c.deliveredOn())) {
                throw ProblemException.unprocessable("paidOn", "must not be before the delivery on " + c.deliveredOn());
            }
            Long amount = amountYen != null ? amountYen : c.payYen();
            if (amount == null) {
                throw ProblemException.unprocessable("amountYen", "the contract states no pay, so give the amount paid");
            }
            c.setStatus(ContractStatus.PAID);
            c.setPaidOn(paidOn);
            c.setPaidAmountYen(amount);
            FiscalYear year = FiscalYear.of(paidOn);
            c.setPaidFiscalYear(year.startYear());
            em.flush();
            JobService.follow(em, job, tx.now());
            ledger.record(ActivityEvent.builder("jobs:contract:" + c.id() + ":paid", PAID,
                    paidOn.atTime(12, 0).atZone(FiscalYear.ISLAND_ZONE).toInstant())
                    .person(c.personId()).fiscalYear(year).amountYen(amount)
                    .attribute("job", Long.toString(job.id())).attribute("contract", Long.toString(c.id()))
                    .build());
        });
    }

    /**
     * Cancels a contract in progress. The job goes back to introduced when no other contract is
     * left.
     *
     * @param id the contract
     * @param reason why
     * @return the contract
     */
    public ContractView cancel(long id, String reason) {
        return change(id, (em, c, job) -> {
            if (c.status() != ContractStatus.ACTIVE) {
                throw ProblemException.conflict("Contract " + id + " is " + c.status() + "; only a contract in progress can be cancelled");
            }
            c.setStatus(ContractStatus.CANCELLED);
            c.setCancelledReason(Values.blank(reason));
            em.flush();
            JobService.follow(em, job, tx.now());
        });
    }

    /**
     * One contract.
     *
     * @param id the contract
     * @return the contract
     */
    public ContractView get(long id) {
        ContractView v = tx.read(em -> {
            Contract c = find(em, id);
            return view(c, JobService.find(em, c.jobId()), null);
        });
        return withNames(List.of(v)).get(0);
    }

    /**
     * Lists contracts, newest first.
     *
     * @param status only this status, or {@code null}
     * @param personId only this person's, or {@code null}
     * @param jobId only this job's, or {@code null}
     * @param flagged only contracts with a Freelance Act finding
     * @param page the window
     * @return the page
     */
    public Page<ContractView> list(ContractStatus status, String personId, Long jobId, boolean flagged, PageRequest page) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.append(" AND c.status = :status");
            params.put("status", status);
        }
        if (personId != null) {
            where.append(" AND c.personId = :person");
            params.put("person", personId);
        }
        if (jobId != null) {
            where.append(" AND c.jobId = :job");
            params.put("job", jobId);
        }
        if (flagged) {
            where.append(FLAGGED);
            params.put("cancelled", ContractStatus.CANCELLED);
            params.put("delivered", ContractStatus.DELIVERED);
            params.put("paid", ContractStatus.PAID);
            params.put("today", tx.today());
        }
        Page<ContractView> found = tx.read(em -> {
            TypedQuery<Contract> q = em.createQuery("SELECT c FROM Contract c" + Values.where(where) + " ORDER BY c.createdAt DESC, c.id DESC",
                    Contract.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM Contract c" + Values.where(where), Long.class);
            params.forEach((k, v) -> {
                q.setParameter(k, v);
                count.setParameter(k, v);
            });
            Map<Long, Job> jobs = new HashMap<>();
            List<ContractView> items = new ArrayList<>();
            for (Contract c : q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList()) {
                items.add(view(c, jobs.computeIfAbsent(c.jobId(), k -> em.find(Job.class, k)), null));
            }
            return new Page<>(items, count.getSingleResult(), page.offset(), page.limit());
        });
        return new Page<>(withNames(found.items()), found.total(), found.offset(), found.limit());
    }

    // ---- internals

    private interface Change {
        void apply(EntityManager em, Contract c, Job job);
    }

    private ContractView change(long id, Change change) {
        Contract before = tx.read(em -> find(em, id));
        ContractView v = tx.write(em -> {
            Job job = JobService.lock(em, before.jobId());
            Contract c = em.find(Contract.class, id, LockModeType.PESSIMISTIC_WRITE);
            change.apply(em, c, job);
            c.setUpdatedAt(tx.now());
            em.flush();
            return view(c, job, null);
        });
        return withNames(List.of(v)).get(0);
    }

    static Contract find(EntityManager em, long id) {
        Contract c = em.find(Contract.class, id);
        if (c == null) {
            throw ProblemException.notFound("contract", id);
        }
        return c;
    }

    private void checkDates(Contract c) {
        if (c.termsIssuedOn() != null && c.termsIssuedOn().isAfter(tx.today())) {
            throw ProblemException.unprocessable("termsIssuedOn", "must not be in the future");
        }
    }

    private ContractView view(Contract c, Job job, String name) {
        List<FlagView> flags = new ArrayList<>();
        for (FreelanceAct.Flag f : FreelanceAct.check(c, tx.today())) {
            flags.add(new FlagView(f.code(), f.severity(), f.text()));
        }
        return new ContractView(c.id(), c.jobId(), job == null ? null : LocalizedText.of(job.titleJa(), job.titleEn()),
                c.introductionId(), c.personId(), name, c.teamId(), c.role(), c.scope(), c.units(), c.payYen(), c.dueDate(),
                c.paymentDueDate(), c.termsIssuedOn(), c.status(), c.status().label(), c.deliveredOn(), c.deliveryNote(),
                c.deliveredOn() == null ? null : FreelanceAct.paymentLimit(c.deliveredOn()), c.paidOn(), c.paidAmountYen(),
                c.paidFiscalYear(), c.cancelledReason(), flags, c.createdBy(), Tx.instant(c.createdAt()),
                Tx.instant(c.updatedAt()), c.version());
    }

    private List<ContractView> withNames(List<ContractView> views) {
        Set<String> ids = new HashSet<>();
        for (ContractView v : views) {
            ids.add(v.personId());
        }
        Map<String, String> names = people.names(ids);
        List<ContractView> out = new ArrayList<>();
        for (ContractView v : views) {
            out.add(new ContractView(v.id(), v.jobId(), v.jobTitle(), v.introductionId(), v.personId(), names.get(v.personId()),
                    v.teamId(), v.role(), v.scope(), v.units(), v.payYen(), v.dueDate(), v.paymentDueDate(), v.termsIssuedOn(),
                    v.status(), v.statusLabel(), v.deliveredOn(), v.deliveryNote(), v.paymentDeadline(), v.paidOn(),
                    v.paidAmountYen(), v.paidFiscalYear(), v.cancelledReason(), v.flags(), v.createdBy(), v.createdAt(),
                    v.updatedAt(), v.version()));
        }
        return out;
    }
}
