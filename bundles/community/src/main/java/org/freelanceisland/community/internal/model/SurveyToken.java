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
import javax.persistence.Version;

/**
 * A one-time token to answer a survey on the public form. Only its SHA-256 hash is stored: the
 * token itself is shown once, when staff issue it. A named survey's token names its person; an
 * anonymous survey's token names nobody.
 */
@Entity
@Table(name = "community_survey_token",
        indexes = { @Index(name = "community_survey_token_hash_uq", columnList = "token_hash", unique = true),
                @Index(name = "community_survey_token_survey_idx", columnList = "survey_id,person_id") })
public class SurveyToken {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "community_survey_token_seq")
    @TableGenerator(name = "community_survey_token_seq", table = "community_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "survey_token", allocationSize = 100)
    @Column(name = "id")
    private Long id;

    @Version
    @Column(name = "version")
    private long version;

    @Column(name = "survey_id", nullable = false)
    private long surveyId;

    @Column(name = "token_hash", length = 64, nullable = false)
    private String tokenHash;

    @Column(name = "person_id", length = 100)
    private String personId;

    @Column(name = "issued_at", nullable = false)
    private LocalDateTime issuedAt;

    /** The day the token was used (only the day, so it cannot be matched with an answer's time). */
    @Column(name = "used_on")
    private LocalDate usedOn;

    /** For JPA. */
    protected SurveyToken() {
    }

    /**
     * Creates a token.
     *
     * @param surveyId the survey
     * @param tokenHash the SHA-256 of the token, hex
     * @param personId the person, or {@code null}
     * @param issuedAt now (UTC)
     */
    public SurveyToken(long surveyId, String tokenHash, String personId, LocalDateTime issuedAt) {
        this.surveyId = surveyId;
        this.tokenHash = tokenHash;
        this.personId = personId;
        this.issuedAt = issuedAt;
    }

    /**
     * Uses the token up.
     *
     * @param today the day
     */
    public void use(LocalDate today) {
        usedOn = today;
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

    public LocalDateTime issuedAt() {
        return issuedAt;
    }

    public LocalDate usedOn() {
        return usedOn;
    }
}
