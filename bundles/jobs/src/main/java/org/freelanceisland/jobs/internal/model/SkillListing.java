package org.freelanceisland.jobs.internal.model;

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
 * A freelancer's offer of a skill to other freelancers, or request for one (skill share).
 */
@Entity
@Table(name = "jobs_skill_listing", indexes = { @Index(name = "jobs_skill_listing_idx", columnList = "skill,kind,active"),
        @Index(name = "jobs_skill_listing_person_idx", columnList = "person_id") })
public class SkillListing {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "jobs_skill_listing_seq")
    @TableGenerator(name = "jobs_skill_listing_seq", table = "jobs_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "skill_listing", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Version
    @Column(name = "version")
    private long version;

    @Column(name = "person_id", length = 100, nullable = false)
    private String personId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", length = 10, nullable = false)
    private ListingKind kind;

    @Column(name = "skill", length = 40, nullable = false)
    private String skill;

    @Column(name = "note", length = 1000)
    private String note;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "closed_at")
    private LocalDateTime closedAt;

    /** For JPA and the services. */
    public SkillListing() {
    }

    /** @return the id, {@code null} until persisted */
    public Long id() {
        return id;
    }

    /** @return the version, for optimistic locking */
    public long version() {
        return version;
    }

    /** @return personId */
    public String personId() {
        return personId;
    }

    /** @param personId the new value */
    public void setPersonId(String personId) {
        this.personId = personId;
    }

    /** @return kind */
    public ListingKind kind() {
        return kind;
    }

    /** @param kind the new value */
    public void setKind(ListingKind kind) {
        this.kind = kind;
    }

    /** @return skill */
    public String skill() {
        return skill;
    }

    /** @param skill the new value */
    public void setSkill(String skill) {
        this.skill = skill;
    }

    /** @return note */
    public String note() {
        return note;
    }

    /** @param note the new value */
    public void setNote(String note) {
        this.note = note;
    }

    /** @return active */
    public boolean active() {
        return active;
    }

    /** @param active the new value */
    public void setActive(boolean active) {
        this.active = active;
    }

    /** @return createdAt */
    public LocalDateTime createdAt() {
        return createdAt;
    }

    /** @param createdAt the new value */
    public void setCreatedAt(LocalDateTime createdAt) {
        this.createdAt = createdAt;
    }

    /** @return closedAt */
    public LocalDateTime closedAt() {
        return closedAt;
    }

    /** @param closedAt the new value */
    public void setClosedAt(LocalDateTime closedAt) {
        this.closedAt = closedAt;
    }
}
