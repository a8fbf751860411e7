package org.freelanceisland.jobs.internal.service;

import org.freelanceisland.platform.persistence.Tx;

import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;

import org.freelanceisland.jobs.internal.model.Channel;
import org.freelanceisland.jobs.internal.model.Introduction;
import org.freelanceisland.jobs.internal.model.IntroductionAction;
import org.freelanceisland.jobs.internal.model.IntroductionEvent;
import org.freelanceisland.jobs.internal.model.IntroductionStatus;
import org.freelanceisland.jobs.internal.service.Dto.EventView;
import org.freelanceisland.jobs.internal.service.Dto.TermsView;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * Moves introductions through their state machine ({@link IntroductionStatus}) and keeps every step
 * in their history: what happened, who recorded it, when, how the freelancer's answer came, the
 * reason and the terms of a proposal.
 */
public final class IntroductionLog {

    private final Tx tx;

    /**
     * Creates the log.
     *
     * @param tx the unit-of-work runner (for the time)
     */
    public IntroductionLog(Tx tx) {
        this.tx = tx;
    }

    /**
     * Applies an action to an introduction and records it.
     *
     * @param em the entity manager
     * @param i the introduction (locked)
     * @param action what happens
     * @param actor who records it
     * @param channel how the freelancer's answer came, or {@code null}
     * @param reason a reason or note, or {@code null}
     * @param terms the terms proposed, agreed or offered, or {@code null}
     * @return the status before
     * @throws ProblemException 409 when the action is not allowed in the introduction's status
     */
    public IntroductionStatus transition(EntityManager em, Introduction i, IntroductionAction action, String actor,
            Channel channel, String reason, TermsView terms) {
        IntroductionStatus from = i.status();
        IntroductionStatus to = from.after(action).orElseThrow(() -> ProblemException.conflict("Introduction " + i.id()
                + " is " + from + "; " + action + " is not possible now (possible: " + allowed(from) + ")"));
        i.setStatus(to);
        i.setUpdatedAt(tx.now());
        record(em, i.id(), action, from, to, actor, channel, reason, terms);
        return from;
    }

    /**
     * Records the first step of a new introduction (the offer).
     *
     * @param em the entity manager
     * @param i the introduction (persisted)
     * @param actor who introduced
     * @param note a note, or {@code null}
     * @param terms the terms offered
     */
    public void offered(EntityManager em, Introduction i, String actor, String note, TermsView terms) {
        record(em, i.id(), IntroductionAction.OFFER, null, IntroductionStatus.OFFERED, actor, null, note, terms);
    }

    /**
     * The history of an introduction, oldest first.
     *
     * @param em the entity manager
     * @param introductionId the introduction
     * @return the steps
     */
    public static List<EventView> history(EntityManager em, long introductionId) {
        List<EventView> out = new ArrayList<>();
        for (IntroductionEvent e : em.createQuery(
                "SELECT e FROM IntroductionEvent e WHERE e.introductionId = :i ORDER BY e.at, e.id", IntroductionEvent.class)
                .setParameter("i", introductionId).getResultList()) {
            TermsView terms = e.scope() == null && e.units() == null && e.payYen() == null && e.dueDate() == null ? null
                    : new TermsView(e.scope(), e.units(), e.payYen(), e.dueDate());
            out.add(new EventView(e.action(), e.action().label(), e.fromStatus(), e.toStatus(), Tx.instant(e.at()), e.actor(),
                    e.channel(), e.reason(), terms));
        }
        return out;
    }

    private void record(EntityManager em, long introductionId, IntroductionAction action, IntroductionStatus from,
            IntroductionStatus to, String actor, Channel channel, String reason, TermsView terms) {
        IntroductionEvent e = new IntroductionEvent();
        e.setIntroductionId(introductionId);
        e.setAction(action);
        e.setFromStatus(from);
        e.setToStatus(to);
        e.setAt(tx.now());
        e.setActor(actor);
        e.setChannel(channel);
        e.setReason(Values.blank(reason));
        if (terms != null) {
            e.setScope(terms.scope());
            e.setUnits(terms.units());
            e.setPayYen(terms.payYen());
            e.setDueDate(terms.dueDate());
        }
        em.persist(e);
    }

    private static String allowed(IntroductionStatus s) {
        return s.allowedActions().isEmpty() ? "none, it is final" : s.allowedActions().toString();
    }
}
