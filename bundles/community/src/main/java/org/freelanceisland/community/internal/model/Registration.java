package org.freelanceisland.community.internal.model;

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
 * A person's registration to an event, with the check-in code they show (or type) at the door.
 * One row per person and event (a unique index); registering again after cancelling reuses it.
 */
@Entity
@Table(name = "community_registration",
        indexes = { @Index(name = "community_registration_person_uq", columnList = "event_id,person_id", unique = true),
                @Index(name = "community_registration_code_uq", columnList = "event_id,check_in_code", unique = true),
                @Index(name = "community_registration_queue_idx", columnList = "event_id,status,queue_no"),
                @Index(name = "community_registration_person_idx", columnList = "person_id") })
public class Registration {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "community_registration_seq")
    @TableGenerator(name = "community_registration_seq", table = "community_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "registration", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Version
    @Column(name = "version")
    private long version;

    @Column(name = "event_id", nullable = false)
    private long eventId;

    @Column(name = "person_id", length = 100, nullable = false)
    private String personId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 12, nullable = false)
    private RegistrationStatus status;

    /** Order of arrival within the event; the waitlist is served in this order. */
    @Column(name = "queue_no", nullable = false)
    private long queueNo;

    @Column(name = "check_in_code", length = 16, nullable = false)
    private String checkInCode;

    @Column(name = "registered_at", nullable = false)
    private LocalDateTime registeredAt;

    @Column(name = "cancelled_at")
    private LocalDateTime cancelledAt;

    @Column(name = "checked_in_at")
    private LocalDateTime checkedInAt;

    /** Who checked the person in: a staff account's name, or {@code self} for the attendee's code. */
    @Column(name = "checked_in_by", length = 100)
    private String checkedInBy;

    /** Registered at the door by staff when checking in, without registering beforehand. */
    @Column(name = "walk_in", nullable = false)
    private boolean walkIn;

    @Column(name = "note", length = 500)
    private String note;

    /** For JPA. */
    protected Registration() {
    }

    /**
     * Creates a registration.
     *
     * @param eventId the event
     * @param personId the person
     * @param checkInCode the code for the door
     */
    public Registration(long eventId, String personId, String checkInCode) {
        this.eventId = eventId;
        this.personId = personId;
        this.checkInCode = checkInCode;
    }

    /**
     * (Re-)registers.
     *
     * @param queueNo order of arrival
     * @param place whether a place is free (else the person waits)
     * @param walkIn whether staff registered the person at the door
     * @param note staff's note
     * @param now now (UTC)
     */
    public void register(long queueNo, boolean place, boolean walkIn, String note, LocalDateTime now) {
        this.queueNo = queueNo;
        this.status = place ? RegistrationStatus.REGISTERED : RegistrationStatus.WAITLISTED;
        this.walkIn = walkIn;
        this.note = note;
        this.registeredAt = now;
        this.cancelledAt = null;
    }

    /** Gives a waiting registration its place. */
    public void promote() {
        status = RegistrationStatus.REGISTERED;
    }

    /**
     * Cancels.
     *
     * @param now now (UTC)
     */
    public void cancel(LocalDateTime now) {
        status = RegistrationStatus.CANCELLED;
        cancelledAt = now;
    }

    /**
     * Records arrival.
     *
     * @param by who checked the person in
     * @param now now (UTC)
     */
    public void checkIn(String by, LocalDateTime now) {
        checkedInAt = now;
        checkedInBy = by;
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public long eventId() {
        return eventId;
    }

    public String personId() {
        return personId;
    }

    public RegistrationStatus status() {
        return status;
    }

    public long queueNo() {
        return queueNo;
    }

    public String checkInCode() {
        return checkInCode;
    }

    public LocalDateTime registeredAt() {
        return registeredAt;
    }

    public LocalDateTime cancelledAt() {
        return cancelledAt;
    }

    public LocalDateTime checkedInAt() {
        return checkedInAt;
    }

    public String checkedInBy() {
        return checkedInBy;
    }

    public boolean walkIn() {
        return walkIn;
    }

    public String note() {
        return note;
    }
}
