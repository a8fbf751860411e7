package org.freelanceisland.kpi.internal.store;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Which version of a seed data set has been applied, so that each version is applied once. */
@Entity
@Table(name = "kpi_seed_state")
public class SeedStateEntity {

    @Id
    @Column(name = "name", length = 64)
    private String name;

    @Column(name = "data_version", nullable = false)
    private int dataVersion;

    @Column(name = "applied_at")
    private LocalDateTime appliedAt;

    /** For JPA. */
    protected SeedStateEntity() {
    }

    SeedStateEntity(String name) {
        this.name = name;
    }

    int dataVersion() {
        return dataVersion;
    }

    void applied(int version, LocalDateTime at) {
        this.dataVersion = version;
        this.appliedAt = at;
    }
}
