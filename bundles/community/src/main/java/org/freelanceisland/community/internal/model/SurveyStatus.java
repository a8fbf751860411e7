package org.freelanceisland.community.internal.model;

/** The life of a survey. */
public enum SurveyStatus {
    /** Questions may change; no answers yet. */
    DRAFT,
    /** Answers are taken; questions are frozen. */
    OPEN,
    /** No more answers. */
    CLOSED
}
