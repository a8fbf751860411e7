package org.freelanceisland.jobs.internal.service;

import org.freelanceisland.platform.persistence.Tx;

/**
 * The program's services, wired once.
 *
 * @param partners partners
 * @param jobs jobs
 * @param matching candidate ranking and jobs for a freelancer
 * @param introductions introductions and answers
 * @param contracts contracts, delivery, payment and Freelance Act checks
 * @param earnings earnings per freelancer
 * @param teams teams
 * @param skillShare skill share
 */
public record Services(PartnerService partners, JobService jobs, MatchingService matching, IntroductionService introductions,
        ContractService contracts, EarningsService earnings, TeamService teams, SkillShareService skillShare) {

    /**
     * Wires the services.
     *
     * @param tx the unit-of-work runner
     * @param people the people registry
     * @param ledger the activity ledger
     * @return the services
     */
    public static Services wire(Tx tx, People people, org.freelanceisland.platform.api.ledger.ActivityLedger ledger) {
        IntroductionLog log = new IntroductionLog(tx);
        return new Services(new PartnerService(tx), new JobService(tx, log), new MatchingService(tx, people),
                new IntroductionService(tx, people, ledger, log), new ContractService(tx, people, ledger, log),
                new EarningsService(tx, people, ledger), new TeamService(tx, people), new SkillShareService(tx, people, ledger));
    }
}
