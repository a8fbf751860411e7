package org.freelanceisland.contest.internal.model;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ConstraintMode;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.ForeignKey;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.JoinColumn;
import javax.persistence.MapKeyColumn;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/**
 * One juror's score of one entry: a value per criterion of the rubric. One row per juror and entry
 * (unique); revising changes the row.
 */
@Entity
@Table(name = "contest_score",
        indexes = { @Index(name = "contest_score_juror_uq", columnList = "entry_id,juror_account", unique = true),
                @Index(name = "contest_score_contest_idx", columnList = "contest_id,juror_account") })
public class Score {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "contest_score_seq")
    @TableGenerator(name = "contest_score_seq", table = "contest_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "score", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Version
    @Column(name = "version")
    private long version;

    @Column(name = "contest_id", nullable = false)
    private long contestId;

    @Column(name = "entry_id", nullable = false)
    private long entryId;

    @Column(name = "juror_account", length = 100, nullable = false)
    private String juror;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "contest_score_value", joinColumns = @JoinColumn(name = "score_id"),
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
    @MapKeyColumn(name = "criterion", length = 40)
    @Column(name = "score_value")
    private Map<String, Integer> values = new LinkedHashMap<>();

    @Column(name = "juror_comment", length = 2000)
    private String comment;

    @Column(name = "revision", nullable = false)
    private int revision;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    /** For JPA. */
    protected Score() {
    }

    /**
     * Creates a score.
     *
     * @param contestId the contest
     * @param entryId the entry
     * @param juror the juror's account
     * @param now the time (UTC)
     */
    public Score(long contestId, long entryId, String juror, LocalDateTime now) {
        this.contestId = contestId;
        this.entryId = entryId;
        this.juror = juror;
        this.createdAt = now;
        this.updatedAt = now;
        this.revision = 1;
    }

    /** @return the id, {@code null} until persisted */
    public Long id() {
        return id;
    }

    /** @return the version, for optimistic locking */
    public long version() {
        return version;
    }

    /** @return the contest id */
    public long contestId() {
        return contestId;
    }

    /** @return the entry id */
    public long entryId() {
        return entryId;
    }

    /** @return the juror */
    public String juror() {
        return juror;
    }

    /** @return the values */
    public Map<String, Integer> values() {
        return values;
    }

    /**
     * Sets the values.
     *
     * @param value the new value
     */
    public void values(Map<String, Integer> value) {
        this.values = value;
    }

    /** @return the comment */
    public String comment() {
        return comment;
    }

    /**
     * Sets the comment.
     *
     * @param value the new value
     */
    public void comment(String value) {
        this.comment = value;
    }

    /** @return the revision */
    public int revision() {
        return revision;
    }

    /**
     * Sets the revision.
     *
     * @param value the new value
     */
    public void revision(int value) {
        this.revision = value;
    }

    /** @return the created at */
    public LocalDateTime createdAt() {
        return createdAt;
    }

    /** @return the updated at */
    public LocalDateTime updatedAt() {
        return updatedAt;
    }

    /**
     * Sets the updated at.
     *
     * @param value the new value
     */
    public void updatedAt(LocalDateTime value) {
        this.updatedAt = value;
    }
}
