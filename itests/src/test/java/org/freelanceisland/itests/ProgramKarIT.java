package org.freelanceisland.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.testing.browser.ConsoleBrowser;
import org.freelanceisland.testing.distribution.DistributionRunner;
import org.freelanceisland.testing.http.ApiClient;
import org.freelanceisland.testing.http.ApiResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A program shipped as a KAR, as an administrator installs it: the file dropped into
 * {@code deploy/} of the running distribution (started with its own scripts) installs the program
 * without disturbing any other bundle; taking the file away retires it and keeps its data, and the
 * program can then be installed from the distribution's own features as before. A program made
 * from the archetype by an outside developer arrives the same way and works in the console.
 */
class ProgramKarIT {

    private static DistributionRunner karaf;

    @BeforeAll
    static void start() {
        karaf = DistributionRunner.unpack("program-kar").withTestAccounts();
        karaf.start();
    }

    @AfterAll
    static void stop() {
        if (karaf != null) {
            karaf.close();
        }
    }

    @Test
    void aKarInDeployInstallsTheProgramAndTakingItAwayRetiresItKeepingItsData() throws Exception {
        Path kar = kar("terakoya");
        List<String> before = bundles();
        ApiClient staff = karaf.api().as(DistributionRunner.STAFF, DistributionRunner.PASSWORD);
        ApiClient admin = karaf.api().as(DistributionRunner.ADMIN, DistributionRunner.PASSWORD);

        long started = System.nanoTime();
        Path deployed = karaf.home().resolve("deploy").resolve(kar.getFileName());
        Files.copy(kar, deployed, StandardCopyOption.REPLACE_EXISTING);
        awaitModule("terakoya", true);
        System.out.printf("[kar] %s installed from deploy/ in %d ms%n", kar.getFileName(), (System.nanoTime() - started) / 1_000_000);

        String name = kar.getFileName().toString().replaceFirst("\\.kar$", "");
        assertTrue(karaf.karaf("kar:list").contains(name), "kar:list does not show " + name);
        assertTrue(admin.get("/api/admin/programs/terakoya").json().path("installed").asBoolean());
        assertUntouched(before);

        LocalDate today = LocalDate.now(FiscalYear.ISLAND_ZONE);
        ApiResponse course = staff.post("/api/terakoya/courses", """
                {"fiscalYear":%d,"title":{"ja":"KARで届いた講座","en":"From a KAR"},"category":"writing",
                 "instructors":[{"organisation":"株式会社しーま"}],"capacity":5,"format":"ONLINE","location":"オンライン",
                 "applicationOpens":"%s","applicationCloses":"%s","completion":{"rule":"ATTENDANCE","minSessions":1}}"""
                .formatted(FiscalYear.of(today).startYear(), today.minusDays(1), today.plusDays(10)));
        assertEquals(201, course.status(), course.toString());
        String courses = staff.get("/api/terakoya/courses?limit=500").json().path("items").toString();

        started = System.nanoTime();
        Files.delete(deployed);
        awaitModule("terakoya", false);
        System.out.printf("[kar] %s removed from deploy/: retired in %d ms%n", kar.getFileName(), (System.nanoTime() - started) / 1_000_000);
        assertTrue(staff.get("/api/terakoya/courses").isProblem(404));
        assertUntouched(before);

        karaf.installProgram("terakoya");
        staff.awaitOk("/api/terakoya/courses?limit=500", Duration.ofSeconds(60));
        assertEquals(courses, staff.get("/api/terakoya/courses?limit=500").json().path("items").toString());
        assertUntouched(before);
    }

    @Test
    void aProgramGeneratedFromTheArchetypeArrivesAsAKarAndWorksInTheConsole() throws Exception {
        // the archetype's build generates and builds a program (workation) from the archetype
        Path target = Path.of(System.getProperty("freelanceisland.distribution.dir", "../distribution/target"))
                .resolve("../../archetypes/program-archetype/target/test-classes/projects/workation/project/workation-program/feature/target")
                .normalize();
        Path kar;
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            kar = files.filter(p -> p.getFileName().toString().endsWith(".kar")).findFirst().orElse(null);
        }
        assumeTrue(kar != null, "the archetype's integration test did not run (-Darchetype.test.skip?): no " + target);
        List<String> before = bundles();
        Files.copy(kar, karaf.home().resolve("deploy").resolve(kar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        awaitModule("workation", true);
        assertUntouched(before);
        assertTrue(karaf.karaf("island:programs").contains("workation"), "island:programs does not list the new program");

        try (ConsoleBrowser browser = ConsoleBrowser.open(karaf.baseUrl(), Path.of("target", "screenshots"))) {
            browser.reset();
            browser.signIn(DistributionRunner.STAFF, DistributionRunner.PASSWORD);
            browser.find(By.cssSelector("#nav .nav-group[data-module='workation']"));
            WebElement panel = browser.openPanel("workation", "items");
            assertTrue(panel.getText().contains("記録を登録する"), panel.getText());
            browser.find(By.cssSelector("#workation-new [name='titleJa']")).sendKeys("ブラウザから登録した記録");
            browser.find(By.cssSelector("#workation-new button[type='submit']")).click();
            browser.findText(By.cssSelector(".panel[data-module='workation']"), "変更する");
            browser.findText(By.cssSelector(".panel[data-module='workation'] dl"), "ブラウザから登録した記録");
            assertEquals(List.of(), browser.unlabelledFields());
            browser.screenshot("archetype-program-item");
            assertEquals(List.of(), browser.consoleErrors(), "the panel logged errors");
        }
        ApiClient staff = karaf.api().as(DistributionRunner.STAFF, DistributionRunner.PASSWORD);
        assertEquals(1, staff.get("/api/workation/items?q=" + java.net.URLEncoder.encode("ブラウザ", java.nio.charset.StandardCharsets.UTF_8))
                .json().path("total").asInt());
    }

    /** The KAR the build made for a program ({@code features/kars/<id>/target}). */
    private static Path kar(String id) throws Exception {
        Path target = Path.of(System.getProperty("freelanceisland.distribution.dir", "../distribution/target"))
                .resolve("../../features/kars").resolve(id).resolve("target").normalize();
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".kar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no KAR in " + target + ": build features/kars first"));
        }
    }

    /** The bundles with id, state, start level and version, one line each ({@code bundle:list -t 0}). */
    private static List<String> bundles() {
        List<String> lines = new ArrayList<>();
        for (String line : karaf.karaf("bundle:list -t 0 --no-format").split("\\R")) {
            if (line.matches("\\s*\\d+\\s.*")) {
                lines.add(line.strip().replaceAll("\\s+", " "));
            }
        }
        assertTrue(lines.size() > 50, "bundle:list printed " + lines);
        return lines;
    }

    /** Every bundle there was before is there with the same id and state. */
    private static void assertUntouched(List<String> before) {
        List<String> now = bundles();
        List<String> changed = new ArrayList<>(before);
        changed.removeAll(now);
        assertEquals(List.of(), changed, "bundles changed id or state; now: " + now);
    }

    private static void awaitModule(String id, boolean present) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = karaf.api().get("/api/modules").body();
            if (last.contains("\"id\":\"" + id + "\"") == present) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("program " + id + (present ? " did not appear" : " did not go") + " in /api/modules: " + last);
    }
}
