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

/** Visitors counted at a market in one hour of one day (hour -1: the whole day, when there is no hourly count). */
@Entity
@Table(name = "contest_visitor_count",
        indexes = { @Index(name = "contest_visitor_count_uq", columnList = "market_id,count_day,hour_of_day", unique = true) })
public class VisitorCount {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "contest_visitor_count_seq")
    @TableGenerator(name = "contest_visitor_count_seq", table = "contest_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "visitor_count", allocationSize = 100)
    @Column(name = "id")
    private Long id;

    @Column(name = "market_id", nullable = false)
    private long marketId;

    @Column(name = "count_day", nullable = false)
    private LocalDate day;

    @Column(name = "hour_of_day", nullable = false)
    private int hour;

    @Column(name = "visitors", nullable = false)
    private int visitors;

    @Column(name = "counted_by", length = 100)
    private String countedBy;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    /** For JPA. */
    protected VisitorCount() {
    }

    /**
     * Creates a count.
     *
     * @param marketId the market
     * @param day the day
     * @param hour the hour (0-23) or -1 for the whole day
     */
    public VisitorCount(long marketId, LocalDate day, int hour) {
        this.marketId = marketId;
        this.day = day;
        this.hour = hour;
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

    /** @return the hour */
    public int hour() {
        return hour;
    }

    /** @return the visitors */
    public int visitors() {
        return visitors;
    }

    /**
     * Sets the visitors.
     *
     * @param value the new value
     */
    public void visitors(int value) {
        this.visitors = value;
    }

    /** @return the counted by */
    public String countedBy() {
        return countedBy;
    }

    /**
     * Sets the counted by.
     *
     * @param value the new value
     */
    public void countedBy(String value) {
        this.countedBy = value;
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
