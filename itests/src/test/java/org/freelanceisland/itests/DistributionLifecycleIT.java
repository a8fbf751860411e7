package org.freelanceisland.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.freelanceisland.testing.http.ApiClient;
import org.freelanceisland.testing.http.ApiResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The distribution as an administrator runs it: unpacked from the tar.gz, started and stopped with
 * its own {@code bin/start} and {@code bin/stop}, the port and first password from the environment.
 */
class DistributionLifecycleIT {

    private static Path home;
    private static int port;

    @BeforeAll
    static void unpack() throws Exception {
        Path target = Path.of(System.getProperty("freelanceisland.distribution.dir", "../distribution/target"));
        Path archive;
        try (Stream<Path> files = Files.list(target)) {
            archive = files.filter(p -> p.getFileName().toString().endsWith(".tar.gz")).findFirst().orElseThrow();
        }
        Path work = Path.of("target", "lifecycle");
        deleteTree(work);
        Files.createDirectories(work);
        run(work, Map.of(), "tar", "xzf", archive.toAbsolutePath().toString());
        try (Stream<Path> dirs = Files.list(work)) {
            home = dirs.filter(Files::isDirectory).findFirst().orElseThrow().toAbsolutePath();
        }
        port = freePort();
        // free SSH and JMX ports, so that this test can run beside other Karaf instances
        Files.writeString(home.resolve("etc/org.apache.karaf.shell.cfg"),
                System.lineSeparator() + "sshPort = " + freePort() + System.lineSeparator(), StandardOpenOption.APPEND);
        Files.writeString(home.resolve("etc/org.apache.karaf.management.cfg"), System.lineSeparator()
                + "rmiRegistryPort = " + freePort() + System.lineSeparator() + "rmiServerPort = " + freePort()
                + System.lineSeparator(), StandardOpenOption.APPEND);
    }

    @AfterAll
    static void stop() throws Exception {
        if (home != null && karafPid().flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false)) {
            karaf("stop", Map.of());
            awaitStopped();
        }
    }

    @Test
    void firstStartGeneratesTheAdminPasswordAndTheLedgerSurvivesARestart() throws Exception {
        karaf("start", Map.of("FREELANCE_ISLAND_PORT", Integer.toString(port)));
        ApiClient api = ApiClient.local(port);
        long started = System.nanoTime();
        api.awaitOk("/api/health", Duration.ofSeconds(120));
        System.out.printf("boot to first 200: %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

        Path passwordFile = home.resolve("data/admin-password.txt");
        assertTrue(Files.exists(passwordFile), "the generated admin password was not written");
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(passwordFile));
        String password = Files.readString(passwordFile).trim();
        assertTrue(password.length() >= 16);
        ApiClient admin = api.as("admin", password);
        assertEquals(401, api.as("admin", "admin").get("/api/ledger").status(), "a default password must not work");

        String id = "lifecycle:" + UUID.randomUUID();
        ApiResponse created = admin.post("/api/ledger", "{\"id\":\"" + id
                + "\",\"type\":\"ittest.person.moved\",\"personId\":\"p-1\",\"occurredAt\":\"2026-05-10T03:00:00Z\"}");
        assertEquals(201, created.status(), created.toString());

        karaf("stop", Map.of());
        awaitStopped();

        // a password in the environment does not replace the administrator that exists
        karaf("start", Map.of("FREELANCE_ISLAND_PORT", Integer.toString(port),
                "FREELANCE_ISLAND_ADMIN_PASSWORD", "another-password"));
        started = System.nanoTime();
        api.awaitOk("/api/health", Duration.ofSeconds(120));
        System.out.printf("restart to first 200: %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        ApiResponse kept = admin.get("/api/ledger/" + id.replace(":", "%3A"));
        assertEquals(200, kept.status(), kept.toString());
        assertEquals("ittest.person.moved", kept.json().path("type").asText());
        assertEquals(401, api.as("admin", "another-password").get("/api/ledger").status());
    }

    private static void karaf(String script, Map<String, String> env) throws Exception {
        run(home, env, home.resolve("bin").resolve(script).toString());
    }

    /**
     * Waits until the Karaf process has exited. {@code bin/status} reports "not running" as soon as
     * the shutdown port closes, while the JVM still holds the instance lock; {@code bin/start} at
     * that moment refuses to start, so wait for the process itself.
     */
    private static void awaitStopped() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (karafPid().flatMap(ProcessHandle::of).map(p -> !p.isAlive()).orElse(true) && portFree()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the distribution did not stop within 60 s");
    }

    private static Optional<Long> karafPid() throws IOException {
        Path instances = home.resolve("instances/instance.properties");
        if (!Files.exists(instances)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(instances)) {
            properties.load(in);
        }
        long pid = Long.parseLong(properties.getProperty("item.0.pid", "0").trim());
        return pid > 0 ? Optional.of(pid) : Optional.empty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean portFree() {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(Path directory, Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().remove("FREELANCE_ISLAND_ADMIN_PASSWORD");
        builder.environment().putAll(env);
        Process process = builder.start();
        try (InputStream out = process.getInputStream()) {
            String output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + output);
            }
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
