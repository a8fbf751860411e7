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
 * A job introduced to one freelancer (alone or as a member of a team), with the terms offered, the
 * freelancer's pending counter-proposal and the terms agreed. One per job and person.
 */
@Entity
@Table(name = "jobs_introduction", indexes = { @Index(name = "jobs_introduction_uq", columnList = "job_id,person_id", unique = true),
        @Index(name = "jobs_introduction_person_idx", columnList = "person_id,status"),
        @Index(name = "jobs_introduction_status_idx", columnList = "status") })
public class Introduction {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "jobs_introduction_seq")
    @TableGenerator(name = "jobs_introduction_seq", table = "jobs_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "introduction", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Version
    @Column(name = "version")
    private long version;

    @Column(name = "job_id", nullable = false)
    private long jobId;

    @Column(name = "person_id", length = 100, nullable = false)
    private String personId;

    @Column(name = "team_id")
    private Long teamId;

    @Column(name = "role", length = 100)
    private String role;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 12, nullable = false)
    private IntroductionStatus status;

    @Column(name = "offered_scope", length = 2000)
    private String offeredScope;

    @Column(name = "offered_units")
    private Integer offeredUnits;

    @Column(name = "offered_pay_yen")
    private Long offeredPayYen;

    @Column(name = "offered_due_date")
    private LocalDate offeredDueDate;

    @Column(name = "proposed_scope", length = 2000)
    private String proposedScope;

    @Column(name = "proposed_units")
    private Integer proposedUnits;

    @Column(name = "proposed_pay_yen")
    private Long proposedPayYen;

    @Column(name = "proposed_due_date")
    private LocalDate proposedDueDate;

    @Column(name = "agreed_scope", length = 2000)
    private String agreedScope;

    @Column(name = "agreed_units")
    private Integer agreedUnits;

    @Column(name = "agreed_pay_yen")
    private Long agreedPayYen;

    @Column(name = "agreed_due_date")
    private LocalDate agreedDueDate;

    @Column(name = "note", length = 1000)
    private String note;

    @Column(name = "contract_id")
    private Long contractId;

    @Column(name = "created_by", length = 200)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    /** For JPA and the services. */
    public Introduction() {
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

    /** @return status */
    public IntroductionStatus status() {
        return status;
    }

    /** @param status the new value */
    public void setStatus(IntroductionStatus status) {
        this.status = status;
    }

    /** @return offeredScope */
    public String offeredScope() {
        return offeredScope;
    }

    /** @param offeredScope the new value */
    public void setOfferedScope(String offeredScope) {
        this.offeredScope = offeredScope;
    }

    /** @return offeredUnits */
    public Integer offeredUnits() {
        return offeredUnits;
    }

    /** @param offeredUnits the new value */
    public void setOfferedUnits(Integer offeredUnits) {
        this.offeredUnits = offeredUnits;
    }

    /** @return offeredPayYen */
    public Long offeredPayYen() {
        return offeredPayYen;
    }

    /** @param offeredPayYen the new value */
    public void setOfferedPayYen(Long offeredPayYen) {
        this.offeredPayYen = offeredPayYen;
    }

    /** @return offeredDueDate */
    public LocalDate offeredDueDate() {
        return offeredDueDate;
    }

    /** @param offeredDueDate the new value */
    public void setOfferedDueDate(LocalDate offeredDueDate) {
        this.offeredDueDate = offeredDueDate;
    }

    /** @return proposedScope */
    public String proposedScope() {
        return proposedScope;
    }

    /** @param proposedScope the new value */
    public void setProposedScope(String proposedScope) {
        this.proposedScope = proposedScope;
    }

    /** @return proposedUnits */
    public Integer proposedUnits() {
        return proposedUnits;
    }

    /** @param proposedUnits the new value */
    public void setProposedUnits(Integer proposedUnits) {
        this.proposedUnits = proposedUnits;
    }

    /** @return proposedPayYen */
    public Long proposedPayYen() {
        return proposedPayYen;
    }

    /** @param proposedPayYen the new value */
    public void setProposedPayYen(Long proposedPayYen) {
        this.proposedPayYen = proposedPayYen;
    }

    /** @return proposedDueDate */
    public LocalDate proposedDueDate() {
        return proposedDueDate;
    }

    /** @param proposedDueDate the new value */
    public void setProposedDueDate(LocalDate proposedDueDate) {
        this.proposedDueDate = proposedDueDate;
    }

    /** @return agreedScope */
    public String agreedScope() {
        return agreedScope;
    }

    /** @param agreedScope the new value */
    public void setAgreedScope(String agreedScope) {
        this.agreedScope = agreedScope;
    }

    /** @return agreedUnits */
    public Integer agreedUnits() {
        return agreedUnits;
    }

    /** @param agreedUnits the new value */
    public void setAgreedUnits(Integer agreedUnits) {
        this.agreedUnits = agreedUnits;
    }

    /** @return agreedPayYen */
    public Long agreedPayYen() {
        return agreedPayYen;
    }

    /** @param agreedPayYen the new value */
    public void setAgreedPayYen(Long agreedPayYen) {
        this.agreedPayYen = agreedPayYen;
    }

    /** @return agreedDueDate */
    public LocalDate agreedDueDate() {
        return agreedDueDate;
    }

    /** @param agreedDueDate the new value */
    public void setAgreedDueDate(LocalDate agreedDueDate) {
        this.agreedDueDate = agreedDueDate;
    }

    /** @return note */
    public String note() {
        return note;
    }

    /** @param note the new value */
    public void setNote(String note) {
        this.note = note;
    }

    /** @return contractId */
    public Long contractId() {
        return contractId;
    }

    /** @param contractId the new value */
    public void setContractId(Long contractId) {
        this.contractId = contractId;
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
