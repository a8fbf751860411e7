package org.freelanceisland.jobs.internal.service;

import org.freelanceisland.platform.persistence.Tx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

import org.freelanceisland.jobs.internal.model.Partner;
import org.freelanceisland.jobs.internal.model.PartnerKind;
import org.freelanceisland.jobs.internal.service.Dto.PartnerInput;
import org.freelanceisland.jobs.internal.service.Dto.PartnerView;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.rest.ProblemException;

/** Partners: the companies and platforms that send work, their contacts, agreements and priority quota. */
public final class PartnerService {

    private final Tx tx;

    /**
     * Creates the service.
     *
     * @param tx the unit-of-work runner
     */
    public PartnerService(Tx tx) {
        this.tx = tx;
    }

    /**
     * Lists partners by name.
     *
     * @param kind only this kind, or {@code null}
     * @param active only active (or inactive) partners, or {@code null} for all
     * @param text words of the name, or {@code null}
     * @param page the window
     * @return the page
     */
    public Page<PartnerView> list(PartnerKind kind, Boolean active, String text, PageRequest page) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        if (kind != null) {
            where.append(" AND p.kind = :kind");
            params.put("kind", kind);
        }
        if (active != null) {
            where.append(" AND p.active = :active");
            params.put("active", active);
        }
        if (text != null) {
            where.append(" AND LOWER(p.name) LIKE :q ESCAPE '\\'");
            params.put("q", Values.like(text));
        }
        return tx.read(em -> {
            TypedQuery<Partner> q = em.createQuery("SELECT p FROM Partner p" + Values.where(where) + " ORDER BY p.name, p.id", Partner.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(p) FROM Partner p" + Values.where(where), Long.class);
            params.forEach((k, v) -> {
                q.setParameter(k, v);
                count.setParameter(k, v);
            });
            List<PartnerView> items = new ArrayList<>();
            for (Partner p : q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList()) {
                items.add(view(em, p));
            }
            return new Page<>(items, count.getSingleResult(), page.offset(), page.limit());
        });
    }

    /**
     * One partner.
     *
     * @param id the partner
     * @return the partner
     */
    public PartnerView get(long id) {
        return tx.read(em -> view(em, find(em, id)));
    }

    /**
     * Adds a partner.
     *
     * @param in the partner
     * @return the partner
     * @throws ProblemException 409 when another partner has the name
     */
    public PartnerView create(PartnerInput in) {
        check(in);
        return tx.write(em -> {
            requireUniqueName(em, in.name().strip(), null);
            Partner p = new Partner();
            apply(p, in);
            p.setCreatedAt(tx.now());
            p.setUpdatedAt(tx.now());
            em.persist(p);
            em.flush();
            return view(em, p);
        });
    }

    /**
     * Changes a partner.
     *
     * @param id the partner
     * @param in all fields
     * @return the partner
     * @throws ProblemException 409 when the version is not the current one or the name is taken
     */
    public PartnerView update(long id, PartnerInput in) {
        check(in);
        return tx.write(em -> {
            Partner p = find(em, id);
            if (in.version() != null && in.version() != p.version()) {
                throw ProblemException.conflict("Partner " + id + " was changed by someone else (version " + p.version()
                        + ", you sent " + in.version() + "); load it again");
            }
            requireUniqueName(em, in.name().strip(), id);
            apply(p, in);
            p.setUpdatedAt(tx.now());
            em.flush();
            return view(em, p);
        });
    }

    /**
     * A partner, or 404.
     *
     * @param em the entity manager
     * @param id the partner
     * @return the partner
     */
    static Partner find(EntityManager em, long id) {
        Partner p = em.find(Partner.class, id);
        if (p == null) {
            throw ProblemException.notFound("partner", id);
        }
        return p;
    }

    /**
     * Locks a partner's row for the rest of the transaction (priority quota).
     *
     * @param em the entity manager
     * @param id the partner
     * @param field the request field naming the partner
     * @return the partner
     * @throws ProblemException 422 when there is no such partner
     */
    static Partner lock(EntityManager em, long id, String field) {
        Partner p = em.find(Partner.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw ProblemException.unprocessable(field, "no partner with id " + id);
        }
        return p;
    }

    /**
     * The number of priority jobs of a partner in a fiscal year.
     *
     * @param em the entity manager
     * @param partnerId the partner
     * @param fiscalYear the fiscal year
     * @return the count
     */
    static int priorityUsed(EntityManager em, long partnerId, int fiscalYear) {
        return em.createQuery("SELECT COUNT(j) FROM Job j WHERE j.partnerId = :p AND j.priority = :yes AND j.fiscalYear = :fy",
                Long.class).setParameter("yes", true).setParameter("p", partnerId).setParameter("fy", fiscalYear).getSingleResult().intValue();
    }

    private PartnerView view(EntityManager em, Partner p) {
        int fy = FiscalYear.of(tx.today()).startYear();
        long jobs = em.createQuery("SELECT COUNT(j) FROM Job j WHERE j.partnerId = :p", Long.class)
                .setParameter("p", p.id()).getSingleResult();
        return new PartnerView(p.id(), p.name(), p.kind(), p.kind().label(), p.contactName(), p.contactEmail(),
                p.contactPhone(), p.agreement(), p.agreementFrom(), p.agreementUntil(), p.priorityQuota(),
                priorityUsed(em, p.id(), fy), fy, p.note(), p.active(), jobs, p.version(), Tx.instant(p.createdAt()),
                Tx.instant(p.updatedAt()));
    }

    private static void check(PartnerInput in) {
        if (in.agreementFrom() != null && in.agreementUntil() != null && in.agreementUntil().isBefore(in.agreementFrom())) {
            throw ProblemException.invalid("agreementUntil", "must not be before agreementFrom");
        }
    }

    private static void requireUniqueName(EntityManager em, String name, Long self) {
        List<Long> same = em.createQuery("SELECT p.id FROM Partner p WHERE LOWER(p.name) = :n", Long.class)
                .setParameter("n", name.toLowerCase(java.util.Locale.ROOT)).getResultList();
        for (Long id : same) {
            if (!id.equals(self)) {
                throw ProblemException.conflict("A partner named " + name + " already exists (partner " + id + ")");
            }
        }
    }

    private static void apply(Partner p, PartnerInput in) {
        p.setName(in.name().strip());
        p.setKind(in.kind());
        p.setContactName(Values.blank(in.contactName()));
        p.setContactEmail(Values.blank(in.contactEmail()));
        p.setContactPhone(Values.blank(in.contactPhone()));
        p.setAgreement(Values.blank(in.agreement()));
        p.setAgreementFrom(in.agreementFrom());
        p.setAgreementUntil(in.agreementUntil());
        p.setPriorityQuota(in.priorityQuota());
        p.setNote(Values.blank(in.note()));
        p.setActive(in.active() == null || in.active());
    }
}
