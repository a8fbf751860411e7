package org.freelanceisland.platform.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One versioned step of a module's schema: a SQL script run once, in version order, and recorded in
 * the schema history.
 *
 * @param unit the persistence unit (module id) it belongs to
 * @param version its version, from 1, unique per unit
 * @param description what it does, from the file name ({@code V2__add_rooms.sql} gives {@code add rooms})
 * @param script the file name it was read from
 * @param sql the script's text
 */
public record Migration(String unit, int version, String description, String script, String sql) {

    /**
     * The statements of the script, in order.
     *
     * @return the statements without their terminating semicolons
     */
    public List<String> statements() {
        return SqlScript.split(sql);
    }

    /**
     * A checksum of the script's text (line endings normalised), to notice a script changed after it
     * was applied.
     *
     * @return the SHA-256 of the text, in hex
     */
    public String checksum() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(sql.replace("\r\n", "\n").strip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
