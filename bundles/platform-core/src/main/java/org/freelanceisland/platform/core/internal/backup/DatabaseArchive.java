package org.freelanceisland.platform.core.internal.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.freelanceisland.platform.schema.SchemaMigrator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A portable archive of the data of one program, or of the whole database: a zip with
 * {@code manifest.json} and one file of JSON Lines per table ({@code tables/<table>.jsonl}, one
 * object per row, column names in lower case; timestamps ISO-8601 as stored, binary columns Base64).
 * It is read by any tool that reads JSON, and {@link #restore} loads a whole-database archive into
 * an empty database of either kind (H2 or PostgreSQL) whose schema is at the same versions: the way
 * from the embedded H2 database to PostgreSQL.
 *
 * <p>The export reads one consistent snapshot (one read-only transaction, repeatable read).
 */
public final class DatabaseArchive {

    /** The archive format's name in the manifest. */
    public static final String FORMAT = "freelance-island-archive";
    /** The archive format's version. */
    public static final int FORMAT_VERSION = 1;
    /** The scope of an archive of the whole database. */
    public static final String ALL = "all";

    /** Tables never exported: node-independent but short-lived, or the schema history (in the manifest). */
    private static final Set<String> SKIPPED = Set.of(SchemaMigrator.HISTORY, "platform_session", "platform_signin_failure");

    private final ObjectMapper json = new ObjectMapper();

    /**
     * What an export wrote.
     *
     * @param scope the program's id, or {@value #ALL}
     * @param tables rows per table
     */
    public record Summary(String scope, Map<String, Long> tables) {
        /** @return all rows */
        public long rows() {
            return tables.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Writes an archive.
     *
     * @param connection a connection (used alone; left in auto-commit)
     * @param scope a program's id (its tables {@code <id>_*} and its ledger events), or {@value #ALL}
     * @param exportedBy who asked, for the manifest
     * @param out where the zip goes
     * @return what was written
     * @throws SQLException when the database cannot be read
     * @throws IOException when the archive cannot be written
     */
    public Summary export(Connection connection, String scope, String exportedBy, OutputStream out)
            throws SQLException, IOException {
        boolean all = ALL.equals(scope);
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            List<String> tables = new ArrayList<>();
            for (String table : tables(connection)) {
                String lower = table.toLowerCase(Locale.ROOT);
                if (!SKIPPED.contains(lower) && (all || lower.startsWith(scope + "_"))) {
                    tables.add(table);
                }
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            ObjectNode manifest = json.createObjectNode();
            manifest.put("format", FORMAT);
            manifest.put("formatVersion", FORMAT_VERSION);
            manifest.put("scope", scope);
            manifest.put("exportedAt", Instant.now().toString());
            manifest.put("exportedBy", exportedBy);
            DatabaseMetaData meta = connection.getMetaData();
            manifest.put("database", meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
            ObjectNode versions = manifest.putObject("schemaVersions");
            SchemaMigrator.versions(connection).forEach((unit, version) -> {
                if (all || unit.equals(scope)) {
                    versions.put(unit, version);
                }
            });
            var tableList = manifest.putArray("tables");
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (String table : tables) {
                    String lower = table.toLowerCase(Locale.ROOT);
                    long rows = writeTable(connection, zip, table, "SELECT * FROM " + table + orderBy(connection, table),
                            tableList.addObject().put("name", lower).put("file", "tables/" + lower + ".jsonl"));
                    counts.put(lower, rows);
                }
                if (!all) {
                    // the program's facts in the platform's ledger
                    String events = "platform_ledger_event";
                    long rows = writeTable(connection, zip, events, "SELECT * FROM " + events + " WHERE module_id = '"
                            + scope.replace("'", "''") + "' ORDER BY id",
                            tableList.addObject().put("name", events).put("file", "tables/" + events + ".jsonl")
                                    .put("filter", "module_id = " + scope));
                    counts.put(events, rows);
                    String attributes = "platform_ledger_attribute";
                    rows = writeTable(connection, zip, attributes, "SELECT a.* FROM " + attributes + " a JOIN " + events
                            + " e ON e.id = a.event_id WHERE e.module_id = '" + scope.replace("'", "''")
                            + "' ORDER BY a.event_id, a.name",
                            tableList.addObject().put("name", attributes).put("file", "tables/" + attributes + ".jsonl")
                                    .put("filter", "events of module_id = " + scope));
                    counts.put(attributes, rows);
                }
                zip.putNextEntry(new ZipEntry("manifest.json"));
                zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                zip.closeEntry();
            }
            return new Summary(scope, counts);
        } finally {
            connection.rollback();
            connection.setReadOnly(false);
            connection.setAutoCommit(true);
        }
    }

    private long writeTable(Connection connection, ZipOutputStream zip, String table, String query, ObjectNode entry)
            throws SQLException, IOException {
        zip.putNextEntry(new ZipEntry(entry.get("file").asText()));
        long rows = 0;
        JsonGenerator out = new JsonFactory().createGenerator(new NonClosing(zip));
        out.setRootValueSeparator(null); // one object per line: the line break is written after each
        try (Statement s = connection.createStatement()) {
            s.setFetchSize(500);
            try (ResultSet rs = s.executeQuery(query)) {
                ResultSetMetaData md = rs.getMetaData();
                var columns = entry.putArray("columns");
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.addObject().put("name", md.getColumnLabel(i).toLowerCase(Locale.ROOT))
                            .put("type", md.getColumnTypeName(i).toLowerCase(Locale.ROOT));
                }
                while (rs.next()) {
                    out.writeStartObject();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        out.writeFieldName(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
                        writeValue(out, rs, i, md.getColumnType(i));
                    }
                    out.writeEndObject();
                    out.writeRaw('\n');
                    rows++;
                }
            }
        }
        out.flush();
        zip.closeEntry();
        entry.put("rows", rows);
        return rows;
    }

    private static void writeValue(JsonGenerator out, ResultSet rs, int i, int type) throws SQLException, IOException {
        switch (type) {
        case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> {
            long v = rs.getLong(i);
            if (rs.wasNull()) {
                out.writeNull();
            } else {
                out.writeNumber(v);
            }
        }
        case Types.DECIMAL, Types.NUMERIC, Types.DOUBLE, Types.FLOAT, Types.REAL -> {
            BigDecimal v = rs.getBigDecimal(i);
            if (v == null) {
                out.writeNull();
            } else {
                out.writeNumber(v);
            }
        }
        case Types.BOOLEAN, Types.BIT -> {
            boolean v = rs.getBoolean(i);
            if (rs.wasNull()) {
                out.writeNull();
            } else {
                out.writeBoolean(v);
            }
        }
        case Types.TIMESTAMP -> {
            LocalDateTime v = rs.getObject(i, LocalDateTime.class);
            writeString(out, v == null ? null : v.toString());
        }
        case Types.DATE -> {
            LocalDate v = rs.getObject(i, LocalDate.class);
            writeString(out, v == null ? null : v.toString());
        }
        case Types.TIME -> {
            LocalTime v = rs.getObject(i, LocalTime.class);
            writeString(out, v == null ? null : v.toString());
        }
        case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
            byte[] v = rs.getBytes(i);
            writeString(out, v == null ? null : Base64.getEncoder().encodeToString(v));
        }
        default -> writeString(out, rs.getString(i));
        }
    }

    private static void writeString(JsonGenerator out, String value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else {
            out.writeString(value);
        }
    }

    /**
     * Loads a whole-database archive into a database whose schema is at the archive's versions: the
     * rows of every table of the archive are replaced by the archive's (what programs made at their
     * first start, such as seed data and sequence rows, gives way). Unless {@code replace} is set, the
     * database must be new: no person and no ledger fact yet. One transaction: nothing changes when
     * anything fails.
     *
     * @param connection a connection (used alone)
     * @param archive the zip
     * @param replace whether to replace a database that already holds people or ledger facts
     * @return rows loaded per table
     * @throws SQLException when the database refuses
     * @throws IOException when the archive cannot be read
     * @throws IllegalStateException when the archive does not fit this database (named in the message)
     */
    public Map<String, Long> restore(Connection connection, InputStream archive, boolean replace)
            throws SQLException, IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(archive)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                files.put(e.getName(), zip.readAllBytes());
            }
        }
        byte[] manifestBytes = files.get("manifest.json");
        if (manifestBytes == null) {
            throw new IllegalStateException("Not a Freelance Island archive: no manifest.json");
        }
        JsonNode manifest = json.readTree(manifestBytes);
        if (!FORMAT.equals(manifest.path("format").asText()) || manifest.path("formatVersion").asInt() != FORMAT_VERSION) {
            throw new IllegalStateException("Not a Freelance Island archive of format version " + FORMAT_VERSION);
        }
        if (!ALL.equals(manifest.path("scope").asText())) {
            throw new IllegalStateException("Only an archive of the whole database (island:export --all) can be restored;"
                    + " this one holds " + manifest.path("scope").asText());
        }
        Map<String, Integer> here = SchemaMigrator.versions(connection);
        List<String> mismatches = new ArrayList<>();
        manifest.path("schemaVersions").fields().forEachRemaining(e -> {
            Integer v = here.get(e.getKey());
            if (v == null || v != e.getValue().asInt()) {
                mismatches.add(e.getKey() + " is at version " + e.getValue().asInt() + " in the archive and "
                        + (v == null ? "not installed" : "at version " + v) + " here");
            }
        });
        if (!mismatches.isEmpty()) {
            throw new IllegalStateException("The schemas differ (install the same programs, at the same versions, first): "
                    + String.join("; ", mismatches));
        }
        Map<String, String> actual = new HashMap<>();
        for (String table : tables(connection)) {
            actual.put(table.toLowerCase(Locale.ROOT), table);
        }
        List<String> order = new ArrayList<>();
        for (JsonNode t : manifest.path("tables")) {
            String name = t.path("name").asText();
            if (!actual.containsKey(name)) {
                throw new IllegalStateException("The archive holds table " + name + ", which this database lacks");
            }
            order.add(name);
        }
        order = dependencyOrder(connection, order, actual);
        if (!replace) {
            for (String marker : List.of("people_person", "platform_ledger_event")) {
                if (actual.containsKey(marker) && count(connection, actual.get(marker)) > 0) {
                    throw new IllegalStateException("This database already holds data (" + marker + " is not empty):"
                            + " restore only into a new database, or replace everything on purpose (--replace)");
                }
            }
        }
        connection.setAutoCommit(false);
        Map<String, Long> loaded = new LinkedHashMap<>();
        try {
            // what the programs made at their first start (seed data, sequence rows) gives way to the archive
            for (int i = order.size() - 1; i >= 0; i--) {
                try (Statement s = connection.createStatement()) {
                    s.executeUpdate("DELETE FROM " + actual.get(order.get(i)));
                }
            }
            for (String name : order) {
                String table = actual.get(name);
                JsonNode entry = null;
                for (JsonNode t : manifest.path("tables")) {
                    if (t.path("name").asText().equals(name)) {
                        entry = t;
                    }
                }
                loaded.put(name, load(connection, table, files.get(entry.path("file").asText())));
                if (loaded.get(name) != entry.path("rows").asLong()) {
                    throw new IllegalStateException("Table " + name + ": " + loaded.get(name) + " rows loaded, the manifest says "
                            + entry.path("rows").asLong());
                }
            }
            connection.commit();
            return loaded;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private long load(Connection connection, String table, byte[] lines) throws SQLException, IOException {
        if (lines == null) {
            throw new IllegalStateException("The archive lacks the rows of " + table);
        }
        Map<String, Integer> types = new LinkedHashMap<>();
        try (ResultSet rs = connection.getMetaData().getColumns(null, connection.getSchema(), table, null)) {
            while (rs.next()) {
                types.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getInt("DATA_TYPE"));
            }
        }
        List<String> columns = new ArrayList<>(types.keySet());
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
        long rows = 0;
        try (PreparedStatement insert = connection.prepareStatement(sql);
                JsonParser parser = json.getFactory().createParser(lines)) {
            var it = json.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode row = it.next();
                for (int i = 0; i < columns.size(); i++) {
                    bind(insert, i + 1, types.get(columns.get(i)), row.get(columns.get(i)));
                }
                insert.addBatch();
                if (++rows % 500 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        return rows;
    }

    private static void bind(PreparedStatement s, int index, int type, JsonNode value) throws SQLException {
        if (value == null || value.isNull()) {
            s.setNull(index, type);
            return;
        }
        switch (type) {
        case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> s.setLong(index, value.asLong());
        case Types.DECIMAL, Types.NUMERIC -> s.setBigDecimal(index, value.decimalValue());
        case Types.DOUBLE, Types.FLOAT, Types.REAL -> s.setDouble(index, value.asDouble());
        case Types.BOOLEAN, Types.BIT -> s.setBoolean(index, value.asBoolean());
        case Types.TIMESTAMP -> s.setTimestamp(index, Timestamp.valueOf(LocalDateTime.parse(value.asText())));
        case Types.DATE -> s.setObject(index, LocalDate.parse(value.asText()));
        case Types.TIME -> s.setObject(index, LocalTime.parse(value.asText()));
        case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> s.setBytes(index,
                Base64.getDecoder().decode(value.asText()));
        default -> s.setString(index, value.asText());
        }
    }

    /** Tables in an order in which every foreign key points to a table loaded before. */
    private static List<String> dependencyOrder(Connection connection, List<String> names, Map<String, String> actual)
            throws SQLException {
        Map<String, Set<String>> dependsOn = new HashMap<>();
        for (String name : names) {
            Set<String> targets = new LinkedHashSet<>();
            try (ResultSet rs = connection.getMetaData().getImportedKeys(null, connection.getSchema(), actual.get(name))) {
                while (rs.next()) {
                    String target = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!target.equals(name) && names.contains(target)) {
                        targets.add(target);
                    }
                }
            }
            dependsOn.put(name, targets);
        }
        List<String> ordered = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        while (ordered.size() < names.size()) {
            boolean progress = false;
            for (String name : names) {
                if (!done.contains(name) && done.containsAll(dependsOn.get(name))) {
                    ordered.add(name);
                    done.add(name);
                    progress = true;
                }
            }
            if (!progress) {
                throw new IllegalStateException("Foreign keys form a cycle among " + names);
            }
        }
        return ordered;
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] { "TABLE" })) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        tables.sort(String.CASE_INSENSITIVE_ORDER);
        return tables;
    }

    private static String orderBy(Connection connection, String table) throws SQLException {
        Map<Short, String> key = new java.util.TreeMap<>();
        try (ResultSet rs = connection.getMetaData().getPrimaryKeys(null, connection.getSchema(), table)) {
            while (rs.next()) {
                key.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return key.isEmpty() ? "" : " ORDER BY " + String.join(", ", key.values());
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Keeps the zip open when the JSON generator closes. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
