package org.freelanceisland.testing.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL cluster for tests: {@code initdb} into a folder (under {@code target/}),
 * started on a free port of the loopback interface, stopped and deleted by {@link #close()}. It uses
 * the server binaries of Debian's {@code postgresql} package ({@code /usr/lib/postgresql/<n>/bin},
 * installed by {@code scripts/setup-test-tools.sh}); PostgreSQL refuses to run as root, so when the
 * tests run as root the cluster runs as the {@code postgres} user the package created.
 *
 * <pre>{@code
 * Assumptions.assumeTrue(PostgresCluster.available(), PostgresCluster.unavailableReason());
 * try (PostgresCluster pg = PostgresCluster.start(Path.of("target/pg"))) {
 *     String url = pg.createDatabase("island");   // jdbc:postgresql://127.0.0.1:<port>/island
 * }
 * }</pre>
 */
public final class PostgresCluster implements AutoCloseable {

    /** The superuser of the cluster. */
    public static final String USER = "island";
    /** The superuser's password (the cluster listens on loopback only). */
    public static final String PASSWORD = "island-test";

    /**
     * The system property that runs the integration tests on PostgreSQL instead of H2:
     * {@code -Dfreelanceisland.it.database=postgresql} (the Maven profile {@code postgres} of itests
     * sets it). Pax Exam classes and {@code DistributionRunner} then each get a new database of one
     * {@link #shared()} cluster.
     */
    public static final String DATABASE_PROPERTY = "freelanceisland.it.database";

    private static final String SYSTEM_USER = "postgres";

    private static PostgresCluster shared;
    private static int sharedDatabases;

    private final Path directory;
    private final Path bin;
    private final int port;
    private final boolean asSystemUser;

    private PostgresCluster(Path directory, Path bin, int port, boolean asSystemUser) {
        this.directory = directory;
        this.bin = bin;
        this.port = port;
        this.asSystemUser = asSystemUser;
    }

    /**
     * Whether PostgreSQL's server binaries are installed.
     *
     * @return whether {@link #start(Path)} can work
     */
    public static boolean available() {
        return binaries().isPresent();
    }

    /**
     * Whether this test run is on PostgreSQL ({@link #DATABASE_PROPERTY} is {@code postgresql}).
     *
     * @return {@code true} for PostgreSQL, {@code false} for the default embedded H2
     */
    public static boolean runOnPostgres() {
        return "postgresql".equalsIgnoreCase(System.getProperty(DATABASE_PROPERTY, "h2"));
    }

    /**
     * A new database of the cluster this test JVM shares between its test classes, started at the
     * first call (in {@code target/it-postgres}) and stopped when the JVM ends.
     *
     * @return the name of the new, empty database
     */
    public static synchronized String newSharedDatabase() {
        if (shared == null) {
            if (!available()) {
                throw new IllegalStateException(unavailableReason());
            }
            shared = start(Path.of("target", "it-postgres"));
            PostgresCluster started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "it-postgres-stop"));
        }
        String name = "it_" + (++sharedDatabases) + "_" + ProcessHandle.current().pid();
        shared.createDatabase(name);
        return name;
    }

    /**
     * The cluster of {@link #newSharedDatabase()}.
     *
     * @return the running cluster
     * @throws IllegalStateException when no shared database was made yet
     */
    public static synchronized PostgresCluster shared() {
        if (shared == null) {
            throw new IllegalStateException("no shared cluster yet: call newSharedDatabase() first");
        }
        return shared;
    }

    /**
     * Why PostgreSQL tests are skipped, for {@code assumeTrue}.
     *
     * @return a message naming what to install
     */
    public static String unavailableReason() {
        return "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): run scripts/setup-test-tools.sh";
    }

    /**
     * Creates and starts a new cluster.
     *
     * @param directory an empty or missing folder for the cluster (deleted first if it exists)
     * @return the running cluster
     */
    public static PostgresCluster start(Path directory) {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException(unavailableReason()));
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path dir = directory.toAbsolutePath();
            deleteTree(dir);
            Files.createDirectories(dir);
            if (root && exitCode(List.of("runuser", "-u", SYSTEM_USER, "--", "test", "-x", dir.getParent().toString())) != 0) {
                // the postgres user cannot reach the folder: use one of the temporary folder instead
                dir = Files.createTempDirectory("freelanceisland-pg");
            }
            if (root) {
                run(List.of("chown", "-R", SYSTEM_USER, dir.toString()), true);
            }
            Path passwordFile = dir.resolve("pwfile");
            Files.writeString(passwordFile, PASSWORD + "\n", StandardCharsets.UTF_8);
            PostgresCluster cluster = new PostgresCluster(dir, bin, freePort(), root);
            cluster.pg(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER,
                    "--pwfile=" + passwordFile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));
            cluster.pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
                    "-l", dir.resolve("server.log").toString(), "-o",
                    "-p " + cluster.port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"
                            + " -c fsync=on -c max_connections=100 -c shared_buffers=32MB",
                    "start"));
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates a database owned by {@link #USER}.
     *
     * @param name the database name (letters, digits, underscore)
     * @return its JDBC URL
     */
    public String createDatabase(String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + ": " + e.getMessage(), e);
        }
        return jdbcUrl(name);
    }

    /**
     * The JDBC URL of a database of this cluster.
     *
     * @param database the database
     * @return {@code jdbc:postgresql://127.0.0.1:<port>/<database>}
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /**
     * The environment variables that point a distribution's DataSource at a database of this cluster
     * (read by {@code etc/org.ops4j.datasource-freelanceisland.cfg}).
     *
     * @param database the database
     * @return the variables for {@code DistributionRunner.start(Map)}
     */
    public Map<String, String> karafEnvironment(String database) {
        return Map.of("FREELANCE_ISLAND_DB_DRIVER", "org.postgresql.Driver", "FREELANCE_ISLAND_DB_URL", jdbcUrl(database),
                "FREELANCE_ISLAND_DB_USER", USER, "FREELANCE_ISLAND_DB_PASSWORD", PASSWORD);
    }

    /**
     * The port the cluster listens on (127.0.0.1).
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * The folder of the server binaries ({@code pg_dump}, {@code pg_restore}, ...).
     *
     * @return the folder
     */
    public Path binDirectory() {
        return bin;
    }

    /** Stops the cluster (fast shutdown) and deletes its folder. */
    @Override
    public void close() {
        try {
            pg(List.of(bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-w", "-t", "60",
                    "-m", "fast", "stop"));
        } finally {
            try {
                deleteTree(directory);
            } catch (IOException e) {
                // left for mvn clean
            }
        }
    }

    private void pg(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asSystemUser) {
            full.addAll(List.of("runuser", "-u", SYSTEM_USER, "--"));
        }
        full.addAll(command);
        run(full, true);
    }

    private static String run(List<String> command, boolean check) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish: " + output);
            }
            if (check && process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int exitCode(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static Optional<Path> binaries() {
        String configured = System.getProperty("freelanceisland.postgres.bin");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(p -> Files.isExecutable(p.resolve("initdb")));
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent().getFileName().toString())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Integer versionOf(String name) {
        try {
            return Integer.parseInt(name.replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
