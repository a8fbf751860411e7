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

/**
 * A batch of one-time audience ticket codes, generated and printed together; voiding it makes its
 * unused codes worthless.
 */
@Entity
@Table(name = "contest_ticket_batch",
        indexes = { @Index(name = "contest_ticket_batch_contest_idx", columnList = "contest_id") })
public class TicketBatch {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "contest_ticket_batch_seq")
    @TableGenerator(name = "contest_ticket_batch_seq", table = "contest_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "ticket_batch", allocationSize = 10)
    @Column(name = "id")
    private Long id;

    @Version
    @Column(name = "version")
    private long version;

    @Column(name = "contest_id", nullable = false)
    private long contestId;

    @Column(name = "label", length = 200)
    private String label;

    @Column(name = "batch_size", nullable = false)
    private int size;

    @Column(name = "created_by", length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "sheet_available_until")
    private LocalDateTime sheetAvailableUntil;

    @Column(name = "sheet_downloads", nullable = false)
    private int sheetDownloads;

    @Column(name = "voided_at")
    private LocalDateTime voidedAt;

    @Column(name = "voided_by", length = 100)
    private String voidedBy;

    @Column(name = "void_reason", length = 500)
    private String voidReason;

    /** For JPA. */
    protected TicketBatch() {
    }

    /**
     * Creates a batch.
     *
     * @param contestId the contest
     * @param now the time (UTC)
     */
    public TicketBatch(long contestId, LocalDateTime now) {
        this.contestId = contestId;
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

    /** @return the contest id */
    public long contestId() {
        return contestId;
    }

    /** @return the label */
    public String label() {
        return label;
    }

    /**
     * Sets the label.
     *
     * @param value the new value
     */
    public void label(String value) {
        this.label = value;
    }

    /** @return the size */
    public int size() {
        return size;
    }

    /**
     * Sets the size.
     *
     * @param value the new value
     */
    public void size(int value) {
        this.size = value;
    }

    /** @return the created by */
    public String createdBy() {
        return createdBy;
    }

    /**
     * Sets the created by.
     *
     * @param value the new value
     */
    public void createdBy(String value) {
        this.createdBy = value;
    }

    /** @return the created at */
    public LocalDateTime createdAt() {
        return createdAt;
    }

    /** @return the sheet available until */
    public LocalDateTime sheetAvailableUntil() {
        return sheetAvailableUntil;
    }

    /**
     * Sets the sheet available until.
     *
     * @param value the new value
     */
    public void sheetAvailableUntil(LocalDateTime value) {
        this.sheetAvailableUntil = value;
    }

    /** @return the sheet downloads */
    public int sheetDownloads() {
        return sheetDownloads;
    }

    /**
     * Sets the sheet downloads.
     *
     * @param value the new value
     */
    public void sheetDownloads(int value) {
        this.sheetDownloads = value;
    }

    /** @return the voided at */
    public LocalDateTime voidedAt() {
        return voidedAt;
    }

    /**
     * Sets the voided at.
     *
     * @param value the new value
     */
    public void voidedAt(LocalDateTime value) {
        this.voidedAt = value;
    }

    /** @return the voided by */
    public String voidedBy() {
        return voidedBy;
    }

    /**
     * Sets the voided by.
     *
     * @param value the new value
     */
    public void voidedBy(String value) {
        this.voidedBy = value;
    }

    /** @return the void reason */
    public String voidReason() {
        return voidReason;
    }

    /**
     * Sets the void reason.
     *
     * @param value the new value
     */
    public void voidReason(String value) {
        this.voidReason = value;
    }
}
