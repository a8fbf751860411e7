package org.freelanceisland.kpi.internal.store;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * The current version of an indicator definition. The definition itself is JSON (it is data that
 * administrators edit); stage, series, status and order are columns for listing.
 */
@Entity
@Table(name = "kpi_indicator", indexes = { @Index(name = "kpi_indicator_stage_idx", columnList = "stage_number, sort_order") })
public class IndicatorEntity {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "stage_number", nullable = false)
    private int stage;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "series", length = 64)
    private String series;

    @Column(name = "retired", nullable = false)
    private boolean retired;

    @Column(name = "revision", nullable = false)
    private int revision;

    @Lob
    @Column(name = "definition", nullable = false)
    private String definition;

    /** The seed data version that wrote the current revision; {@code null} once an administrator changed it. */
    @Column(name = "seed_version")
    private Integer seedVersion;

    @Column(name = "updated_by", length = 200, nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    @Version
    @Column(name = "lock_version")
    private long lockVersion;

    /** For JPA. */
    protected IndicatorEntity() {
    }

    IndicatorEntity(String id) {
        this.id = id;
    }

    void write(int stage, int sortOrder, String series, String definition, Integer seedVersion, String by, LocalDateTime at) {
        this.stage = stage;
        this.sortOrder = sortOrder;
        this.series = series;
        this.definition = definition;
        this.seedVersion = seedVersion;
        this.updatedBy = by;
        this.updatedAt = at;
        this.revision++;
    }

    void retire(boolean retired, String by, LocalDateTime at) {
        this.retired = retired;
        this.updatedBy = by;
        this.updatedAt = at;
        this.revision++;
    }

    String id() {
        return id;
    }

    int stage() {
        return stage;
    }

    boolean retired() {
        return retired;
    }

    int revision() {
        return revision;
    }

    String definition() {
        return definition;
    }

    Integer seedVersion() {
        return seedVersion;
    }

    String updatedBy() {
        return updatedBy;
    }

    LocalDateTime updatedAt() {
        return updatedAt;
    }
}
