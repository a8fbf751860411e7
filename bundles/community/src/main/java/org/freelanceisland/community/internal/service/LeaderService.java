package org.freelanceisland.community.internal.service;

import org.freelanceisland.platform.persistence.Tx;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

import org.freelanceisland.community.internal.model.Leadership;
import org.freelanceisland.community.internal.service.Dto.LeaderView;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * Community leaders: who leads which community or activity, since and until when. The start and
 * the end are facts in the ledger ({@code community.leader.started} / {@code community.leader.ended}
 * at the start of the day in Japan, attribute {@code community}), so the KPI program counts leaders
 * without asking this module. A person leads a community at most once at a time.
 */
public final class LeaderService {

    /** Ledger type of a leadership's start. */
    public static final String STARTED = "community.leader.started";
    /** Ledger type of a leadership's end. */
    public static final String ENDED = "community.leader.ended";

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
    public LeaderService(Tx tx, People people, ActivityLedger ledger) {
        this.tx = tx;
        this.people = people;
        this.ledger = ledger;
    }

    /**
     * Records that a person began leading a community.
     *
     * @param in the leadership
     * @return it
     */
    public LeaderView start(Dto.LeaderInput in) {
        String person = in.personId().strip();
        if (in.since().isAfter(tx.today().plusYears(1))) {
            throw ProblemException.invalid("since", "must be within a year from today");
        }
        people.requireParticipant("personId", person);
        return tx.write(em -> {
            List<Leadership> same = em.createQuery("SELECT l FROM Leadership l WHERE l.personId = :p AND l.community = :c",
                    Leadership.class).setParameter("p", person).setParameter("c", in.community())
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
            for (Leadership l : same) {
                if (l.until() == null || !l.until().isBefore(in.since())) {
                    throw ProblemException.conflict("Person " + person + " already leads " + in.community() + " since " + l.since()
                            + (l.until() == null ? "" : " until " + l.until()) + " (leader " + l.id() + ")");
                }
            }
            Leadership l = new Leadership(person, in.community(), in.communityName().ja().strip(),
                    Support.blank(in.communityName().en()), in.since(), Support.blank(in.note()), tx.now());
            em.persist(l);
            em.flush();
            ledger.record(ActivityEvent.builder("community:leader:" + l.id() + ":started", STARTED,
                    in.since().atStartOfDay(FiscalYear.ISLAND_ZONE).toInstant())
                    .person(person)
                    .attribute("community", l.community())
                    .build());
            return view(l, people.names(List.of(person)).get(person), tx.today());
        });
    }

    /**
     * Records the last day of a leadership.
     *
     * @param id the leadership
     * @param until the last day
     * @return it
     */
    public LeaderView end(long id, LocalDate until) {
        return tx.write(em -> {
            Leadership l = em.find(Leadership.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (l == null) {
                throw ProblemException.notFound("leader", id);
            }
            if (l.until() != null) {
                throw ProblemException.conflict("Leader " + id + " already ended on " + l.until());
            }
            if (until.isBefore(l.since())) {
                throw ProblemException.unprocessable("until", "must not be before " + l.since());
            }
            if (until.isAfter(tx.today().plusYears(1))) {
                throw ProblemException.invalid("until", "must be within a year from today");
            }
            l.end(until, tx.now());
            em.flush();
            ledger.record(ActivityEvent.builder("community:leader:" + l.id() + ":ended", ENDED,
                    until.plusDays(1).atStartOfDay(FiscalYear.ISLAND_ZONE).toInstant().minusMillis(1))
                    .person(l.personId())
                    .attribute("community", l.community())
                    .build());
            return view(l, people.names(List.of(l.personId())).get(l.personId()), tx.today());
        });
    }

    /**
     * Changes the names of the community and the note.
     *
     * @param id the leadership
     * @param in the names and note
     * @return it
     */
    public LeaderView describe(long id, Dto.LeaderUpdate in) {
        return tx.write(em -> {
            Leadership l = find(em, id);
            l.describe(in.communityName().ja().strip(), Support.blank(in.communityName().en()), Support.blank(in.note()), tx.now());
            em.flush();
            return view(l, people.names(List.of(l.personId())).get(l.personId()), tx.today());
        });
    }

    /**
     * One leadership.
     *
     * @param id the leadership
     * @return it
     */
    public LeaderView get(long id) {
        return tx.read(em -> {
            Leadership l = find(em, id);
            return view(l, people.names(List.of(l.personId())).get(l.personId()), tx.today());
        });
    }

    /**
     * Lists leaderships, the latest start first.
     *
     * @param activeOn only those active on this day, or {@code null}
     * @param community a community code, or {@code null}
     * @param personId a person, or {@code null}
     * @param page the window
     * @return the page
     */
    public Page<LeaderView> list(LocalDate activeOn, String community, String personId, PageRequest page) {
        LocalDate today = tx.today();
        return tx.read(em -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            Map<String, Object> params = new LinkedHashMap<>();
            if (activeOn != null) {
                where.append(" AND l.since <= :d AND (l.until IS NULL OR l.until >= :d)");
                params.put("d", activeOn);
            }
            if (community != null) {
                where.append(" AND l.community = :c");
                params.put("c", community);
            }
            if (personId != null) {
                where.append(" AND l.personId = :p");
                params.put("p", personId);
            }
            TypedQuery<Leadership> q = em.createQuery("SELECT l FROM Leadership l" + where + " ORDER BY l.since DESC, l.id DESC",
                    Leadership.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(l) FROM Leadership l" + where, Long.class);
            params.forEach((k, v) -> {
                q.setParameter(k, v);
                count.setParameter(k, v);
            });
            List<Leadership> items = q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
            Map<String, String> names = people.names(items.stream().map(Leadership::personId).distinct().toList());
            List<LeaderView> views = new ArrayList<>();
            for (Leadership l : items) {
                views.add(view(l, names.get(l.personId()), today));
            }
            return new Page<>(views, count.getSingleResult(), page.offset(), page.limit());
        });
    }

    /**
     * Today on the island.
     *
     * @return the date
     */
    public LocalDate today() {
        return tx.today();
    }

    private static Leadership find(EntityManager em, long id) {
        Leadership l = em.find(Leadership.class, id);
        if (l == null) {
            throw ProblemException.notFound("leader", id);
        }
        return l;
    }

    private static LeaderView view(Leadership l, String name, LocalDate today) {
        boolean active = !l.since().isAfter(today) && (l.until() == null || !l.until().isBefore(today));
        return new LeaderView(l.id(), l.personId(), name, l.community(), LocalizedText.of(l.nameJa(), l.nameEn()), l.since(),
                l.until(), active, l.note(), l.version());
    }
}
