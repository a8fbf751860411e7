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

/** A row of {@code people_flag}: a period in which a counted status held. */
@Entity
@Table(name = "people_flag", indexes = @Index(name = "people_flag_person_idx", columnList = "person_id"))
public class FlagPeriodEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "people_flag_seq")
    @TableGenerator(name = "people_flag_seq", table = "people_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "flag", allocationSize = 50)
    @Column(name = "id")
    Long id;

    @Column(name = "person_id", nullable = false)
    long personId;

    @Column(name = "flag", length = 40, nullable = false)
    String flag;

    @Column(name = "since", nullable = false)
    LocalDate since;

    @Column(name = "until")
    LocalDate until;

    @Column(name = "recorded_at", nullable = false)
    LocalDateTime recordedAt;

    @Column(name = "recorded_by", length = 200)
    String recordedBy;

    /** For JPA. */
    protected FlagPeriodEntity() {
    }

    FlagPeriodEntity(long personId, String flag, LocalDate since, LocalDate until, LocalDateTime at, String by) {
        this.personId = personId;
        this.flag = flag;
        this.since = since;
        this.until = until;
        this.recordedAt = at;
        this.recordedBy = by;
    }
}
