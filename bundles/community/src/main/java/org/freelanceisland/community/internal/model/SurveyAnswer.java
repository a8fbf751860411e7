package org.freelanceisland.community.internal.model;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** The answer to one question within a response: a rating, an option or a text. */
@Entity
@Table(name = "community_survey_answer",
        indexes = { @Index(name = "community_survey_answer_q_idx", columnList = "survey_id,question_code"),
                @Index(name = "community_survey_answer_resp_idx", columnList = "response_id") })
public class SurveyAnswer {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "community_survey_answer_seq")
    @TableGenerator(name = "community_survey_answer_seq", table = "community_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "survey_answer", allocationSize = 100)
    @Column(name = "id")
    private Long id;

    @Column(name = "survey_id", nullable = false)
    private long surveyId;

    @Column(name = "response_id", nullable = false)
    private long responseId;

    @Column(name = "question_code", length = 40, nullable = false)
    private String questionCode;

    @Column(name = "rating")
    private Integer rating;

    @Column(name = "choice", length = 40)
    private String choice;

    @Column(name = "text", length = 2000)
    private String text;

    /** For JPA. */
    protected SurveyAnswer() {
    }

    /**
     * Creates an answer.
     *
     * @param surveyId the survey
     * @param responseId the response
     * @param questionCode the question
     * @param rating a rating 1 to 5, or {@code null}
     * @param choice an option code, or {@code null}
     * @param text a text, or {@code null}
     */
    public SurveyAnswer(long surveyId, long responseId, String questionCode, Integer rating, String choice, String text) {
        this.surveyId = surveyId;
        this.responseId = responseId;
        this.questionCode = questionCode;
        this.rating = rating;
        this.choice = choice;
        this.text = text;
    }

    public Long id() {
        return id;
    }

    public long responseId() {
        return responseId;
    }

    public String questionCode() {
        return questionCode;
    }

    public Integer rating() {
        return rating;
    }

    public String choice() {
        return choice;
    }

    public String text() {
        return text;
    }
}
