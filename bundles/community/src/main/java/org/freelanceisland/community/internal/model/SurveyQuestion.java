package org.freelanceisland.community.internal.model;

import javax.persistence.Column;
import javax.persistence.Embeddable;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;

/** A question of a survey, named by a code unique within the survey. */
@Embeddable
public class SurveyQuestion {

    @Column(name = "code", length = 40, nullable = false)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", length = 12, nullable = false)
    private QuestionType type;

    @Column(name = "text_ja", length = 500, nullable = false)
    private String textJa;

    @Column(name = "text_en", length = 500)
    private String textEn;

    @Column(name = "required", nullable = false)
    private boolean required;

    /** For JPA. */
    protected SurveyQuestion() {
    }

    /**
     * Creates a question.
     *
     * @param code its code
     * @param type its type
     * @param textJa the question in Japanese
     * @param textEn the question in English or {@code null}
     * @param required whether an answer is required
     */
    public SurveyQuestion(String code, QuestionType type, String textJa, String textEn, boolean required) {
        this.code = code;
        this.type = type;
        this.textJa = textJa;
        this.textEn = textEn;
        this.required = required;
    }

    public String code() {
        return code;
    }

    public QuestionType type() {
        return type;
    }

    public String textJa() {
        return textJa;
    }

    public String textEn() {
        return textEn;
    }

    public boolean required() {
        return required;
    }
}
