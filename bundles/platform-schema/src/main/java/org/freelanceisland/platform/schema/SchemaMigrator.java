package org.freelanceisland.platform.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a unit's schema to the newest version its scripts describe, and records every step in the
 * table {@value #HISTORY}.
 *
 * <ul>
 * <li>Each pending script runs once, in version order, with its history row in the same
 * transaction: on PostgreSQL a failed script leaves nothing behind (DDL is transactional there).</li>
 * <li>Several nodes may start at once: on PostgreSQL a session-level advisory lock makes them take
 * turns, and each re-reads the history once it holds the lock. H2 is embedded in one process, where
 * a lock in this class is enough.</li>
 * <li>A database whose history holds a newer version than the scripts is refused
 * ({@link SchemaTooNewException}).</li>
 * <li>Adoption: a unit whose tables were made before migrations existed (by EclipseLink's
 * {@code create-or-extend-tables}) has tables but no history. Its version 1 (the baseline, which
 * equals what that generator made) is then applied the way the generator extended a schema:
 * missing tables, columns, indexes, constraints and sequence rows are added, existing ones kept,
 * and the step is recorded as {@code ADOPTED}.</li>
 * </ul>
 */
public final class SchemaMigrator {

    /** The table that records which migrations were applied, shared by all units. */
    public static final String HISTORY = "platform_schema_history";

    /** The advisory lock key of schema work on PostgreSQL ("FISLAND" in ASCII). */
    static final long ADVISORY_LOCK = 0x46_49_53_4C_41_4E_44L;

    private static final ReentrantLock LOCAL = new ReentrantLock();

    private static final Pattern CREATE_TABLE = Pattern.compile(
            "CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([\\w.\"]+)\\s*\\((.*)\\)\\s*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "CREATE\\s+(UNIQUE\\s+)?INDEX\\s+(?!IF\\s+NOT\\s+EXISTS)(.*)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ADD_CONSTRAINT = Pattern.compile(
            "ALTER\\s+TABLE\\s+[\\w.\"]+\\s+ADD\\s+CONSTRAINT\\s+([\\w\"]+)\\s.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern INSERT = Pattern.compile("INSERT\\s.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TABLE_CONSTRAINT = Pattern.compile(
            "(CONSTRAINT|PRIMARY\\s+KEY|UNIQUE|FOREIGN\\s+KEY|CHECK)\\b.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    /** How a migration came to be recorded. */
    public enum Kind {
        /** its script ran */
        APPLIED,
        /** the unit's tables existed already (made before migrations); the script extended them */
        ADOPTED
    }

    /**
     * One step taken.
     *
     * @param version the version
     * @param description what it does
     * @param kind how it was applied
     * @param millis how long it took
     */
    public record Step(int version, String description, Kind kind, long millis) {
    }

    /**
     * What a run did.
     *
     * @param unit the unit
     * @param dialect the database
     * @param fromVersion the version before (0 for none)
     * @param toVersion the version after
     * @param steps the steps taken, in order
     * @param warnings what looks wrong without stopping the unit (a script changed after it was applied)
     */
    public record Result(String unit, Dialect dialect, int fromVersion, int toVersion, List<Step> steps, List<String> warnings) {
    }

    /** An applied step as recorded. */
    private record Recorded(int version, String checksum, String kind) {
    }

    private final String node;

    /**
     * Creates a migrator.
     *
     * @param node who runs it, recorded in the history (a host and instance name)
     */
    public SchemaMigrator(String node) {
        this.node = node.length() > 200 ? node.substring(0, 200) : node;
    }

    /**
     * Brings a unit up to date.
     *
     * @param connection a connection, used alone by this call (its auto-commit setting is restored)
     * @param unit the unit
     * @param migrations the unit's migrations for this database ({@link Migrations#select})
     * @return what was done
     * @throws SchemaTooNewException when the database holds a newer version than the migrations
     * @throws MigrationException when a script fails
     * @throws SQLException when the database cannot be used
     */
    public Result migrate(Connection connection, String unit, List<Migration> migrations)
            throws SchemaTooNewException, MigrationException, SQLException {
        Dialect dialect = Dialect.of(connection);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        lock(connection, dialect);
        try {
            createHistory(connection);
            Map<Integer, Recorded> recorded = history(connection, unit);
            int codeVersion = migrations.stream().mapToInt(Migration::version).max().orElse(0);
            int databaseVersion = recorded.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
            if (databaseVersion > codeVersion) {
                throw new SchemaTooNewException(unit, databaseVersion, codeVersion);
            }
            List<String> warnings = new ArrayList<>();
            List<Step> steps = new ArrayList<>();
            for (Migration migration : migrations) {
                Recorded done = recorded.get(migration.version());
                if (done != null) {
                    if (!done.checksum().equals(migration.checksum())) {
                        warnings.add(migration.script() + " of " + unit + " changed after it was " + done.kind().toLowerCase(Locale.ROOT)
                                + " (a released script must not change: add a new version instead)");
                    }
                    continue;
                }
                boolean adopt = recorded.isEmpty() && steps.isEmpty() && migration.version() == 1
                        && anyTableExists(connection, migration);
                steps.add(apply(connection, dialect, migration, adopt ? Kind.ADOPTED : Kind.APPLIED));
            }
            int toVersion = Math.max(databaseVersion, steps.stream().mapToInt(Step::version).max().orElse(0));
            return new Result(unit, dialect, databaseVersion, toVersion, steps, warnings);
        } finally {
            try {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
            } finally {
                unlock(connection, dialect);
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /**
     * The version of each unit recorded in a database.
     *
     * @param connection a connection
     * @return unit to its newest recorded version; empty when no migration ever ran
     * @throws SQLException when the database cannot be read
     */
    public static Map<String, Integer> versions(Connection connection) throws SQLException {
        Map<String, Integer> versions = new LinkedHashMap<>();
        if (!tableExists(connection, HISTORY)) {
            return versions;
        }
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT unit_name, MAX(version) FROM " + HISTORY + " GROUP BY unit_name ORDER BY unit_name")) {
            while (rs.next()) {
                versions.put(rs.getString(1), rs.getInt(2));
            }
        }
        return versions;
    }

    private Step apply(Connection connection, Dialect dialect, Migration migration, Kind kind)
            throws MigrationException, SQLException {
        long started = System.nanoTime();
        connection.setAutoCommit(false);
        String current = "";
        try {
            for (String statement : migration.statements()) {
                current = statement;
                if (kind == Kind.ADOPTED) {
                    executeExtending(connection, statement);
                } else {
                    execute(connection, statement);
                }
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            current = "INSERT INTO " + HISTORY;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + HISTORY
                    + " (unit_name, version, description, script, checksum, kind, applied_at, applied_by, duration_ms)"
                    + " VALUES (?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, ?, ?)")) {
                insert.setString(1, migration.unit());
                insert.setInt(2, migration.version());
                insert.setString(3, truncate(migration.description(), 200));
                insert.setString(4, truncate(migration.script(), 200));
                insert.setString(5, migration.checksum());
                insert.setString(6, kind.name());
                insert.setString(7, node);
                insert.setLong(8, millis);
                insert.executeUpdate();
            }
            connection.commit();
            return new Step(migration.version(), migration.description(), kind, millis);
        } catch (SQLException e) {
            connection.rollback();
            throw new MigrationException(migration, current, e);
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /** Runs a baseline statement the way EclipseLink's create-or-extend-tables would on an existing schema. */
    private static void executeExtending(Connection connection, String sql) throws SQLException {
        Matcher table = CREATE_TABLE.matcher(sql);
        if (table.matches()) {
            String name = table.group(1);
            if (!tableExists(connection, name)) {
                execute(connection, sql);
                return;
            }
            Set<String> existing = columns(connection, name);
            for (String definition : topLevelItems(table.group(2))) {
                if (TABLE_CONSTRAINT.matcher(definition).matches()) {
                    continue;
                }
                String column = definition.split("\\s+", 2)[0];
                if (!existing.contains(normalize(connection, column))) {
                    String add = "ALTER TABLE " + name + " ADD COLUMN " + definition;
                    Savepoint savepoint = connection.setSavepoint();
                    try {
                        execute(connection, add);
                    } catch (SQLException e) {
                        // rows exist: a NOT NULL column without a default cannot be added; add it nullable
                        connection.rollback(savepoint);
                        execute(connection, add.replaceAll("(?i)\\s+NOT\\s+NULL", ""));
                    }
                }
            }
            return;
        }
        Matcher index = CREATE_INDEX.matcher(sql);
        if (index.matches()) {
            execute(connection, "CREATE " + (index.group(1) == null ? "" : "UNIQUE ") + "INDEX IF NOT EXISTS " + index.group(2));
            return;
        }
        Matcher constraint = ADD_CONSTRAINT.matcher(sql);
        if (constraint.matches()) {
            if (!constraintExists(connection, constraint.group(1))) {
                execute(connection, sql);
            }
            return;
        }
        if (INSERT.matcher(sql).matches()) {
            Savepoint savepoint = connection.setSavepoint();
            try {
                execute(connection, sql);
            } catch (SQLException e) {
                if (e.getSQLState() == null || !e.getSQLState().startsWith("23")) {
                    throw e;
                }
                connection.rollback(savepoint); // the row is there already
            }
            return;
        }
        execute(connection, sql);
    }

    private static boolean anyTableExists(Connection connection, Migration migration) throws SQLException {
        for (String statement : migration.statements()) {
            Matcher table = CREATE_TABLE.matcher(statement);
            if (table.matches() && tableExists(connection, table.group(1))) {
                return true;
            }
        }
        return false;
    }

    private static void createHistory(Connection connection) throws SQLException {
        if (tableExists(connection, HISTORY)) {
            return;
        }
        execute(connection, "CREATE TABLE IF NOT EXISTS " + HISTORY + " ("
                + "unit_name VARCHAR(64) NOT NULL, version INTEGER NOT NULL, description VARCHAR(200) NOT NULL,"
                + " script VARCHAR(200) NOT NULL, checksum VARCHAR(64) NOT NULL, kind VARCHAR(16) NOT NULL,"
                + " applied_at TIMESTAMP NOT NULL, applied_by VARCHAR(200) NOT NULL, duration_ms BIGINT NOT NULL,"
                + " PRIMARY KEY (unit_name, version))");
    }

    private static Map<Integer, Recorded> history(Connection connection, String unit) throws SQLException {
        Map<Integer, Recorded> recorded = new LinkedHashMap<>();
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT version, checksum, kind FROM " + HISTORY + " WHERE unit_name = ? ORDER BY version")) {
            s.setString(1, unit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    recorded.put(rs.getInt(1), new Recorded(rs.getInt(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return recorded;
    }

    private static void lock(Connection connection, Dialect dialect) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                s.setLong(1, ADVISORY_LOCK);
                s.execute();
            }
        } else {
            LOCAL.lock();
        }
    }

    private static void unlock(Connection connection, Dialect dialect) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                s.setLong(1, ADVISORY_LOCK);
                s.execute();
            }
        } else {
            LOCAL.unlock();
        }
    }

    /**
     * Whether a table exists in the connection's current schema.
     *
     * @param connection a connection
     * @param name the table name as written in SQL (unquoted names follow the database's case rule)
     * @return whether it exists
     * @throws SQLException when the catalog cannot be read
     */
    public static boolean tableExists(Connection connection, String name) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        try (ResultSet rs = meta.getTables(null, connection.getSchema(), normalize(connection, name), new String[] { "TABLE" })) {
            return rs.next();
        }
    }

    private static Set<String> columns(Connection connection, String table) throws SQLException {
        Set<String> columns = new HashSet<>();
        try (ResultSet rs = connection.getMetaData().getColumns(null, connection.getSchema(), normalize(connection, table), null)) {
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME"));
            }
        }
        return columns;
    }

    private static boolean constraintExists(Connection connection, String name) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE CONSTRAINT_NAME = ?")) {
            s.setString(1, normalize(connection, name));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    private static String normalize(Connection connection, String identifier) throws SQLException {
        String name = identifier.contains(".") ? identifier.substring(identifier.lastIndexOf('.') + 1) : identifier;
        if (name.startsWith("\"") && name.endsWith("\"")) {
            return name.substring(1, name.length() - 1);
        }
        DatabaseMetaData meta = connection.getMetaData();
        if (meta.storesUpperCaseIdentifiers()) {
            return name.toUpperCase(Locale.ROOT);
        }
        if (meta.storesLowerCaseIdentifiers()) {
            return name.toLowerCase(Locale.ROOT);
        }
        return name;
    }

    /** The comma-separated items of a parenthesised list, commas inside nested parentheses kept. */
    static List<String> topLevelItems(String body) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(body.substring(start, i).strip());
                start = i + 1;
            }
        }
        String last = body.substring(start).strip();
        if (!last.isEmpty()) {
            items.add(last);
        }
        return items;
    }

    private static String truncate(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
