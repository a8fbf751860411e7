package org.freelanceisland.platform.core.internal.audit;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/** A row of the audit log. Written once, never updated. Times are stored in UTC. */
@Entity
@Table(name = "platform_audit", indexes = {
        @Index(name = "platform_audit_at_idx", columnList = "recorded_at"),
        @Index(name = "platform_audit_actor_idx", columnList = "actor"),
        @Index(name = "platform_audit_subject_idx", columnList = "subject_id") })
public class AuditRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "platform_audit_seq")
    @TableGenerator(name = "platform_audit_seq", table = "platform_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "audit", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "recorded_at", nullable = false)
    private LocalDateTime recordedAt;

    @Column(name = "actor", length = 200, nullable = false)
    private String actor;

    @Column(name = "action", length = 200, nullable = false)
    private String action;

    @Column(name = "subject_type", length = 50, nullable = false)
    private String subjectType;

    @Column(name = "subject_id", length = 200)
    private String subjectId;

    @Column(name = "purpose", length = 500)
    private String purpose;

    @Column(name = "details", length = 30000)
    private String details;

    /** For JPA. */
    protected AuditRecord() {
    }

    AuditRecord(LocalDateTime recordedAt, String actor, String action, String subjectType, String subjectId,
            String purpose, String details) {
        this.recordedAt = recordedAt;
        this.actor = actor;
        this.action = action;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.purpose = purpose;
        this.details = details;
    }

    Long id() {
        return id;
    }

    LocalDateTime recordedAt() {
        return recordedAt;
    }

    String actor() {
        return actor;
    }

    String action() {
        return action;
    }

    String subjectType() {
        return subjectType;
    }

    String subjectId() {
        return subjectId;
    }

    String purpose() {
        return purpose;
    }

    String details() {
        return details;
    }
}
