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

/**
 * The profile of an island freelancer shown as a role model: the name they want shown, their story
 * and their work. Public only while published and while the person consents to being shown (checked
 * with the people registry on every public request). One profile per person.
 */
@Entity
@Table(name = "community_role_model",
        indexes = { @Index(name = "community_role_model_person_uq", columnList = "person_id", unique = true),
                @Index(name = "community_role_model_status_idx", columnList = "status,work_kind") })
public class RoleModel {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "community_role_model_seq")
    @TableGenerator(name = "community_role_model_seq", table = "community_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "role_model", allocationSize = 10)
    @Column(name = "id")
    private Long id;

    @Version
    @Column(name = "version")
    private long version;

    @Column(name = "person_id", length = 100, nullable = false)
    private String personId;

    @Column(name = "display_name", length = 100, nullable = false)
    private String displayName;

    @Column(name = "headline_ja", length = 200, nullable = false)
    private String headlineJa;

    @Column(name = "headline_en", length = 200)
    private String headlineEn;

    @Column(name = "story_ja", length = 8000)
    private String storyJa;

    @Column(name = "story_en", length = 8000)
    private String storyEn;

    /** The kind of work: a skill code of the platform's vocabulary, for the public filter. */
    @Column(name = "work_kind", length = 40, nullable = false)
    private String workKind;

    @Column(name = "work_ja", length = 4000)
    private String workJa;

    @Column(name = "work_en", length = 4000)
    private String workEn;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 10, nullable = false)
    private Publication status = Publication.DRAFT;

    @Column(name = "has_photo", nullable = false)
    private boolean hasPhoto;

    @Column(name = "published_at")
    private LocalDateTime publishedAt;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    /** For JPA. */
    protected RoleModel() {
    }

    /**
     * Creates a draft.
     *
     * @param personId the person
     * @param now now (UTC)
     */
    public RoleModel(String personId, LocalDateTime now) {
        this.personId = personId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * The editable text of a profile.
     *
     * @param displayName the name shown
     * @param headlineJa a one-line summary in Japanese
     * @param headlineEn in English or {@code null}
     * @param storyJa the story in Japanese or {@code null}
     * @param storyEn in English or {@code null}
     * @param workKind the kind of work (skill code)
     * @param workJa what they do, in Japanese, or {@code null}
     * @param workEn in English or {@code null}
     */
    public record Details(String displayName, String headlineJa, String headlineEn, String storyJa, String storyEn,
            String workKind, String workJa, String workEn) {
    }

    /**
     * Sets the text.
     *
     * @param d the details
     * @param now now (UTC)
     */
    public void update(Details d, LocalDateTime now) {
        displayName = d.displayName();
        headlineJa = d.headlineJa();
        headlineEn = d.headlineEn();
        storyJa = d.storyJa();
        storyEn = d.storyEn();
        workKind = d.workKind();
        workJa = d.workJa();
        workEn = d.workEn();
        updatedAt = now;
    }

    /**
     * Publishes or withdraws the profile.
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

    /**
     * Records whether a photo is there.
     *
     * @param present whether it is
     * @param now now (UTC)
     */
    public void photo(boolean present, LocalDateTime now) {
        hasPhoto = present;
        updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public String personId() {
        return personId;
    }

    public String displayName() {
        return displayName;
    }

    public String headlineJa() {
        return headlineJa;
    }

    public String headlineEn() {
        return headlineEn;
    }

    public String storyJa() {
        return storyJa;
    }

    public String storyEn() {
        return storyEn;
    }

    public String workKind() {
        return workKind;
    }

    public String workJa() {
        return workJa;
    }

    public String workEn() {
        return workEn;
    }

    public Publication status() {
        return status;
    }

    public boolean hasPhoto() {
        return hasPhoto;
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
