package org.freelanceisland.community.internal.model;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/** An option of a choice question of a survey. */
@Embeddable
public class ChoiceOption {

    @Column(name = "question_code", length = 40, nullable = false)
    private String questionCode;

    @Column(name = "code", length = 40, nullable = false)
    private String code;

    @Column(name = "label_ja", length = 200, nullable = false)
    private String labelJa;

    @Column(name = "label_en", length = 200)
    private String labelEn;

    /** For JPA. */
    protected ChoiceOption() {
    }

    /**
     * Creates an option.
     *
     * @param questionCode the question's code
     * @param code the option's code
     * @param labelJa the label in Japanese
     * @param labelEn the label in English or {@code null}
     */
    public ChoiceOption(String questionCode, String code, String labelJa, String labelEn) {
        this.questionCode = questionCode;
        this.code = code;
        this.labelJa = labelJa;
        this.labelEn = labelEn;
    }

    public String questionCode() {
        return questionCode;
    }

    public String code() {
        return code;
    }

    public String labelJa() {
        return labelJa;
    }

    public String labelEn() {
        return labelEn;
    }
}
