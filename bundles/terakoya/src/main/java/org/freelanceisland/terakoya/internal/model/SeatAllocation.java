package org.freelanceisland.terakoya.internal.model;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** A seat of a pool given to a person. Released seats return to the pool; a used seat cannot be released. */
@Entity
@Table(name = "terakoya_seat_allocation",
        indexes = { @Index(name = "terakoya_seat_allocation_uq", columnList = "pool_id,person_id", unique = true),
                @Index(name = "terakoya_seat_allocation_person_idx", columnList = "person_id") })
public class SeatAllocation {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "terakoya_seat_allocation_seq")
    @TableGenerator(name = "terakoya_seat_allocation_seq", table = "terakoya_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "seat_allocation", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "pool_id", nullable = false)
    private long poolId;

    @Column(name = "person_id", length = 100, nullable = false)
    private String personId;

    @Column(name = "allocated_at", nullable = false)
    private LocalDateTime allocatedAt;

    @Column(name = "released_at")
    private LocalDateTime releasedAt;

    @Column(name = "note", length = 500)
    private String note;

    /** For JPA. */
    protected SeatAllocation() {
    }

    /**
     * Allocates a seat.
     *
     * @param poolId the pool
     * @param personId the person
     * @param note a note, or {@code null}
     * @param now now (UTC)
     */
    public SeatAllocation(long poolId, String personId, String note, LocalDateTime now) {
        this.poolId = poolId;
        this.personId = personId;
        this.note = note;
        this.allocatedAt = now;
    }

    /**
     * Gives the seat again to the same person after it was released.
     *
     * @param note a note, or {@code null}
     * @param now now (UTC)
     */
    public void reallocate(String note, LocalDateTime now) {
        this.note = note;
        this.releasedAt = null;
        this.allocatedAt = now;
    }

    /**
     * Returns the seat to the pool.
     *
     * @param now now (UTC)
     */
    public void release(LocalDateTime now) {
        this.releasedAt = now;
    }

    public Long id() {
        return id;
    }

    public long poolId() {
        return poolId;
    }

    public String personId() {
        return personId;
    }

    public LocalDateTime allocatedAt() {
        return allocatedAt;
    }

    public LocalDateTime releasedAt() {
        return releasedAt;
    }

    public String note() {
        return note;
    }
}
