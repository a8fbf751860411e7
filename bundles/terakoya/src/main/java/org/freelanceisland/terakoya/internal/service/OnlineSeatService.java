package org.freelanceisland.terakoya.internal.service;

import org.freelanceisland.platform.persistence.Tx;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.rest.ProblemException;
import org.freelanceisland.terakoya.internal.model.SeatAllocation;
import org.freelanceisland.terakoya.internal.model.SeatPool;
import org.freelanceisland.terakoya.internal.model.SeatUsage;
import org.freelanceisland.terakoya.internal.service.Dto.AllocateInput;
import org.freelanceisland.terakoya.internal.service.Dto.AllocationView;
import org.freelanceisland.terakoya.internal.service.Dto.PoolInput;
import org.freelanceisland.terakoya.internal.service.Dto.PoolUpdate;
import org.freelanceisland.terakoya.internal.service.Dto.PoolView;
import org.freelanceisland.terakoya.internal.service.Dto.UsageInput;
import org.freelanceisland.terakoya.internal.service.Dto.UsageView;

/**
 * Partner online-learning seats: a yearly pool per partner (the seed: 100 a year), seats given to
 * people (never more than the pool holds: the pool's row is locked while allocating) and their use.
 */
public final class OnlineSeatService {

    /** Ledger type of an allocated seat. */
    public static final String ALLOCATED = "terakoya.online-seat.allocated";

    private final Tx tx;
    private final People people;
    private final ActivityLedger ledger;

    /**
     * Creates the service.
     *
     * @param tx the unit-of-work runner
     * @param people the people registry
     * @param ledger the activity ledger
     */
    public OnlineSeatService(Tx tx, People people, ActivityLedger ledger) {
        this.tx = tx;
        this.people = people;
        this.ledger = ledger;
    }

    /**
     * Creates a partner's pool for a fiscal year.
     *
     * @param in the pool
     * @return the pool
     * @throws ProblemException 409 when the partner already has a pool that year
     */
    public PoolView createPool(PoolInput in) {
        String partner = in.partner().strip();
        return tx.write(em -> {
            long same = em.createQuery("SELECT COUNT(p) FROM SeatPool p WHERE p.fiscalYear = :fy AND p.partner = :p", Long.class)
                    .setParameter("fy", in.fiscalYear().startYear()).setParameter("p", partner).getSingleResult();
            if (same > 0) {
                throw ProblemException.conflict(partner + " already has a seat pool in fiscal year " + in.fiscalYear());
            }
            SeatPool pool = new SeatPool(in.fiscalYear().startYear(), partner, tx.now());
            pool.update(CourseService.blank(in.serviceName()), in.seats(), CourseService.blank(in.note()));
            em.persist(pool);
            em.flush();
            return view(em, pool);
        });
    }

    /**
     * Changes a pool's size or notes; it cannot shrink below the seats given out.
     *
     * @param poolId the pool
     * @param in the changes
     * @return the pool
     */
    public PoolView updatePool(long poolId, PoolUpdate in) {
        return tx.write(em -> {
            SeatPool pool = lock(em, poolId);
            int allocated = allocated(em, poolId);
            if (in.seats() < allocated) {
                throw ProblemException.conflict("seats: " + in.seats() + " is below the " + allocated
                        + " seats already allocated; release seats first");
            }
            pool.update(CourseService.blank(in.serviceName()), in.seats(), CourseService.blank(in.note()));
            em.flush();
            return view(em, pool);
        });
    }

    /**
     * Pools, newest year first.
     *
     * @param fiscalYear only this year, or {@code null}
     * @param page the window
     * @return the page
     */
    public Page<PoolView> pools(FiscalYear fiscalYear, PageRequest page) {
        return tx.read(em -> {
            String where = fiscalYear == null ? "" : " WHERE p.fiscalYear = :fy";
            TypedQuery<SeatPool> q = em.createQuery("SELECT p FROM SeatPool p" + where + " ORDER BY p.fiscalYear DESC, p.partner",
                    SeatPool.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(p) FROM SeatPool p" + where, Long.class);
            if (fiscalYear != null) {
                q.setParameter("fy", fiscalYear.startYear());
                count.setParameter("fy", fiscalYear.startYear());
            }
            List<PoolView> items = new ArrayList<>();
            for (SeatPool p : q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList()) {
                items.add(view(em, p));
            }
            return new Page<>(items, count.getSingleResult(), page.offset(), page.limit());
        });
    }

    /**
     * One pool.
     *
     * @param poolId the pool
     * @return the pool
     */
    public PoolView pool(long poolId) {
        return tx.read(em -> view(em, find(em, poolId)));
    }

    /**
     * Gives a seat to a person; the ledger records {@code terakoya.online-seat.allocated}.
     *
     * @param poolId the pool
     * @param in the person
     * @return the allocation
     * @throws ProblemException 409 when every seat is taken or the person has one already; 422
     *         when the person may not take part
     */
    public AllocationView allocate(long poolId, AllocateInput in) {
        String person = in.personId().strip();
        tx.read(em -> find(em, poolId));
        people.requireParticipant("personId", person);
        return tx.write(em -> {
            SeatPool pool = lock(em, poolId);
            List<SeatAllocation> existing = em.createQuery("SELECT a FROM SeatAllocation a WHERE a.poolId = :p AND a.personId = :who",
                    SeatAllocation.class).setParameter("p", poolId).setParameter("who", person).getResultList();
            if (!existing.isEmpty() && existing.get(0).releasedAt() == null) {
                throw ProblemException.conflict("Person " + person + " already has a seat of pool " + poolId
                        + " (allocation " + existing.get(0).id() + ")");
            }
            int allocated = allocated(em, poolId);
            if (allocated >= pool.seats()) {
                throw ProblemException.conflict("All " + pool.seats() + " seats of " + pool.partner() + " in fiscal year "
                        + pool.fiscalYear() + " are allocated");
            }
            SeatAllocation a;
            if (existing.isEmpty()) {
                a = new SeatAllocation(poolId, person, CourseService.blank(in.note()), tx.now());
                em.persist(a);
            } else {
                a = existing.get(0);
                a.reallocate(CourseService.blank(in.note()), tx.now());
            }
            em.flush();
            ledger.record(ActivityEvent.builder("terakoya:online-seat:" + a.id() + ":allocated", ALLOCATED,
                    CourseService.instant(a.allocatedAt()))
                    .person(person)
                    .fiscalYear(FiscalYear.of(pool.fiscalYear()))
                    .attribute("partner", pool.partner())
                    .build());
            return view(a, Map.of(), null);
        });
    }

    /**
     * Returns an unused seat to its pool.
     *
     * @param allocationId the allocation
     * @return the allocation
     * @throws ProblemException 409 when the seat was used (it stays counted)
     */
    public AllocationView release(long allocationId) {
        return tx.write(em -> {
            SeatAllocation a = allocation(em, allocationId);
            lock(em, a.poolId());
            if (a.releasedAt() != null) {
                throw ProblemException.conflict("Allocation " + allocationId + " is already released");
            }
            Usage usage = usage(em, List.of(allocationId)).get(allocationId);
            if (usage != null) {
                throw ProblemException.conflict("The seat of allocation " + allocationId + " was used on " + usage.days
                        + " days; a used seat stays allocated");
            }
            a.release(tx.now());
            em.flush();
            return view(a, Map.of(), null);
        });
    }

    /**
     * The seats of a pool, with their use.
     *
     * @param poolId the pool
     * @param activeOnly leave released seats out
     * @param page the window
     * @return the page, with names
     */
    public Page<AllocationView> allocations(long poolId, boolean activeOnly, PageRequest page) {
        return tx.read(em -> {
            find(em, poolId);
            String where = " WHERE a.poolId = :p" + (activeOnly ? " AND a.releasedAt IS NULL" : "");
            List<SeatAllocation> items = em.createQuery("SELECT a FROM SeatAllocation a" + where + " ORDER BY a.allocatedAt, a.id",
                    SeatAllocation.class).setParameter("p", poolId).setFirstResult(page.offset()).setMaxResults(page.limit())
                    .getResultList();
            long total = em.createQuery("SELECT COUNT(a) FROM SeatAllocation a" + where, Long.class).setParameter("p", poolId)
                    .getSingleResult();
            Map<Long, Usage> usage = usage(em, items.stream().map(SeatAllocation::id).toList());
            Map<String, String> names = people.names(items.stream().map(SeatAllocation::personId).toList());
            return new Page<>(items.stream().map(a -> view(a, usage, names.get(a.personId()))).toList(), total,
                    page.offset(), page.limit());
        });
    }

    /**
     * Records a day's use of a seat.
     *
     * @param allocationId the allocation (active)
     * @param in the use
     * @param actor who records it
     * @return the use
     */
    public UsageView recordUsage(long allocationId, UsageInput in, String actor) {
        if (in.usedOn().isAfter(tx.today())) {
            throw ProblemException.invalid("usedOn", "must not be in the future");
        }
        return tx.write(em -> {
            SeatAllocation a = allocation(em, allocationId);
            if (a.releasedAt() != null) {
                throw ProblemException.conflict("Allocation " + allocationId + " was released; its seat cannot be used");
            }
            SeatPool pool = find(em, a.poolId());
            FiscalYear fy = FiscalYear.of(pool.fiscalYear());
            if (!fy.contains(in.usedOn())) {
                throw ProblemException.unprocessable("usedOn", in.usedOn() + " is outside fiscal year " + fy.englishLabel()
                        + " of the pool (" + fy.firstDay() + " to " + fy.lastDay() + ")");
            }
            SeatUsage u = new SeatUsage(allocationId, in.usedOn(), in.minutes(), CourseService.blank(in.note()), actor, tx.now());
            em.persist(u);
            em.flush();
            return view(u);
        });
    }

    /**
     * The use of a seat, newest first.
     *
     * @param allocationId the allocation
     * @return the use
     */
    public List<UsageView> usage(long allocationId) {
        return tx.read(em -> {
            allocation(em, allocationId);
            return em.createQuery("SELECT u FROM SeatUsage u WHERE u.allocationId = :a ORDER BY u.usedOn DESC, u.id DESC",
                    SeatUsage.class).setParameter("a", allocationId).getResultList().stream().map(OnlineSeatService::view).toList();
        });
    }

    // ---- helpers

    private record Usage(int days, int minutes, LocalDate last) {
    }

    private static Map<Long, Usage> usage(EntityManager em, List<Long> allocationIds) {
        Map<Long, Usage> usage = new HashMap<>();
        if (allocationIds.isEmpty()) {
            return usage;
        }
        for (Object[] r : em.createQuery("SELECT u.allocationId, COUNT(DISTINCT u.usedOn), SUM(u.minutes), MAX(u.usedOn)"
                + " FROM SeatUsage u WHERE u.allocationId IN :ids GROUP BY u.allocationId", Object[].class)
                .setParameter("ids", allocationIds).getResultList()) {
            usage.put((Long) r[0], new Usage(((Number) r[1]).intValue(), ((Number) r[2]).intValue(), (LocalDate) r[3]));
        }
        return usage;
    }

    private static SeatPool find(EntityManager em, long poolId) {
        SeatPool pool = em.find(SeatPool.class, poolId);
        if (pool == null) {
            throw ProblemException.notFound("seat pool", poolId);
        }
        return pool;
    }

    private static SeatPool lock(EntityManager em, long poolId) {
        SeatPool pool = em.find(SeatPool.class, poolId, LockModeType.PESSIMISTIC_WRITE);
        if (pool == null) {
            throw ProblemException.notFound("seat pool", poolId);
        }
        return pool;
    }

    private static SeatAllocation allocation(EntityManager em, long allocationId) {
        SeatAllocation a = em.find(SeatAllocation.class, allocationId);
        if (a == null) {
            throw ProblemException.notFound("seat allocation", allocationId);
        }
        return a;
    }

    private static int allocated(EntityManager em, long poolId) {
        return em.createQuery("SELECT COUNT(a) FROM SeatAllocation a WHERE a.poolId = :p AND a.releasedAt IS NULL", Long.class)
                .setParameter("p", poolId).getSingleResult().intValue();
    }

    private static PoolView view(EntityManager em, SeatPool p) {
        int allocated = allocated(em, p.id());
        FiscalYear fy = FiscalYear.of(p.fiscalYear());
        return new PoolView(p.id(), p.fiscalYear(), fy.label(), p.partner(), p.serviceName(), p.seats(), allocated,
                Math.max(0, p.seats() - allocated), p.note());
    }

    private static AllocationView view(SeatAllocation a, Map<Long, Usage> usage, String name) {
        Usage u = usage.get(a.id());
        return new AllocationView(a.id(), a.poolId(), a.personId(), name, CourseService.instant(a.allocatedAt()),
                CourseService.instant(a.releasedAt()), a.releasedAt() == null, u == null ? 0 : u.days(),
                u == null ? 0 : u.minutes(), u == null ? null : u.last(), a.note());
    }

    private static UsageView view(SeatUsage u) {
        return new UsageView(u.id(), u.allocationId(), u.usedOn(), u.minutes(), u.note(), u.recordedBy(),
                CourseService.instant(u.recordedAt()));
    }
}
