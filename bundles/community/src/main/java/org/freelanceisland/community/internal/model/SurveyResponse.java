package org.freelanceisland.community.internal.model;

import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/**
 * One answered survey. For a named survey it names the person (once per person: a unique index);
 * for an anonymous one it names nobody, keeps only the day it was answered (no time that could be
 * matched with who was at the desk) and is not linked to the token that was used.
 */
@Entity
@Table(name = "community_survey_response",
        indexes = { @Index(name = "community_survey_response_person_uq", columnList = "survey_id,person_id", unique = true),
                @Index(name = "community_survey_response_survey_idx", columnList = "survey_id,satisfied") })
public class SurveyResponse {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "community_survey_response_seq")
    @TableGenerator(name = "community_survey_response_seq", table = "community_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "survey_response", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "survey_id", nullable = false)
    private long surveyId;

    /** The person, for a named survey; {@code null} for an anonymous one. */
    @Column(name = "person_id", length = 100)
    private String personId;

    @Column(name = "answered_on", nullable = false)
    private LocalDate answeredOn;

    /** When, for a named survey; {@code null} for an anonymous one. */
    @Column(name = "answered_at")
    private LocalDateTime answeredAt;

    @Column(name = "satisfied", nullable = false)
    private boolean satisfied;

    /** How the answer came: {@code FORM} (the person with a token) or {@code STAFF} (typed in from paper). */
    @Column(name = "source", length = 10, nullable = false)
    private String source;

    /** For JPA. */
    protected SurveyResponse() {
    }

    /**
     * Creates a response.
     *
     * @param surveyId the survey
     * @param personId the person, or {@code null} (anonymous)
     * @param answeredOn the day, island time
     * @param answeredAt the time (UTC), or {@code null} (anonymous)
     * @param satisfied whether the answer counts as satisfied
     * @param source {@code FORM} or {@code STAFF}
     */
    public SurveyResponse(long surveyId, String personId, LocalDate answeredOn, LocalDateTime answeredAt, boolean satisfied,
            String source) {
        this.surveyId = surveyId;
        this.personId = personId;
        this.answeredOn = answeredOn;
        this.answeredAt = answeredAt;
        this.satisfied = satisfied;
        this.source = source;
    }

    public Long id() {
        return id;
    }

    public long surveyId() {
        return surveyId;
    }

    public String personId() {
        return personId;
    }

    public LocalDate answeredOn() {
        return answeredOn;
    }

    public LocalDateTime answeredAt() {
        return answeredAt;
    }

    public boolean satisfied() {
        return satisfied;
    }

    public String source() {
        return source;
    }
}
