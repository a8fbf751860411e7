package org.freelanceisland.jobs.internal.model;

import org.freelanceisland.platform.api.LocalizedText;

/** What can happen to an introduction; each is kept in its history. */
public enum IntroductionAction {
    /** The coordinator introduced the job to the freelancer. */
    OFFER(LocalizedText.of("紹介", "Introduced")),
    /** The freelancer accepted the terms offered. */
    ACCEPT(LocalizedText.of("承諾", "Accepted")),
    /** The freelancer declined. */
    DECLINE(LocalizedText.of("辞退", "Declined")),
    /** The freelancer proposed other terms (scope, date, pay). */
    PROPOSE(LocalizedText.of("逆提案", "Counter-proposed")),
    /** The coordinator accepted the freelancer's proposal. */
    ACCEPT_PROPOSAL(LocalizedText.of("提案を承認", "Proposal accepted")),
    /** The coordinator rejected the proposal; the original offer stands. */
    REJECT_PROPOSAL(LocalizedText.of("提案を却下", "Proposal rejected")),
    /** The coordinator withdrew the introduction. */
    WITHDRAW(LocalizedText.of("紹介取り下げ", "Withdrawn")),
    /** A contract was made. */
    CONTRACT(LocalizedText.of("契約", "Contracted"));

    private final LocalizedText label;

    IntroductionAction(LocalizedText label) {
        this.label = label;
    }

    /** @return the label in Japanese and English */
    public LocalizedText label() {
        return label;
    }
}
