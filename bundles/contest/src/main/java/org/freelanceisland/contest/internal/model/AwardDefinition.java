package org.freelanceisland.contest.internal.model;

import javax.persistence.Column;
import javax.persistence.Embeddable;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;

/** An award of a contest: the Grand Prize (大賞), the Audience Award (オーディエンス賞) or another. */
@Embeddable
public class AwardDefinition {

    /** The code of the Grand Prize. */
    public static final String GRAND_PRIZE = "GRAND_PRIZE";
    /** The code of the Audience Award. */
    public static final String AUDIENCE = "AUDIENCE";

    @Column(name = "code", length = 40, nullable = false)
    private String code;

    @Column(name = "label_ja", length = 200, nullable = false)
    private String labelJa;

    @Column(name = "label_en", length = 200)
    private String labelEn;

    @Enumerated(EnumType.STRING)
    @Column(name = "basis", length = 12, nullable = false)
    private AwardBasis basis;

    @Column(name = "award_rank", nullable = false)
    private int rank;

    /** For JPA. */
    protected AwardDefinition() {
    }

    /**
     * Creates an award.
     *
     * @param code its code
     * @param labelJa Japanese label
     * @param labelEn English label
     * @param basis how it is decided
     * @param rank the rank in the jury's or audience's ranking it goes to (0 for designated awards)
     */
    public AwardDefinition(String code, String labelJa, String labelEn, AwardBasis basis, int rank) {
        this.code = code;
        this.labelJa = labelJa;
        this.labelEn = labelEn;
        this.basis = basis;
        this.rank = rank;
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

    /** @return how it is decided */
    public AwardBasis basis() {
        return basis;
    }

    /** @return the rank it goes to */
    public int rank() {
        return rank;
    }
}
