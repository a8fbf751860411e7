package org.freelanceisland.platform.core.internal.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.freelanceisland.platform.api.audit.AuditEntry;
import org.freelanceisland.platform.core.internal.PlatformServices;
import org.freelanceisland.platform.core.internal.audit.AuditService;
import org.freelanceisland.platform.schema.Dialect;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups of the database and portable archives of its data, for {@code island:backup},
 * {@code island:export}, {@code island:restore} and {@code /api/admin/backups}, {@code /api/admin/exports}.
 *
 * <ul>
 * <li>H2: an online {@code SCRIPT TO} (a gzipped SQL script, consistent while the system runs,
 * readable by any later H2 with {@code RUNSCRIPT}) or, on request, {@code BACKUP TO} (a zip of the
 * database file) under {@code ${karaf.data}/backups}. The script is the default: measured smaller
 * and faster than the copy of the file, and it survives H2 upgrades.</li>
 * <li>PostgreSQL: {@code pg_dump --format=custom} of the configured database into the same folder,
 * with the configured user (the password is handed over in {@code PGPASSWORD}, never on the command
 * line). Restore with {@code pg_restore} (docs/database.md).</li>
 * <li>Archives ({@link DatabaseArchive}): the data of one program, or of everything, as JSON Lines
 * per table in a zip; audit-logged.</li>
 * </ul>
 */
@Component(service = BackupService.class)
public final class BackupService {

    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);
    private static final Pattern SCOPE = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final PlatformServices services;
    private final ConfigurationAdmin configurationAdmin;

    /**
     * What a backup made.
     *
     * @param file the backup file
     * @param bytes its size
     * @param millis how long it took
     * @param kind {@code h2-backup}, {@code h2-script} or {@code pg_dump}
     */
    public record Backup(Path file, long bytes, long millis, String kind) {
    }

    /**
     * Creates the service.
     *
     * @param services the shared DataSource and the audit log
     * @param configurationAdmin the DataSource's configuration (for pg_dump's connection)
     */
    @Activate
    public BackupService(@Reference PlatformServices services, @Reference ConfigurationAdmin configurationAdmin) {
        this.services = services;
        this.configurationAdmin = configurationAdmin;
    }

    /**
     * The folder backups and archives are written to: {@code ${karaf.data}/backups}.
     *
     * @return the folder
     */
    public static Path folder() {
        return Path.of(System.getProperty("karaf.data", "data"), "backups");
    }

    /**
     * Backs the whole database up into {@link #folder()}.
     *
     * @param copy for H2: a zip copy of the database file ({@code BACKUP TO}) instead of a SQL script
     * @param actor who asks, for the audit log
     * @return the backup
     * @throws IOException when the file cannot be written or pg_dump fails
     * @throws SQLException when the database refuses
     */
    public Backup backup(boolean copy, String actor) throws IOException, SQLException {
        long started = System.nanoTime();
        Files.createDirectories(folder());
        String stamp = LocalDateTime.now(ZoneOffset.UTC).format(STAMP);
        Path file;
        String kind;
        try (Connection connection = dataSource().getConnection()) {
            Dialect dialect = Dialect.of(connection);
            if (dialect == Dialect.H2) {
                kind = copy ? "h2-backup" : "h2-script";
                file = folder().resolve("freelanceisland-" + stamp + (copy ? ".zip" : ".sql.gz")).toAbsolutePath();
                try (Statement s = connection.createStatement()) {
                    String path = file.toString().replace("'", "''");
                    s.execute(copy ? "BACKUP TO '" + path + "'" : "SCRIPT TO '" + path + "' COMPRESSION GZIP");
                }
            } else {
                kind = "pg_dump";
                file = folder().resolve("freelanceisland-" + stamp + ".dump").toAbsolutePath();
                pgDump(file);
            }
        }
        Backup backup = new Backup(file, Files.size(file), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), kind);
        LOG.info("Database backed up by {} into {} ({} bytes, {} ms)", actor, file, backup.bytes(), backup.millis());
        audit(actor, "platform.database.backup", "database", null, Map.of("file", file.getFileName().toString(),
                "kind", kind, "bytes", Long.toString(backup.bytes())));
        return backup;
    }

    /**
     * Writes an archive of a program's data, or of everything ({@value DatabaseArchive#ALL}).
     *
     * @param scope a program's id or {@value DatabaseArchive#ALL}
     * @param actor who asks, for the audit log
     * @param out where the zip goes
     * @return what was written
     * @throws IOException when the archive cannot be written
     * @throws SQLException when the database cannot be read
     */
    public DatabaseArchive.Summary export(String scope, String actor, OutputStream out) throws IOException, SQLException {
        if (!DatabaseArchive.ALL.equals(scope) && !SCOPE.matcher(scope).matches()) {
            throw new IllegalArgumentException("Not a program id: " + scope);
        }
        long started = System.nanoTime();
        DatabaseArchive.Summary summary;
        try (Connection connection = dataSource().getConnection()) {
            summary = new DatabaseArchive().export(connection, scope, actor, out);
        }
        LOG.info("Data of {} exported by {}: {} rows of {} tables in {} ms", scope, actor, summary.rows(),
                summary.tables().size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        audit(actor, "platform.data.exported", "program", scope, Map.of("tables", Integer.toString(summary.tables().size()),
                "rows", Long.toString(summary.rows())));
        return summary;
    }

    /**
     * Whether a program has tables (to tell an unknown program from an empty one).
     *
     * @param scope a program's id
     * @return whether a table {@code <scope>_*} exists
     * @throws SQLException when the database cannot be read
     */
    public boolean hasTables(String scope) throws SQLException {
        try (Connection connection = dataSource().getConnection();
                var rs = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] { "TABLE" })) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT).startsWith(scope + "_")) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Loads a whole-database archive into this (new, empty) database.
     *
     * @param archive the archive
     * @param replace whether to replace a database that already holds people or ledger facts
     * @param actor who asks, for the audit log
     * @return rows loaded per table
     * @throws IOException when the archive cannot be read
     * @throws SQLException when the database refuses
     */
    public Map<String, Long> restore(InputStream archive, boolean replace, String actor) throws IOException, SQLException {
        Map<String, Long> loaded;
        try (Connection connection = dataSource().getConnection()) {
            loaded = new DatabaseArchive().restore(connection, archive, replace);
        }
        long rows = loaded.values().stream().mapToLong(Long::longValue).sum();
        LOG.info("Archive restored by {}: {} rows into {} tables", actor, rows, loaded.size());
        audit(actor, "platform.data.restored", "database", null, Map.of("tables", Integer.toString(loaded.size()),
                "rows", Long.toString(rows), "replaced", Boolean.toString(replace)));
        return loaded;
    }

    /**
     * The backups and archives in {@link #folder()}, newest first.
     *
     * @return the files
     * @throws IOException when the folder cannot be read
     */
    public List<Path> list() throws IOException {
        if (!Files.isDirectory(folder())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(Files::isRegularFile)
                    .sorted(Comparator.comparing((Path p) -> p.toFile().lastModified()).reversed()).toList();
        }
    }

    private DataSource dataSource() throws SQLException {
        DataSource ds = services.dataSource();
        if (ds == null) {
            throw new SQLException("The database is not available (no DataSource freelanceisland)");
        }
        return ds;
    }

    private void audit(String actor, String action, String subjectType, String subjectId, Map<String, String> details) {
        AuditService audit = services.audit();
        if (audit == null) {
            LOG.warn("Audit log unavailable: {} by {} not recorded there", action, actor);
            return;
        }
        audit.record(new AuditEntry(actor, action, subjectType, subjectId, null, details));
    }

    private void pgDump(Path file) throws IOException {
        Map<String, String> connection = pgConnection();
        Path pgDump = pgDumpBinary().orElseThrow(() -> new IOException("pg_dump was not found: install PostgreSQL's"
                + " client (Debian: postgresql-client) of the server's major version or newer, or set"
                + " FREELANCE_ISLAND_PG_BIN to its folder"));
        List<String> command = new ArrayList<>(List.of(pgDump.toString(), "--format=custom", "--no-owner",
                "--file=" + file, "--host=" + connection.get("host"), "--port=" + connection.get("port"),
                "--username=" + connection.get("user"), "--dbname=" + connection.get("database")));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", connection.getOrDefault("password", ""));
        builder.environment().put("PGCONNECT_TIMEOUT", "10");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(1, TimeUnit.HOURS) || process.exitValue() != 0) {
                Files.deleteIfExists(file);
                throw new IOException("pg_dump failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("pg_dump was interrupted", e);
        }
    }

    /** Host, port, database, user and password of the configured PostgreSQL database. */
    Map<String, String> pgConnection() throws IOException {
        Configuration[] configurations;
        try {
            configurations = configurationAdmin.listConfigurations(
                    "(&(service.factoryPid=org.ops4j.datasource)(dataSourceName=freelanceisland))");
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (configurations == null || configurations.length == 0) {
            throw new IOException("No configuration of the DataSource freelanceisland");
        }
        Dictionary<String, Object> properties;
        try {
            properties = configurations[0].getProcessedProperties(null);
        } catch (RuntimeException e) {
            properties = configurations[0].getProperties();
        }
        Map<String, String> result = new LinkedHashMap<>(parsePostgresUrl(String.valueOf(properties.get("url"))));
        Object user = properties.get("user");
        Object password = properties.get("password");
        result.put("user", user == null ? "" : user.toString());
        if (password != null) {
            result.put("password", password.toString());
        }
        return result;
    }

    /**
     * The host, port and database of a PostgreSQL JDBC URL.
     *
     * @param url {@code jdbc:postgresql://host[:port]/database[?...]}
     * @return {@code host}, {@code port} and {@code database}
     */
    static Map<String, String> parsePostgresUrl(String url) {
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("Not a PostgreSQL URL: " + url);
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        Map<String, String> result = new LinkedHashMap<>();
        result.put("host", uri.getHost() == null ? "localhost" : uri.getHost());
        result.put("port", Integer.toString(uri.getPort() < 0 ? 5432 : uri.getPort()));
        String path = uri.getPath() == null ? "" : uri.getPath();
        result.put("database", path.startsWith("/") ? path.substring(1) : path);
        return result;
    }

    private static Optional<Path> pgDumpBinary() {
        String configured = System.getenv("FREELANCE_ISLAND_PG_BIN");
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured, "pg_dump"));
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.sorted(Comparator.comparing((Path p) -> {
                    try {
                        return Integer.parseInt(p.getFileName().toString());
                    } catch (NumberFormatException e) {
                        return 0;
                    }
                }).reversed()).forEach(v -> candidates.add(v.resolve("bin/pg_dump")));
            } catch (IOException e) {
                // fall through to PATH
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, "pg_dump"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }
}
