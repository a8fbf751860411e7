package org.freelanceisland.jobs.internal.model;

import java.time.LocalDate;
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

/**
 * A company or platform that sends work (a crowdsourcing marketplace, a stock-photo marketplace, ...).
 * Its row is locked while a job with priority allocation is added, so the yearly quota holds under
 * concurrent requests.
 */
@Entity
@Table(name = "jobs_partner", indexes = { @Index(name = "jobs_partner_name_uq", columnList = "name", unique = true) })
public class Partner {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "jobs_partner_seq")
    @TableGenerator(name = "jobs_partner_seq", table = "jobs_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "partner", allocationSize = 10)
    @Column(name = "id")
    private Long id;

    @Version
    @Column(name = "version")
    private long version;

    @Column(name = "name", length = 200, nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 20, nullable = false)
    private PartnerKind kind;

    @Column(name = "contact_name", length = 200)
    private String contactName;

    @Column(name = "contact_email", length = 200)
    private String contactEmail;

    @Column(name = "contact_phone", length = 50)
    private String contactPhone;

    /** The agreement with the partner, in a few words (what, since when, terms) */
    @Column(name = "agreement", length = 2000)
    private String agreement;

    @Column(name = "agreement_from")
    private LocalDate agreementFrom;

    @Column(name = "agreement_until")
    private LocalDate agreementUntil;

    /** How many jobs a fiscal year the partner allocates to the island with priority, or null for none */
    @Column(name = "priority_quota")
    private Integer priorityQuota;

    @Column(name = "note", length = 2000)
    private String note;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    /** For JPA and the services. */
    public Partner() {
    }

    /** @return the id, {@code null} until persisted */
    public Long id() {
        return id;
    }

    /** @return the version, for optimistic locking */
    public long version() {
        return version;
    }

    /** @return name */
    public String name() {
        return name;
    }

    /** @param name the new value */
    public void setName(String name) {
        this.name = name;
    }

    /** @return kind */
    public PartnerKind kind() {
        return kind;
    }

    /** @param kind the new value */
    public void setKind(PartnerKind kind) {
        this.kind = kind;
    }

    /** @return contactName */
    public String contactName() {
        return contactName;
    }

    /** @param contactName the new value */
    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    /** @return contactEmail */
    public String contactEmail() {
        return contactEmail;
    }

    /** @param contactEmail the new value */
    public void setContactEmail(String contactEmail) {
        this.contactEmail = contactEmail;
    }

    /** @return contactPhone */
    public String contactPhone() {
        return contactPhone;
    }

    /** @param contactPhone the new value */
    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }

    /** @return The agreement with the partner, in a few words (what, since when, terms) */
    public String agreement() {
        return agreement;
    }

    /** @param agreement the new value */
    public void setAgreement(String agreement) {
        this.agreement = agreement;
    }

    /** @return agreementFrom */
    public LocalDate agreementFrom() {
        return agreementFrom;
    }

    /** @param agreementFrom the new value */
    public void setAgreementFrom(LocalDate agreementFrom) {
        this.agreementFrom = agreementFrom;
    }

    /** @return agreementUntil */
    public LocalDate agreementUntil() {
        return agreementUntil;
    }

    /** @param agreementUntil the new value */
    public void setAgreementUntil(LocalDate agreementUntil) {
        this.agreementUntil = agreementUntil;
    }

    /** @return How many jobs a fiscal year the partner allocates to the island with priority, or null for none */
    public Integer priorityQuota() {
        return priorityQuota;
    }

    /** @param priorityQuota the new value */
    public void setPriorityQuota(Integer priorityQuota) {
        this.priorityQuota = priorityQuota;
    }

    /** @return note */
    public String note() {
        return note;
    }

    /** @param note the new value */
    public void setNote(String note) {
        this.note = note;
    }

    /** @return active */
    public boolean active() {
        return active;
    }

    /** @param active the new value */
    public void setActive(boolean active) {
        this.active = active;
    }

    /** @return createdAt */
    public LocalDateTime createdAt() {
        return createdAt;
    }

    /** @param createdAt the new value */
    public void setCreatedAt(LocalDateTime createdAt) {
        this.createdAt = createdAt;
    }

    /** @return updatedAt */
    public LocalDateTime updatedAt() {
        return updatedAt;
    }

    /** @param updatedAt the new value */
    public void setUpdatedAt(LocalDateTime updatedAt) {
        this.updatedAt = updatedAt;
    }
}
