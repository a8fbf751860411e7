package org.freelanceisland.contest.internal.model;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/** A criterion of the rubric jurors score (for example 技術, 独創性), with its weight. */
@Embeddable
public class Criterion {

    @Column(name = "code", length = 40, nullable = false)
    private String code;

    @Column(name = "label_ja", length = 200, nullable = false)
    private String labelJa;

    @Column(name = "label_en", length = 200)
    private String labelEn;

    @Column(name = "weight", nullable = false)
    private int weight;

    /** For JPA. */
    protected Criterion() {
    }

    /**
     * Creates a criterion.
     *
     * @param code its code
     * @param labelJa Japanese label
     * @param labelEn English label
     * @param weight its weight (1 to 100)
     */
    public Criterion(String code, String labelJa, String labelEn, int weight) {
        this.code = code;
        this.labelJa = labelJa;
        this.labelEn = labelEn;
        this.weight = weight;
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

    /** @return the weight */
    public int weight() {
        return weight;
    }
}
