package org.freelanceisland.terakoya.internal.model;

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

/** A participant's attendance at one session, as staff took it. One row per session and enrolment. */
@Entity
@Table(name = "terakoya_attendance",
        indexes = { @Index(name = "terakoya_attendance_uq", columnList = "session_id,enrolment_id", unique = true),
                @Index(name = "terakoya_attendance_course_idx", columnList = "course_id"),
                @Index(name = "terakoya_attendance_enrolment_idx", columnList = "enrolment_id") })
public class Attendance {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "terakoya_attendance_seq")
    @TableGenerator(name = "terakoya_attendance_seq", table = "terakoya_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "attendance", allocationSize = 100)
    @Column(name = "id")
    private Long id;

    @Column(name = "course_id", nullable = false)
    private long courseId;

    @Column(name = "session_id", nullable = false)
    private long sessionId;

    @Column(name = "enrolment_id", nullable = false)
    private long enrolmentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 10, nullable = false)
    private AttendanceStatus status;

    @Column(name = "note", length = 200)
    private String note;

    @Column(name = "recorded_by", length = 200, nullable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private LocalDateTime recordedAt;

    /** For JPA. */
    protected Attendance() {
    }

    /**
     * Creates a record.
     *
     * @param courseId the course
     * @param sessionId the session
     * @param enrolmentId the participant's enrolment
     */
    public Attendance(long courseId, long sessionId, long enrolmentId) {
        this.courseId = courseId;
        this.sessionId = sessionId;
        this.enrolmentId = enrolmentId;
    }

    /**
     * Sets the status.
     *
     * @param status the status
     * @param note a note, or {@code null}
     * @param recordedBy who took it
     * @param now now (UTC)
     */
    public void record(AttendanceStatus status, String note, String recordedBy, LocalDateTime now) {
        this.status = status;
        this.note = note;
        this.recordedBy = recordedBy;
        this.recordedAt = now;
    }

    public Long id() {
        return id;
    }

    public long courseId() {
        return courseId;
    }

    public long sessionId() {
        return sessionId;
    }

    public long enrolmentId() {
        return enrolmentId;
    }

    public AttendanceStatus status() {
        return status;
    }

    public String note() {
        return note;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public LocalDateTime recordedAt() {
        return recordedAt;
    }
}
