package org.freelanceisland.terakoya.internal.model;

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
 * A person's application to a course and everything that follows from it: acceptance, the
 * waitlist, the final assignment and completion. One row per person and course (a unique
 * constraint): applying again after withdrawing reuses the row.
 */
@Entity
@Table(name = "terakoya_enrolment",
        indexes = { @Index(name = "terakoya_enrolment_person_uq", columnList = "course_id,person_id", unique = true),
                @Index(name = "terakoya_enrolment_queue_idx", columnList = "course_id,status,queue_no"),
                @Index(name = "terakoya_enrolment_person_idx", columnList = "person_id"),
                @Index(name = "terakoya_enrolment_completed_idx", columnList = "completed_at") })
public class Enrolment {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "terakoya_enrolment_seq")
    @TableGenerator(name = "terakoya_enrolment_seq", table = "terakoya_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "enrolment", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Version
    @Column(name = "version")
    private long version;

    @Column(name = "course_id", nullable = false)
    private long courseId;

    @Column(name = "person_id", length = 100, nullable = false)
    private String personId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 12, nullable = false)
    private EnrolmentStatus status;

    /** Order of arrival within the course; the waitlist is served in this order. */
    @Column(name = "queue_no", nullable = false)
    private long queueNo;

    @Column(name = "applied_at", nullable = false)
    private LocalDateTime appliedAt;

    /** When the application got its seat (at once, or when promoted from the waitlist). */
    @Column(name = "seat_since")
    private LocalDateTime seatSince;

    @Column(name = "accepted_at")
    private LocalDateTime acceptedAt;

    @Column(name = "closed_at")
    private LocalDateTime closedAt;

    @Column(name = "closed_reason", length = 500)
    private String closedReason;

    @Column(name = "assignment_submitted_on")
    private LocalDate assignmentSubmittedOn;

    @Column(name = "completed_at")
    private LocalDateTime completedAt;

    @Column(name = "note", length = 500)
    private String note;

    /** For JPA. */
    protected Enrolment() {
    }

    /**
     * Creates an application.
     *
     * @param courseId the course
     * @param personId the person
     */
    public Enrolment(long courseId, String personId) {
        this.courseId = courseId;
        this.personId = personId;
    }

    /**
     * (Re)starts the application: it takes a seat or joins the waitlist.
     *
     * @param queueNo its place in the order of arrival
     * @param seat whether a seat is free for it
     * @param note staff's note, or {@code null}
     * @param now now (UTC)
     */
    public void apply(long queueNo, boolean seat, String note, LocalDateTime now) {
        this.queueNo = queueNo;
        this.status = seat ? EnrolmentStatus.APPLIED : EnrolmentStatus.WAITLISTED;
        this.appliedAt = now;
        this.seatSince = seat ? now : null;
        this.acceptedAt = null;
        this.closedAt = null;
        this.closedReason = null;
        this.note = note;
    }

    /**
     * Gives a waitlisted application the seat that freed.
     *
     * @param now now (UTC)
     */
    public void promote(LocalDateTime now) {
        this.status = EnrolmentStatus.APPLIED;
        this.seatSince = now;
    }

    /**
     * Staff accept the application.
     *
     * @param now now (UTC)
     */
    public void accept(LocalDateTime now) {
        this.status = EnrolmentStatus.ACCEPTED;
        this.acceptedAt = now;
    }

    /**
     * Ends the application.
     *
     * @param status {@link EnrolmentStatus#DECLINED} or {@link EnrolmentStatus#WITHDRAWN}
     * @param reason why, or {@code null}
     * @param now now (UTC)
     */
    public void close(EnrolmentStatus status, String reason, LocalDateTime now) {
        this.status = status;
        this.closedReason = reason;
        this.closedAt = now;
        this.seatSince = null;
    }

    /**
     * Records the final assignment.
     *
     * @param submittedOn the day it was submitted, or {@code null} when it is not (or no longer) submitted
     */
    public void assignment(LocalDate submittedOn) {
        this.assignmentSubmittedOn = submittedOn;
    }

    /**
     * Marks the course completed.
     *
     * @param now now (UTC)
     */
    public void complete(LocalDateTime now) {
        this.completedAt = now;
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public long courseId() {
        return courseId;
    }

    public String personId() {
        return personId;
    }

    public EnrolmentStatus status() {
        return status;
    }

    public long queueNo() {
        return queueNo;
    }

    public LocalDateTime appliedAt() {
        return appliedAt;
    }

    public LocalDateTime seatSince() {
        return seatSince;
    }

    public LocalDateTime acceptedAt() {
        return acceptedAt;
    }

    public LocalDateTime closedAt() {
        return closedAt;
    }

    public String closedReason() {
        return closedReason;
    }

    public LocalDate assignmentSubmittedOn() {
        return assignmentSubmittedOn;
    }

    public LocalDateTime completedAt() {
        return completedAt;
    }

    public String note() {
        return note;
    }
}
