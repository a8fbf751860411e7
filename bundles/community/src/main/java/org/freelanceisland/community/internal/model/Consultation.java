package org.freelanceisland.community.internal.model;

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
 * A consultation at the desk: who (a registered person, or an anonymous visitor), when, about what,
 * how, staff's notes, and the follow-up.
 */
@Entity
@Table(name = "community_consultation",
        indexes = { @Index(name = "community_consultation_held_idx", columnList = "held_on"),
                @Index(name = "community_consultation_follow_idx", columnList = "status,follow_up_on"),
                @Index(name = "community_consultation_person_idx", columnList = "person_id") })
public class Consultation {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "community_consultation_seq")
    @TableGenerator(name = "community_consultation_seq", table = "community_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "consultation", allocationSize = 20)
    @Column(name = "id")
    private Long id;

    @Version
    @Column(name = "version")
    private long version;

    /** The person, or {@code null} for an anonymous visitor. */
    @Column(name = "person_id", length = 100)
    private String personId;

    @Column(name = "held_on", nullable = false)
    private LocalDate heldOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "topic", length = 30, nullable = false)
    private ConsultationTopic topic;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", length = 12, nullable = false)
    private Channel channel;

    @Column(name = "notes", length = 4000)
    private String notes;

    @Column(name = "follow_up_on")
    private LocalDate followUpOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 12, nullable = false)
    private CaseStatus status;

    @Column(name = "recorded_by", length = 100, nullable = false)
    private String recordedBy;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    /** For JPA. */
    protected Consultation() {
    }

    /**
     * Creates a case.
     *
     * @param recordedBy the staff account that logged it
     * @param now now (UTC)
     */
    public Consultation(String recordedBy, LocalDateTime now) {
        this.recordedBy = recordedBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * Sets everything staff may edit.
     *
     * @param personId the person or {@code null}
     * @param heldOn the day
     * @param topic the topic
     * @param channel the channel
     * @param notes notes or {@code null}
     * @param followUpOn the follow-up date or {@code null}
     * @param status the status
     * @param now now (UTC)
     */
    public void update(String personId, LocalDate heldOn, ConsultationTopic topic, Channel channel, String notes,
            LocalDate followUpOn, CaseStatus status, LocalDateTime now) {
        this.personId = personId;
        this.heldOn = heldOn;
        this.topic = topic;
        this.channel = channel;
        this.notes = notes;
        this.followUpOn = followUpOn;
        this.status = status;
        this.updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public String personId() {
        return personId;
    }

    public LocalDate heldOn() {
        return heldOn;
    }

    public ConsultationTopic topic() {
        return topic;
    }

    public Channel channel() {
        return channel;
    }

    public String notes() {
        return notes;
    }

    public LocalDate followUpOn() {
        return followUpOn;
    }

    public CaseStatus status() {
        return status;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }

    public LocalDateTime updatedAt() {
        return updatedAt;
    }
}
