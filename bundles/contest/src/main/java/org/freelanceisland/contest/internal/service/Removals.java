package org.freelanceisland.contest.internal.service;

import java.util.List;

import javax.persistence.EntityManager;

import org.freelanceisland.contest.internal.model.Contest;
import org.freelanceisland.contest.internal.model.Juror;
import org.freelanceisland.contest.internal.model.Market;
import org.freelanceisland.contest.internal.model.Score;

/**
 * Removal of contest records for good, with what belongs to them (the platform's record removal,
 * for administrators only: the program's own API keeps history).
 */
public final class Removals {

    private Removals() {
    }

    /**
     * Removes a contest with its entries and their photos, its jury and their scores, its ticket
     * codes and sheets, the votes and the winners. Markets held with the contest stay, without it.
     *
     * @param em the unit of work
     * @param id the contest
     * @return whether it was there
     */
    public static boolean contest(EntityManager em, long id) {
        Contest contest = em.find(Contest.class, id);
        if (contest == null) {
            return false;
        }
        em.createQuery("DELETE FROM Vote v WHERE v.contestId = :c").setParameter("c", id).executeUpdate();
        em.createQuery("DELETE FROM AwardWinner w WHERE w.contestId = :c").setParameter("c", id).executeUpdate();
        // scores and jurors hold element collections: removed one by one so that their rows go too
        em.createQuery("SELECT s FROM Score s WHERE s.contestId = :c", Score.class).setParameter("c", id).getResultList()
                .forEach(em::remove);
        em.createQuery("SELECT j FROM Juror j WHERE j.contestId = :c", Juror.class).setParameter("c", id).getResultList()
                .forEach(em::remove);
        em.flush();
        List<Long> batches = em.createQuery("SELECT b.id FROM TicketBatch b WHERE b.contestId = :c", Long.class)
                .setParameter("c", id).getResultList();
        em.createQuery("DELETE FROM Ticket t WHERE t.contestId = :c").setParameter("c", id).executeUpdate();
        if (!batches.isEmpty()) {
            em.createQuery("DELETE FROM TicketSheet s WHERE s.batchId IN :b").setParameter("b", batches).executeUpdate();
        }
        em.createQuery("DELETE FROM TicketBatch b WHERE b.contestId = :c").setParameter("c", id).executeUpdate();
        List<Long> entries = em.createQuery("SELECT e.id FROM Entry e WHERE e.contestId = :c", Long.class)
                .setParameter("c", id).getResultList();
        if (!entries.isEmpty()) {
            List<Long> photos = em.createQuery("SELECT p.id FROM Photo p WHERE p.entryId IN :e", Long.class)
                    .setParameter("e", entries).getResultList();
            if (!photos.isEmpty()) {
                em.createQuery("DELETE FROM PhotoData d WHERE d.photoId IN :p").setParameter("p", photos).executeUpdate();
            }
            em.createQuery("DELETE FROM Photo p WHERE p.entryId IN :e").setParameter("e", entries).executeUpdate();
        }
        em.createQuery("DELETE FROM Entry e WHERE e.contestId = :c").setParameter("c", id).executeUpdate();
        em.createQuery("UPDATE Market m SET m.contestId = NULL WHERE m.contestId = :c").setParameter("c", id).executeUpdate();
        em.remove(contest);
        return true;
    }

    /**
     * Removes a market with its exhibitors and visitor counts.
     *
     * @param em the unit of work
     * @param id the market
     * @return whether it was there
     */
    public static boolean market(EntityManager em, long id) {
        Market market = em.find(Market.class, id);
        if (market == null) {
            return false;
        }
        em.createQuery("DELETE FROM VisitorRecord r WHERE r.marketId = :m").setParameter("m", id).executeUpdate();
        em.createQuery("DELETE FROM VisitorCount c WHERE c.marketId = :m").setParameter("m", id).executeUpdate();
        em.createQuery("DELETE FROM Exhibitor x WHERE x.marketId = :m").setParameter("m", id).executeUpdate();
        em.remove(market);
        return true;
    }
}
