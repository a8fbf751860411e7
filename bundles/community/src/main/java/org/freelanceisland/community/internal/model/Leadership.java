package org.freelanceisland.community.internal.model;

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

/** A person leading a community or activity from a day (until a day, once it ends). */
@Entity
@Table(name = "community_leader",
        indexes = { @Index(name = "community_leader_person_idx", columnList = "person_id,community"),
                @Index(name = "community_leader_community_idx", columnList = "community") })
public class Leadership {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "community_leader_seq")
    @TableGenerator(name = "community_leader_seq", table = "community_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "leader", allocationSize = 10)
    @Column(name = "id")
    private Long id;

    @Version
    @Column(name = "version")
    private long version;

    @Column(name = "person_id", length = 100, nullable = false)
    private String personId;

    /** A short code of the community or activity, for example {@code handmade-makers}. */
    @Column(name = "community", length = 60, nullable = false)
    private String community;

    @Column(name = "name_ja", length = 200, nullable = false)
    private String nameJa;

    @Column(name = "name_en", length = 200)
    private String nameEn;

    @Column(name = "since", nullable = false)
    private LocalDate since;

    @Column(name = "until_on")
    private LocalDate until;

    @Column(name = "note", length = 500)
    private String note;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    /** For JPA. */
    protected Leadership() {
    }

    /**
     * Records that a person leads a community.
     *
     * @param personId the person
     * @param community the community's code
     * @param nameJa its name in Japanese
     * @param nameEn its name in English or {@code null}
     * @param since the first day
     * @param note a note or {@code null}
     * @param now now (UTC)
     */
    public Leadership(String personId, String community, String nameJa, String nameEn, LocalDate since, String note,
            LocalDateTime now) {
        this.personId = personId;
        this.community = community;
        this.nameJa = nameJa;
        this.nameEn = nameEn;
        this.since = since;
        this.note = note;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * Ends the leadership.
     *
     * @param until the last day
     * @param now now (UTC)
     */
    public void end(LocalDate until, LocalDateTime now) {
        this.until = until;
        this.updatedAt = now;
    }

    /**
     * Changes the names and the note (not the person, community or dates, which the ledger holds).
     *
     * @param nameJa name in Japanese
     * @param nameEn name in English or {@code null}
     * @param note the note or {@code null}
     * @param now now (UTC)
     */
    public void describe(String nameJa, String nameEn, String note, LocalDateTime now) {
        this.nameJa = nameJa;
        this.nameEn = nameEn;
        this.note = note;
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

    public String community() {
        return community;
    }

    public String nameJa() {
        return nameJa;
    }

    public String nameEn() {
        return nameEn;
    }

    public LocalDate since() {
        return since;
    }

    public LocalDate until() {
        return until;
    }

    public String note() {
        return note;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }
}
