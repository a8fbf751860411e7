package org.freelanceisland.testing.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.freelanceisland.testing.http.ApiClient;
import org.freelanceisland.testing.karaf.IslandKarafTestSupport;
import org.freelanceisland.testing.postgres.PostgresCluster;

/**
 * The built distribution ({@code distribution/target/*.tar.gz}) run as an administrator runs it:
 * unpacked into a directory of its own, started with {@code bin/start} on free HTTP, SSH and JMX
 * ports, stopped with {@code bin/stop}, programs installed through the Karaf shell
 * ({@code bin/client}). Unlike Pax Exam it adds nothing to the runtime, so a browser or any other
 * client sees exactly what users get. On a run on PostgreSQL ({@link PostgresCluster#runOnPostgres()})
 * it starts on a new database of the shared cluster unless the environment names one.
 *
 * <pre>{@code
 * DistributionRunner karaf = DistributionRunner.unpack("console").withTestAccounts();
 * karaf.start();                      // waits for /api/health
 * karaf.installProgram("people");     // feature:install, waits for /api/modules
 * ApiClient admin = karaf.api().as(DistributionRunner.ADMIN, DistributionRunner.PASSWORD);
 * karaf.close();                      // bin/stop, waits for the process to end
 * }</pre>
 */
public final class DistributionRunner implements AutoCloseable {

    /** An administrator account added by {@link #withTestAccounts()}. */
    public static final String ADMIN = "it-admin";
    /** A staff account added by {@link #withTestAccounts()}. */
    public static final String STAFF = "it-staff";
    /** An account with the juror role only, added by {@link #withTestAccounts()}. */
    public static final String JUROR = "it-juror";
    /**
     * A coordinator (group {@code coordinatorgroup}: roles staff and coordinator), added by
     * {@link #withTestAccounts()}.
     */
    public static final String COORDINATOR = "it-coordinator";
    /** The password of every test account. */
    public static final String PASSWORD = "it-password-1";

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Path home;
    private final int port;
    private final int sshPort;
    private String shellUser;
    private String shellPassword;
    /** the database of a run on PostgreSQL ({@link PostgresCluster#runOnPostgres()}), made at the first start */
    private Map<String, String> runDatabase;

    private DistributionRunner(Path home) throws IOException {
        this.home = home;
        this.port = freePort();
        this.sshPort = freePort();
        appendLine("etc/org.apache.karaf.shell.cfg", "sshPort = " + sshPort);
        appendLine("etc/org.apache.karaf.management.cfg", "rmiRegistryPort = " + freePort());
        appendLine("etc/org.apache.karaf.management.cfg", "rmiServerPort = " + freePort());
    }

    /**
     * Unpacks the distribution into {@code target/<name>} (emptied first), on free ports.
     *
     * @param name the directory under {@code target/}, one per test class
     * @return the runner, not started yet
     */
    public static DistributionRunner unpack(String name) {
        try {
            Path target = Path.of(System.getProperty("freelanceisland.distribution.dir", "../distribution/target"));
            Path archive;
            try (Stream<Path> files = Files.list(target)) {
                archive = files.filter(p -> p.getFileName().toString().endsWith(".tar.gz")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("No distribution tar.gz in "
                                + target.toAbsolutePath() + ": build the distribution module first (mvn install)"));
            }
            Path work = Path.of("target", name).toAbsolutePath();
            deleteTree(work);
            Files.createDirectories(work);
            run(work, Map.of(), null, "tar", "xzf", archive.toAbsolutePath().toString());
            try (Stream<Path> dirs = Files.list(work)) {
                return new DistributionRunner(dirs.filter(Files::isDirectory).findFirst().orElseThrow());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds the accounts {@link #ADMIN}, {@link #STAFF}, {@link #COORDINATOR} and {@link #JUROR}
     * (password {@link #PASSWORD}) to the realm before the first start. With them the platform
     * generates no admin password.
     *
     * @return this runner
     */
    public DistributionRunner withTestAccounts() {
        withAccount(ADMIN, PASSWORD, "_g_:admingroup");
        withAccount(STAFF, PASSWORD, "_g_:staffgroup");
        withAccount(COORDINATOR, PASSWORD, "_g_:coordinatorgroup");
        return withAccount(JUROR, PASSWORD, "juror");
    }

    /**
     * Adds an account to {@code etc/users.properties} before the first start. An account in
     * {@code _g_:admingroup} may use the Karaf shell ({@link #karaf(String...)}).
     *
     * @param user the user name
     * @param password the password
     * @param rolesAndGroups roles and groups, comma-separated, for example {@code _g_:staffgroup}
     * @return this runner
     */
    public DistributionRunner withAccount(String user, String password, String rolesAndGroups) {
        appendLine("etc/users.properties", user + " = " + IslandKarafTestSupport.hashedPassword(password) + "," + rolesAndGroups);
        if (shellUser == null && rolesAndGroups.contains("admingroup")) {
            shellUser = user;
            shellPassword = password;
        }
        return this;
    }

    /**
     * Starts the distribution with {@code bin/start} and waits until {@code /api/health} answers.
     *
     * @return how long it took until the first 200
     */
    public Duration start() {
        return start(Map.of());
    }

    /**
     * Starts the distribution with {@code bin/start} and more environment variables
     * ({@code FREELANCE_ISLAND_PORT} is set to this runner's port), and waits until
     * {@code /api/health} answers.
     *
     * @param environment more variables, for example {@code FREELANCE_ISLAND_ADMIN_PASSWORD}
     * @return how long it took until the first 200
     */
    public Duration start(Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("FREELANCE_ISLAND_PORT", Integer.toString(port));
        if (PostgresCluster.runOnPostgres() && !env.containsKey("FREELANCE_ISLAND_DB_URL")) {
            // the whole suite on PostgreSQL: this distribution keeps one database of the shared cluster
            if (runDatabase == null) {
                String database = PostgresCluster.newSharedDatabase();
                runDatabase = PostgresCluster.shared().karafEnvironment(database);
            }
            env.putAll(runDatabase);
        }
        long started = System.nanoTime();
        script("start", env);
        api().awaitOk("/api/health", START_TIMEOUT);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Stops the distribution with {@code bin/stop} and waits until its process has ended. */
    public void stop() {
        if (!running()) {
            return;
        }
        script("stop", Map.of());
        awaitStopped();
    }

    /**
     * Kills the Karaf process at once with SIGKILL, as a power cut or the OOM killer would: no
     * shutdown hook, no flush, no clean close of the database. Waits until the process is gone.
     */
    public void kill() {
        ProcessHandle process = karafPid().flatMap(ProcessHandle::of)
                .orElseThrow(() -> new IllegalStateException("the distribution does not run"));
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly(); // SIGKILL on Unix
        awaitStopped();
    }

    /**
     * Whether the Karaf process is alive.
     *
     * @return {@code true} while it runs
     */
    public boolean running() {
        return karafPid().flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Stops the distribution if it runs. */
    @Override
    public void close() {
        stop();
    }

    /**
     * Runs commands in the Karaf shell as the first administrator account added, with
     * {@code bin/client} in batch mode.
     *
     * @param commands shell commands, run one after the other
     * @return what the shell printed
     * @throws AssertionError if the client fails or a command reports an error
     */
    public String karaf(String... commands) {
        if (shellUser == null) {
            throw new IllegalStateException("Add an administrator account first (withTestAccounts or withAccount ... admingroup)");
        }
        String output = run(home, Map.of(), String.join(System.lineSeparator(), commands) + System.lineSeparator(),
                home.resolve("bin/client").toString(), "-a", Integer.toString(sshPort), "-h", "localhost",
                "-u", shellUser, "-p", shellPassword, "-r", "10", "-d", "1", "-b");
        if (output.contains("Error executing command")) {
            throw new AssertionError("Karaf shell: " + String.join("; ", commands) + " failed: " + output);
        }
        return output;
    }

    /**
     * The program features this distribution offers, installed or not: the ids of the features
     * {@code freelance-island-<id>} other than the platform's own.
     *
     * @return the program ids, sorted
     */
    public List<String> availablePrograms() {
        List<String> ids = new ArrayList<>();
        for (String line : karaf("feature:list --no-format").split("\\R")) {
            String name = line.split("\\s*\\|\\s*|\\s+")[0].strip();
            if (name.startsWith("freelance-island-")) {
                String id = name.substring("freelance-island-".length());
                if (!List.of("platform", "rest", "persistence").contains(id) && !ids.contains(id)) {
                    ids.add(id);
                }
            }
        }
        ids.sort(null);
        return ids;
    }

    /**
     * Installs a program the way an administrator does ({@code feature:install --no-auto-refresh})
     * and waits until {@code /api/modules} lists it.
     *
     * @param id the program's id
     */
    public void installProgram(String id) {
        karaf("feature:install --no-auto-refresh freelance-island-" + id);
        awaitModule(id, true);
    }

    /**
     * Retires a program ({@code feature:uninstall --no-auto-refresh}) and waits until
     * {@code /api/modules} no longer lists it.
     *
     * @param id the program's id
     */
    public void retireProgram(String id) {
        karaf("feature:uninstall --no-auto-refresh freelance-island-" + id);
        awaitModule(id, false);
    }

    private void awaitModule(String id, boolean present) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = api().get("/api/modules").body();
            if (last.contains("\"id\":\"" + id + "\"") == present) {
                return;
            }
            sleep(100);
        }
        throw new AssertionError("program " + id + (present ? " did not appear" : " did not go") + " in /api/modules: " + last);
    }

    /**
     * A client of this distribution's HTTP port, anonymous.
     *
     * @return the client
     */
    public ApiClient api() {
        return ApiClient.local(port);
    }

    /**
     * The HTTP port.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * The base address, {@code http://localhost:<port>}.
     *
     * @return the address without a trailing slash
     */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /**
     * The unpacked distribution (its {@code bin/}, {@code etc/}, {@code data/}).
     *
     * @return the directory
     */
    public Path home() {
        return home;
    }

    private void script(String name, Map<String, String> env) {
        run(home, env, null, home.resolve("bin").resolve(name).toString());
    }

    /**
     * Waits until the Karaf process has exited. {@code bin/status} reports "not running" as soon as
     * the shutdown port closes, while the JVM still holds the instance lock; {@code bin/start} at
     * that moment refuses to start, so wait for the process itself and the HTTP port.
     */
    private void awaitStopped() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!running() && portFree(port)) {
                return;
            }
            sleep(250);
        }
        throw new AssertionError("the distribution did not stop within 60 s");
    }

    private Optional<Long> karafPid() {
        Path instances = home.resolve("instances/instance.properties");
        if (!Files.exists(instances)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(instances)) {
            properties.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        long pid = Long.parseLong(properties.getProperty("item.0.pid", "0").trim());
        return pid > 0 ? Optional.of(pid) : Optional.empty();
    }

    private void appendLine(String file, String line) {
        try {
            Files.writeString(home.resolve(file), System.lineSeparator() + line + System.lineSeparator(),
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String run(Path directory, Map<String, String> env, String input, String... command) {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().remove("FREELANCE_ISLAND_ADMIN_PASSWORD");
        Map<String, String> all = new LinkedHashMap<>(env);
        if (System.getenv("JAVA_HOME") == null) {
            all.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        }
        builder.environment().putAll(all);
        try {
            Process process = builder.start();
            try (OutputStream stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            String output;
            try (InputStream out = process.getInputStream()) {
                output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
