package org.freelanceisland.contest.internal.model;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/** A category of a contest (for example 布もの, アクセサリー), by code with labels. */
@Embeddable
public class Category {

    @Column(name = "code", length = 40, nullable = false)
    private String code;

    @Column(name = "label_ja", length = 200, nullable = false)
    private String labelJa;

    @Column(name = "label_en", length = 200)
    private String labelEn;

    /** For JPA. */
    protected Category() {
    }

    /**
     * Creates a category.
     *
     * @param code its code
     * @param labelJa Japanese label
     * @param labelEn English label
     */
    public Category(String code, String labelJa, String labelEn) {
        this.code = code;
        this.labelJa = labelJa;
        this.labelEn = labelEn;
    }

    /** @return the code */
    public String code() {
        return code;
    }

    /** @return the Japanese label */
    public String labelJa() {
        return labelJa;
    }

    /** @return the English label */
    public String labelEn() {
        return labelEn;
    }
}
