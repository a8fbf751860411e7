package org.freelanceisland.terakoya.internal.model;

import java.time.LocalDate;
import java.time.LocalTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** One session of a course: a date, a time and optionally a topic and a place of its own. */
@Entity
@Table(name = "terakoya_session",
        indexes = { @Index(name = "terakoya_session_no_uq", columnList = "course_id,session_no", unique = true),
                @Index(name = "terakoya_session_course_idx", columnList = "course_id,session_date") })
public class CourseSession {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "terakoya_session_seq")
    @TableGenerator(name = "terakoya_session_seq", table = "terakoya_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "session", allocationSize = 20)
    @Column(name = "id")
    private Long id;

    @Column(name = "course_id", nullable = false)
    private long courseId;

    /** The session's number within its course, 1, 2, 3 ... in the order they were added. */
    @Column(name = "session_no", nullable = false)
    private int number;

    @Column(name = "session_date", nullable = false)
    private LocalDate date;

    @Column(name = "starts_at", nullable = false)
    private LocalTime startsAt;

    @Column(name = "ends_at", nullable = false)
    private LocalTime endsAt;

    @Column(name = "topic_ja", length = 200)
    private String topicJa;

    @Column(name = "topic_en", length = 200)
    private String topicEn;

    @Column(name = "location", length = 200)
    private String location;

    /** For JPA. */
    protected CourseSession() {
    }

    /**
     * Creates a session.
     *
     * @param courseId its course
     * @param number its number within the course
     */
    public CourseSession(long courseId, int number) {
        this.courseId = courseId;
        this.number = number;
    }

    /**
     * Sets the schedule and topic.
     *
     * @param date the date
     * @param startsAt start time
     * @param endsAt end time
     * @param topicJa topic in Japanese, or {@code null}
     * @param topicEn topic in English, or {@code null}
     * @param location place, or {@code null} for the course's
     */
    public void update(LocalDate date, LocalTime startsAt, LocalTime endsAt, String topicJa, String topicEn,
            String location) {
        this.date = date;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.topicJa = topicJa;
        this.topicEn = topicEn;
        this.location = location;
    }

    public Long id() {
        return id;
    }

    public long courseId() {
        return courseId;
    }

    public int number() {
        return number;
    }

    public LocalDate date() {
        return date;
    }

    public LocalTime startsAt() {
        return startsAt;
    }

    public LocalTime endsAt() {
        return endsAt;
    }

    public String topicJa() {
        return topicJa;
    }

    public String topicEn() {
        return topicEn;
    }

    public String location() {
        return location;
    }
}
