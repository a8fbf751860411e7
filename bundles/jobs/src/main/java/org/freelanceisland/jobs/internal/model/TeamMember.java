package org.freelanceisland.jobs.internal.model;

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
 * A member of a team: the person, their role and their share of the team's pay in percent.
 */
@Entity
@Table(name = "jobs_team_member", indexes = { @Index(name = "jobs_team_member_uq", columnList = "team_id,person_id", unique = true) })
public class TeamMember {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "jobs_team_member_seq")
    @TableGenerator(name = "jobs_team_member_seq", table = "jobs_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "team_member", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Version
    @Column(name = "version")
    private long version;

    @Column(name = "team_id", nullable = false)
    private long teamId;

    @Column(name = "member_no", nullable = false)
    private int position;

    @Column(name = "person_id", length = 100, nullable = false)
    private String personId;

    @Column(name = "role", length = 100, nullable = false)
    private String role;

    @Column(name = "share_percent", nullable = false)
    private int sharePercent;

    /** For JPA and the services. */
    public TeamMember() {
    }

    /** @return the id, {@code null} until persisted */
    public Long id() {
        return id;
    }

    /** @return the version, for optimistic locking */
    public long version() {
        return version;
    }

    /** @return teamId */
    public long teamId() {
        return teamId;
    }

    /** @param teamId the new value */
    public void setTeamId(long teamId) {
        this.teamId = teamId;
    }

    /** @return position */
    public int position() {
        return position;
    }

    /** @param position the new value */
    public void setPosition(int position) {
        this.position = position;
    }

    /** @return personId */
    public String personId() {
        return personId;
    }

    /** @param personId the new value */
    public void setPersonId(String personId) {
        this.personId = personId;
    }

    /** @return role */
    public String role() {
        return role;
    }

    /** @param role the new value */
    public void setRole(String role) {
        this.role = role;
    }

    /** @return sharePercent */
    public int sharePercent() {
        return sharePercent;
    }

    /** @param sharePercent the new value */
    public void setSharePercent(int sharePercent) {
        this.sharePercent = sharePercent;
    }
}
