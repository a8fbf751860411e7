package org.freelanceisland.platform.core.internal.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.freelanceisland.platform.schema.Dialect;
import org.freelanceisland.platform.schema.Migrations;
import org.freelanceisland.platform.schema.SchemaMigrator;
import org.freelanceisland.testing.postgres.PostgresCluster;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Archives of a program and of the whole database, and the way from H2 to PostgreSQL. */
class DatabaseArchiveTest {

    private static final Map<String, String> DEMO_H2 = Map.of("V1__demo.sql", """
            CREATE TABLE demo_course (id BIGINT NOT NULL, title VARCHAR(200) NOT NULL, starts TIMESTAMP, PRIMARY KEY (id));
            CREATE TABLE demo_photo (course_id BIGINT NOT NULL, bytes BLOB NOT NULL, note VARCHAR(100), PRIMARY KEY (course_id));
            ALTER TABLE demo_photo ADD CONSTRAINT fk_demo_photo_course FOREIGN KEY (course_id) REFERENCES demo_course (id);
            CREATE TABLE demo_sequence (seq_name VARCHAR(50) NOT NULL, seq_value NUMERIC(38), PRIMARY KEY (seq_name));
            INSERT INTO demo_sequence (seq_name, seq_value) VALUES ('course', 0);
            """);

    private static Map<String, String> demo(Dialect dialect) {
        return dialect == Dialect.H2 ? DEMO_H2 : Map.of("V1__demo.sql", DEMO_H2.get("V1__demo.sql").replace("BLOB", "BYTEA"));
    }

    private static void migrate(Connection c) throws Exception {
        Dialect dialect = Dialect.of(c);
        SchemaMigrator migrator = new SchemaMigrator("test");
        migrator.migrate(c, "platform", Migrations.select("platform",
                Migrations.fromClassLoader(DatabaseArchiveTest.class.getClassLoader(), "platform"), dialect));
        migrator.migrate(c, "demo", Migrations.select("demo", demo(dialect), dialect));
    }

    private static void fill(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO demo_course VALUES (1, '島の仕事入門 ''初級''', TIMESTAMP '2025-04-01 10:00:00')");
            s.execute("INSERT INTO demo_course VALUES (2, 'No start yet', NULL)");
            s.execute("INSERT INTO demo_photo VALUES (1, X'00FF10', NULL)");
            s.execute("UPDATE demo_sequence SET seq_value = 50");
            s.execute("INSERT INTO platform_ledger_event (id, amount_yen, attributes, attrs_indexed, fiscal_year, module_id,"
                    + " occurred_at, person_id, recorded_at, recorded_by, event_type) VALUES ('demo:1', 1200, NULL, TRUE, 2025,"
                    + " 'demo', TIMESTAMP '2025-04-02 01:00:00', '7', TIMESTAMP '2025-04-02 01:00:01', 'demo', 'demo.enrolled')");
            s.execute("INSERT INTO platform_ledger_attribute VALUES ('demo:1', 'course', '1', '1')");
            s.execute("INSERT INTO platform_ledger_event (id, fiscal_year, module_id, occurred_at, recorded_at, recorded_by,"
                    + " event_type) VALUES ('other:1', 2025, 'other', TIMESTAMP '2025-04-02 01:00:00',"
                    + " TIMESTAMP '2025-04-02 01:00:01', 'other', 'other.done')");
            s.execute("INSERT INTO platform_session VALUES ('h', 't', 'sato', 'staff', 1, 1)");
        }
    }

    private static Connection h2() throws Exception {
        return DriverManager.getConnection("jdbc:h2:mem:archive-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    @Test
    void aProgramsArchiveHoldsItsTablesAndItsLedgerFactsOnly() throws Exception {
        try (Connection c = h2()) {
            migrate(c);
            fill(c);
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            DatabaseArchive.Summary summary = new DatabaseArchive().export(c, "demo", "admin", zip);
            assertEquals(Map.of("demo_course", 2L, "demo_photo", 1L, "demo_sequence", 1L, "platform_ledger_event", 1L,
                    "platform_ledger_attribute", 1L), summary.tables());
            Map<String, String> files = unzip(zip.toByteArray());
            JsonNode manifest = new ObjectMapper().readTree(files.get("manifest.json"));
            assertEquals("demo", manifest.path("scope").asText());
            assertEquals(1, manifest.path("schemaVersions").path("demo").asInt());
            assertTrue(manifest.path("schemaVersions").path("platform").isMissingNode());
            List<String> courses = files.get("tables/demo_course.jsonl").lines().toList();
            assertEquals("{\"id\":1,\"title\":\"島の仕事入門 '初級'\",\"starts\":\"2025-04-01T10:00\"}", courses.get(0));
            assertEquals("{\"id\":2,\"title\":\"No start yet\",\"starts\":null}", courses.get(1));
            assertEquals(Base64.getEncoder().encodeToString(new byte[] { 0, (byte) 0xFF, 0x10 }),
                    new ObjectMapper().readTree(files.get("tables/demo_photo.jsonl")).path("bytes").asText());
            assertTrue(files.get("tables/platform_ledger_event.jsonl").contains("demo.enrolled"));
            assertTrue(!files.get("tables/platform_ledger_event.jsonl").contains("other.done"));
        }
    }

    @Test
    void anArchiveOfEverythingMovesTheDataFromH2IntoANewDatabase() throws Exception {
        byte[] archive;
        List<String> expected;
        try (Connection source = h2()) {
            migrate(source);
            fill(source);
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            new DatabaseArchive().export(source, DatabaseArchive.ALL, "admin", zip);
            archive = zip.toByteArray();
            expected = dump(source);
        }
        assertTrue(unzip(archive).keySet().stream().noneMatch(f -> f.contains("platform_session") || f.contains("schema_history")),
                "sessions and the schema history stay behind");
        try (Connection target = h2()) {
            migrate(target);
            try (Statement seed = target.createStatement()) {
                seed.execute("INSERT INTO demo_course VALUES (99, 'seeded by the program at its first start', NULL)");
            }
            Map<String, Long> loaded = new DatabaseArchive().restore(target, new ByteArrayInputStream(archive), false);
            assertEquals(2L, loaded.get("demo_course"));
            assertEquals(without(expected, "platform_session"), without(dump(target), "platform_session"));
            IllegalStateException again = assertThrows(IllegalStateException.class,
                    () -> new DatabaseArchive().restore(target, new ByteArrayInputStream(archive), false));
            assertTrue(again.getMessage().contains("already holds data"), again.getMessage());
            new DatabaseArchive().restore(target, new ByteArrayInputStream(archive), true);
            assertEquals(without(expected, "platform_session"), without(dump(target), "platform_session"), "replaced on purpose");
        }
        try (Connection unmigrated = h2()) {
            new SchemaMigrator("test").migrate(unmigrated, "platform", Migrations.select("platform",
                    Migrations.fromClassLoader(getClass().getClassLoader(), "platform"), Dialect.H2));
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> new DatabaseArchive().restore(unmigrated, new ByteArrayInputStream(archive), false));
            assertTrue(e.getMessage().contains("demo is at version 1 in the archive and not installed here"), e.getMessage());
        }
        if (PostgresCluster.available()) {
            try (PostgresCluster pg = PostgresCluster.start(Path.of("target", "archive-pg"));
                    Connection target = DriverManager.getConnection(pg.createDatabase("island"), PostgresCluster.USER,
                            PostgresCluster.PASSWORD)) {
                migrate(target);
                new DatabaseArchive().restore(target, new ByteArrayInputStream(archive), false);
                assertEquals(without(expected, "platform_session"), without(dump(target), "platform_session"));
            }
        } else {
            Assumptions.abort(PostgresCluster.unavailableReason());
        }
    }

    private static List<String> without(List<String> rows, String table) {
        return rows.stream().filter(r -> !r.startsWith(table + ":")).toList();
    }

    /** Every row of every table but the schema history, as text that does not depend on the database's kind. */
    private static List<String> dump(Connection c) throws Exception {
        List<String> rows = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] { "TABLE" })) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME").toLowerCase());
            }
        }
        tables.remove("platform_schema_history");
        tables.sort(null);
        for (String table : tables) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    StringBuilder row = new StringBuilder(table).append(':');
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        if (v instanceof java.sql.Blob blob) {
                            v = blob.getBytes(1, (int) blob.length());
                        }
                        row.append(' ').append(md.getColumnLabel(i).toLowerCase()).append('=')
                                .append(v instanceof byte[] b ? Base64.getEncoder().encodeToString(b)
                                        : v instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString() : v);
                    }
                    rows.add(row.toString());
                }
            }
        }
        rows.sort(null);
        return rows;
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
