package org.freelanceisland.people.internal.store;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A row of {@code people_outbox}: a ledger fact written in the same transaction as the change it
 * reports and handed to the activity ledger after commit (then deleted). A fact whose hand-over
 * failed stays here and is handed over later; ledger ids are stable, so handing one over twice is
 * harmless.
 */
@Entity
@Table(name = "people_outbox")
public class PendingEventEntity {

    @Id
    @Column(name = "event_id", length = 200)
    String eventId;

    @Column(name = "event_type", length = 200, nullable = false)
    String type;

    @Column(name = "person_id", length = 100)
    String personId;

    @Column(name = "occurred_at", nullable = false)
    LocalDateTime occurredAt;

    @Column(name = "fiscal_year", nullable = false)
    int fiscalYear;

    @Column(name = "amount_yen")
    Long amountYen;

    @Column(name = "attributes", length = 2000)
    String attributes;

    @Column(name = "created_at", nullable = false)
    LocalDateTime createdAt;

    /** For JPA. */
    protected PendingEventEntity() {
    }
}
