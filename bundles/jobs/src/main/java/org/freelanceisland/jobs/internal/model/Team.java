package org.freelanceisland.jobs.internal.model;

import java.time.LocalDateTime;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/**
 * A project team of freelancers (writer, photographer, web maker) that takes larger jobs together.
 */
@Entity
@Table(name = "jobs_team", indexes = { @Index(name = "jobs_team_name_uq", columnList = "name", unique = true) })
public class Team {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "jobs_team_seq")
    @TableGenerator(name = "jobs_team_seq", table = "jobs_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "team", allocationSize = 10)
    @Column(name = "id")
    private Long id;

    @Version
    @Column(name = "version")
    private long version;

    @Column(name = "name", length = 200, nullable = false)
    private String name;

    @Column(name = "note", length = 1000)
    private String note;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    /** For JPA and the services. */
    public Team() {
    }

    /** @return the id, {@code null} until persisted */
    public Long id() {
        return id;
    }

    /** @return the version, for optimistic locking */
    public long version() {
        return version;
    }

    /** @return name */
    public String name() {
        return name;
    }

    /** @param name the new value */
    public void setName(String name) {
        this.name = name;
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

    /** @return updatedAt */
    public LocalDateTime updatedAt() {
        return updatedAt;
    }

    /** @param updatedAt the new value */
    public void setUpdatedAt(LocalDateTime updatedAt) {
        this.updatedAt = updatedAt;
    }
}
