package org.freelanceisland.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
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
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * The community panel of the staff console in a real browser (headless Chromium) against the real
 * distribution with the program installed: an event planned, a person registered and checked in at
 * the door, a consultation logged, a survey created, opened and given answer codes, and a role model
 * published with the person's consent. Screenshots go to {@code target/screenshots/}.
 */
@SharedConsole.Test
class CommunityConsoleIT {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private static DistributionRunner karaf;
    private static ConsoleBrowser browser;
    private static String personId;

    @BeforeAll
    static void start(SharedConsole console) {
        karaf = console.install("community").karaf();
        ApiClient staff = karaf.api().as(DistributionRunner.STAFF, DistributionRunner.PASSWORD);
        ApiResponse person = staff.post("/api/people", "{\"name\":\"奄美 花子\",\"kana\":\"アマミ ハナコ\",\"consents\":["
                + "{\"purpose\":\"PROGRAM_ADMINISTRATION\",\"givenOn\":\"2025-04-01\",\"noticeVersion\":\"2025-04\"},"
                + "{\"purpose\":\"ROLE_MODEL\",\"givenOn\":\"2025-04-01\",\"noticeVersion\":\"2025-04\"}]}");
        assertEquals(201, person.status(), person.toString());
        personId = person.json().path("id").asText();
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

    /** The form of the section whose heading is {@code heading}. */
    private static WebElement form(String heading) {
        return browser.find(By.xpath("//section[h2[normalize-space()='" + heading + "']]//form"));
    }

    /** Sets a field of a form the way typing would (dates and selects included) and tells the page. */
    private static void fill(WebElement form, String name, String value) {
        WebElement field = form.findElement(By.cssSelector("[name='" + name + "']"));
        browser.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", field, value);
    }

    /**
     * Waits for an element whose text contains something, looking again when the panel re-renders
     * under the search (a view shows "loading" and then its content).
     */
    private static WebElement text(By by, String text) {
        return browser.until(d -> {
            try {
                for (WebElement e : d.findElements(by)) {
                    if (e.isDisplayed() && e.getText().contains(text)) {
                        return e;
                    }
                }
            } catch (StaleElementReferenceException e) {
                // the view was replaced while looking: look again
            }
            return null;
        });
    }

    private static void submit(WebElement form) {
        form.findElement(By.cssSelector("button[type='submit']")).click();
        browser.awaitIdle();
    }

    @Test
    void staffPlanAnEventRegisterAPersonAndCheckThemInAtTheDoor() {
        browser.openPanel("community", "events");
        assertEquals(List.of(), browser.unlabelledFields());
        WebElement plan = form("イベントを登録");
        LocalDateTime now = LocalDateTime.now(FiscalYear.ISLAND_ZONE);
        fill(plan, "title.ja", "島フリーランス交流会（ブラウザ）");
        fill(plan, "startsAt", LOCAL.format(now.minusMinutes(15)));
        fill(plan, "endsAt", LOCAL.format(now.plusHours(2)));
        fill(plan, "place", "WorkStyle Lab Inno");
        fill(plan, "capacity", "20");
        submit(plan);
        text(By.cssSelector(".panel h2"), "島フリーランス交流会（ブラウザ）");

        WebElement register = form("参加申込を登録");
        fill(register, "personId", personId);
        submit(register);
        WebElement row = text(By.cssSelector(".panel table tbody tr"), "奄美 花子");
        assertTrue(row.getText().matches("(?s).*[2-9A-Z]{4}-[2-9A-Z]{4}.*"), "the check-in code is shown: " + row.getText());
        row.findElement(By.xpath(".//button[normalize-space()='受付']")).click();
        text(By.cssSelector(".panel table tbody tr"), DistributionRunner.STAFF);
        text(By.cssSelector(".panel dl"), "受付済み");
        assertEquals(List.of(), browser.unlabelledFields());
        browser.screenshot("community-event-checked-in");

        JsonAssert.ledgerHas(karaf, "community.event.attended", personId);
    }

    @Test
    void staffLogAConsultationAndSeeItsNotes() {
        browser.openPanel("community", "consultations");
        WebElement log = form("相談を記録");
        fill(log, "topic", "TAXES_AND_FILING");
        fill(log, "notes", "青色申告の始め方");
        submit(log);
        text(By.cssSelector(".panel dl"), "青色申告の始め方");
        text(By.cssSelector(".panel dl"), "匿名の来訪者");
        browser.screenshot("community-consultation");
        browser.navigate("community/consultations");
        text(By.cssSelector(".panel table"), "税金・確定申告");
        assertEquals(List.of(), browser.unlabelledFields());
    }

    @Test
    void staffCreateAnAnonymousSurveyOpenItAndIssueAnswerCodes() {
        browser.openPanel("community", "surveys");
        submit(form("調査を作成"));
        text(By.cssSelector(".panel h2"), "島フリーランス満足度調査");
        browser.find(By.xpath("//button[normalize-space()='回答受付を開始']")).click();
        text(By.cssSelector(".panel dl"), "OPEN");
        WebElement tokens = form("回答用コードを発行");
        fill(tokens, "count", "3");
        submit(tokens);
        text(By.cssSelector(".community-tokens"), "");
        assertEquals(3, browser.driver().findElements(By.cssSelector(".community-tokens li")).size());
        assertEquals(List.of(), browser.unlabelledFields());
        browser.screenshot("community-survey");
    }

    @Test
    void staffPublishARoleModelWhoConsents() {
        browser.openPanel("community", "role-models");
        WebElement create = form("プロフィールを作成");
        fill(create, "personId", personId);
        fill(create, "displayName", "花子さん");
        fill(create, "headline.ja", "子育てしながらWebライター");
        fill(create, "workKind", "writing");
        submit(create);
        text(By.cssSelector(".panel dl"), "同意あり");
        browser.find(By.xpath("//button[normalize-space()='公開する']")).click();
        text(By.cssSelector(".panel dl"), "公開ページに表示中");
        assertEquals(1, karaf.api().get("/api/community/public/role-models").json().path("total").asInt());
        assertEquals(List.of(), browser.unlabelledFields());
        browser.screenshot("community-role-model");
    }

    /** Ledger checks through the REST API. */
    private static final class JsonAssert {
        static void ledgerHas(DistributionRunner karaf, String type, String person) {
            ApiResponse page = karaf.api().as(DistributionRunner.STAFF, DistributionRunner.PASSWORD)
                    .get("/api/ledger?type=" + type + "&personId=" + person);
            assertEquals(200, page.status(), page.toString());
            assertEquals(1, page.json().path("total").asInt(), page.body());
        }
    }
}
