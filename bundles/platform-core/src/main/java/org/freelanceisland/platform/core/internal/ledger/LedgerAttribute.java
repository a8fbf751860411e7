package org.freelanceisland.platform.core.internal.ledger;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/**
 * One attribute of a ledger event, in a side table the database can index, written in the same
 * transaction as the event. The event's JSON column stays the record the ledger reads back; this
 * table is what queries filter on.
 *
 * <p>Queries reach the table from the events (by its key, event and name), never from the values,
 * so there is no index on the values: H2 preferred such an index for the join and scanned it.
 *
 * <p>{@code value_key} is the value itself when it is short (codes such as {@code true} or
 * {@code CHILD_REARING_FREELANCER}, which is what the catalogue prescribes) and a digest of it
 * otherwise, so that the index stays within every database's key size limit.
 */
@Entity
@IdClass(LedgerAttribute.Key.class)
@Table(name = "platform_ledger_attribute")
public class LedgerAttribute {

    /** Values up to this length are their own key. */
    static final int SHORT_VALUE = 100;

    @Id
    @Column(name = "event_id", length = 200)
    private String eventId;

    @Id
    @Column(name = "name", length = 64)
    private String name;

    @Column(name = "value_key", length = 128, nullable = false)
    private String valueKey;

    @Column(name = "attr_value", length = 1000, nullable = false)
    private String value;

    /** For JPA. */
    protected LedgerAttribute() {
    }

    LedgerAttribute(String eventId, String name, String value) {
        this.eventId = eventId;
        this.name = name;
        this.value = value;
        this.valueKey = key(value);
    }

    /**
     * The indexed key of a value.
     *
     * @param value the value
     * @return the value when short, otherwise its first 40 characters, {@code #} and the hex SHA-256
     *         of the whole value
     */
    static String key(String value) {
        if (value.length() <= SHORT_VALUE) {
            return value;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return value.substring(0, 40) + "#" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    /** The composite key: event and attribute name. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String eventId;
        private String name;

        /** For JPA. */
        public Key() {
        }

        Key(String eventId, String name) {
            this.eventId = eventId;
            this.name = name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(eventId, k.eventId) && Objects.equals(name, k.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(eventId, name);
        }
    }
}
