package org.freelanceisland.contest.internal.model;

import javax.persistence.Basic;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.FetchType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

/**
 * The printable sheet of a batch while it may be downloaded, encrypted with a key derived from the
 * ticket secret (which is not in the database), deleted when its time is up.
 */
@Entity
@Table(name = "contest_ticket_sheet")
public class TicketSheet {

    @Id
    @Column(name = "batch_id")
    private long batchId;

    @Column(name = "nonce", nullable = false)
    private byte[] nonce;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "data", nullable = false)
    private byte[] data;

    /** For JPA. */
    protected TicketSheet() {
    }

    /**
     * Creates a sheet.
     *
     * @param batchId the batch
     * @param nonce the AES-GCM nonce
     * @param data the encrypted PDF
     */
    public TicketSheet(long batchId, byte[] nonce, byte[] data) {
        this.batchId = batchId;
        this.nonce = nonce;
        this.data = data;
    }

    /** @return the batch id */
    public long batchId() {
        return batchId;
    }

    /** @return the nonce */
    public byte[] nonce() {
        return nonce;
    }

    /**
     * Sets the nonce.
     *
     * @param value the new value
     */
    public void nonce(byte[] value) {
        this.nonce = value;
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
}
