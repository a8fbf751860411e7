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
import javax.persistence.Version;

/**
 * A partner's yearly pool of free online-learning seats (in the seed, 100 a year). Its row is
 * locked while a seat is allocated, so a pool is never over-allocated.
 */
@Entity
@Table(name = "terakoya_seat_pool", indexes = @Index(name = "terakoya_seat_pool_uq", columnList = "fiscal_year,partner", unique = true))
public class SeatPool {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "terakoya_seat_pool_seq")
    @TableGenerator(name = "terakoya_seat_pool_seq", table = "terakoya_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "seat_pool", allocationSize = 10)
    @Column(name = "id")
    private Long id;

    @Version
    @Column(name = "version")
    private long version;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @Column(name = "partner", length = 200, nullable = false)
    private String partner;

    @Column(name = "service_name", length = 200)
    private String serviceName;

    @Column(name = "seats", nullable = false)
    private int seats;

    @Column(name = "note", length = 500)
    private String note;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    /** For JPA. */
    protected SeatPool() {
    }

    /**
     * Creates a pool.
     *
     * @param fiscalYear the fiscal year
     * @param partner the partner's name
     * @param now now (UTC)
     */
    public SeatPool(int fiscalYear, String partner, LocalDateTime now) {
        this.fiscalYear = fiscalYear;
        this.partner = partner;
        this.createdAt = now;
    }

    /**
     * Sets what staff may change.
     *
     * @param serviceName the learning service, or {@code null}
     * @param seats the number of seats
     * @param note a note, or {@code null}
     */
    public void update(String serviceName, int seats, String note) {
        this.serviceName = serviceName;
        this.seats = seats;
        this.note = note;
    }

    public Long id() {
        return id;
    }

    public int fiscalYear() {
        return fiscalYear;
    }

    public String partner() {
        return partner;
    }

    public String serviceName() {
        return serviceName;
    }

    public int seats() {
        return seats;
    }

    public String note() {
        return note;
    }
}
