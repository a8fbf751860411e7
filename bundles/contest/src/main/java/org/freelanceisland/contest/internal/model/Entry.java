package org.freelanceisland.contest.internal.model;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/** A work entered in a contest, numbered 1, 2, 3 ... in the order of submission. */
@Entity
@Table(name = "contest_entry",
        indexes = { @Index(name = "contest_entry_number_uq", columnList = "contest_id,entry_no", unique = true),
                @Index(name = "contest_entry_maker_idx", columnList = "maker_id") })
public class Entry {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "contest_entry_seq")
    @TableGenerator(name = "contest_entry_seq", table = "contest_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "entry", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Version
    @Column(name = "version")
    private long version;

    @Column(name = "contest_id", nullable = false)
    private long contestId;

    @Column(name = "entry_no", nullable = false)
    private int number;

    @Column(name = "maker_id", length = 100, nullable = false)
    private String makerId;

    @Column(name = "title", length = 200, nullable = false)
    private String title;

    @Column(name = "description", length = 4000)
    private String description;

    @Column(name = "category", length = 40, nullable = false)
    private String category;

    @Column(name = "materials", length = 500)
    private String materials;

    @Column(name = "technique", length = 500)
    private String technique;

    @Column(name = "price_yen")
    private Long priceYen;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 12, nullable = false)
    private EntryStatus status;

    @Column(name = "withdrawn_reason", length = 500)
    private String withdrawnReason;

    @Column(name = "submitted_at", nullable = false)
    private LocalDateTime submittedAt;

    @Column(name = "withdrawn_at")
    private LocalDateTime withdrawnAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    /** For JPA. */
    protected Entry() {
    }

    /**
     * Creates an entry.
     *
     * @param contestId the contest
     * @param number its number in the contest
     * @param now the time of submission (UTC)
     */
    public Entry(long contestId, int number, LocalDateTime now) {
        this.contestId = contestId;
        this.number = number;
        this.status = EntryStatus.SUBMITTED;
        this.submittedAt = now;
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

    /** @return the contest id */
    public long contestId() {
        return contestId;
    }

    /** @return the number */
    public int number() {
        return number;
    }

    /** @return the maker id */
    public String makerId() {
        return makerId;
    }

    /**
     * Sets the maker id.
     *
     * @param value the new value
     */
    public void makerId(String value) {
        this.makerId = value;
    }

    /** @return the title */
    public String title() {
        return title;
    }

    /**
     * Sets the title.
     *
     * @param value the new value
     */
    public void title(String value) {
        this.title = value;
    }

    /** @return the description */
    public String description() {
        return description;
    }

    /**
     * Sets the description.
     *
     * @param value the new value
     */
    public void description(String value) {
        this.description = value;
    }

    /** @return the category */
    public String category() {
        return category;
    }

    /**
     * Sets the category.
     *
     * @param value the new value
     */
    public void category(String value) {
        this.category = value;
    }

    /** @return the materials */
    public String materials() {
        return materials;
    }

    /**
     * Sets the materials.
     *
     * @param value the new value
     */
    public void materials(String value) {
        this.materials = value;
    }

    /** @return the technique */
    public String technique() {
        return technique;
    }

    /**
     * Sets the technique.
     *
     * @param value the new value
     */
    public void technique(String value) {
        this.technique = value;
    }

    /** @return the price yen */
    public Long priceYen() {
        return priceYen;
    }

    /**
     * Sets the price yen.
     *
     * @param value the new value
     */
    public void priceYen(Long value) {
        this.priceYen = value;
    }

    /** @return the status */
    public EntryStatus status() {
        return status;
    }

    /**
     * Sets the status.
     *
     * @param value the new value
     */
    public void status(EntryStatus value) {
        this.status = value;
    }

    /** @return the withdrawn reason */
    public String withdrawnReason() {
        return withdrawnReason;
    }

    /**
     * Sets the withdrawn reason.
     *
     * @param value the new value
     */
    public void withdrawnReason(String value) {
        this.withdrawnReason = value;
    }

    /** @return the submitted at */
    public LocalDateTime submittedAt() {
        return submittedAt;
    }

    /** @return the withdrawn at */
    public LocalDateTime withdrawnAt() {
        return withdrawnAt;
    }

    /**
     * Sets the withdrawn at.
     *
     * @param value the new value
     */
    public void withdrawnAt(LocalDateTime value) {
        this.withdrawnAt = value;
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
