package org.freelanceisland.community.internal.model;

import java.time.LocalDateTime;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

/** The photo of a role model, kept apart from the profile so that lists never load it. */
@Entity
@Table(name = "community_role_model_photo")
public class RoleModelPhoto {

    @Id
    @Column(name = "role_model_id")
    private Long roleModelId;

    @Column(name = "content_type", length = 40, nullable = false)
    private String contentType;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "bytes", nullable = false)
    private byte[] bytes;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    /** For JPA. */
    protected RoleModelPhoto() {
    }

    /**
     * Creates a photo.
     *
     * @param roleModelId the profile
     * @param contentType {@code image/jpeg}, {@code image/png} or {@code image/webp}
     * @param bytes the image
     * @param now now (UTC)
     */
    public RoleModelPhoto(long roleModelId, String contentType, byte[] bytes, LocalDateTime now) {
        this.roleModelId = roleModelId;
        replace(contentType, bytes, now);
    }

    /**
     * Replaces the image.
     *
     * @param contentType the type
     * @param bytes the image
     * @param now now (UTC)
     */
    public void replace(String contentType, byte[] bytes, LocalDateTime now) {
        this.contentType = contentType;
        this.bytes = bytes.clone();
        this.updatedAt = now;
    }

    public String contentType() {
        return contentType;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public LocalDateTime updatedAt() {
        return updatedAt;
    }
}
