package org.freelanceisland.platform.core.internal.shell;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.freelanceisland.platform.core.internal.backup.BackupService;
import org.freelanceisland.platform.core.internal.backup.DatabaseArchive;

/** {@code island:backup}, {@code island:export}, {@code island:restore}: the database's backups and archives. */
public final class BackupCommands {

    private BackupCommands() {
    }

    private static String actor() {
        return "shell:" + System.getProperty("user.name", "karaf");
    }

    /** {@code island:backup [--copy]}. */
    @Service
    @Command(scope = "island", name = "backup", description = "Backs the database up into data/backups while the system runs"
            + " (H2: SCRIPT TO, or BACKUP TO with --copy; PostgreSQL: pg_dump --format=custom)")
    public static final class Backup implements Action {

        @Reference
        BackupService backups;

        @Option(name = "--copy", description = "H2 only: a zip copy of the database file (BACKUP TO) instead of a SQL script")
        boolean copy;

        @Override
        public Object execute() throws Exception {
            BackupService.Backup b = backups.backup(copy, actor());
            System.out.printf("Backed up (%s) into %s: %,d bytes in %d ms%n", b.kind(), b.file(), b.bytes(), b.millis());
            return null;
        }
    }

    /** {@code island:export <program>|all [--file f]}. */
    @Service
    @Command(scope = "island", name = "export", description = "Writes all data of one program (its tables and ledger events),"
            + " or of everything (all), into a portable zip of JSON Lines per table")
    public static final class Export implements Action {

        @Reference
        BackupService backups;

        @Argument(index = 0, name = "program", description = "A program's id (e.g. terakoya, people, platform) or all", required = true)
        String scope;

        @Option(name = "--file", description = "Where to write the zip (default: data/backups/freelanceisland-<program>-<time>.zip)")
        String file;

        @Override
        public Object execute() throws Exception {
            if (!DatabaseArchive.ALL.equals(scope) && !backups.hasTables(scope)) {
                System.err.println("No tables of " + scope + " in the database");
                return null;
            }
            Path target = file != null ? Path.of(file) : BackupService.folder().resolve("freelanceisland-" + scope + "-"
                    + LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".zip");
            if (target.toAbsolutePath().getParent() != null) {
                Files.createDirectories(target.toAbsolutePath().getParent());
            }
            long started = System.nanoTime();
            DatabaseArchive.Summary summary;
            try (OutputStream out = Files.newOutputStream(target)) {
                summary = backups.export(scope, actor(), out);
            }
            System.out.printf("Exported %,d rows of %d tables into %s (%,d bytes) in %d ms%n", summary.rows(),
                    summary.tables().size(), target.toAbsolutePath(), Files.size(target), (System.nanoTime() - started) / 1_000_000);
            return null;
        }
    }

    /** {@code island:restore <file>}. */
    @Service
    @Command(scope = "island", name = "restore", description = "Loads an archive of everything (island:export all) into this"
            + " new database (its programs installed, at the same schema versions), e.g. to move from H2 to PostgreSQL;"
            + " one transaction")
    public static final class Restore implements Action {

        @Reference
        BackupService backups;

        @Argument(index = 0, name = "file", description = "The zip written by island:export all", required = true)
        String file;

        @Option(name = "--replace", description = "Replace the data of a database that already holds people or ledger facts")
        boolean replace;

        @Override
        public Object execute() throws Exception {
            Map<String, Long> loaded;
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                loaded = backups.restore(in, replace, actor());
            }
            loaded.forEach((table, rows) -> System.out.printf("%-40s %,10d%n", table, rows));
            System.out.printf("Restored %,d rows into %d tables. Restart the node (or each program) so that every program"
                    + " reads them afresh.%n", loaded.values().stream().mapToLong(Long::longValue).sum(), loaded.size());
            return null;
        }
    }
}
