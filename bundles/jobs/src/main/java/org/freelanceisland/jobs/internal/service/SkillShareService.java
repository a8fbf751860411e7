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

import org.freelanceisland.jobs.internal.model.ExchangeStatus;
import org.freelanceisland.jobs.internal.model.ListingKind;
import org.freelanceisland.jobs.internal.model.SkillExchange;
import org.freelanceisland.jobs.internal.model.SkillListing;
import org.freelanceisland.jobs.internal.service.Dto.ExchangeInput;
import org.freelanceisland.jobs.internal.service.Dto.ExchangeView;
import org.freelanceisland.jobs.internal.service.Dto.ListingInput;
import org.freelanceisland.jobs.internal.service.Dto.ListingView;
import org.freelanceisland.jobs.internal.service.Dto.MatchView;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * Skill share between freelancers (stage 3 of the plan): people offer skills they can teach or do
 * for others and request skills they want; an offer and a request of the same skill by two people
 * are a match; an exchange agreed between two people is recorded, and when it took place the ledger
 * counts it for both ({@code jobs.skillshare.completed}).
 */
public final class SkillShareService {

    /** Ledger type of a completed exchange. */
    public static final String COMPLETED = "jobs.skillshare.completed";

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
    public SkillShareService(Tx tx, People people, ActivityLedger ledger) {
        this.tx = tx;
        this.people = people;
        this.ledger = ledger;
    }

    /**
     * Lists listings, newest first.
     *
     * @param kind offers or requests, or {@code null}
     * @param skill a skill, or {@code null}
     * @param personId a person's, or {@code null}
     * @param active only open (or closed) listings, or {@code null}
     * @param page the window
     * @return the page
     */
    public Page<ListingView> listings(ListingKind kind, String skill, String personId, Boolean active, PageRequest page) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        if (kind != null) {
            where.append(" AND l.kind = :kind");
            params.put("kind", kind);
        }
        if (skill != null) {
            where.append(" AND l.skill = :skill");
            params.put("skill", Values.skill("skill", skill));
        }
        if (personId != null) {
            where.append(" AND l.personId = :person");
            params.put("person", personId);
        }
        if (active != null) {
            where.append(" AND l.active = :active");
            params.put("active", active);
        }
        Page<ListingView> found = tx.read(em -> {
            TypedQuery<SkillListing> q = em.createQuery("SELECT l FROM SkillListing l" + Values.where(where)
                    + " ORDER BY l.createdAt DESC, l.id DESC", SkillListing.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(l) FROM SkillListing l" + Values.where(where), Long.class);
            params.forEach((k, v) -> {
                q.setParameter(k, v);
                count.setParameter(k, v);
            });
            List<ListingView> items = new ArrayList<>();
            for (SkillListing l : q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList()) {
                items.add(view(l, null));
            }
            return new Page<>(items, count.getSingleResult(), page.offset(), page.limit());
        });
        Map<String, String> names = people.names(found.items().stream().map(ListingView::personId).toList());
        return new Page<>(found.items().stream().map(l -> named(l, names)).toList(), found.total(), found.offset(), found.limit());
    }

    /**
     * A person offers or requests a skill.
     *
     * @param in the listing
     * @return the listing
     * @throws ProblemException 409 when the person has the same open listing
     */
    public ListingView list(ListingInput in) {
        String person = in.personId().strip();
        String skill = Values.skill("skill", in.skill());
        people.requireParticipant("personId", person);
        ListingView v = tx.write(em -> {
            List<Long> same = em.createQuery("SELECT l.id FROM SkillListing l WHERE l.personId = :p AND l.kind = :k"
                    + " AND l.skill = :s AND l.active = :yes", Long.class).setParameter("p", person).setParameter("k", in.kind())
                    .setParameter("yes", true)
                    .setParameter("s", skill).getResultList();
            if (!same.isEmpty()) {
                throw ProblemException.conflict("Person " + person + " has an open " + in.kind() + " of " + skill + " already (listing "
                        + same.get(0) + ")");
            }
            SkillListing l = new SkillListing();
            l.setPersonId(person);
            l.setKind(in.kind());
            l.setSkill(skill);
            l.setNote(Values.blank(in.note()));
            l.setActive(true);
            l.setCreatedAt(tx.now());
            em.persist(l);
            em.flush();
            return view(l, null);
        });
        return named(v, people.names(List.of(person)));
    }

    /**
     * Closes a listing.
     *
     * @param id the listing
     * @return the listing
     * @throws ProblemException 409 when closed already
     */
    public ListingView close(long id) {
        ListingView v = tx.write(em -> {
            SkillListing l = em.find(SkillListing.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (l == null) {
                throw ProblemException.notFound("listing", id);
            }
            if (!l.active()) {
                throw ProblemException.conflict("Listing " + id + " is closed already");
            }
            l.setActive(false);
            l.setClosedAt(tx.now());
            return view(l, null);
        });
        return named(v, people.names(List.of(v.personId())));
    }

    /**
     * Open offers and requests of the same skill by two different people.
     *
     * @param skill only this skill, or {@code null}
     * @param page the window
     * @return the page, by skill, offer and request
     */
    public Page<MatchView> matches(String skill, PageRequest page) {
        String where = " WHERE o.kind = :offer AND r.kind = :request AND o.skill = r.skill AND o.personId <> r.personId"
                + " AND o.active = :yes AND r.active = :yes" + (skill != null ? " AND o.skill = :skill" : "");
        String s = skill == null ? null : Values.skill("skill", skill);
        Page<MatchView> found = tx.read(em -> {
            TypedQuery<Object[]> q = em.createQuery("SELECT o, r FROM SkillListing o, SkillListing r" + where
                    + " ORDER BY o.skill, o.id, r.id", Object[].class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(o) FROM SkillListing o, SkillListing r" + where, Long.class);
            for (TypedQuery<?> x : List.of(q, count)) {
                x.setParameter("offer", ListingKind.OFFER).setParameter("request", ListingKind.REQUEST).setParameter("yes", true);
                if (s != null) {
                    x.setParameter("skill", s);
                }
            }
            List<MatchView> items = new ArrayList<>();
            for (Object[] row : q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList()) {
                SkillListing o = (SkillListing) row[0];
                SkillListing r = (SkillListing) row[1];
                items.add(new MatchView(o.skill(), Values.skillLabel(o.skill()), view(o, null), view(r, null)));
            }
            return new Page<>(items, count.getSingleResult(), page.offset(), page.limit());
        });
        Set<String> ids = new HashSet<>();
        found.items().forEach(m -> {
            ids.add(m.offer().personId());
            ids.add(m.request().personId());
        });
        Map<String, String> names = people.names(ids);
        return new Page<>(found.items().stream().map(m -> new MatchView(m.skill(), m.skillLabel(), named(m.offer(), names),
                named(m.request(), names))).toList(), found.total(), found.offset(), found.limit());
    }

    /**
     * Records an exchange agreed between two people, from a matching offer and request or directly.
     *
     * @param in the exchange
     * @param actor who records it
     * @return the exchange
     */
    public ExchangeView agree(ExchangeInput in, String actor) {
        boolean fromListings = in.offerId() != null || in.requestId() != null;
        if (fromListings && (in.offerId() == null || in.requestId() == null)) {
            throw ProblemException.invalid(in.offerId() == null ? "offerId" : "requestId", "give both offerId and requestId");
        }
        if (!fromListings && (Values.blank(in.providerId()) == null || Values.blank(in.receiverId()) == null
                || Values.blank(in.skill()) == null)) {
            throw ProblemException.invalid("providerId", "give offerId and requestId, or providerId, receiverId and skill");
        }
        String[] direct = new String[3];
        if (!fromListings) {
            direct[0] = in.providerId().strip();
            direct[1] = in.receiverId().strip();
            direct[2] = Values.skill("skill", in.skill());
            if (direct[0].equals(direct[1])) {
                throw ProblemException.unprocessable("receiverId", "a person cannot exchange a skill with themselves");
            }
            people.requireParticipant("providerId", direct[0]);
            people.requireParticipant("receiverId", direct[1]);
        }
        ExchangeView v = tx.write(em -> {
            SkillExchange x = new SkillExchange();
            if (fromListings) {
                SkillListing o = listing(em, in.offerId(), "offerId", ListingKind.OFFER);
                SkillListing r = listing(em, in.requestId(), "requestId", ListingKind.REQUEST);
                if (!o.skill().equals(r.skill())) {
                    throw ProblemException.unprocessable("requestId", "the offer is of " + o.skill() + ", the request of " + r.skill());
                }
                if (o.personId().equals(r.personId())) {
                    throw ProblemException.unprocessable("requestId", "the offer and the request are the same person's");
                }
                x.setOfferId(o.id());
                x.setRequestId(r.id());
                x.setProviderId(o.personId());
                x.setReceiverId(r.personId());
                x.setSkill(o.skill());
            } else {
                x.setProviderId(direct[0]);
                x.setReceiverId(direct[1]);
                x.setSkill(direct[2]);
            }
            x.setStatus(ExchangeStatus.AGREED);
            x.setNote(Values.blank(in.note()));
            x.setCreatedBy(actor);
            x.setCreatedAt(tx.now());
            x.setUpdatedAt(tx.now());
            em.persist(x);
            em.flush();
            return view(x);
        });
        return named(v);
    }

    /**
     * The exchange took place: the ledger counts it for both people, and the request it answered is
     * closed.
     *
     * @param id the exchange
     * @param completedOn the day, today when {@code null}
     * @param note a note
     * @return the exchange
     * @throws ProblemException 409 unless agreed; 422 for a day in the future
     */
    public ExchangeView complete(long id, LocalDate completedOn, String note) {
        LocalDate day = completedOn != null ? completedOn : tx.today();
        if (day.isAfter(tx.today())) {
            throw ProblemException.unprocessable("completedOn", "must not be in the future");
        }
        return named(tx.write(em -> {
            SkillExchange x = lockExchange(em, id);
            if (x.status() != ExchangeStatus.AGREED) {
                throw ProblemException.conflict("Exchange " + id + " is " + x.status() + "; only an agreed exchange can be completed");
            }
            x.setStatus(ExchangeStatus.COMPLETED);
            x.setCompletedOn(day);
            if (Values.blank(note) != null) {
                x.setNote(Values.blank(note));
            }
            x.setUpdatedAt(tx.now());
            if (x.requestId() != null) {
                SkillListing r = em.find(SkillListing.class, x.requestId(), LockModeType.PESSIMISTIC_WRITE);
                if (r != null && r.active()) {
                    r.setActive(false);
                    r.setClosedAt(tx.now());
                }
            }
            em.flush();
            for (String person : List.of(x.providerId(), x.receiverId())) {
                ledger.record(ActivityEvent.builder("jobs:skillshare:" + x.id() + ":completed:" + person, COMPLETED,
                        day.atTime(12, 0).atZone(FiscalYear.ISLAND_ZONE).toInstant())
                        .person(person).attribute("exchange", Long.toString(x.id())).attribute("skill", x.skill()).build());
            }
            return view(x);
        }));
    }

    /**
     * The exchange did not take place.
     *
     * @param id the exchange
     * @param reason why
     * @return the exchange
     */
    public ExchangeView cancel(long id, String reason) {
        return named(tx.write(em -> {
            SkillExchange x = lockExchange(em, id);
            if (x.status() != ExchangeStatus.AGREED) {
                throw ProblemException.conflict("Exchange " + id + " is " + x.status() + "; only an agreed exchange can be cancelled");
            }
            x.setStatus(ExchangeStatus.CANCELLED);
            x.setCancelledReason(Values.blank(reason));
            x.setUpdatedAt(tx.now());
            return view(x);
        }));
    }

    /**
     * One exchange.
     *
     * @param id the exchange
     * @return the exchange
     */
    public ExchangeView exchange(long id) {
        return named(tx.read(em -> {
            SkillExchange x = em.find(SkillExchange.class, id);
            if (x == null) {
                throw ProblemException.notFound("exchange", id);
            }
            return view(x);
        }));
    }

    /**
     * Lists exchanges, newest first.
     *
     * @param status only this status, or {@code null}
     * @param personId only exchanges this person took part in, or {@code null}
     * @param page the window
     * @return the page
     */
    public Page<ExchangeView> exchanges(ExchangeStatus status, String personId, PageRequest page) {
        StringBuilder where = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        if (status != null) {
            where.append(" AND x.status = :status");
            params.put("status", status);
        }
        if (personId != null) {
            where.append(" AND (x.providerId = :person OR x.receiverId = :person)");
            params.put("person", personId);
        }
        Page<ExchangeView> found = tx.read(em -> {
            TypedQuery<SkillExchange> q = em.createQuery("SELECT x FROM SkillExchange x" + Values.where(where)
                    + " ORDER BY x.createdAt DESC, x.id DESC", SkillExchange.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(x) FROM SkillExchange x" + Values.where(where), Long.class);
            params.forEach((k, v) -> {
                q.setParameter(k, v);
                count.setParameter(k, v);
            });
            List<ExchangeView> items = new ArrayList<>();
            for (SkillExchange x : q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList()) {
                items.add(view(x));
            }
            return new Page<>(items, count.getSingleResult(), page.offset(), page.limit());
        });
        Set<String> ids = new HashSet<>();
        found.items().forEach(x -> {
            ids.add(x.providerId());
            ids.add(x.receiverId());
        });
        Map<String, String> names = people.names(ids);
        return new Page<>(found.items().stream().map(x -> named(x, names)).toList(), found.total(), found.offset(), found.limit());
    }

    private static SkillListing listing(EntityManager em, long id, String field, ListingKind kind) {
        SkillListing l = em.find(SkillListing.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (l == null) {
            throw ProblemException.unprocessable(field, "no listing with id " + id);
        }
        if (l.kind() != kind) {
            throw ProblemException.unprocessable(field, "listing " + id + " is a " + l.kind() + ", not a " + kind);
        }
        if (!l.active()) {
            throw ProblemException.unprocessable(field, "listing " + id + " is closed");
        }
        return l;
    }

    private static SkillExchange lockExchange(EntityManager em, long id) {
        SkillExchange x = em.find(SkillExchange.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (x == null) {
            throw ProblemException.notFound("exchange", id);
        }
        return x;
    }

    private static ListingView view(SkillListing l, String name) {
        return new ListingView(l.id(), l.personId(), name, l.kind(), l.skill(), Values.skillLabel(l.skill()), l.note(), l.active(),
                Tx.instant(l.createdAt()), Tx.instant(l.closedAt()));
    }

    private static ListingView named(ListingView l, Map<String, String> names) {
        return new ListingView(l.id(), l.personId(), names.get(l.personId()), l.kind(), l.skill(), l.skillLabel(), l.note(),
                l.active(), l.createdAt(), l.closedAt());
    }

    private static ExchangeView view(SkillExchange x) {
        return new ExchangeView(x.id(), x.offerId(), x.requestId(), x.providerId(), null, x.receiverId(), null, x.skill(),
                Values.skillLabel(x.skill()), x.status(), x.note(), x.completedOn(), x.cancelledReason(), x.createdBy(),
                Tx.instant(x.createdAt()), Tx.instant(x.updatedAt()), x.version());
    }

    private ExchangeView named(ExchangeView x) {
        return named(x, people.names(List.of(x.providerId(), x.receiverId())));
    }

    private static ExchangeView named(ExchangeView x, Map<String, String> names) {
        return new ExchangeView(x.id(), x.offerId(), x.requestId(), x.providerId(), names.get(x.providerId()), x.receiverId(),
                names.get(x.receiverId()), x.skill(), x.skillLabel(), x.status(), x.note(), x.completedOn(), x.cancelledReason(),
                x.createdBy(), x.createdAt(), x.updatedAt(), x.version());
    }
}
