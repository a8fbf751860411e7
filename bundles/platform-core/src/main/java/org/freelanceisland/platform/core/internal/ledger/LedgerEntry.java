package org.freelanceisland.platform.core.internal.ledger;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;

/** A row of the activity ledger. Times are stored in UTC. */
@Entity
@Table(name = "platform_ledger_event", indexes = {
        @Index(name = "platform_ledger_type_idx", columnList = "event_type"),
        @Index(name = "platform_ledger_fy_idx", columnList = "fiscal_year"),
        @Index(name = "platform_ledger_person_idx", columnList = "person_id"),
        @Index(name = "platform_ledger_occurred_idx", columnList = "occurred_at"),
        // the KPI queries: types and fiscal years, then person and amount without reading the row
        @Index(name = "platform_ledger_type_fy_idx", columnList = "event_type, fiscal_year, person_id, amount_yen"),
        // "people who have some other event": by person, then type and year
        @Index(name = "platform_ledger_person_type_idx", columnList = "person_id, event_type, fiscal_year") })
public class LedgerEntry {

    @Id
    @Column(name = "id", length = 200)
    private String id;

    @Column(name = "event_type", length = 200, nullable = false)
    private String type;

    @Column(name = "module_id", length = 32, nullable = false)
    private String module;

    @Column(name = "person_id", length = 100)
    private String personId;

    @Column(name = "occurred_at", nullable = false)
    private LocalDateTime occurredAt;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @Column(name = "amount_yen")
    private Long amountYen;

    @Column(name = "attributes", length = 60000)
    private String attributes;

    @Column(name = "recorded_by", length = 200, nullable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private LocalDateTime recordedAt;

    /** Whether the attributes are in the side table; {@code null} for events stored before it existed. */
    @Column(name = "attrs_indexed")
    private Boolean attributesIndexed;

    /** For JPA. */
    protected LedgerEntry() {
    }

    LedgerEntry(String id, String type, String module, String personId, LocalDateTime occurredAt, int fiscalYear,
            Long amountYen, String attributes, String recordedBy, LocalDateTime recordedAt) {
        this.id = id;
        this.type = type;
        this.module = module;
        this.personId = personId;
        this.occurredAt = occurredAt;
        this.fiscalYear = fiscalYear;
        this.amountYen = amountYen;
        this.attributes = attributes;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
        this.attributesIndexed = Boolean.TRUE;
    }

    String id() {
        return id;
    }

    String type() {
        return type;
    }

    String personId() {
        return personId;
    }

    LocalDateTime occurredAt() {
        return occurredAt;
    }

    int fiscalYear() {
        return fiscalYear;
    }

    Long amountYen() {
        return amountYen;
    }

    String attributes() {
        return attributes;
    }

    String recordedBy() {
        return recordedBy;
    }

    LocalDateTime recordedAt() {
        return recordedAt;
    }

    void markAttributesIndexed() {
        this.attributesIndexed = Boolean.TRUE;
    }
}
