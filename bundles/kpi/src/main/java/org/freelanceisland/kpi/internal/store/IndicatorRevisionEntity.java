package org.freelanceisland.kpi.internal.store;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;

/** One revision of an indicator definition: what it was after a change, who changed it and when. Never changed. */
@Entity
@Table(name = "kpi_indicator_revision", indexes = {
        @Index(name = "kpi_revision_indicator_idx", columnList = "indicator_id, revision", unique = true) })
public class IndicatorRevisionEntity {

    @Id
    @Column(name = "id", length = 80)
    private String id;

    @Column(name = "indicator_id", length = 64, nullable = false)
    private String indicatorId;

    @Column(name = "revision", nullable = false)
    private int revision;

    @Column(name = "change_kind", length = 20, nullable = false)
    private String change;

    @Column(name = "retired", nullable = false)
    private boolean retired;

    @Lob
    @Column(name = "definition", nullable = false)
    private String definition;

    @Column(name = "changed_by", length = 200, nullable = false)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private LocalDateTime changedAt;

    /** For JPA. */
    protected IndicatorRevisionEntity() {
    }

    IndicatorRevisionEntity(String indicatorId, int revision, String change, boolean retired, String definition,
            String changedBy, LocalDateTime changedAt) {
        this.id = indicatorId + "#" + revision;
        this.indicatorId = indicatorId;
        this.revision = revision;
        this.change = change;
        this.retired = retired;
        this.definition = definition;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    int revision() {
        return revision;
    }

    String change() {
        return change;
    }

    boolean retired() {
        return retired;
    }

    String definition() {
        return definition;
    }

    String changedBy() {
        return changedBy;
    }

    LocalDateTime changedAt() {
        return changedAt;
    }
}
