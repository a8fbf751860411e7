package org.freelanceisland.contest.internal.model;

import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.Set;

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
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/** An account with the role juror assigned to a contest, with the makers it declared a conflict of interest with. */
@Entity
@Table(name = "contest_juror",
        indexes = { @Index(name = "contest_juror_account_uq", columnList = "contest_id,account", unique = true) })
public class Juror {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "contest_juror_seq")
    @TableGenerator(name = "contest_juror_seq", table = "contest_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "juror", allocationSize = 10)
    @Column(name = "id")
    private Long id;

    @Version
    @Column(name = "version")
    private long version;

    @Column(name = "contest_id", nullable = false)
    private long contestId;

    @Column(name = "account", length = 100, nullable = false)
    private String account;

    @Column(name = "display_name", length = 200)
    private String displayName;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "contest_juror_conflict", joinColumns = @JoinColumn(name = "juror_id"),
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
    @Column(name = "person_id", length = 100)
    private Set<String> conflicts = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    /** For JPA. */
    protected Juror() {
    }

    /**
     * Assigns an account.
     *
     * @param contestId the contest
     * @param account the account name
     * @param now the time (UTC)
     */
    public Juror(long contestId, String account, LocalDateTime now) {
        this.contestId = contestId;
        this.account = account;
        this.createdAt = now;
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

    /** @return the account */
    public String account() {
        return account;
    }

    /** @return the display name */
    public String displayName() {
        return displayName;
    }

    /**
     * Sets the display name.
     *
     * @param value the new value
     */
    public void displayName(String value) {
        this.displayName = value;
    }

    /** @return the conflicts */
    public Set<String> conflicts() {
        return conflicts;
    }

    /**
     * Sets the conflicts.
     *
     * @param value the new value
     */
    public void conflicts(Set<String> value) {
        this.conflicts = value;
    }

    /** @return the created at */
    public LocalDateTime createdAt() {
        return createdAt;
    }
}
