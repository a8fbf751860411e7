package org.freelanceisland.platform.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SchemaMigratorTest {

    private static final String V1 = """
            -- the baseline, as EclipseLink generated it
            CREATE TABLE demo_item (ID BIGINT NOT NULL, NAME VARCHAR(255) NOT NULL, NOTE VARCHAR(255), PRIMARY KEY (ID));
            CREATE TABLE demo_sequence (SEQ_NAME VARCHAR(50) NOT NULL, SEQ_COUNT DECIMAL(38), PRIMARY KEY (SEQ_NAME));
            ALTER TABLE demo_item ADD CONSTRAINT UNQ_demo_item_0 UNIQUE (NAME);
            CREATE INDEX demo_item_note_idx ON demo_item (NOTE);
            INSERT INTO demo_sequence(SEQ_NAME, SEQ_COUNT) values ('demo_item_seq', 0);
            """;
    private static final String V2 = "ALTER TABLE demo_item ADD COLUMN rating INTEGER DEFAULT 0 NOT NULL;";

    private Connection connection;
    private final SchemaMigrator migrator = new SchemaMigrator("test-node");

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID(), "sa", "");
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private static List<Migration> migrations(String... scripts) {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < scripts.length; i++) {
            files.put("V" + (i + 1) + "__step_" + (i + 1) + ".sql", scripts[i]);
        }
        return Migrations.select("demo", files, Dialect.H2);
    }

    @Test
    void appliesPendingScriptsOnceInOrderAndRecordsThem() throws Exception {
        SchemaMigrator.Result first = migrator.migrate(connection, "demo", migrations(V1));
        assertEquals(0, first.fromVersion());
        assertEquals(1, first.toVersion());
        assertEquals(SchemaMigrator.Kind.APPLIED, first.steps().get(0).kind());

        SchemaMigrator.Result second = migrator.migrate(connection, "demo", migrations(V1, V2));
        assertEquals(1, second.fromVersion());
        assertEquals(2, second.toVersion());
        assertEquals(1, second.steps().size());
        assertEquals(0, query("SELECT rating FROM demo_item WHERE 1 = 0").size());

        SchemaMigrator.Result third = migrator.migrate(connection, "demo", migrations(V1, V2));
        assertTrue(third.steps().isEmpty());
        assertEquals(Map.of("demo", 2), SchemaMigrator.versions(connection));
        assertEquals(List.of("1 APPLIED test-node", "2 APPLIED test-node"),
                query("SELECT version || ' ' || kind || ' ' || applied_by FROM platform_schema_history ORDER BY version"));
        assertEquals(List.of("0"), query("SELECT SEQ_COUNT FROM demo_sequence"));
    }

    @Test
    void refusesADatabaseWithANewerSchema() throws Exception {
        migrator.migrate(connection, "demo", migrations(V1, V2));
        SchemaTooNewException e = assertThrows(SchemaTooNewException.class,
                () -> migrator.migrate(connection, "demo", migrations(V1)));
        assertEquals(2, e.databaseVersion());
        assertEquals(1, e.codeVersion());
        assertTrue(e.getMessage().contains("version 2 of the schema of demo"), e.getMessage());
    }

    @Test
    void adoptsTablesMadeBeforeMigrationsAndAddsWhatIsMissing() throws Exception {
        // what an older build's create-or-extend-tables left: no NOTE column, no index, no constraint
        exec("CREATE TABLE demo_item (ID BIGINT NOT NULL, NAME VARCHAR(255) NOT NULL, PRIMARY KEY (ID))");
        exec("CREATE TABLE demo_sequence (SEQ_NAME VARCHAR(50) NOT NULL, SEQ_COUNT DECIMAL(38), PRIMARY KEY (SEQ_NAME))");
        exec("INSERT INTO demo_item (ID, NAME) VALUES (1, 'kept')");
        exec("INSERT INTO demo_sequence (SEQ_NAME, SEQ_COUNT) VALUES ('demo_item_seq', 50)");

        SchemaMigrator.Result result = migrator.migrate(connection, "demo", migrations(V1, V2));

        assertEquals(SchemaMigrator.Kind.ADOPTED, result.steps().get(0).kind());
        assertEquals(SchemaMigrator.Kind.APPLIED, result.steps().get(1).kind());
        assertEquals(List.of("kept null 0"), query("SELECT NAME || ' ' || COALESCE(NOTE, 'null') || ' ' || rating FROM demo_item"));
        assertEquals(List.of("50"), query("SELECT SEQ_COUNT FROM demo_sequence"), "the sequence row is kept, not reset");
        assertThrows(SQLException.class, () -> exec("INSERT INTO demo_item (ID, NAME, rating) VALUES (2, 'kept', 0)"),
                "the unique constraint was added");
        assertEquals(List.of("DEMO_ITEM_NOTE_IDX"), query("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES"
                + " WHERE INDEX_NAME = 'DEMO_ITEM_NOTE_IDX'"));
    }

    @Test
    void aFailedScriptIsNotRecordedAndNamesTheStatement() throws Exception {
        migrator.migrate(connection, "demo", migrations(V1));
        MigrationException e = assertThrows(MigrationException.class,
                () -> migrator.migrate(connection, "demo", migrations(V1, "ALTER TABLE no_such_table ADD COLUMN x INTEGER;")));
        assertTrue(e.getMessage().contains("V2__step_2.sql of demo failed"), e.getMessage());
        assertTrue(e.getMessage().contains("no_such_table"), e.getMessage());
        assertEquals(Map.of("demo", 1), SchemaMigrator.versions(connection));
    }

    @Test
    void warnsWhenAnAppliedScriptChanged() throws Exception {
        migrator.migrate(connection, "demo", migrations(V1));
        SchemaMigrator.Result result = migrator.migrate(connection, "demo",
                migrations(V1 + "\nCREATE INDEX demo_extra_idx ON demo_item (NAME);"));
        assertEquals(1, result.warnings().size());
        assertTrue(result.steps().isEmpty());
    }

    @Test
    void unitsAreIndependent() throws Exception {
        migrator.migrate(connection, "demo", migrations(V1));
        Map<String, String> other = Map.of("V1__other.sql", "CREATE TABLE other_thing (ID BIGINT NOT NULL, PRIMARY KEY (ID));");
        SchemaMigrator.Result result = migrator.migrate(connection, "other", Migrations.select("other", other, Dialect.H2));
        assertEquals(SchemaMigrator.Kind.APPLIED, result.steps().get(0).kind(), "another unit's tables do not make it adopt");
        assertEquals(Map.of("demo", 1, "other", 1), SchemaMigrator.versions(connection));
    }

    @Test
    void picksTheVariantOfTheDatabaseAtHand() {
        Map<String, String> files = Map.of(
                "V1__base.sql", "CREATE TABLE a (x INTEGER);",
                "V2__blob.h2.sql", "ALTER TABLE a ADD COLUMN b BLOB;",
                "V2__blob.postgresql.sql", "ALTER TABLE a ADD COLUMN b BYTEA;");
        assertEquals("V2__blob.postgresql.sql", Migrations.select("a", files, Dialect.POSTGRESQL).get(1).script());
        assertEquals("V2__blob.h2.sql", Migrations.select("a", files, Dialect.H2).get(1).script());
        assertThrows(IllegalArgumentException.class, () -> Migrations.select("a",
                Map.of("V1__x.sql", "", "V1__y.sql", ""), Dialect.H2));
        assertThrows(IllegalArgumentException.class, () -> Migrations.select("a",
                Map.of("V1__x.postgresql.sql", ""), Dialect.H2));
        assertThrows(IllegalArgumentException.class, () -> Migrations.select("a", Map.of("v1-x.sql", ""), Dialect.H2));
        assertFalse(Migrations.isScript("README.md"));
    }

    @Test
    void splitsScriptsOutsideQuotesAndComments() {
        assertEquals(List.of("INSERT INTO t VALUES ('a;b', 'it''s')", "SELECT 1"),
                SqlScript.split("-- a comment; with a semicolon\nINSERT INTO t VALUES ('a;b', 'it''s');\n/* x; */ SELECT 1;\n"));
        assertEquals(List.of("ID BIGINT NOT NULL", "A DECIMAL(10,2)", "PRIMARY KEY (ID, A)"),
                SchemaMigrator.topLevelItems("ID BIGINT NOT NULL, A DECIMAL(10,2), PRIMARY KEY (ID, A)"));
    }

    private void exec(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private List<String> query(String sql) throws SQLException {
        List<String> rows = new java.util.ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
