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
 * A contract with a freelancer for (part of) a job, made from an accepted introduction: the written
 * terms the Freelance Act asks for (scope, pay, due date, payment date, the day they were given in
 * writing), delivery and payment.
 */
@Entity
@Table(name = "jobs_contract", indexes = { @Index(name = "jobs_contract_introduction_uq", columnList = "introduction_id", unique = true),
        @Index(name = "jobs_contract_person_idx", columnList = "person_id,status"),
        @Index(name = "jobs_contract_job_idx", columnList = "job_id"),
        @Index(name = "jobs_contract_paid_idx", columnList = "paid_fiscal_year,person_id") })
public class Contract {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "jobs_contract_seq")
    @TableGenerator(name = "jobs_contract_seq", table = "jobs_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "contract", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Version
    @Column(name = "version")
    private long version;

    @Column(name = "job_id", nullable = false)
    private long jobId;

    @Column(name = "introduction_id", nullable = false)
    private long introductionId;

    @Column(name = "person_id", length = 100, nullable = false)
    private String personId;

    @Column(name = "team_id")
    private Long teamId;

    @Column(name = "role", length = 100)
    private String role;

    @Column(name = "scope", length = 2000)
    private String scope;

    @Column(name = "units")
    private Integer units;

    @Column(name = "pay_yen")
    private Long payYen;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @Column(name = "payment_due_date")
    private LocalDate paymentDueDate;

    /**
     * The last day payment may be made under the Freelance Act: 60 days counted from the day of
     * delivery (or, before delivery, from the due date) as day 1; {@code null} while neither is known.
     */
    @Column(name = "payment_limit")
    private LocalDate paymentLimit;

    /** The day the written terms were given to the freelancer */
    @Column(name = "terms_issued_on")
    private LocalDate termsIssuedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 12, nullable = false)
    private ContractStatus status;

    @Column(name = "delivered_on")
    private LocalDate deliveredOn;

    @Column(name = "delivery_note", length = 1000)
    private String deliveryNote;

    @Column(name = "paid_on")
    private LocalDate paidOn;

    @Column(name = "paid_amount_yen")
    private Long paidAmountYen;

    @Column(name = "paid_fiscal_year")
    private Integer paidFiscalYear;

    @Column(name = "cancelled_reason", length = 1000)
    private String cancelledReason;

    @Column(name = "created_by", length = 200)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    /** For JPA and the services. */
    public Contract() {
    }

    /** @return the id, {@code null} until persisted */
    public Long id() {
        return id;
    }

    /** @return the version, for optimistic locking */
    public long version() {
        return version;
    }

    /** @return jobId */
    public long jobId() {
        return jobId;
    }

    /** @param jobId the new value */
    public void setJobId(long jobId) {
        this.jobId = jobId;
    }

    /** @return introductionId */
    public long introductionId() {
        return introductionId;
    }

    /** @param introductionId the new value */
    public void setIntroductionId(long introductionId) {
        this.introductionId = introductionId;
    }

    /** @return personId */
    public String personId() {
        return personId;
    }

    /** @param personId the new value */
    public void setPersonId(String personId) {
        this.personId = personId;
    }

    /** @return teamId */
    public Long teamId() {
        return teamId;
    }

    /** @param teamId the new value */
    public void setTeamId(Long teamId) {
        this.teamId = teamId;
    }

    /** @return role */
    public String role() {
        return role;
    }

    /** @param role the new value */
    public void setRole(String role) {
        this.role = role;
    }

    /** @return scope */
    public String scope() {
        return scope;
    }

    /** @param scope the new value */
    public void setScope(String scope) {
        this.scope = scope;
    }

    /** @return units */
    public Integer units() {
        return units;
    }

    /** @param units the new value */
    public void setUnits(Integer units) {
        this.units = units;
    }

    /** @return payYen */
    public Long payYen() {
        return payYen;
    }

    /** @param payYen the new value */
    public void setPayYen(Long payYen) {
        this.payYen = payYen;
    }

    /** @return dueDate */
    public LocalDate dueDate() {
        return dueDate;
    }

    /** @param dueDate the new value */
    public void setDueDate(LocalDate dueDate) {
        this.dueDate = dueDate;
    }

    /** @return paymentDueDate */
    public LocalDate paymentDueDate() {
        return paymentDueDate;
    }

    /** @param paymentDueDate the new value */
    public void setPaymentDueDate(LocalDate paymentDueDate) {
        this.paymentDueDate = paymentDueDate;
    }

    /** @return the last day payment may be made, or {@code null} */
    public LocalDate paymentLimit() {
        return paymentLimit;
    }

    /** @param paymentLimit the new value */
    public void setPaymentLimit(LocalDate paymentLimit) {
        this.paymentLimit = paymentLimit;
    }

    /** @return The day the written terms were given to the freelancer */
    public LocalDate termsIssuedOn() {
        return termsIssuedOn;
    }

    /** @param termsIssuedOn the new value */
    public void setTermsIssuedOn(LocalDate termsIssuedOn) {
        this.termsIssuedOn = termsIssuedOn;
    }

    /** @return status */
    public ContractStatus status() {
        return status;
    }

    /** @param status the new value */
    public void setStatus(ContractStatus status) {
        this.status = status;
    }

    /** @return deliveredOn */
    public LocalDate deliveredOn() {
        return deliveredOn;
    }

    /** @param deliveredOn the new value */
    public void setDeliveredOn(LocalDate deliveredOn) {
        this.deliveredOn = deliveredOn;
    }

    /** @return deliveryNote */
    public String deliveryNote() {
        return deliveryNote;
    }

    /** @param deliveryNote the new value */
    public void setDeliveryNote(String deliveryNote) {
        this.deliveryNote = deliveryNote;
    }

    /** @return paidOn */
    public LocalDate paidOn() {
        return paidOn;
    }

    /** @param paidOn the new value */
    public void setPaidOn(LocalDate paidOn) {
        this.paidOn = paidOn;
    }

    /** @return paidAmountYen */
    public Long paidAmountYen() {
        return paidAmountYen;
    }

    /** @param paidAmountYen the new value */
    public void setPaidAmountYen(Long paidAmountYen) {
        this.paidAmountYen = paidAmountYen;
    }

    /** @return paidFiscalYear */
    public Integer paidFiscalYear() {
        return paidFiscalYear;
    }

    /** @param paidFiscalYear the new value */
    public void setPaidFiscalYear(Integer paidFiscalYear) {
        this.paidFiscalYear = paidFiscalYear;
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
