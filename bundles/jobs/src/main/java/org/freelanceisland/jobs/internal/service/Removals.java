package org.freelanceisland.jobs.internal.service;

import java.util.List;

import javax.persistence.EntityManager;

import org.freelanceisland.jobs.internal.model.Job;
import org.freelanceisland.jobs.internal.model.Partner;
import org.freelanceisland.jobs.internal.model.SkillExchange;
import org.freelanceisland.jobs.internal.model.SkillListing;
import org.freelanceisland.jobs.internal.model.Team;
import org.freelanceisland.platform.persistence.RecordRemover;

/**
 * Removal of job-brokering records for good, with what belongs to them (the platform's record
 * removal, for administrators only: the program's own API keeps history).
 */
public final class Removals {

    private Removals() {
    }

    /**
     * Removes a partner with its jobs (and their introductions and contracts).
     *
     * @param em the unit of work
     * @param id the partner
     * @return whether it was there
     */
    public static boolean partner(EntityManager em, long id) {
        Partner partner = em.find(Partner.class, id);
        if (partner == null) {
            return false;
        }
        List<Long> jobs = em.createQuery("SELECT j.id FROM Job j WHERE j.partnerId = :p", Long.class)
                .setParameter("p", id).getResultList();
        for (long job : jobs) {
            job(em, job);
        }
        em.remove(partner);
        return true;
    }

    /**
     * Removes a job with its introductions, their history and its contracts.
     *
     * @param em the unit of work
     * @param id the job
     * @return whether it was there
     */
    public static boolean job(EntityManager em, long id) {
        Job job = em.find(Job.class, id);
        if (job == null) {
            return false;
        }
        List<Long> introductions = em.createQuery("SELECT i.id FROM Introduction i WHERE i.jobId = :j", Long.class)
                .setParameter("j", id).getResultList();
        em.createQuery("DELETE FROM Contract c WHERE c.jobId = :j").setParameter("j", id).executeUpdate();
        if (!introductions.isEmpty()) {
            em.createQuery("DELETE FROM IntroductionEvent e WHERE e.introductionId IN :i").setParameter("i", introductions)
                    .executeUpdate();
        }
        em.createQuery("DELETE FROM Introduction i WHERE i.jobId = :j").setParameter("j", id).executeUpdate();
        em.remove(job);
        return true;
    }

    /**
     * Removes a team with its members; introductions and contracts made to the team stay, without it.
     *
     * @param em the unit of work
     * @param id the team
     * @return whether it was there
     */
    public static boolean team(EntityManager em, long id) {
        Team team = em.find(Team.class, id);
        if (team == null) {
            return false;
        }
        em.createQuery("DELETE FROM TeamMember m WHERE m.teamId = :t").setParameter("t", id).executeUpdate();
        em.createQuery("UPDATE Introduction i SET i.teamId = NULL WHERE i.teamId = :t").setParameter("t", id).executeUpdate();
        em.createQuery("UPDATE Contract c SET c.teamId = NULL WHERE c.teamId = :t").setParameter("t", id).executeUpdate();
        em.remove(team);
        return true;
    }

    /**
     * Removes a skill-share listing with the exchanges made on it.
     *
     * @param em the unit of work
     * @param id the listing
     * @return whether it was there
     */
    public static boolean listing(EntityManager em, long id) {
        SkillListing listing = em.find(SkillListing.class, id);
        if (listing == null) {
            return false;
        }
        em.createQuery("DELETE FROM SkillExchange x WHERE x.offerId = :l OR x.requestId = :l").setParameter("l", id)
                .executeUpdate();
        em.remove(listing);
        return true;
    }

    /**
     * Removes a skill-share exchange.
     *
     * @param em the unit of work
     * @param id the exchange
     * @return whether it was there
     */
    public static boolean exchange(EntityManager em, long id) {
        return RecordRemover.removeEntity(em, SkillExchange.class, id);
    }
}
