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
 * An event at the hub or online: an exchange meeting, a study session, the freelancer cafe or a
 * market day. Times are the island's local times (Japan has no daylight saving time, so a local
 * time names one instant). Its row is the lock that serialises registrations.
 */
@Entity
@Table(name = "community_event", indexes = @Index(name = "community_event_starts_idx", columnList = "starts_at"))
public class Event {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "community_event_seq")
    @TableGenerator(name = "community_event_seq", table = "community_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "event", allocationSize = 10)
    @Column(name = "id")
    private Long id;

    @Version
    @Column(name = "version")
    private long version;

    @Column(name = "title_ja", length = 200, nullable = false)
    private String titleJa;

    @Column(name = "title_en", length = 200)
    private String titleEn;

    @Column(name = "description_ja", length = 4000)
    private String descriptionJa;

    @Column(name = "description_en", length = 4000)
    private String descriptionEn;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 20, nullable = false)
    private EventKind kind;

    @Column(name = "starts_at", nullable = false)
    private LocalDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    private LocalDateTime endsAt;

    @Column(name = "place", length = 200)
    private String place;

    @Column(name = "online_url", length = 500)
    private String onlineUrl;

    /** Places; {@code null} for no limit. */
    @Column(name = "capacity")
    private Integer capacity;

    @Column(name = "waitlist", nullable = false)
    private boolean waitlist;

    @Enumerated(EnumType.STRING)
    @Column(name = "visibility", length = 10, nullable = false)
    private Visibility visibility;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 10, nullable = false)
    private EventStatus status = EventStatus.SCHEDULED;

    /** Visitors counted at the door who did not register (a market day's walk-in crowd). */
    @Column(name = "unregistered_visitors", nullable = false)
    private int unregisteredVisitors;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    /** For JPA. */
    protected Event() {
    }

    /**
     * Creates an event.
     *
     * @param now the time of creation (UTC)
     */
    public Event(LocalDateTime now) {
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * The editable details of an event, checked by the caller.
     *
     * @param titleJa title in Japanese
     * @param titleEn title in English, or {@code null}
     * @param descriptionJa description in Japanese, or {@code null}
     * @param descriptionEn description in English, or {@code null}
     * @param kind the kind
     * @param startsAt start, island time
     * @param endsAt end, island time
     * @param place the place, or {@code null} when online only
     * @param onlineUrl the online link, or {@code null}
     * @param capacity places, or {@code null} for no limit
     * @param waitlist whether people beyond the capacity wait in line
     * @param visibility who may see it
     */
    public record Details(String titleJa, String titleEn, String descriptionJa, String descriptionEn, EventKind kind,
            LocalDateTime startsAt, LocalDateTime endsAt, String place, String onlineUrl, Integer capacity,
            boolean waitlist, Visibility visibility) {
    }

    /**
     * Sets everything staff may edit.
     *
     * @param d the details
     * @param now the time of the change (UTC)
     */
    public void update(Details d, LocalDateTime now) {
        titleJa = d.titleJa();
        titleEn = d.titleEn();
        descriptionJa = d.descriptionJa();
        descriptionEn = d.descriptionEn();
        kind = d.kind();
        startsAt = d.startsAt();
        endsAt = d.endsAt();
        place = d.place();
        onlineUrl = d.onlineUrl();
        capacity = d.capacity();
        waitlist = d.waitlist();
        visibility = d.visibility();
        updatedAt = now;
    }

    /**
     * Calls the event off (or back on).
     *
     * @param to the new status
     * @param now the time of the change (UTC)
     */
    public void status(EventStatus to, LocalDateTime now) {
        status = to;
        updatedAt = now;
    }

    /**
     * Sets the head count of visitors who did not register.
     *
     * @param count the count
     * @param now the time of the change (UTC)
     */
    public void unregisteredVisitors(int count, LocalDateTime now) {
        unregisteredVisitors = count;
        updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public String titleJa() {
        return titleJa;
    }

    public String titleEn() {
        return titleEn;
    }

    public String descriptionJa() {
        return descriptionJa;
    }

    public String descriptionEn() {
        return descriptionEn;
    }

    public EventKind kind() {
        return kind;
    }

    public LocalDateTime startsAt() {
        return startsAt;
    }

    public LocalDateTime endsAt() {
        return endsAt;
    }

    public String place() {
        return place;
    }

    public String onlineUrl() {
        return onlineUrl;
    }

    public Integer capacity() {
        return capacity;
    }

    public boolean waitlist() {
        return waitlist;
    }

    public Visibility visibility() {
        return visibility;
    }

    public EventStatus status() {
        return status;
    }

    public int unregisteredVisitors() {
        return unregisteredVisitors;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }

    public LocalDateTime updatedAt() {
        return updatedAt;
    }
}
