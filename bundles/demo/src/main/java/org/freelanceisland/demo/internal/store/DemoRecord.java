package org.freelanceisland.demo.internal.store;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;

/**
 * One thing the demo island created: its stable key in the data set (so that loading again finds it
 * instead of creating it twice), the module that holds it and its id there (so that clearing removes
 * exactly it). Steps that create nothing (an acceptance, a roll call) are recorded with kind
 * {@code step} and no reference, so that a load that stopped half-way resumes where it stopped.
 */
@Entity
@Table(name = "demo_record", uniqueConstraints = @UniqueConstraint(name = "demo_record_key", columnNames = "data_key"),
        indexes = @Index(name = "demo_record_module", columnList = "module_id, kind"))
public class DemoRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "demo_record_seq")
    @TableGenerator(name = "demo_record_seq", table = "demo_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "record", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "data_key", nullable = false, length = 200)
    private String key;

    @Column(name = "module_id", nullable = false, length = 40)
    private String module;

    @Column(name = "kind", nullable = false, length = 40)
    private String kind;

    @Column(name = "ref", length = 200)
    private String ref;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    /** For JPA. */
    protected DemoRecord() {
    }

    /**
     * A record.
     *
     * @param key the stable key in the data set
     * @param module the module holding it ({@code people}, {@code terakoya}, ..., {@code ledger}, {@code accounts})
     * @param kind what it is ({@code person}, {@code course}, ..., {@code step})
     * @param ref its id in the module, or {@code null} for a step
     * @param createdAt when (UTC)
     */
    public DemoRecord(String key, String module, String kind, String ref, LocalDateTime createdAt) {
        this.key = key;
        this.module = module;
        this.kind = kind;
        this.ref = ref;
        this.createdAt = createdAt;
    }

    /** @return the stable key */
    public String key() {
        return key;
    }

    /** @return the module */
    public String module() {
        return module;
    }

    /** @return the kind */
    public String kind() {
        return kind;
    }

    /** @return the id in the module, or {@code null} */
    public String ref() {
        return ref;
    }

    /** @return when it was created */
    public LocalDateTime createdAt() {
        return createdAt;
    }
}
