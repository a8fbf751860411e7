package org.freelanceisland.platform.core.internal.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.freelanceisland.platform.core.internal.backup.DatabaseArchive;
import org.freelanceisland.platform.schema.Dialect;
import org.freelanceisland.platform.schema.Migrations;
import org.freelanceisland.platform.schema.SchemaMigrator;
import org.freelanceisland.testing.postgres.PostgresCluster;
import org.freelanceisland.testing.schema.SchemaCheck;

/**
 * Figures of the database work: migrating the platform's schema (fresh and adopting a schema made
 * by EclipseLink), H2's online backups, and the archive of everything written from H2 and restored
 * into PostgreSQL (the move to production), then pg_dump of it. {@code -Dbench.events=100000} sets
 * the size of the ledger. Appends one JSON line per figure to {@code args[0]} when given.
 */
public final class DatabaseBenchmark {

    private DatabaseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("bench.events", 100_000);
        Path work = Path.of("target", "bench-db-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(work);
        List<String> lines = new ArrayList<>();
        SchemaMigrator migrator = new SchemaMigrator("bench");
        var scripts = Migrations.fromClassLoader(DatabaseBenchmark.class.getClassLoader(), "platform");

        String fresh = "jdbc:h2:file:" + work.resolve("fresh");
        try (Connection c = DriverManager.getConnection(fresh, "sa", "")) {
            long t0 = System.nanoTime();
            migrator.migrate(c, "platform", Migrations.select("platform", scripts, Dialect.H2));
            lines.add(figure("migrate the platform schema from empty (H2 file, every migration)", ms(t0), "ms", 1000.0, ""));
        }
        String adopted = "jdbc:h2:file:" + work.resolve("adopted");
        SchemaCheck.generate("platform", adopted, "sa", "", null, null);
        try (Connection c = DriverManager.getConnection(adopted, "sa", "")) {
            long t0 = System.nanoTime();
            SchemaMigrator.Result r = migrator.migrate(c, "platform", Migrations.select("platform", scripts, Dialect.H2));
            lines.add(figure("adopt a schema made by create-or-extend-tables and apply the later migrations (H2 file)", ms(t0), "ms", 1000.0,
                    r.steps().toString()));
        }

        String big = "jdbc:h2:file:" + work.resolve("big") + ";WRITE_DELAY=0";
        byte[] archive;
        try (Connection c = DriverManager.getConnection(big, "sa", "")) {
            migrator.migrate(c, "platform", Migrations.select("platform", scripts, Dialect.H2));
            fill(c, events);
            long t0 = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("BACKUP TO '" + work.resolve("backup.zip") + "'");
            }
            lines.add(figure("H2 online BACKUP TO with " + events + " ledger events", ms(t0), "ms", null,
                    Files.size(work.resolve("backup.zip")) / 1024 + " KiB"));
            t0 = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("SCRIPT TO '" + work.resolve("backup.sql.gz") + "' COMPRESSION GZIP");
            }
            lines.add(figure("H2 online SCRIPT TO (gzip) with " + events + " ledger events", ms(t0), "ms", null,
                    Files.size(work.resolve("backup.sql.gz")) / 1024 + " KiB"));
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            t0 = System.nanoTime();
            DatabaseArchive.Summary summary = new DatabaseArchive().export(c, DatabaseArchive.ALL, "bench", zip);
            lines.add(figure("archive of everything (JSON Lines zip), " + summary.rows() + " rows", ms(t0), "ms", null,
                    zip.size() / 1024 + " KiB"));
            archive = zip.toByteArray();
        }

        if (PostgresCluster.available()) {
            try (PostgresCluster pg = PostgresCluster.start(Path.of("target", "bench-pg"))) {
                String url = pg.createDatabase("island");
                try (Connection c = DriverManager.getConnection(url, PostgresCluster.USER, PostgresCluster.PASSWORD)) {
                    long t0 = System.nanoTime();
                    migrator.migrate(c, "platform", Migrations.select("platform", scripts, Dialect.POSTGRESQL));
                    lines.add(figure("migrate the platform schema from empty (PostgreSQL, every migration)", ms(t0), "ms", 1000.0, ""));
                    t0 = System.nanoTime();
                    var loaded = new DatabaseArchive().restore(c, new ByteArrayInputStream(archive), false);
                    lines.add(figure("restore the archive into PostgreSQL (H2 to PostgreSQL), "
                            + loaded.values().stream().mapToLong(Long::longValue).sum() + " rows", ms(t0), "ms", null, ""));
                }
                Path dump = work.resolve("pg.dump");
                long t0 = System.nanoTime();
                ProcessBuilder builder = new ProcessBuilder(pg.binDirectory().resolve("pg_dump").toString(), "--format=custom",
                        "--file=" + dump, "--host=127.0.0.1", "--port=" + pg.port(), "--username=" + PostgresCluster.USER,
                        "--dbname=island").redirectErrorStream(true).inheritIO();
                builder.environment().put("PGPASSWORD", PostgresCluster.PASSWORD);
                Process p = builder.start();
                if (p.waitFor() == 0) {
                    lines.add(figure("pg_dump --format=custom with " + events + " ledger events", ms(t0), "ms", null,
                            Files.size(dump) / 1024 + " KiB"));
                }
            }
        }
        lines.forEach(System.out::println);
        if (args.length > 0) {
            Files.writeString(Path.of(args[0]), String.join("\n", lines) + "\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
    }

    private static void fill(Connection c, int events) throws Exception {
        c.setAutoCommit(false);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO platform_ledger_event (id, amount_yen, attrs_indexed,"
                + " fiscal_year, module_id, occurred_at, person_id, recorded_at, recorded_by, event_type)"
                + " VALUES (?, ?, TRUE, ?, 'bench', ?, ?, ?, 'bench', 'bench.something.happened')")) {
            Timestamp now = Timestamp.valueOf(LocalDateTime.of(2025, 6, 1, 10, 0));
            for (int i = 0; i < events; i++) {
                s.setString(1, "bench:" + i);
                s.setLong(2, i % 7 * 1000L);
                s.setInt(3, 2015 + i % 12);
                s.setTimestamp(4, now);
                s.setString(5, Integer.toString(i % 5000));
                s.setTimestamp(6, now);
                s.addBatch();
                if (i % 1000 == 999) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
        c.commit();
        c.setAutoCommit(true);
    }

    private static double ms(long started) {
        return (System.nanoTime() - started) / 1e6;
    }

    private static String figure(String name, double value, String unit, Double goal, String note) {
        return String.format(Locale.ROOT, "{\"bench\":\"module\",\"module\":\"platform\",\"name\":\"%s\",\"value\":%.1f,"
                + "\"unit\":\"%s\",%s\"note\":\"%s\"}", name, value, unit,
                goal == null ? "" : "\"goal\":" + goal + ",\"goalKind\":\"value-max\",", note.replace("\"", "'"));
    }
}
