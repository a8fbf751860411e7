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
 * One step in the history of an introduction: who recorded what, when, how the answer came, and the
 * terms of a proposal. Never changed once written.
 */
@Entity
@Table(name = "jobs_introduction_event", indexes = { @Index(name = "jobs_introduction_event_idx", columnList = "introduction_id,occurred_at") })
public class IntroductionEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "jobs_introduction_event_seq")
    @TableGenerator(name = "jobs_introduction_event_seq", table = "jobs_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "introduction_event", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Version
    @Column(name = "version")
    private long version;

    @Column(name = "introduction_id", nullable = false)
    private long introductionId;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", length = 20, nullable = false)
    private IntroductionAction action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 12)
    private IntroductionStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", length = 12, nullable = false)
    private IntroductionStatus toStatus;

    @Column(name = "occurred_at", nullable = false)
    private LocalDateTime at;

    @Column(name = "actor", length = 200, nullable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", length = 12)
    private Channel channel;

    @Column(name = "reason", length = 1000)
    private String reason;

    @Column(name = "scope", length = 2000)
    private String scope;

    @Column(name = "units")
    private Integer units;

    @Column(name = "pay_yen")
    private Long payYen;

    @Column(name = "due_date")
    private LocalDate dueDate;

    /** For JPA and the services. */
    public IntroductionEvent() {
    }

    /** @return the id, {@code null} until persisted */
    public Long id() {
        return id;
    }

    /** @return the version, for optimistic locking */
    public long version() {
        return version;
    }

    /** @return introductionId */
    public long introductionId() {
        return introductionId;
    }

    /** @param introductionId the new value */
    public void setIntroductionId(long introductionId) {
        this.introductionId = introductionId;
    }

    /** @return action */
    public IntroductionAction action() {
        return action;
    }

    /** @param action the new value */
    public void setAction(IntroductionAction action) {
        this.action = action;
    }

    /** @return fromStatus */
    public IntroductionStatus fromStatus() {
        return fromStatus;
    }

    /** @param fromStatus the new value */
    public void setFromStatus(IntroductionStatus fromStatus) {
        this.fromStatus = fromStatus;
    }

    /** @return toStatus */
    public IntroductionStatus toStatus() {
        return toStatus;
    }

    /** @param toStatus the new value */
    public void setToStatus(IntroductionStatus toStatus) {
        this.toStatus = toStatus;
    }

    /** @return at */
    public LocalDateTime at() {
        return at;
    }

    /** @param at the new value */
    public void setAt(LocalDateTime at) {
        this.at = at;
    }

    /** @return actor */
    public String actor() {
        return actor;
    }

    /** @param actor the new value */
    public void setActor(String actor) {
        this.actor = actor;
    }

    /** @return channel */
    public Channel channel() {
        return channel;
    }

    /** @param channel the new value */
    public void setChannel(Channel channel) {
        this.channel = channel;
    }

    /** @return reason */
    public String reason() {
        return reason;
    }

    /** @param reason the new value */
    public void setReason(String reason) {
        this.reason = reason;
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
}
