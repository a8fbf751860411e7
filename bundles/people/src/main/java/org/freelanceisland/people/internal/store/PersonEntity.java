package org.freelanceisland.people.internal.store;

import java.time.LocalDate;
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
 * A row of {@code people_person}. Lists are stored as delimited text in one column each (skills
 * with {@code |}, links and kinds of work one per line, enums by name with commas), so that the whole
 * registry loads into the search index with one query. Times are UTC.
 */
@Entity
@Table(name = "people_person", indexes = {
        @Index(name = "people_person_active_idx", columnList = "active"),
        @Index(name = "people_person_kana_idx", columnList = "kana") })
public class PersonEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "people_person_seq")
    @TableGenerator(name = "people_person_seq", table = "people_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "person", allocationSize = 50)
    @Column(name = "id")
    Long id;

    @Version
    @Column(name = "version", nullable = false)
    long version;

    @Column(name = "name", length = 400)
    String name;

    @Column(name = "kana", length = 400)
    String kana;

    @Column(name = "email", length = 254)
    String email;

    @Column(name = "phone", length = 40)
    String phone;

    @Column(name = "district", length = 200)
    String district;

    @Column(name = "registered_on")
    LocalDate registeredOn;

    @Column(name = "active", nullable = false)
    boolean active;

    @Column(name = "erased", nullable = false)
    boolean erased;

    @Column(name = "deactivated_at")
    LocalDateTime deactivatedAt;

    @Column(name = "erased_at")
    LocalDateTime erasedAt;

    @Column(name = "skills", length = 4000)
    String skills;

    @Column(name = "portfolio", length = 6000)
    String portfolio;

    @Column(name = "hours_per_week", nullable = false)
    int hoursPerWeek;

    @Column(name = "weekdays", length = 100)
    String weekdays;

    @Column(name = "time_windows", length = 100)
    String windows;

    @Column(name = "lifestyle", length = 100)
    String lifestyle;

    @Column(name = "preferred_work", length = 4000)
    String preferredWork;

    @Column(name = "origin", length = 20)
    String origin;

    @Column(name = "moved_on")
    LocalDate movedOn;

    @Column(name = "household_size")
    Integer householdSize;

    @Column(name = "with_family")
    Boolean withFamily;

    @Column(name = "relation_phase", length = 20)
    String phase;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;

    @Column(name = "created_by", length = 200)
    String createdBy;

    @Column(name = "updated_at", nullable = false)
    LocalDateTime updatedAt;

    @Column(name = "updated_by", length = 200)
    String updatedBy;

    /** For JPA. */
    protected PersonEntity() {
    }

    PersonEntity(LocalDateTime now, String actor) {
        this.active = true;
        this.createdAt = now;
        this.createdBy = actor;
        this.updatedAt = now;
        this.updatedBy = actor;
    }
}
