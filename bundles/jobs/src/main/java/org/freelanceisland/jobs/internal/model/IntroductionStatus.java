package org.freelanceisland.jobs.internal.model;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.freelanceisland.platform.api.LocalizedText;

/**
 * The state machine of an introduction.
 *
 * <pre>
 * OFFERED   --ACCEPT--> ACCEPTED --CONTRACT--> CONTRACTED
 * OFFERED   --PROPOSE--> PROPOSED --ACCEPT_PROPOSAL--> ACCEPTED
 * PROPOSED  --REJECT_PROPOSAL--> OFFERED      (the original offer stands; the freelancer answers again)
 * PROPOSED  --PROPOSE--> PROPOSED             (a revised proposal replaces the pending one)
 * OFFERED, PROPOSED, ACCEPTED --DECLINE--> DECLINED
 * OFFERED, PROPOSED, ACCEPTED --WITHDRAW--> WITHDRAWN
 * </pre>
 * DECLINED, WITHDRAWN and CONTRACTED are final.
 */
public enum IntroductionStatus {
    /** The freelancer has been told about the job; their answer is awaited. */
    OFFERED(LocalizedText.of("回答待ち", "Awaiting answer")),
    /** The freelancer proposed other terms; the coordinator's decision is awaited. */
    PROPOSED(LocalizedText.of("逆提案あり", "Counter-proposal")),
    /** Terms are agreed; a contract is to be made. */
    ACCEPTED(LocalizedText.of("承諾", "Accepted")),
    /** The freelancer declined. */
    DECLINED(LocalizedText.of("辞退", "Declined")),
    /** The coordinator withdrew the introduction (or the job was closed). */
    WITHDRAWN(LocalizedText.of("取り下げ", "Withdrawn")),
    /** A contract was made. */
    CONTRACTED(LocalizedText.of("契約済", "Contracted"));

    /** The statuses in which an introduction still takes the freelancer's time or attention. */
    public static final Set<IntroductionStatus> LIVE = Set.of(OFFERED, PROPOSED, ACCEPTED);

    private static final Map<IntroductionStatus, Map<IntroductionAction, IntroductionStatus>> TRANSITIONS =
            new EnumMap<>(IntroductionStatus.class);

    static {
        for (IntroductionStatus s : values()) {
            TRANSITIONS.put(s, new EnumMap<>(IntroductionAction.class));
        }
        TRANSITIONS.get(OFFERED).put(IntroductionAction.ACCEPT, ACCEPTED);
        TRANSITIONS.get(OFFERED).put(IntroductionAction.PROPOSE, PROPOSED);
        TRANSITIONS.get(PROPOSED).put(IntroductionAction.PROPOSE, PROPOSED);
        TRANSITIONS.get(PROPOSED).put(IntroductionAction.ACCEPT_PROPOSAL, ACCEPTED);
        TRANSITIONS.get(PROPOSED).put(IntroductionAction.REJECT_PROPOSAL, OFFERED);
        TRANSITIONS.get(ACCEPTED).put(IntroductionAction.CONTRACT, CONTRACTED);
        for (IntroductionStatus live : LIVE) {
            TRANSITIONS.get(live).put(IntroductionAction.DECLINE, DECLINED);
            TRANSITIONS.get(live).put(IntroductionAction.WITHDRAW, WITHDRAWN);
        }
    }

    private final LocalizedText label;

    IntroductionStatus(LocalizedText label) {
        this.label = label;
    }

    /** @return the label in Japanese and English */
    public LocalizedText label() {
        return label;
    }

    /**
     * The status an action leads to from this one.
     *
     * @param action what happens
     * @return the next status, or empty when the action is not allowed now
     */
    public Optional<IntroductionStatus> after(IntroductionAction action) {
        return Optional.ofNullable(TRANSITIONS.get(this).get(action));
    }

    /**
     * The actions allowed in this status.
     *
     * @return the actions
     */
    public Set<IntroductionAction> allowedActions() {
        return TRANSITIONS.get(this).keySet();
    }
}
