package org.freelanceisland.contest.internal.model;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

/** The bytes of a photo and of its thumbnail, stored in the database so that every node serves the same photos. */
@Entity
@Table(name = "contest_photo_data")
public class PhotoData {

    @Id
    @Column(name = "photo_id")
    private long photoId;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "data", nullable = false)
    private byte[] data;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "thumbnail_data")
    private byte[] thumbnailData;

    /** For JPA. */
    protected PhotoData() {
    }

    /**
     * Creates the bytes of a photo.
     *
     * @param photoId the photo
     * @param data the image
     * @param thumbnailData the thumbnail (JPEG), or {@code null}
     */
    public PhotoData(long photoId, byte[] data, byte[] thumbnailData) {
        this.photoId = photoId;
        this.data = data;
        this.thumbnailData = thumbnailData;
    }

    /** @return the photo id */
    public long photoId() {
        return photoId;
    }

    /** @return the data */
    public byte[] data() {
        return data;
    }

    /**
     * Sets the data.
     *
     * @param value the new value
     */
    public void data(byte[] value) {
        this.data = value;
    }

    /** @return the thumbnail data */
    public byte[] thumbnailData() {
        return thumbnailData;
    }

    /**
     * Sets the thumbnail data.
     *
     * @param value the new value
     */
    public void thumbnailData(byte[] value) {
        this.thumbnailData = value;
    }
}
