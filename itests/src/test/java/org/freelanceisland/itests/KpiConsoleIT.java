package org.freelanceisland.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.freelanceisland.testing.browser.ConsoleBrowser;
import org.freelanceisland.testing.distribution.DistributionRunner;
import org.freelanceisland.testing.http.ApiClient;
import org.freelanceisland.testing.http.ApiResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The KPI panel in a real browser against the real distribution (started with its own scripts):
 * the stages with their figures, a stage's charts (Chart.js from the bundle), an indicator's
 * drill-down; and the grade thresholds edited with {@code config:edit} in the Karaf shell. Screenshots go to
 * {@code target/screenshots/}.
 */
@SharedConsole.Test
class KpiConsoleIT {

    private static DistributionRunner karaf;
    private static ConsoleBrowser browser;

    @BeforeAll
    static void start(SharedConsole console) {
        karaf = console.install("kpi").karaf();
        ApiResponse leader = karaf.api().as(DistributionRunner.ADMIN, DistributionRunner.PASSWORD).post("/api/ledger",
                "{\"id\":\"kpi-console:leader:1\",\"type\":\"community.leader.started\",\"personId\":\"p-leader-1\","
                        + "\"occurredAt\":\"2025-09-01T00:00:00Z\",\"attributes\":{\"community\":\"handmade\"}}");
        assertEquals(201, leader.status(), leader.toString());
        browser = console.browser();
    }

    @BeforeEach
    void signIn() {
        browser.reset();
        browser.consoleErrors();
        browser.signIn(DistributionRunner.STAFF, DistributionRunner.PASSWORD);
    }

    @AfterEach
    void noScriptErrors() {
        assertEquals(List.of(), browser.consoleErrors(), "the page logged errors");
    }

    @Test
    void stagesShowTargetsActualsAndGradesAndAStageChartsItsIndicators() {
        browser.openPanel("kpi", "stages");
        browser.findText(By.cssSelector(".panel table"), "奄美市のフリーランスを５年間で200名育成");
        browser.findText(By.cssSelector(".panel table"), "202");
        browser.findText(By.cssSelector(".panel table"), "コミュニティリーダーの創出3名");
        assertEquals(List.of(), browser.unlabelledFields());
        browser.screenshot("kpi-01-stages");

        browser.navigate("kpi/stages/3");
        browser.until(d -> Boolean.TRUE.equals(browser.script(
                "return !!globalThis.Chart && document.querySelectorAll('.kpi-chart canvas').length === 5"
                        + " && [...document.querySelectorAll('.kpi-chart canvas')].every(c => c.width > 0);")));
        browser.findText(By.cssSelector(".panel"), "令和7年度");
        browser.screenshot("kpi-02-stage-3");
        browser.script("document.querySelector('.kpi-charts').scrollIntoView();");
        browser.screenshot("kpi-03-stage-3-charts");
    }

    @Test
    void gradesFollowTheConfigurationEditedInTheKarafShell() throws InterruptedException {
        ApiClient staff = karaf.api().as(DistributionRunner.STAFF, DistributionRunner.PASSWORD);
        assertEquals("C", staff.get("/api/kpi/indicators/s3-community-leaders").json().path("grade").asText(), "1 of 3 is 33.3 %");
        try {
            karaf.karaf("config:edit org.freelanceisland.kpi.grading", "config:property-set gradeA 30",
                    "config:property-set gradeB 20", "config:update");
            awaitGradeA(staff, 30);
            assertEquals("A", staff.get("/api/kpi/indicators/s3-community-leaders").json().path("grade").asText());
            // thresholds where B is not below A are refused; the previous ones stay
            karaf.karaf("config:edit org.freelanceisland.kpi.grading", "config:property-set gradeB 50", "config:update");
            Thread.sleep(1000);
            assertEquals(30, staff.get("/api/kpi/grading").json().path("gradeA").asInt());
        } finally {
            karaf.karaf("config:edit org.freelanceisland.kpi.grading", "config:property-set gradeA 100",
                    "config:property-set gradeB 80", "config:update");
            awaitGradeA(staff, 100);
        }
    }

    private static void awaitGradeA(ApiClient staff, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (staff.get("/api/kpi/grading").json().path("gradeA").asInt() != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("grade A did not become " + expected + ": " + staff.get("/api/kpi/grading").body());
            }
            Thread.sleep(200);
        }
    }

    @Test
    void anIndicatorShowsItsDefinitionYearsAndRecords() {
        browser.openPanel("kpi", "stages");
        browser.navigate("kpi/indicator/s3-community-leaders");
        browser.findText(By.cssSelector(".panel"), "community.leader.started");
        browser.findText(By.cssSelector(".panel .kpi-records table"), "p-leader-1");
        browser.script("document.querySelector('.kpi-records').scrollIntoView();");
        assertTrue(browser.bodyText().contains("監査ログ"));
        assertEquals(List.of(), browser.unlabelledFields());
        browser.screenshot("kpi-04-indicator-records");
    }
}
