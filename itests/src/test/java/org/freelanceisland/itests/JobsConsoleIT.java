package org.freelanceisland.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.testing.browser.ConsoleBrowser;
import org.freelanceisland.testing.distribution.DistributionRunner;
import org.freelanceisland.testing.http.ApiClient;
import org.freelanceisland.testing.http.ApiResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The job brokering panel in a real browser against the real distribution, as a coordinator works:
 * a partner and a job created in the panel, the ranked candidates with the reasons of their scores,
 * the job introduced to a freelancer of the people registry, the acceptance recorded, the contract
 * made, delivery and payment recorded, the earnings of the year; the home page's card with a
 * contract the Freelance Act flags, whose terms the coordinator completes; staff who record answers
 * but do not broker. Every step is checked against the REST API too. Screenshots go to
 * {@code target/screenshots/}.
 */
@SharedConsole.Test
class JobsConsoleIT {

    private static final String SKILL = "writing";

    private static DistributionRunner karaf;
    private static ConsoleBrowser browser;
    private static ApiClient coordinator;
    /** A freelancer who writes, 15 hours a week, consenting to job offers. */
    private static String writer;

    @BeforeAll
    static void start(SharedConsole console) {
        karaf = console.install("jobs").karaf();
        browser = console.browser();
        coordinator = karaf.api().as(DistributionRunner.COORDINATOR, DistributionRunner.PASSWORD);
        writer = person("名瀬 陽菜", "ナゼ ヒナ");
    }

    /** A person of the registry who writes and consents to job offers. */
    private static String person(String name, String kana) {
        ApiResponse created = karaf.api().as(DistributionRunner.STAFF, DistributionRunner.PASSWORD).post("/api/people",
                "{\"name\":\"" + name + "\",\"kana\":\"" + kana + "\",\"district\":\"名瀬\",\"skills\":[\"" + SKILL + "\"],"
                        + "\"availability\":{\"hoursPerWeek\":15,\"weekdays\":[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\"]},"
                        + "\"consents\":[{\"purpose\":\"PROGRAM_ADMINISTRATION\",\"givenOn\":\"2025-04-01\",\"noticeVersion\":\"2025-04\"},"
                        + "{\"purpose\":\"JOB_OFFERS\",\"givenOn\":\"2025-04-01\",\"noticeVersion\":\"2025-04\"}]}");
        assertEquals(201, created.status(), created.toString());
        return created.json().path("id").asText();
    }

    @BeforeEach
    void freshBrowser() {
        browser.reset();
        browser.consoleErrors();
    }

    @AfterEach
    void noScriptErrors() {
        assertEquals(List.of(), browser.consoleErrors(), "the page logged errors");
    }

    private static String idFromHash(String pattern) {
        return browser.until(d -> {
            String hash = (String) browser.script("return location.hash;");
            return hash.matches(pattern) ? hash.substring(hash.lastIndexOf('/') + 1) : null;
        });
    }

    private static void type(By by, String text) {
        WebElement field = browser.find(by);
        field.clear();
        field.sendKeys(text);
    }

    @Test
    void aCoordinatorBrokersAJobFromPartnerToPayment() {
        LocalDate today = LocalDate.now(FiscalYear.ISLAND_ZONE);
        browser.signIn(DistributionRunner.COORDINATOR, DistributionRunner.PASSWORD);

        // a partner
        browser.openPanel("jobs", "partners");
        assertEquals("仕事の紹介 › 提携先", browser.pageTitle());
        type(By.cssSelector("#partner-new input[name='name']"), "南海ライティング社（画面）");
        browser.select(By.cssSelector("#partner-new select[name='kind']"), "COMPANY");
        type(By.cssSelector("#partner-new input[name='contactName']"), "奄美 一郎");
        type(By.cssSelector("#partner-new input[name='priorityQuota']"), "3");
        assertEquals(List.of(), browser.unlabelledFields());
        browser.click(By.cssSelector("#partner-new button[type='submit']"));
        WebElement partnerRow = browser.findText(By.cssSelector("#partner-results tbody tr"), "南海ライティング社（画面）");
        assertTrue(partnerRow.getText().contains("企業") && partnerRow.getText().contains("0 / 3"), partnerRow.getText());
        browser.screenshot("jobs-01-partners");

        // a job from the partner
        browser.openPanel("jobs", "jobs");
        browser.click(By.id("job-new"));
        browser.find(By.cssSelector("#job-form select[name='partnerId']"));
        browser.select(By.cssSelector("#job-form select[name='partnerId']"), partnerId("南海ライティング社（画面）"));
        type(By.cssSelector("#job-form input[name='title.ja']"), "観光記事の執筆（画面）");
        browser.click(By.cssSelector("#job-form input[name='skills'][value='" + SKILL + "']"));
        type(By.cssSelector("#job-form input[name='volume']"), "4");
        type(By.cssSelector("#job-form input[name='unit.ja']"), "本");
        type(By.cssSelector("#job-form input[name='effort.value']"), "0.5");
        browser.setValue(By.cssSelector("#job-form input[name='schedule.deadline']"), today.plusDays(30).toString());
        browser.select(By.cssSelector("#job-form select[name='pay.type']"), "PER_UNIT");
        type(By.cssSelector("#job-form input[name='pay.yen']"), "8000");
        assertEquals(List.of(), browser.unlabelledFields());
        browser.screenshot("jobs-02-job-form");
        browser.click(By.cssSelector("#job-form button[type='submit']"));
        String jobId = idFromHash("#/jobs/jobs/\\d+");
        browser.findText(By.id("page-title"), "観光記事の執筆（画面）");
        browser.awaitIdle();
        JsonNode job = coordinator.get("/api/jobs/jobs/" + jobId).json();
        assertEquals(32000, job.path("pay").path("totalYen").asLong(), job.toString());
        assertEquals("OPEN", job.path("status").asText());

        // the ranked candidates, with the reasons of their scores
        WebElement candidate = browser.findText(By.cssSelector("#job-candidates tbody tr"), "名瀬 陽菜");
        assertTrue(candidate.getText().contains("ライティングの経験あり"), candidate.getText());
        assertTrue(candidate.getText().contains("週15時間空きあり"), candidate.getText());
        assertFalse(candidate.findElements(By.cssSelector(".jobs-reasons li")).isEmpty());
        assertEquals(List.of(), browser.unlabelledFields());
        browser.script("document.getElementById('job-candidates').scrollIntoView();");
        browser.screenshot("jobs-03-candidates");

        // introduced to the freelancer
        browser.click(By.cssSelector("#job-candidates button[data-person='" + writer + "']"));
        WebElement introduced = browser.findText(By.cssSelector("#job-introductions tbody tr"), "名瀬 陽菜");
        assertTrue(introduced.getText().contains("回答待ち"), introduced.getText());
        browser.findText(By.cssSelector("#job-candidates tbody tr"), "回答待ち");
        assertEquals("INTRODUCED", coordinator.get("/api/jobs/jobs/" + jobId).json().path("status").asText());

        // the freelancer's acceptance, by phone, recorded
        browser.click(By.cssSelector("#job-introductions tbody a"));
        String introductionId = idFromHash("#/jobs/introductions/\\d+");
        browser.click(By.id("introduction-accept"));
        browser.find(By.cssSelector("dialog[open] select[name='channel']"));
        assertEquals(List.of(), browser.unlabelledFields());
        browser.screenshot("jobs-04-accept-dialog");
        browser.confirmDialog();
        browser.findText(By.id("introduction-summary"), "承諾");
        browser.findText(By.id("introduction-history"), "電話");
        assertEquals("ACCEPTED", coordinator.get("/api/jobs/introductions/" + introductionId).json().path("status").asText());

        // the contract, with the terms given in writing today and payment within 60 days
        browser.setValue(By.cssSelector("#contract-form input[name='paymentDueDate']"), today.plusDays(45).toString());
        assertEquals(today.toString(), browser.find(By.cssSelector("#contract-form input[name='termsIssuedOn']")).getAttribute("value"));
        assertEquals(List.of(), browser.unlabelledFields());
        browser.screenshot("jobs-05-introduction");
        browser.click(By.cssSelector("#contract-form button[type='submit']"));
        String contractId = idFromHash("#/jobs/contracts/\\d+");
        browser.findText(By.id("contract-summary"), "作業中");
        browser.findText(By.id("contract-flags"), "指摘はありません");

        // delivered, then paid
        browser.click(By.id("contract-deliver"));
        browser.find(By.cssSelector("dialog[open] input[name='deliveredOn']"));
        assertEquals(List.of(), browser.unlabelledFields());
        browser.confirmDialog();
        browser.findText(By.id("contract-summary"), "納品済");
        browser.click(By.id("contract-pay"));
        assertEquals("32000", browser.find(By.cssSelector("dialog[open] input[name='amountYen']")).getAttribute("value"));
        browser.confirmDialog();
        browser.findText(By.id("contract-summary"), "支払済");
        browser.findText(By.id("contract-summary"), "¥32,000");
        browser.screenshot("jobs-06-contract-paid");
        JsonNode contract = coordinator.get("/api/jobs/contracts/" + contractId).json();
        assertEquals("PAID", contract.path("status").asText(), contract.toString());
        assertEquals(32000, contract.path("paidAmountYen").asLong());
        assertEquals("PAID", coordinator.get("/api/jobs/jobs/" + jobId).json().path("status").asText());

        // the earnings of the year
        browser.openPanel("jobs", "earnings");
        WebElement earned = browser.findText(By.cssSelector("#earnings-results tbody tr"), "名瀬 陽菜");
        assertTrue(earned.getText().contains("¥32,000"), earned.getText());
        assertEquals(List.of(), browser.unlabelledFields());
        browser.screenshot("jobs-07-earnings");
        JsonNode earnings = coordinator.get("/api/jobs/people/" + writer + "/earnings").json();
        assertEquals(32000, earnings.path("totalPaidYen").asLong(), earnings.toString());
    }

    /**
     * A contract made without written terms is flagged (Freelance Act, Art. 3): the home page's card
     * lists it for the coordinator, the contract shows why, and completing the terms clears it.
     */
    @Test
    void theHomeCardFlagsAContractWithoutWrittenTermsUntilTheCoordinatorCompletesThem() {
        String person = person("笠利 湊", "カサリ ミナト");
        long partner = coordinator.post("/api/jobs/partners", "{\"name\":\"島の旅行社（画面）\",\"kind\":\"COMPANY\"}")
                .json().path("id").asLong();
        ApiResponse job = coordinator.post("/api/jobs/jobs", "{\"partnerId\":" + partner + ",\"title\":{\"ja\":\"パンフレットの文章（画面）\"},"
                + "\"skills\":[\"" + SKILL + "\"],\"volume\":1,\"effort\":{\"value\":2,\"unit\":\"DAYS\"},"
                + "\"schedule\":{\"workMode\":\"REMOTE\"},\"pay\":{\"type\":\"FIXED\",\"yen\":50000}}");
        assertEquals(201, job.status(), job.toString());
        JsonNode intro = coordinator.post("/api/jobs/jobs/" + job.json().path("id").asLong() + "/introductions",
                "{\"personIds\":[\"" + person + "\"]}").json().path(0);
        assertEquals(200, coordinator.post("/api/jobs/introductions/" + intro.path("id").asLong() + "/accept", "{\"channel\":\"EMAIL\"}")
                .status());
        ApiResponse made = coordinator.post("/api/jobs/introductions/" + intro.path("id").asLong() + "/contract", "{}");
        assertEquals(201, made.status(), made.toString());
        long contract = made.json().path("id").asLong();

        browser.signIn(DistributionRunner.COORDINATOR, DistributionRunner.PASSWORD);
        WebElement card = browser.findText(By.cssSelector(".jobs-home-flagged li"), "笠利 湊");
        assertTrue(card.getText().contains("取引条件を書面等で明示していない"), card.getText());
        browser.findText(By.cssSelector(".jobs-home"), "募集中の案件");
        browser.script("document.querySelector('.jobs-home').closest('section').scrollIntoView();");
        browser.screenshot("jobs-08-home-card");
        card.findElement(By.tagName("a")).click();
        browser.findText(By.id("contract-flags"), "第3条");

        browser.setValue(By.cssSelector("#contract-terms input[name='termsIssuedOn']"), LocalDate.now(FiscalYear.ISLAND_ZONE).toString());
        browser.setValue(By.cssSelector("#contract-terms input[name='paymentDueDate']"),
                LocalDate.now(FiscalYear.ISLAND_ZONE).plusDays(30).toString());
        type(By.cssSelector("#contract-terms textarea[name='scope']"), "A4三つ折りパンフレットの文章一式");
        browser.setValue(By.cssSelector("#contract-terms input[name='dueDate']"), LocalDate.now(FiscalYear.ISLAND_ZONE).plusDays(14).toString());
        assertEquals(List.of(), browser.unlabelledFields());
        browser.click(By.cssSelector("#contract-terms button[type='submit']"));
        browser.findText(By.id("contract-flags"), "指摘はありません");
        browser.screenshot("jobs-09-terms-completed");
        JsonNode flags = coordinator.get("/api/jobs/contracts/" + contract).json().path("flags");
        assertEquals(0, flags.size(), flags.toString());
    }

    /** Staff read the board and record the freelancer's answers, but do not take jobs or make contracts. */
    @Test
    void staffRecordAnAnswerButDoNotBroker() {
        String person = person("龍郷 蒼", "タツゴウ アオイ");
        long partner = coordinator.post("/api/jobs/partners", "{\"name\":\"奄美写真協会（画面）\",\"kind\":\"PUBLIC_BODY\"}")
                .json().path("id").asLong();
        long job = coordinator.post("/api/jobs/jobs", "{\"partnerId\":" + partner + ",\"title\":{\"ja\":\"会報の記事（画面）\"},"
                + "\"skills\":[\"" + SKILL + "\"],\"volume\":1,\"effort\":{\"value\":1,\"unit\":\"DAYS\"},"
                + "\"schedule\":{\"workMode\":\"HYBRID\"},\"pay\":{\"type\":\"FIXED\",\"yen\":20000}}").json().path("id").asLong();
        long intro = coordinator.post("/api/jobs/jobs/" + job + "/introductions", "{\"personIds\":[\"" + person + "\"]}")
                .json().path(0).path("id").asLong();

        browser.signIn(DistributionRunner.STAFF, DistributionRunner.PASSWORD);
        browser.openPanel("jobs", "jobs");
        browser.findText(By.cssSelector("#job-results tbody"), "会報の記事（画面）");
        assertTrue(browser.driver().findElements(By.id("job-new")).isEmpty(), "staff do not take jobs");
        browser.navigate("jobs/introductions/" + intro);
        browser.click(By.id("introduction-decline"));
        browser.select(By.cssSelector("dialog[open] select[name='channel']"), "MESSAGE");
        type(By.cssSelector("dialog[open] textarea[name='reason']"), "子どもの行事と重なるため");
        browser.confirmDialog();
        browser.findText(By.id("introduction-summary"), "辞退");
        browser.findText(By.id("introduction-history"), "メッセージ");
        assertTrue(browser.driver().findElements(By.id("contract-form")).isEmpty());
        browser.screenshot("jobs-10-staff-declined");
        JsonNode recorded = coordinator.get("/api/jobs/introductions/" + intro).json();
        assertEquals("DECLINED", recorded.path("status").asText(), recorded.toString());
        assertEquals(DistributionRunner.STAFF, recorded.path("history").path(1).path("recordedBy").asText(), recorded.toString());
    }

    private static String partnerId(String name) {
        for (JsonNode p : coordinator.get("/api/jobs/partners?limit=500").json().path("items")) {
            if (name.equals(p.path("name").asText())) {
                return p.path("id").asText();
            }
        }
        throw new AssertionError("no partner " + name);
    }
}
