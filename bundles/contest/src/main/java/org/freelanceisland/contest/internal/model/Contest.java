package org.freelanceisland.contest.internal.model;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ConstraintMode;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.ForeignKey;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.Version;

/**
 * A contest of one year (あまみハンドメイド大賞): its windows, categories, awards and rubric. Its row is the
 * lock that numbers entries without gaps and serialises publication.
 */
@Entity
@Table(name = "contest_contest",
        indexes = { @Index(name = "contest_contest_year_idx", columnList = "fiscal_year") })
public class Contest {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "contest_contest_seq")
    @TableGenerator(name = "contest_contest_seq", table = "contest_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "contest", allocationSize = 10)
    @Column(name = "id")
    private Long id;

    @Version
    @Column(name = "version")
    private long version;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @Column(name = "edition")
    private Integer edition;

    @Column(name = "title_ja", length = 200, nullable = false)
    private String titleJa;

    @Column(name = "title_en", length = 200)
    private String titleEn;

    @Column(name = "description_ja", length = 4000)
    private String descriptionJa;

    @Column(name = "description_en", length = 4000)
    private String descriptionEn;

    @Column(name = "entry_opens", nullable = false)
    private LocalDateTime entryOpens;

    @Column(name = "entry_closes", nullable = false)
    private LocalDateTime entryCloses;

    @Column(name = "judging_opens", nullable = false)
    private LocalDateTime judgingOpens;

    @Column(name = "judging_closes", nullable = false)
    private LocalDateTime judgingCloses;

    @Column(name = "voting_opens", nullable = false)
    private LocalDateTime votingOpens;

    @Column(name = "voting_closes", nullable = false)
    private LocalDateTime votingCloses;

    @Column(name = "score_max", nullable = false)
    private int scoreMax;

    @Column(name = "entry_count", nullable = false)
    private int entryCount;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "contest_category", joinColumns = @JoinColumn(name = "contest_id"),
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
    @OrderColumn(name = "position")
    private List<Category> categories = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "contest_award", joinColumns = @JoinColumn(name = "contest_id"),
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
    @OrderColumn(name = "position")
    private List<AwardDefinition> awards = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "contest_criterion", joinColumns = @JoinColumn(name = "contest_id"),
            foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
    @OrderColumn(name = "position")
    private List<Criterion> criteria = new ArrayList<>();

    @Column(name = "published_at")
    private LocalDateTime publishedAt;

    @Column(name = "published_by", length = 100)
    private String publishedBy;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    /** For JPA. */
    protected Contest() {
    }

    /**
     * Creates a contest.
     *
     * @param now the time of creation (UTC)
     */
    public Contest(LocalDateTime now) {
        this.createdAt = now;
        this.updatedAt = now;
        this.scoreMax = 10;
    }

    /** @return the id, {@code null} until persisted */
    public Long id() {
        return id;
    }

    /** @return the version, for optimistic locking */
    public long version() {
        return version;
    }

    /** @return the fiscal year */
    public int fiscalYear() {
        return fiscalYear;
    }

    /**
     * Sets the fiscal year.
     *
     * @param value the new value
     */
    public void fiscalYear(int value) {
        this.fiscalYear = value;
    }

    /** @return the edition */
    public Integer edition() {
        return edition;
    }

    /**
     * Sets the edition.
     *
     * @param value the new value
     */
    public void edition(Integer value) {
        this.edition = value;
    }

    /** @return the title ja */
    public String titleJa() {
        return titleJa;
    }

    /**
     * Sets the title ja.
     *
     * @param value the new value
     */
    public void titleJa(String value) {
        this.titleJa = value;
    }

    /** @return the title en */
    public String titleEn() {
        return titleEn;
    }

    /**
     * Sets the title en.
     *
     * @param value the new value
     */
    public void titleEn(String value) {
        this.titleEn = value;
    }

    /** @return the description ja */
    public String descriptionJa() {
        return descriptionJa;
    }

    /**
     * Sets the description ja.
     *
     * @param value the new value
     */
    public void descriptionJa(String value) {
        this.descriptionJa = value;
    }

    /** @return the description en */
    public String descriptionEn() {
        return descriptionEn;
    }

    /**
     * Sets the description en.
     *
     * @param value the new value
     */
    public void descriptionEn(String value) {
        this.descriptionEn = value;
    }

    /** @return the entry opens */
    public LocalDateTime entryOpens() {
        return entryOpens;
    }

    /**
     * Sets the entry opens.
     *
     * @param value the new value
     */
    public void entryOpens(LocalDateTime value) {
        this.entryOpens = value;
    }

    /** @return the entry closes */
    public LocalDateTime entryCloses() {
        return entryCloses;
    }

    /**
     * Sets the entry closes.
     *
     * @param value the new value
     */
    public void entryCloses(LocalDateTime value) {
        this.entryCloses = value;
    }

    /** @return the judging opens */
    public LocalDateTime judgingOpens() {
        return judgingOpens;
    }

    /**
     * Sets the judging opens.
     *
     * @param value the new value
     */
    public void judgingOpens(LocalDateTime value) {
        this.judgingOpens = value;
    }

    /** @return the judging closes */
    public LocalDateTime judgingCloses() {
        return judgingCloses;
    }

    /**
     * Sets the judging closes.
     *
     * @param value the new value
     */
    public void judgingCloses(LocalDateTime value) {
        this.judgingCloses = value;
    }

    /** @return the voting opens */
    public LocalDateTime votingOpens() {
        return votingOpens;
    }

    /**
     * Sets the voting opens.
     *
     * @param value the new value
     */
    public void votingOpens(LocalDateTime value) {
        this.votingOpens = value;
    }

    /** @return the voting closes */
    public LocalDateTime votingCloses() {
        return votingCloses;
    }

    /**
     * Sets the voting closes.
     *
     * @param value the new value
     */
    public void votingCloses(LocalDateTime value) {
        this.votingCloses = value;
    }

    /** @return the score max */
    public int scoreMax() {
        return scoreMax;
    }

    /**
     * Sets the score max.
     *
     * @param value the new value
     */
    public void scoreMax(int value) {
        this.scoreMax = value;
    }

    /** @return the entry count */
    public int entryCount() {
        return entryCount;
    }

    /**
     * Sets the entry count.
     *
     * @param value the new value
     */
    public void entryCount(int value) {
        this.entryCount = value;
    }

    /** @return the categories */
    public List<Category> categories() {
        return categories;
    }

    /**
     * Sets the categories.
     *
     * @param value the new value
     */
    public void categories(List<Category> value) {
        this.categories = value;
    }

    /** @return the awards */
    public List<AwardDefinition> awards() {
        return awards;
    }

    /**
     * Sets the awards.
     *
     * @param value the new value
     */
    public void awards(List<AwardDefinition> value) {
        this.awards = value;
    }

    /** @return the criteria */
    public List<Criterion> criteria() {
        return criteria;
    }

    /**
     * Sets the criteria.
     *
     * @param value the new value
     */
    public void criteria(List<Criterion> value) {
        this.criteria = value;
    }

    /** @return the published at */
    public LocalDateTime publishedAt() {
        return publishedAt;
    }

    /**
     * Sets the published at.
     *
     * @param value the new value
     */
    public void publishedAt(LocalDateTime value) {
        this.publishedAt = value;
    }

    /** @return the published by */
    public String publishedBy() {
        return publishedBy;
    }

    /**
     * Sets the published by.
     *
     * @param value the new value
     */
    public void publishedBy(String value) {
        this.publishedBy = value;
    }

    /** @return the created at */
    public LocalDateTime createdAt() {
        return createdAt;
    }

    /**
     * Sets the created at.
     *
     * @param value the new value
     */
    public void createdAt(LocalDateTime value) {
        this.createdAt = value;
    }

    /** @return the updated at */
    public LocalDateTime updatedAt() {
        return updatedAt;
    }

    /**
     * Sets the updated at.
     *
     * @param value the new value
     */
    public void updatedAt(LocalDateTime value) {
        this.updatedAt = value;
    }
}
