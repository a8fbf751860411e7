package org.freelanceisland.community.internal.service;

import javax.persistence.EntityManager;

import org.freelanceisland.platform.persistence.RecordRemover;

import org.freelanceisland.community.internal.model.Consultation;
import org.freelanceisland.community.internal.model.Event;
import org.freelanceisland.community.internal.model.Leadership;
import org.freelanceisland.community.internal.model.MigrantPage;
import org.freelanceisland.community.internal.model.RoleModel;
import org.freelanceisland.community.internal.model.Survey;

/**
 * Removal of community records for good, with what belongs to them (the platform's record removal,
 * for administrators only: the program's own API keeps history).
 */
public final class Removals {

    private Removals() {
    }

    /**
     * Removes an event with its registrations and check-ins.
     *
     * @param em the unit of work
     * @param id the event
     * @return whether it was there
     */
    public static boolean event(EntityManager em, long id) {
        Event event = em.find(Event.class, id);
        if (event == null) {
            return false;
        }
        em.createQuery("DELETE FROM Registration r WHERE r.eventId = :e").setParameter("e", id).executeUpdate();
        em.remove(event);
        return true;
    }

    /**
     * Removes a consultation.
     *
     * @param em the unit of work
     * @param id the consultation
     * @return whether it was there
     */
    public static boolean consultation(EntityManager em, long id) {
        return RecordRemover.removeEntity(em, Consultation.class, id);
    }

    /**
     * Removes a community leader's term.
     *
     * @param em the unit of work
     * @param id the term
     * @return whether it was there
     */
    public static boolean leader(EntityManager em, long id) {
        return RecordRemover.removeEntity(em, Leadership.class, id);
    }

    /**
     * Removes a survey with its codes, responses and answers.
     *
     * @param em the unit of work
     * @param id the survey
     * @return whether it was there
     */
    public static boolean survey(EntityManager em, long id) {
        Survey survey = em.find(Survey.class, id);
        if (survey == null) {
            return false;
        }
        em.createQuery("DELETE FROM SurveyAnswer a WHERE a.surveyId = :s").setParameter("s", id).executeUpdate();
        em.createQuery("DELETE FROM SurveyResponse r WHERE r.surveyId = :s").setParameter("s", id).executeUpdate();
        em.createQuery("DELETE FROM SurveyToken t WHERE t.surveyId = :s").setParameter("s", id).executeUpdate();
        em.remove(survey);
        return true;
    }

    /**
     * Removes a role model with the photo.
     *
     * @param em the unit of work
     * @param id the role model
     * @return whether it was there
     */
    public static boolean roleModel(EntityManager em, long id) {
        RoleModel model = em.find(RoleModel.class, id);
        if (model == null) {
            return false;
        }
        em.createQuery("DELETE FROM RoleModelPhoto p WHERE p.roleModelId = :r").setParameter("r", id).executeUpdate();
        em.remove(model);
        return true;
    }

    /**
     * Removes a page for would-be migrants.
     *
     * @param em the unit of work
     * @param id the page
     * @return whether it was there
     */
    public static boolean migrantPage(EntityManager em, long id) {
        return RecordRemover.removeEntity(em, MigrantPage.class, id);
    }
}
