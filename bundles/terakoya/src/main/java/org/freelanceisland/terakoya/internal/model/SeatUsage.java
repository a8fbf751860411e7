package org.freelanceisland.terakoya.internal.model;

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

/** Use of an online seat on one day, as the partner reports it or the person tells staff. */
@Entity
@Table(name = "terakoya_seat_usage", indexes = @Index(name = "terakoya_seat_usage_alloc_idx", columnList = "allocation_id"))
public class SeatUsage {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "terakoya_seat_usage_seq")
    @TableGenerator(name = "terakoya_seat_usage_seq", table = "terakoya_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "seat_usage", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "allocation_id", nullable = false)
    private long allocationId;

    @Column(name = "used_on", nullable = false)
    private LocalDate usedOn;

    @Column(name = "minutes", nullable = false)
    private int minutes;

    @Column(name = "note", length = 200)
    private String note;

    @Column(name = "recorded_by", length = 200, nullable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private LocalDateTime recordedAt;

    /** For JPA. */
    protected SeatUsage() {
    }

    /**
     * Records use.
     *
     * @param allocationId the seat
     * @param usedOn the day
     * @param minutes minutes of learning
     * @param note what was learnt, or {@code null}
     * @param recordedBy who recorded it
     * @param now now (UTC)
     */
    public SeatUsage(long allocationId, LocalDate usedOn, int minutes, String note, String recordedBy, LocalDateTime now) {
        this.allocationId = allocationId;
        this.usedOn = usedOn;
        this.minutes = minutes;
        this.note = note;
        this.recordedBy = recordedBy;
        this.recordedAt = now;
    }

    public Long id() {
        return id;
    }

    public long allocationId() {
        return allocationId;
    }

    public LocalDate usedOn() {
        return usedOn;
    }

    public int minutes() {
        return minutes;
    }

    public String note() {
        return note;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public LocalDateTime recordedAt() {
        return recordedAt;
    }
}
