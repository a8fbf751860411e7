package org.freelanceisland.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.freelanceisland.testing.distribution.DistributionRunner;
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

    private static DistributionRunner karaf;

    @BeforeAll
    static void unpack() {
        karaf = DistributionRunner.unpack("lifecycle");
    }

    @AfterAll
    static void stop() {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    void firstStartGeneratesTheAdminPasswordAndTheLedgerSurvivesARestart() throws Exception {
        Duration boot = karaf.start();
        System.out.printf("boot to first 200: %d ms%n", boot.toMillis());
        ApiClient api = karaf.api();

        Path passwordFile = karaf.home().resolve("data/admin-password.txt");
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

        karaf.stop();

        // a password in the environment does not replace the administrator that exists
        boot = karaf.start(Map.of("FREELANCE_ISLAND_ADMIN_PASSWORD", "another-password"));
        System.out.printf("restart to first 200: %d ms%n", boot.toMillis());
        ApiResponse kept = admin.get("/api/ledger/" + id.replace(":", "%3A"));
        assertEquals(200, kept.status(), kept.toString());
        assertEquals("ittest.person.moved", kept.json().path("type").asText());
        assertEquals(401, api.as("admin", "another-password").get("/api/ledger").status());
    }
}
