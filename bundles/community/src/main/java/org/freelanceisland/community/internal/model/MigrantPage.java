package org.freelanceisland.community.internal.model;

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

/** A page of information for would-be migrants, for one phase of their relation to the island. */
@Entity
@Table(name = "community_migrant_page",
        indexes = { @Index(name = "community_migrant_page_slug_uq", columnList = "slug", unique = true),
                @Index(name = "community_migrant_page_phase_idx", columnList = "status,phase,position") })
public class MigrantPage {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "community_migrant_page_seq")
    @TableGenerator(name = "community_migrant_page_seq", table = "community_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "migrant_page", allocationSize = 10)
    @Column(name = "id")
    private Long id;

    @Version
    @Column(name = "version")
    private long version;

    @Column(name = "slug", length = 80, nullable = false)
    private String slug;

    @Enumerated(EnumType.STRING)
    @Column(name = "phase", length = 12, nullable = false)
    private MigrantPhase phase;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "title_ja", length = 200, nullable = false)
    private String titleJa;

    @Column(name = "title_en", length = 200)
    private String titleEn;

    @Column(name = "summary_ja", length = 500)
    private String summaryJa;

    @Column(name = "summary_en", length = 500)
    private String summaryEn;

    @Column(name = "body_ja", length = 20000)
    private String bodyJa;

    @Column(name = "body_en", length = 20000)
    private String bodyEn;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 10, nullable = false)
    private Publication status = Publication.DRAFT;

    @Column(name = "published_at")
    private LocalDateTime publishedAt;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    /** For JPA. */
    protected MigrantPage() {
    }

    /**
     * Creates a draft.
     *
     * @param now now (UTC)
     */
    public MigrantPage(LocalDateTime now) {
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * The editable content of a page.
     *
     * @param slug the address of the page
     * @param phase the phase
     * @param position the order within the phase
     * @param titleJa title in Japanese
     * @param titleEn title in English or {@code null}
     * @param summaryJa summary in Japanese or {@code null}
     * @param summaryEn summary in English or {@code null}
     * @param bodyJa body in Japanese or {@code null}
     * @param bodyEn body in English or {@code null}
     */
    public record Details(String slug, MigrantPhase phase, int position, String titleJa, String titleEn, String summaryJa,
            String summaryEn, String bodyJa, String bodyEn) {
    }

    /**
     * Sets the content.
     *
     * @param d the content
     * @param now now (UTC)
     */
    public void update(Details d, LocalDateTime now) {
        slug = d.slug();
        phase = d.phase();
        position = d.position();
        titleJa = d.titleJa();
        titleEn = d.titleEn();
        summaryJa = d.summaryJa();
        summaryEn = d.summaryEn();
        bodyJa = d.bodyJa();
        bodyEn = d.bodyEn();
        updatedAt = now;
    }

    /**
     * Publishes or withdraws the page.
     *
     * @param to the new status
     * @param now now (UTC)
     */
    public void status(Publication to, LocalDateTime now) {
        if (to == Publication.PUBLISHED && status != Publication.PUBLISHED) {
            publishedAt = now;
        }
        status = to;
        updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public String slug() {
        return slug;
    }

    public MigrantPhase phase() {
        return phase;
    }

    public int position() {
        return position;
    }

    public String titleJa() {
        return titleJa;
    }

    public String titleEn() {
        return titleEn;
    }

    public String summaryJa() {
        return summaryJa;
    }

    public String summaryEn() {
        return summaryEn;
    }

    public String bodyJa() {
        return bodyJa;
    }

    public String bodyEn() {
        return bodyEn;
    }

    public Publication status() {
        return status;
    }

    public LocalDateTime publishedAt() {
        return publishedAt;
    }

    public LocalDateTime createdAt() {
        return createdAt;
    }

    public LocalDateTime updatedAt() {
        return updatedAt;
    }
}
