package ${package}.internal.model;

import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/**
 * One record of the program in a fiscal year. The title is unique within a fiscal year (a unique
 * index, so that two people registering the same item at once get one item and one 409), and
 * concurrent edits are caught by the version ({@code @Version}: the second save gets a 409).
 * Tables and indexes carry the program's prefix {@code ${programId}_}.
 */
@Entity
@Table(name = "${programId}_item", indexes = {
        @Index(name = "${programId}_item_title_uq", columnList = "fiscal_year,title_ja", unique = true),
        @Index(name = "${programId}_item_person", columnList = "person_id") })
public class Item {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "${programId}_item_seq")
    @TableGenerator(name = "${programId}_item_seq", table = "${programId}_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "item", allocationSize = 10)
    @Column(name = "id")
    private Long id;

    @Version
    @Column(name = "version")
    private long version;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @Column(name = "title_ja", length = 200, nullable = false)
    private String titleJa;

    @Column(name = "title_en", length = 200)
    private String titleEn;

    @Column(name = "person_id", length = 100)
    private String personId;

    @Column(name = "starts_on")
    private LocalDate startsOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 20, nullable = false)
    private ItemStatus status;

    @Column(name = "created_by", length = 100, nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    /** For JPA. */
    protected Item() {
    }

    /**
     * Creates an item.
     *
     * @param fiscalYear the fiscal year (its start year)
     * @param createdBy who registers it
     * @param now now, in UTC
     */
    public Item(int fiscalYear, String createdBy, LocalDateTime now) {
        this.fiscalYear = fiscalYear;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
        this.status = ItemStatus.OPEN;
    }

    /**
     * Sets what staff may change.
     *
     * @param fiscalYear the fiscal year
     * @param titleJa the title in Japanese
     * @param titleEn the title in English, or {@code null}
     * @param personId the person it concerns, or {@code null}
     * @param startsOn when it starts, or {@code null}
     * @param status its status
     * @param now now, in UTC
     */
    public void update(int fiscalYear, String titleJa, String titleEn, String personId, LocalDate startsOn,
            ItemStatus status, LocalDateTime now) {
        this.fiscalYear = fiscalYear;
        this.titleJa = titleJa;
        this.titleEn = titleEn;
        this.personId = personId;
        this.startsOn = startsOn;
        this.status = status;
        this.updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public int fiscalYear() {
        return fiscalYear;
    }

    public String titleJa() {
        return titleJa;
    }

    public String titleEn() {
        return titleEn;
    }

    public String personId() {
        return personId;
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public ItemStatus status() {
        return status;
    }

    public String createdBy() {
        return createdBy;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }

    public LocalDateTime updatedAt() {
        return updatedAt;
    }
}
