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
import javax.persistence.Version;

/** A maker exhibiting at a market, with the booth and the sales they reported. */
@Entity
@Table(name = "contest_exhibitor",
        indexes = { @Index(name = "contest_exhibitor_person_uq", columnList = "market_id,person_id", unique = true) })
public class Exhibitor {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "contest_exhibitor_seq")
    @TableGenerator(name = "contest_exhibitor_seq", table = "contest_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "exhibitor", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Version
    @Column(name = "version")
    private long version;

    @Column(name = "market_id", nullable = false)
    private long marketId;

    @Column(name = "person_id", length = 100, nullable = false)
    private String personId;

    @Column(name = "booth", length = 40)
    private String booth;

    @Column(name = "sales_yen")
    private Long salesYen;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    /** For JPA. */
    protected Exhibitor() {
    }

    /**
     * Registers an exhibitor.
     *
     * @param marketId the market
     * @param personId the maker
     * @param now the time (UTC)
     */
    public Exhibitor(long marketId, String personId, LocalDateTime now) {
        this.marketId = marketId;
        this.personId = personId;
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

    /** @return the market id */
    public long marketId() {
        return marketId;
    }

    /** @return the person id */
    public String personId() {
        return personId;
    }

    /** @return the booth */
    public String booth() {
        return booth;
    }

    /**
     * Sets the booth.
     *
     * @param value the new value
     */
    public void booth(String value) {
        this.booth = value;
    }

    /** @return the sales yen */
    public Long salesYen() {
        return salesYen;
    }

    /**
     * Sets the sales yen.
     *
     * @param value the new value
     */
    public void salesYen(Long value) {
        this.salesYen = value;
    }

    /** @return the created at */
    public LocalDateTime createdAt() {
        return createdAt;
    }
}
