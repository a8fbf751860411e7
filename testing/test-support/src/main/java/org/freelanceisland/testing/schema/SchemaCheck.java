package org.freelanceisland.testing.schema;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.freelanceisland.platform.schema.Dialect;
import org.freelanceisland.platform.schema.Migrations;
import org.freelanceisland.platform.schema.SchemaMigrator;
import org.freelanceisland.testing.postgres.PostgresCluster;

/**
 * Checks a module's migration scripts against its entities: the scripts of {@code db/<unit>/} on the
 * class path must make exactly the tables, columns (type, size, nullability), primary and foreign keys
 * and sequence rows that EclipseLink's schema generator makes from the persistence unit, and at
 * least its indexes. A module's unit test calls {@link #assertMigrationsMatchEntities(String)}; a
 * developer who changes an entity without adding a migration sees it fail with the difference.
 */
public final class SchemaCheck {

    private SchemaCheck() {
    }

    /**
     * Checks a unit on two fresh in-memory H2 databases.
     *
     * @param unit the persistence unit
     * @param jdbcTables tables the unit's migrations make for code that uses them through JDBC, not
     *            through entities: they are left out of the comparison
     * @throws AssertionError listing the differences
     */
    public static void assertMigrationsMatchEntities(String unit, String... jdbcTables) {
        String generated = "jdbc:h2:mem:generated-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        String migrated = "jdbc:h2:mem:migrated-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        assertMigrationsMatchEntities(unit, generated, migrated, "sa", "", jdbcTables);
    }

    /**
     * Checks a unit on two fresh databases of a throw-away PostgreSQL cluster (in
     * {@code target/schema-check-pg}), started and stopped by this call. Call it only when
     * {@link PostgresCluster#available()}.
     *
     * @param unit the persistence unit
     * @param jdbcTables tables made for JDBC code, left out of the comparison
     * @throws AssertionError listing the differences
     */
    public static void assertMigrationsMatchEntitiesOnPostgres(String unit, String... jdbcTables) {
        try (PostgresCluster pg = PostgresCluster.start(Path.of("target", "schema-check-pg"))) {
            assertMigrationsMatchEntities(unit, pg.createDatabase("generated"), pg.createDatabase("migrated"),
                    PostgresCluster.USER, PostgresCluster.PASSWORD, jdbcTables);
        }
    }

    /**
     * Checks a unit on two empty databases of the same kind (H2 or PostgreSQL).
     *
     * @param unit the persistence unit
     * @param generatedUrl an empty database for EclipseLink's generator
     * @param migratedUrl an empty database for the migrations
     * @param user the user of both
     * @param password the password of both
     * @param jdbcTables tables made for JDBC code, left out of the comparison
     * @throws AssertionError listing the differences
     */
    public static void assertMigrationsMatchEntities(String unit, String generatedUrl, String migratedUrl, String user,
            String password, String... jdbcTables) {
        try (Connection g = DriverManager.getConnection(generatedUrl, user, password);
                Connection m = DriverManager.getConnection(migratedUrl, user, password)) {
            Map<String, String> scripts = Migrations.fromClassLoader(Thread.currentThread().getContextClassLoader(), unit);
            if (scripts.isEmpty()) {
                throw new AssertionError("No migration scripts for " + unit + " on the class path (db/" + unit + "/V1__*.sql)");
            }
            new SchemaMigrator("schema-check").migrate(m, unit, Migrations.select(unit, scripts, Dialect.of(m)));
            generate(unit, generatedUrl, user, password, null, null);
            List<String> expected = describe(g, false);
            List<String> actual = describe(m, true);
            List<String> missing = new ArrayList<>(expected);
            missing.removeAll(actual);
            List<String> extra = new ArrayList<>(actual);
            extra.removeAll(expected);
            extra.removeIf(line -> line.startsWith("index "));
            for (String table : jdbcTables) {
                String t = table.toLowerCase(Locale.ROOT);
                extra.removeIf(line -> line.matches("(table|primary key|row|column|foreign key) " + t + "([ .].*)?"));
            }
            if (!missing.isEmpty() || !extra.isEmpty()) {
                throw new AssertionError("The migrations of " + unit + " do not make the schema its entities describe"
                        + " (add a migration db/" + unit + "/V<next>__<what>.sql):\n  missing after the migrations: "
                        + String.join("\n    ", missing) + "\n  made by the migrations only: " + String.join("\n    ", extra));
            }
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("Schema check of " + unit + " failed: " + e, e);
        }
    }

    /**
     * Runs EclipseLink's schema generator for a unit against a database: creates the tables there, or
     * writes the DDL to a script instead.
     *
     * @param unit the persistence unit
     * @param url the database
     * @param user its user
     * @param password its password
     * @param scriptFolder where to write the script, or {@code null} to create the tables
     * @param targetDatabase EclipseLink's target database ({@code H2}, {@code PostgreSQL}), or {@code null} to detect it
     */
    public static void generate(String unit, String url, String user, String password, Path scriptFolder, String targetDatabase) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("javax.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("javax.persistence.jtaDataSource", "");
        properties.put("javax.persistence.nonJtaDataSource", "");
        properties.put("javax.persistence.jdbc.url", url);
        properties.put("javax.persistence.jdbc.user", user);
        properties.put("javax.persistence.jdbc.password", password);
        properties.put("eclipselink.logging.level", "WARNING");
        properties.put("eclipselink.ddl-generation", "create-tables");
        if (scriptFolder == null) {
            properties.put("eclipselink.ddl-generation.output-mode", "database");
        } else {
            properties.put("eclipselink.ddl-generation.output-mode", "sql-script");
            properties.put("eclipselink.application-location", scriptFolder.toString());
            properties.put("eclipselink.create-ddl-jdbc-file-name", unit + "-create.sql");
            properties.put("eclipselink.drop-ddl-jdbc-file-name", unit + "-drop.sql");
        }
        if (targetDatabase != null) {
            properties.put("eclipselink.target-database", targetDatabase);
        }
        EntityManagerFactory emf = Persistence.createEntityManagerFactory(unit, properties);
        try {
            emf.createEntityManager().close();
        } finally {
            emf.close();
        }
    }

    /**
     * The schema of a database as sorted lines, for comparison.
     *
     * @param connection the database
     * @param migrated whether it was made by migrations (its history table is left out)
     * @return one line per table, column, key, index and sequence row
     * @throws SQLException when the catalog cannot be read
     */
    public static List<String> describe(Connection connection, boolean migrated) throws SQLException {
        TreeSet<String> lines = new TreeSet<>();
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] { "TABLE" })) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME");
                if (!table.equalsIgnoreCase(SchemaMigrator.HISTORY)) {
                    tables.add(table);
                }
            }
        }
        for (String table : tables) {
            String t = table.toLowerCase(Locale.ROOT);
            lines.add("table " + t);
            try (ResultSet rs = meta.getColumns(null, schema, table, "%")) {
                while (rs.next()) {
                    String type = rs.getString("TYPE_NAME").toLowerCase(Locale.ROOT);
                    String size = type.contains("char") || type.contains("numeric") || type.contains("decimal")
                            ? "(" + rs.getInt("COLUMN_SIZE") + (rs.getInt("DECIMAL_DIGITS") > 0 ? "," + rs.getInt("DECIMAL_DIGITS") : "") + ")"
                            : "";
                    lines.add("column " + t + "." + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT) + " " + type + size
                            + ("NO".equals(rs.getString("IS_NULLABLE")) ? " not null" : ""));
                }
            }
            List<String> pk = new ArrayList<>();
            try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
                while (rs.next()) {
                    pk.add(rs.getShort("KEY_SEQ") + ":" + rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            pk.sort(null);
            lines.add("primary key " + t + " " + pk);
            try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
                while (rs.next()) {
                    lines.add("foreign key " + t + "." + rs.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT) + " -> "
                            + rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT) + "."
                            + rs.getString("PKCOLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            Map<String, List<String>> indexes = new HashMap<>();
            Map<String, Boolean> unique = new HashMap<>();
            try (ResultSet rs = meta.getIndexInfo(null, schema, table, false, false)) {
                while (rs.next()) {
                    String name = rs.getString("INDEX_NAME");
                    String column = rs.getString("COLUMN_NAME");
                    if (name == null || column == null) {
                        continue;
                    }
                    indexes.computeIfAbsent(name, k -> new ArrayList<>()).add(rs.getShort("ORDINAL_POSITION") + ":"
                            + column.toLowerCase(Locale.ROOT));
                    unique.put(name, !rs.getBoolean("NON_UNIQUE"));
                }
            }
            indexes.forEach((name, columns) -> {
                columns.sort(null);
                lines.add("index " + t + (unique.get(name) ? " unique " : " ") + columns.stream().map(c -> c.substring(c.indexOf(':') + 1)).toList());
            });
            if (t.endsWith("sequence")) {
                try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    while (rs.next()) {
                        lines.add("row " + t + " " + rs.getString(1));
                    }
                }
            }
        }
        return new ArrayList<>(lines);
    }
}
