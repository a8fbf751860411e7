package org.freelanceisland.contest.internal.model;

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

/**
 * What the ledger was told about one day of a market: each revision carries the change since the
 * one before, so the ledger sums to the current count.
 */
@Entity
@Table(name = "contest_visitor_record",
        indexes = { @Index(name = "contest_visitor_record_uq", columnList = "market_id,record_day,revision", unique = true) })
public class VisitorRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "contest_visitor_record_seq")
    @TableGenerator(name = "contest_visitor_record_seq", table = "contest_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "visitor_record", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "market_id", nullable = false)
    private long marketId;

    @Column(name = "record_day", nullable = false)
    private LocalDate day;

    @Column(name = "revision", nullable = false)
    private int revision;

    @Column(name = "delta", nullable = false)
    private int delta;

    @Column(name = "recorded_at", nullable = false)
    private LocalDateTime recordedAt;

    /** For JPA. */
    protected VisitorRecord() {
    }

    /**
     * Records a revision.
     *
     * @param marketId the market
     * @param day the day
     * @param revision 1, 2, ...
     * @param delta the change of the day's count since the previous revision
     * @param now the time (UTC)
     */
    public VisitorRecord(long marketId, LocalDate day, int revision, int delta, LocalDateTime now) {
        this.marketId = marketId;
        this.day = day;
        this.revision = revision;
        this.delta = delta;
        this.recordedAt = now;
    }

    /** @return the id, {@code null} until persisted */
    public Long id() {
        return id;
    }

    /** @return the market id */
    public long marketId() {
        return marketId;
    }

    /** @return the day */
    public LocalDate day() {
        return day;
    }

    /** @return the revision */
    public int revision() {
        return revision;
    }

    /** @return the delta */
    public int delta() {
        return delta;
    }

    /** @return the recorded at */
    public LocalDateTime recordedAt() {
        return recordedAt;
    }
}
