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

/** An audience vote: one per ticket (unique), never changed. */
@Entity
@Table(name = "contest_vote",
        indexes = { @Index(name = "contest_vote_ticket_uq", columnList = "ticket_id", unique = true),
                @Index(name = "contest_vote_contest_idx", columnList = "contest_id,entry_id") })
public class Vote {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "contest_vote_seq")
    @TableGenerator(name = "contest_vote_seq", table = "contest_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "vote", allocationSize = 200)
    @Column(name = "id")
    private Long id;

    @Column(name = "contest_id", nullable = false)
    private long contestId;

    @Column(name = "ticket_id", nullable = false)
    private long ticketId;

    @Column(name = "entry_id", nullable = false)
    private long entryId;

    @Column(name = "cast_at", nullable = false)
    private LocalDateTime castAt;

    /** For JPA. */
    protected Vote() {
    }

    /**
     * Casts a vote.
     *
     * @param contestId the contest
     * @param ticketId the ticket used
     * @param entryId the entry voted for
     * @param castAt when (UTC)
     */
    public Vote(long contestId, long ticketId, long entryId, LocalDateTime castAt) {
        this.contestId = contestId;
        this.ticketId = ticketId;
        this.entryId = entryId;
        this.castAt = castAt;
    }

    /** @return the id, {@code null} until persisted */
    public Long id() {
        return id;
    }

    /** @return the contest id */
    public long contestId() {
        return contestId;
    }

    /** @return the ticket id */
    public long ticketId() {
        return ticketId;
    }

    /** @return the entry id */
    public long entryId() {
        return entryId;
    }

    /** @return the cast at */
    public LocalDateTime castAt() {
        return castAt;
    }
}
