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
import javax.persistence.Version;

/** A handmade market (即売会): one or more days at a venue, its exhibitors and visitor counts. */
@Entity
@Table(name = "contest_market",
        indexes = { @Index(name = "contest_market_year_idx", columnList = "fiscal_year") })
public class Market {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "contest_market_seq")
    @TableGenerator(name = "contest_market_seq", table = "contest_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "market", allocationSize = 10)
    @Column(name = "id")
    private Long id;

    @Version
    @Column(name = "version")
    private long version;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @Column(name = "name_ja", length = 200, nullable = false)
    private String nameJa;

    @Column(name = "name_en", length = 200)
    private String nameEn;

    @Column(name = "venue", length = 200, nullable = false)
    private String venue;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    @Column(name = "contest_id")
    private Long contestId;

    @Column(name = "note", length = 2000)
    private String note;

    @Column(name = "closed_at")
    private LocalDateTime closedAt;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    /** For JPA. */
    protected Market() {
    }

    /**
     * Creates a market.
     *
     * @param now the time (UTC)
     */
    public Market(LocalDateTime now) {
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** @return the id, {@code null} until persisted */
    public Long id() {
        return id;
    }

    /** @return the version, for optimistic locking */
    public long version() {
        return version;
    }

    /** @return the fiscal year */
    public int fiscalYear() {
        return fiscalYear;
    }

    /**
     * Sets the fiscal year.
     *
     * @param value the new value
     */
    public void fiscalYear(int value) {
        this.fiscalYear = value;
    }

    /** @return the name ja */
    public String nameJa() {
        return nameJa;
    }

    /**
     * Sets the name ja.
     *
     * @param value the new value
     */
    public void nameJa(String value) {
        this.nameJa = value;
    }

    /** @return the name en */
    public String nameEn() {
        return nameEn;
    }

    /**
     * Sets the name en.
     *
     * @param value the new value
     */
    public void nameEn(String value) {
        this.nameEn = value;
    }

    /** @return the venue */
    public String venue() {
        return venue;
    }

    /**
     * Sets the venue.
     *
     * @param value the new value
     */
    public void venue(String value) {
        this.venue = value;
    }

    /** @return the starts on */
    public LocalDate startsOn() {
        return startsOn;
    }

    /**
     * Sets the starts on.
     *
     * @param value the new value
     */
    public void startsOn(LocalDate value) {
        this.startsOn = value;
    }

    /** @return the ends on */
    public LocalDate endsOn() {
        return endsOn;
    }

    /**
     * Sets the ends on.
     *
     * @param value the new value
     */
    public void endsOn(LocalDate value) {
        this.endsOn = value;
    }

    /** @return the contest id */
    public Long contestId() {
        return contestId;
    }

    /**
     * Sets the contest id.
     *
     * @param value the new value
     */
    public void contestId(Long value) {
        this.contestId = value;
    }

    /** @return the note */
    public String note() {
        return note;
    }

    /**
     * Sets the note.
     *
     * @param value the new value
     */
    public void note(String value) {
        this.note = value;
    }

    /** @return the closed at */
    public LocalDateTime closedAt() {
        return closedAt;
    }

    /**
     * Sets the closed at.
     *
     * @param value the new value
     */
    public void closedAt(LocalDateTime value) {
        this.closedAt = value;
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
