package org.freelanceisland.jobs.internal.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.freelanceisland.jobs.internal.match.CandidatePool;
import org.freelanceisland.jobs.internal.match.Explanation;
import org.freelanceisland.jobs.internal.match.JobProfile;
import org.freelanceisland.jobs.internal.match.PoolCache;
import org.freelanceisland.jobs.internal.match.Ranking;
import org.freelanceisland.jobs.internal.match.Scorer;
import org.freelanceisland.jobs.internal.match.Tally;
import org.freelanceisland.jobs.internal.model.ContractStatus;
import org.freelanceisland.jobs.internal.model.Introduction;
import org.freelanceisland.jobs.internal.model.IntroductionStatus;
import org.freelanceisland.jobs.internal.model.Job;
import org.freelanceisland.jobs.internal.model.JobStatus;
import org.freelanceisland.jobs.internal.service.Dto.CandidateView;
import org.freelanceisland.jobs.internal.service.Dto.IntroductionRef;
import org.freelanceisland.jobs.internal.service.Dto.JobMatchView;
import org.freelanceisland.jobs.internal.service.Dto.ScoreParts;
import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.people.PersonSummary;
import org.freelanceisland.platform.persistence.Tx;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * Matching: candidates ranked for a job ({@link Scorer}, {@link Ranking}), and jobs ranked for a
 * freelancer. Candidates come from the people registry ({@code jobCandidates}: active people who
 * consent to job offers and have one of the job's skills); each person's load and past results in
 * this program are read with one aggregate query for the whole ranking.
 */
public final class MatchingService {

    /** Load and results of everyone, in one statement (H2 and PostgreSQL). */
    static final String TALLY_SQL = "SELECT person_id, SUM(active_n), SUM(done_n) FROM ("
            + " SELECT person_id, 1 AS active_n, 0 AS done_n FROM jobs_introduction WHERE status IN ('OFFERED', 'PROPOSED', 'ACCEPTED')"
            + " UNION ALL"
            + " SELECT person_id, CASE WHEN status = 'ACTIVE' THEN 1 ELSE 0 END,"
            + " CASE WHEN status IN ('DELIVERED', 'PAID') THEN 1 ELSE 0 END FROM jobs_contract WHERE status <> 'CANCELLED'"
            + ") t GROUP BY person_id";

    private final Tx tx;
    private final People people;
    /** candidate lists laid out for scoring: the registry returns the same list until it changes */
    private final PoolCache pools = new PoolCache(4);

    /**
     * Creates the service.
     *
     * @param tx the unit-of-work runner
     * @param people the people registry
     */
    public MatchingService(Tx tx, People people) {
        this.tx = tx;
        this.people = people;
    }

    /**
     * The candidates for a job, best first, each with the reasons of their score.
     *
     * @param jobId the job
     * @param notIntroduced leave out people the job was introduced to already
     * @param page the window
     * @return the page; {@code total} is the number of candidates ranked
     */
    public Page<CandidateView> candidates(long jobId, boolean notIntroduced, PageRequest page) {
        Job job = tx.read(em -> JobService.find(em, jobId));
        Scorer scorer = new Scorer(JobService.profile(job, tx.today()));
        Map<String, IntroductionRef> introduced = tx.read(em -> introductions(em, jobId));
        CandidatePool candidates = pools.of(people.candidates(scorer.job().skills()));
        Tally tally = tally();
        Ranking.Result ranked = Ranking.rank(scorer, candidates, tally,
                notIntroduced ? introduced.keySet() : java.util.Set.of(), page.offset(), page.limit());
        List<CandidateView> items = new ArrayList<>();
        for (Ranking.Entry e : ranked.entries()) {
            PersonSummary p = e.person();
            items.add(new CandidateView(e.rank(), p.id(), p.name(), p.district(), e.explanation().score(),
                    parts(e.explanation()), e.explanation().reasons(), e.active(), e.done(), introduced.get(p.id())));
        }
        return new Page<>(items, ranked.total(), page.offset(), page.limit());
    }

    /**
     * The jobs still open to introductions (open or introduced), ranked for one freelancer.
     *
     * @param personId the person
     * @param page the window
     * @return the page
     * @throws ProblemException 422 when the person may not be offered jobs
     */
    public Page<JobMatchView> jobsFor(String personId, PageRequest page) {
        PersonSummary person = people.requireJobSeeker("personId", personId);
        record Row(Job job, Explanation explanation) {
        }
        List<Row> rows = new ArrayList<>();
        Map<Long, IntroductionRef> introduced = new HashMap<>();
        Map<Long, String> partners = new HashMap<>();
        tx.read(em -> {
            for (Introduction i : em.createQuery("SELECT i FROM Introduction i WHERE i.personId = :p", Introduction.class)
                    .setParameter("p", personId).getResultList()) {
                introduced.put(i.jobId(), new IntroductionRef(i.id(), i.status(), i.status().label()));
            }
            for (Object[] r : em.createQuery("SELECT p.id, p.name FROM Partner p", Object[].class).getResultList()) {
                partners.put((Long) r[0], (String) r[1]);
            }
            List<Job> open = em.createQuery("SELECT j FROM Job j WHERE j.status IN :s", Job.class)
                    .setParameter("s", List.of(JobStatus.OPEN, JobStatus.INTRODUCED)).getResultList();
            int[] c = tally(em, personId);
            for (Job j : open) {
                JobProfile profile = JobService.profile(j, tx.today());
                rows.add(new Row(j, new Scorer(profile).explain(person, c[0], c[1])));
            }
            return null;
        });
        rows.sort(Comparator.comparingInt((Row r) -> -r.explanation().score()).thenComparingLong(r -> r.job().id()));
        List<JobMatchView> items = new ArrayList<>();
        for (int k = page.offset(); k < Math.min(rows.size(), page.offset() + page.limit()); k++) {
            Row r = rows.get(k);
            Job j = r.job();
            items.add(new JobMatchView(k + 1, j.id(), LocalizedText.of(j.titleJa(), j.titleEn()), partners.get(j.partnerId()),
                    j.status(), j.workMode(), j.deadline(), JobService.totalPay(j), r.explanation().score(),
                    parts(r.explanation()), r.explanation().reasons(), introduced.get(j.id())));
        }
        return new Page<>(items, rows.size(), page.offset(), page.limit());
    }

    /**
     * Everyone's load and results, with one query.
     *
     * @return the tally
     */
    public Tally tally() {
        return tx.read(em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(TALLY_SQL).getResultList();
            Tally.Builder b = Tally.builder(rows.size());
            for (Object[] r : rows) {
                b.add((String) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).intValue());
            }
            return b.build();
        });
    }

    private static int[] tally(EntityManager em, String personId) {
        long active = em.createQuery("SELECT COUNT(i) FROM Introduction i WHERE i.personId = :p AND i.status IN :live", Long.class)
                .setParameter("p", personId).setParameter("live", IntroductionStatus.LIVE).getSingleResult();
        Object[] c = em.createQuery("SELECT SUM(CASE WHEN c.status = :active THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN c.status = :delivered OR c.status = :paid THEN 1 ELSE 0 END)"
                + " FROM Contract c WHERE c.personId = :p", Object[].class).setParameter("p", personId)
                .setParameter("active", ContractStatus.ACTIVE)
                .setParameter("delivered", ContractStatus.DELIVERED)
                .setParameter("paid", ContractStatus.PAID).getSingleResult();
        int contractsActive = c[0] == null ? 0 : ((Number) c[0]).intValue();
        int done = c[1] == null ? 0 : ((Number) c[1]).intValue();
        return new int[] { (int) active + contractsActive, done };
    }

    private static Map<String, IntroductionRef> introductions(EntityManager em, long jobId) {
        Map<String, IntroductionRef> out = new HashMap<>();
        for (Introduction i : em.createQuery("SELECT i FROM Introduction i WHERE i.jobId = :j", Introduction.class)
                .setParameter("j", jobId).getResultList()) {
            out.put(i.personId(), new IntroductionRef(i.id(), i.status(), i.status().label()));
        }
        return out;
    }

    private static ScoreParts parts(Explanation e) {
        return new ScoreParts(e.skills(), e.availability(), e.lifestyle(), e.load(), e.results());
    }
}
