package org.freelanceisland.contest.internal.model;

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
 * An award given to an entry: computed at publication for the jury and audience awards, chosen by
 * staff for designated awards.
 */
@Entity
@Table(name = "contest_award_winner",
        indexes = { @Index(name = "contest_award_winner_uq", columnList = "contest_id,award_code", unique = true) })
public class AwardWinner {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "contest_award_winner_seq")
    @TableGenerator(name = "contest_award_winner_seq", table = "contest_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "award_winner", allocationSize = 20)
    @Column(name = "id")
    private Long id;

    @Column(name = "contest_id", nullable = false)
    private long contestId;

    @Column(name = "award_code", length = 40, nullable = false)
    private String award;

    @Column(name = "entry_id", nullable = false)
    private long entryId;

    @Column(name = "basis", length = 12, nullable = false)
    private String basis;

    @Column(name = "decided_at", nullable = false)
    private LocalDateTime decidedAt;

    /** For JPA. */
    protected AwardWinner() {
    }

    /**
     * Gives an award.
     *
     * @param contestId the contest
     * @param award the award's code
     * @param entryId the entry
     * @param basis how it was decided
     * @param now the time (UTC)
     */
    public AwardWinner(long contestId, String award, long entryId, String basis, LocalDateTime now) {
        this.contestId = contestId;
        this.award = award;
        this.entryId = entryId;
        this.basis = basis;
        this.decidedAt = now;
    }

    /** @return the id, {@code null} until persisted */
    public Long id() {
        return id;
    }

    /** @return the contest id */
    public long contestId() {
        return contestId;
    }

    /** @return the award */
    public String award() {
        return award;
    }

    /** @return the entry id */
    public long entryId() {
        return entryId;
    }

    /**
     * Sets the entry id.
     *
     * @param value the new value
     */
    public void entryId(long value) {
        this.entryId = value;
    }

    /** @return the basis */
    public String basis() {
        return basis;
    }

    /**
     * Sets the basis.
     *
     * @param value the new value
     */
    public void basis(String value) {
        this.basis = value;
    }

    /** @return the decided at */
    public LocalDateTime decidedAt() {
        return decidedAt;
    }

    /**
     * Sets the decided at.
     *
     * @param value the new value
     */
    public void decidedAt(LocalDateTime value) {
        this.decidedAt = value;
    }
}
