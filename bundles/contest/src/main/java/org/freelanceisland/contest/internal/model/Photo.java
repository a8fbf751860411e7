package org.freelanceisland.contest.internal.model;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

/**
 * A photo of an entry: what it is (type, size, dimensions); the bytes are in {@link PhotoData}, so
 * lists never load them.
 */
@Entity
@Table(name = "contest_photo",
        indexes = { @Index(name = "contest_photo_entry_idx", columnList = "entry_id,position") })
public class Photo {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "contest_photo_seq")
    @TableGenerator(name = "contest_photo_seq", table = "contest_sequence", pkColumnName = "seq_name",
            valueColumnName = "seq_value", pkColumnValue = "photo", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "entry_id", nullable = false)
    private long entryId;

    @Column(name = "position", nullable = false)
    private int position;

    @Column(name = "content_type", length = 20, nullable = false)
    private String contentType;

    @Column(name = "byte_size", nullable = false)
    private long byteSize;

    @Column(name = "width", nullable = false)
    private int width;

    @Column(name = "height", nullable = false)
    private int height;

    @Column(name = "sha256", length = 64, nullable = false)
    private String sha256;

    @Column(name = "file_name", length = 200)
    private String fileName;

    @Column(name = "has_thumbnail", nullable = false)
    private boolean thumbnail;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    /** For JPA. */
    protected Photo() {
    }

    /**
     * Creates a photo.
     *
     * @param entryId the entry
     */
    public Photo(long entryId) {
        this.entryId = entryId;
    }

    /** @return the id, {@code null} until persisted */
    public Long id() {
        return id;
    }

    /** @return the entry id */
    public long entryId() {
        return entryId;
    }

    /** @return the position */
    public int position() {
        return position;
    }

    /**
     * Sets the position.
     *
     * @param value the new value
     */
    public void position(int value) {
        this.position = value;
    }

    /** @return the content type */
    public String contentType() {
        return contentType;
    }

    /**
     * Sets the content type.
     *
     * @param value the new value
     */
    public void contentType(String value) {
        this.contentType = value;
    }

    /** @return the byte size */
    public long byteSize() {
        return byteSize;
    }

    /**
     * Sets the byte size.
     *
     * @param value the new value
     */
    public void byteSize(long value) {
        this.byteSize = value;
    }

    /** @return the width */
    public int width() {
        return width;
    }

    /**
     * Sets the width.
     *
     * @param value the new value
     */
    public void width(int value) {
        this.width = value;
    }

    /** @return the height */
    public int height() {
        return height;
    }

    /**
     * Sets the height.
     *
     * @param value the new value
     */
    public void height(int value) {
        this.height = value;
    }

    /** @return the sha256 */
    public String sha256() {
        return sha256;
    }

    /**
     * Sets the sha256.
     *
     * @param value the new value
     */
    public void sha256(String value) {
        this.sha256 = value;
    }

    /** @return the file name */
    public String fileName() {
        return fileName;
    }

    /**
     * Sets the file name.
     *
     * @param value the new value
     */
    public void fileName(String value) {
        this.fileName = value;
    }

    /** @return the thumbnail */
    public boolean thumbnail() {
        return thumbnail;
    }

    /**
     * Sets the thumbnail.
     *
     * @param value the new value
     */
    public void thumbnail(boolean value) {
        this.thumbnail = value;
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
}
