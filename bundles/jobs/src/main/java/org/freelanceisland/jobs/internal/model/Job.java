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
 * A piece of work a partner sends, to be introduced to island freelancers. Lists of skills, time windows
 * and fixed dates are kept in one column each, delimited by {@code |} ({@code |writing|photography|}), so
 * that a list of jobs is read in one query and filtered by skill with one {@code LIKE}.
 */
@Entity
@Table(name = "jobs_job", indexes = { @Index(name = "jobs_job_status_idx", columnList = "status"),
        @Index(name = "jobs_job_partner_idx", columnList = "partner_id,fiscal_year") })
public class Job {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "jobs_job_seq")
    @TableGenerator(name = "jobs_job_seq", table = "jobs_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "job", allocationSize = 20)
    @Column(name = "id")
    private Long id;

    @Version
    @Column(name = "version")
    private long version;

    @Column(name = "partner_id", nullable = false)
    private long partnerId;

    @Column(name = "title_ja", length = 200, nullable = false)
    private String titleJa;

    @Column(name = "title_en", length = 200)
    private String titleEn;

    @Column(name = "description", length = 4000)
    private String description;

    /** Skill codes and tags, delimited by | */
    @Column(name = "skills", length = 1000, nullable = false)
    private String skills;

    @Column(name = "volume", nullable = false)
    private int volume;

    @Column(name = "unit_ja", length = 40)
    private String unitJa;

    @Column(name = "unit_en", length = 40)
    private String unitEn;

    /** Effort per unit in tenths of the effort unit */
    @Column(name = "effort_tenths", nullable = false)
    private int effortTenths;

    @Enumerated(EnumType.STRING)
    @Column(name = "effort_unit", length = 10, nullable = false)
    private EffortUnit effortUnit;

    @Enumerated(EnumType.STRING)
    @Column(name = "work_mode", length = 10, nullable = false)
    private WorkMode workMode;

    @Column(name = "location", length = 200)
    private String location;

    @Column(name = "start_date")
    private LocalDate startDate;

    @Column(name = "deadline")
    private LocalDate deadline;

    /** Fixed dates (ISO), delimited by |, or null */
    @Column(name = "fixed_dates", length = 400)
    private String fixedDates;

    /** Time windows the work must be done in, delimited by |, or null */
    @Column(name = "windows", length = 100)
    private String windows;

    @Enumerated(EnumType.STRING)
    @Column(name = "pay_type", length = 10, nullable = false)
    private PayType payType;

    @Column(name = "pay_yen", nullable = false)
    private long payYen;

    /** Whether the partner allocated the job to the island with priority */
    @Column(name = "priority", nullable = false)
    private boolean priority;

    /** When the job was taken from the partner */
    @Column(name = "received_on", nullable = false)
    private LocalDate receivedOn;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 12, nullable = false)
    private JobStatus status;

    @Column(name = "closed_reason", length = 500)
    private String closedReason;

    @Column(name = "created_by", length = 200)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    /** For JPA and the services. */
    public Job() {
    }

    /** @return the id, {@code null} until persisted */
    public Long id() {
        return id;
    }

    /** @return the version, for optimistic locking */
    public long version() {
        return version;
    }

    /** @return partnerId */
    public long partnerId() {
        return partnerId;
    }

    /** @param partnerId the new value */
    public void setPartnerId(long partnerId) {
        this.partnerId = partnerId;
    }

    /** @return titleJa */
    public String titleJa() {
        return titleJa;
    }

    /** @param titleJa the new value */
    public void setTitleJa(String titleJa) {
        this.titleJa = titleJa;
    }

    /** @return titleEn */
    public String titleEn() {
        return titleEn;
    }

    /** @param titleEn the new value */
    public void setTitleEn(String titleEn) {
        this.titleEn = titleEn;
    }

    /** @return description */
    public String description() {
        return description;
    }

    /** @param description the new value */
    public void setDescription(String description) {
        this.description = description;
    }

    /** @return Skill codes and tags, delimited by | */
    public String skills() {
        return skills;
    }

    /** @param skills the new value */
    public void setSkills(String skills) {
        this.skills = skills;
    }

    /** @return volume */
    public int volume() {
        return volume;
    }

    /** @param volume the new value */
    public void setVolume(int volume) {
        this.volume = volume;
    }

    /** @return unitJa */
    public String unitJa() {
        return unitJa;
    }

    /** @param unitJa the new value */
    public void setUnitJa(String unitJa) {
        this.unitJa = unitJa;
    }

    /** @return unitEn */
    public String unitEn() {
        return unitEn;
    }

    /** @param unitEn the new value */
    public void setUnitEn(String unitEn) {
        this.unitEn = unitEn;
    }

    /** @return Effort per unit in tenths of the effort unit */
    public int effortTenths() {
        return effortTenths;
    }

    /** @param effortTenths the new value */
    public void setEffortTenths(int effortTenths) {
        this.effortTenths = effortTenths;
    }

    /** @return effortUnit */
    public EffortUnit effortUnit() {
        return effortUnit;
    }

    /** @param effortUnit the new value */
    public void setEffortUnit(EffortUnit effortUnit) {
        this.effortUnit = effortUnit;
    }

    /** @return workMode */
    public WorkMode workMode() {
        return workMode;
    }

    /** @param workMode the new value */
    public void setWorkMode(WorkMode workMode) {
        this.workMode = workMode;
    }

    /** @return location */
    public String location() {
        return location;
    }

    /** @param location the new value */
    public void setLocation(String location) {
        this.location = location;
    }

    /** @return startDate */
    public LocalDate startDate() {
        return startDate;
    }

    /** @param startDate the new value */
    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    /** @return deadline */
    public LocalDate deadline() {
        return deadline;
    }

    /** @param deadline the new value */
    public void setDeadline(LocalDate deadline) {
        this.deadline = deadline;
    }

    /** @return Fixed dates (ISO), delimited by |, or null */
    public String fixedDates() {
        return fixedDates;
    }

    /** @param fixedDates the new value */
    public void setFixedDates(String fixedDates) {
        this.fixedDates = fixedDates;
    }

    /** @return Time windows the work must be done in, delimited by |, or null */
    public String windows() {
        return windows;
    }

    /** @param windows the new value */
    public void setWindows(String windows) {
        this.windows = windows;
    }

    /** @return payType */
    public PayType payType() {
        return payType;
    }

    /** @param payType the new value */
    public void setPayType(PayType payType) {
        this.payType = payType;
    }

    /** @return payYen */
    public long payYen() {
        return payYen;
    }

    /** @param payYen the new value */
    public void setPayYen(long payYen) {
        this.payYen = payYen;
    }

    /** @return Whether the partner allocated the job to the island with priority */
    public boolean priority() {
        return priority;
    }

    /** @param priority the new value */
    public void setPriority(boolean priority) {
        this.priority = priority;
    }

    /** @return When the job was taken from the partner */
    public LocalDate receivedOn() {
        return receivedOn;
    }

    /** @param receivedOn the new value */
    public void setReceivedOn(LocalDate receivedOn) {
        this.receivedOn = receivedOn;
    }

    /** @return fiscalYear */
    public int fiscalYear() {
        return fiscalYear;
    }

    /** @param fiscalYear the new value */
    public void setFiscalYear(int fiscalYear) {
        this.fiscalYear = fiscalYear;
    }

    /** @return status */
    public JobStatus status() {
        return status;
    }

    /** @param status the new value */
    public void setStatus(JobStatus status) {
        this.status = status;
    }

    /** @return closedReason */
    public String closedReason() {
        return closedReason;
    }

    /** @param closedReason the new value */
    public void setClosedReason(String closedReason) {
        this.closedReason = closedReason;
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
