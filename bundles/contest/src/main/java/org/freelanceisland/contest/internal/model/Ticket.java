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

/** A one-time ticket code, kept only as a keyed hash: the code itself is printed once and never stored. */
@Entity
@Table(name = "contest_ticket",
        indexes = { @Index(name = "contest_ticket_hash_uq", columnList = "code_hash", unique = true),
                @Index(name = "contest_ticket_batch_idx", columnList = "batch_id") })
public class Ticket {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "contest_ticket_seq")
    @TableGenerator(name = "contest_ticket_seq", table = "contest_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "ticket", allocationSize = 500)
    @Column(name = "id")
    private Long id;

    @Column(name = "contest_id", nullable = false)
    private long contestId;

    @Column(name = "batch_id", nullable = false)
    private long batchId;

    @Column(name = "code_hash", length = 64, nullable = false)
    private String codeHash;

    @Column(name = "used_at")
    private LocalDateTime usedAt;

    /** For JPA. */
    protected Ticket() {
    }

    /**
     * Creates a ticket.
     *
     * @param contestId the contest
     * @param batchId the batch
     * @param codeHash the keyed hash of the code
     */
    public Ticket(long contestId, long batchId, String codeHash) {
        this.contestId = contestId;
        this.batchId = batchId;
        this.codeHash = codeHash;
    }

    /** @return the id, {@code null} until persisted */
    public Long id() {
        return id;
    }

    /** @return the contest id */
    public long contestId() {
        return contestId;
    }

    /** @return the batch id */
    public long batchId() {
        return batchId;
    }

    /** @return the code hash */
    public String codeHash() {
        return codeHash;
    }

    /** @return the used at */
    public LocalDateTime usedAt() {
        return usedAt;
    }

    /**
     * Sets the used at.
     *
     * @param value the new value
     */
    public void usedAt(LocalDateTime value) {
        this.usedAt = value;
    }
}
