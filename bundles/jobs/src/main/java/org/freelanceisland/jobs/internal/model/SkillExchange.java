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
 * A skill-share exchange between two freelancers: one provides a skill, the other receives it.
 */
@Entity
@Table(name = "jobs_skill_exchange", indexes = { @Index(name = "jobs_skill_exchange_status_idx", columnList = "status") })
public class SkillExchange {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "jobs_skill_exchange_seq")
    @TableGenerator(name = "jobs_skill_exchange_seq", table = "jobs_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "skill_exchange", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Version
    @Column(name = "version")
    private long version;

    @Column(name = "offer_id")
    private Long offerId;

    @Column(name = "request_id")
    private Long requestId;

    @Column(name = "provider_id", length = 100, nullable = false)
    private String providerId;

    @Column(name = "receiver_id", length = 100, nullable = false)
    private String receiverId;

    @Column(name = "skill", length = 40, nullable = false)
    private String skill;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 12, nullable = false)
    private ExchangeStatus status;

    @Column(name = "note", length = 1000)
    private String note;

    @Column(name = "completed_on")
    private LocalDate completedOn;

    @Column(name = "cancelled_reason", length = 1000)
    private String cancelledReason;

    @Column(name = "created_by", length = 200)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    /** For JPA and the services. */
    public SkillExchange() {
    }

    /** @return the id, {@code null} until persisted */
    public Long id() {
        return id;
    }

    /** @return the version, for optimistic locking */
    public long version() {
        return version;
    }

    /** @return offerId */
    public Long offerId() {
        return offerId;
    }

    /** @param offerId the new value */
    public void setOfferId(Long offerId) {
        this.offerId = offerId;
    }

    /** @return requestId */
    public Long requestId() {
        return requestId;
    }

    /** @param requestId the new value */
    public void setRequestId(Long requestId) {
        this.requestId = requestId;
    }

    /** @return providerId */
    public String providerId() {
        return providerId;
    }

    /** @param providerId the new value */
    public void setProviderId(String providerId) {
        this.providerId = providerId;
    }

    /** @return receiverId */
    public String receiverId() {
        return receiverId;
    }

    /** @param receiverId the new value */
    public void setReceiverId(String receiverId) {
        this.receiverId = receiverId;
    }

    /** @return skill */
    public String skill() {
        return skill;
    }

    /** @param skill the new value */
    public void setSkill(String skill) {
        this.skill = skill;
    }

    /** @return status */
    public ExchangeStatus status() {
        return status;
    }

    /** @param status the new value */
    public void setStatus(ExchangeStatus status) {
        this.status = status;
    }

    /** @return note */
    public String note() {
        return note;
    }

    /** @param note the new value */
    public void setNote(String note) {
        this.note = note;
    }

    /** @return completedOn */
    public LocalDate completedOn() {
        return completedOn;
    }

    /** @param completedOn the new value */
    public void setCompletedOn(LocalDate completedOn) {
        this.completedOn = completedOn;
    }

    /** @return cancelledReason */
    public String cancelledReason() {
        return cancelledReason;
    }

    /** @param cancelledReason the new value */
    public void setCancelledReason(String cancelledReason) {
        this.cancelledReason = cancelledReason;
    }

    /** @return createdBy */
    public String createdBy() {
        return createdBy;
    }

    /** @param createdBy the new value */
    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
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
