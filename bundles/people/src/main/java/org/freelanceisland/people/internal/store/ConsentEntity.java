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

/** A row of {@code people_consent}: a consent given, and when it was withdrawn. History is kept. */
@Entity
@Table(name = "people_consent", indexes = @Index(name = "people_consent_person_idx", columnList = "person_id"))
public class ConsentEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "people_consent_seq")
    @TableGenerator(name = "people_consent_seq", table = "people_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "consent", allocationSize = 50)
    @Column(name = "id")
    Long id;

    @Column(name = "person_id", nullable = false)
    long personId;

    @Column(name = "purpose", length = 40, nullable = false)
    String purpose;

    @Column(name = "given_on", nullable = false)
    LocalDate givenOn;

    @Column(name = "notice_version", length = 20, nullable = false)
    String noticeVersion;

    @Column(name = "recorded_at", nullable = false)
    LocalDateTime recordedAt;

    @Column(name = "recorded_by", length = 200)
    String recordedBy;

    @Column(name = "withdrawn_at")
    LocalDateTime withdrawnAt;

    @Column(name = "withdrawn_by", length = 200)
    String withdrawnBy;

    /** For JPA. */
    protected ConsentEntity() {
    }

    ConsentEntity(long personId, String purpose, LocalDate givenOn, String noticeVersion, LocalDateTime at, String by) {
        this.personId = personId;
        this.purpose = purpose;
        this.givenOn = givenOn;
        this.noticeVersion = noticeVersion;
        this.recordedAt = at;
        this.recordedBy = by;
    }
}
