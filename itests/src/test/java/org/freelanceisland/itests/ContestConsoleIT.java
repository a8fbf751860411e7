package org.freelanceisland.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.imageio.ImageIO;

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
import org.openqa.selenium.support.ui.Select;

/**
 * The contest program's console panel in a real browser (headless Chromium) against the real
 * distribution: staff enter a work with a photo and see its thumbnail, record a market's visitors,
 * and a juror finds the contest to judge (blind). Screenshots go to {@code target/screenshots/}.
 */
@SharedConsole.Test
class ContestConsoleIT {

    private static DistributionRunner karaf;
    private static ConsoleBrowser browser;
    private static long contest;
    private static String maker;

    @BeforeAll
    static void start(SharedConsole console) throws Exception {
        karaf = console.install("contest").karaf();
        ApiClient staff = karaf.api().as(DistributionRunner.STAFF, DistributionRunner.PASSWORD);
        staff.awaitOk("/api/contest/contests", Duration.ofSeconds(60));
        ApiResponse person = staff.post("/api/people", "{\"name\":\"大島 紬子\",\"kana\":\"オオシマ ツムギコ\",\"consents\":["
                + "{\"purpose\":\"PROGRAM_ADMINISTRATION\",\"givenOn\":\"2025-04-01\",\"noticeVersion\":\"2025-04\"}]}");
        assertEquals(201, person.status(), person.toString());
        maker = person.json().path("id").asText();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant close = now.plus(2, ChronoUnit.HOURS);
        ApiResponse created = staff.post("/api/contest/contests", "{\"fiscalYear\":" + FiscalYear.of(now).startYear()
                + ",\"title\":{\"ja\":\"あまみハンドメイド大賞 画面\"},"
                + "\"entryWindow\":{\"opens\":\"" + now.minusSeconds(3600) + "\",\"closes\":\"" + close + "\"},"
                + "\"judgingWindow\":{\"opens\":\"" + close + "\",\"closes\":\"" + close.plusSeconds(3600) + "\"},"
                + "\"votingWindow\":{\"opens\":\"" + close + "\",\"closes\":\"" + close.plusSeconds(3600) + "\"},"
                + "\"categories\":[{\"code\":\"textile\",\"label\":{\"ja\":\"布もの\"}}],"
                + "\"rubric\":{\"scale\":10,\"criteria\":[{\"code\":\"craft\",\"label\":{\"ja\":\"技術\"},\"weight\":2}]}}");
        assertEquals(201, created.status(), created.toString());
        contest = created.json().path("id").asLong();
        assertEquals(201, staff.post("/api/contest/contests/" + contest + "/jurors", "{\"account\":\"" + DistributionRunner.JUROR
                + "\"}").status());
        browser = console.browser();
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

    /** Waits until the page shows a text (the panel re-renders, so no element is held across the wait). */
    private static void awaitText(String text) {
        browser.until(d -> {
            try {
                return d.findElement(By.tagName("body")).getText().contains(text) ? Boolean.TRUE : null;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return null;
            }
        });
    }

    @Test
    void staffEnterAWorkWithAPhotoAndSeeItsThumbnail() throws Exception {
        browser.signIn(DistributionRunner.STAFF, DistributionRunner.PASSWORD);
        browser.openPanel("contest", "contests");
        awaitText("あまみハンドメイド大賞 画面");
        assertEquals(List.of(), browser.unlabelledFields());
        browser.screenshot("contest-01-contests");

        browser.navigate("contest/contests/" + contest);
        awaitText("応募作品");
        Path photo = Files.createTempFile("work", ".jpg");
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 640; x++) {
            for (int y = 0; y < 480; y++) {
                img.setRGB(x, y, (x % 200) << 16 | (y % 200) << 8 | 0x60);
            }
        }
        ImageIO.write(img, "jpeg", photo.toFile());
        browser.find(By.cssSelector(".panel input[name='makerId']")).sendKeys(maker);
        browser.find(By.cssSelector(".panel input[name='title']")).sendKeys("泥染めのストール");
        new Select(browser.find(By.cssSelector(".panel select[name='category']"))).selectByValue("textile");
        browser.find(By.cssSelector(".panel input[name='materials']")).sendKeys("大島紬");
        browser.find(By.cssSelector(".panel input[name='photos']")).sendKeys(photo.toAbsolutePath().toString());
        browser.find(By.xpath("//div[contains(@class,'panel')]//button[normalize-space()='応募する']")).click();
        awaitText("泥染めのストール");
        browser.until(d -> Boolean.TRUE.equals(browser.script(
                "const img = document.querySelector('.panel .contest-photos img'); return !!img && img.complete && img.naturalWidth > 0;")));
        assertEquals(List.of(), browser.unlabelledFields());
        browser.screenshot("contest-02-entry");
        assertEquals(1, karaf.api().as(DistributionRunner.STAFF, DistributionRunner.PASSWORD)
                .get("/api/contest/contests/" + contest + "/entries").json().path("total").asInt());
    }

    @Test
    void staffRecordAMarketsVisitors() {
        browser.signIn(DistributionRunner.STAFF, DistributionRunner.PASSWORD);
        browser.openPanel("contest", "markets");
        awaitText("延べ来場者数");
        browser.find(By.cssSelector(".panel input[name='nameJa']")).sendKeys("ハンドメイドマーケット 画面");
        browser.find(By.cssSelector(".panel input[name='venue']")).sendKeys("AiAiひろば");
        browser.script("document.querySelector(\".panel input[name='startsOn']\").value = '2025-11-22';"
                + "document.querySelector(\".panel input[name='endsOn']\").value = '2025-11-23';");
        browser.find(By.xpath("//div[contains(@class,'panel')]//button[normalize-space()='作成']")).click();
        awaitText("来場者 合計 0人");
        browser.find(By.cssSelector(".panel input[name='hour']")).sendKeys("10");
        browser.find(By.cssSelector(".panel input[name='visitors']")).sendKeys("85");
        browser.find(By.xpath("//div[contains(@class,'panel')]//button[normalize-space()='記録']")).click();
        awaitText("来場者 合計 85人");
        assertEquals(List.of(), browser.unlabelledFields());
        browser.screenshot("contest-03-market");
    }

    @Test
    void aJurorFindsTheContestToJudgeWithoutMakers() {
        browser.signIn(DistributionRunner.JUROR, DistributionRunner.PASSWORD);
        assertTrue(browser.navigationModules().contains("contest"));
        browser.openPanel("contest", "jury");
        awaitText("あまみハンドメイド大賞 画面");
        browser.navigate("contest/jury/" + contest);
        awaitText("作家名を伏せて");
        assertEquals(List.of(), browser.unlabelledFields());
        browser.screenshot("contest-04-jury");
    }

    @Test
    void aVisitorVotesWithTheCodeOnTheirTicketOnce() {
        ApiClient staff = karaf.api().as(DistributionRunner.STAFF, DistributionRunner.PASSWORD);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ApiResponse contestCreated = staff.post("/api/contest/contests", contestJson(now.minusSeconds(3600), now.plusSeconds(7200), null));
        assertEquals(201, contestCreated.status(), contestCreated.toString());
        long id = contestCreated.json().path("id").asLong();
        String c = "/api/contest/contests/" + id;
        assertEquals(201, staff.post(c + "/entries", "{\"makerId\":\"" + maker + "\",\"title\":\"芭蕉布のコースター\","
                + "\"category\":\"textile\",\"materials\":\"芭蕉布\"}").status());
        // entries close now, voting opens
        long version = staff.get(c).json().path("version").asLong();
        Instant open = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ApiResponse moved = staff.put(c, contestJson(now.minusSeconds(3600), open, version));
        assertEquals(200, moved.status(), moved.toString());
        ApiResponse batch = staff.post(c + "/ticket-batches", "{\"count\":2,\"label\":\"画面\"}");
        assertEquals(201, batch.status(), batch.toString());
        java.util.regex.Matcher codes = java.util.regex.Pattern.compile("\\(([2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5})\\) Tj")
                .matcher(staff.get(batch.json().path("sheetUrl").asText()).body());
        assertTrue(codes.find(), "the sheet holds the codes");
        String code = codes.group(1);

        browser.driver().get(karaf.baseUrl() + "/contest/vote.html?contest=" + id + "&code=" + code);
        browser.find(By.cssSelector("input[name='work']"));
        assertEquals(code, browser.find(By.id("code")).getAttribute("value"), "the code comes from the ticket's QR code");
        assertEquals(List.of(), browser.unlabelledFields());
        browser.screenshot("contest-05-ballot");
        browser.click(By.cssSelector("button[type='submit']"));
        awaitText("作品をひとつ選んでください。");
        browser.click(By.xpath("//label[.//span[normalize-space()='芭蕉布のコースター']]"));
        browser.click(By.cssSelector("button[type='submit']"));
        awaitText("投票ありがとうございました。");
        awaitText("芭蕉布のコースター");
        browser.screenshot("contest-06-voted");
        assertEquals(1, karaf.api().as(DistributionRunner.ADMIN, DistributionRunner.PASSWORD).get(c + "/votes/totals").json()
                .path("votes").asLong(), "one vote recorded");

        // the same ticket again: refused, in the visitor's language
        browser.driver().get(karaf.baseUrl() + "/contest/vote.html?contest=" + id + "&code=" + code);
        browser.click(By.xpath("//label[.//span[normalize-space()='芭蕉布のコースター']]"));
        browser.click(By.cssSelector("button[type='submit']"));
        awaitText("この券ではすでに投票されています。");
        browser.click(By.id("language"));
        awaitText("Audience Award vote");
        assertEquals("en", browser.script("return document.documentElement.lang;"));

        browser.driver().get(karaf.baseUrl() + "/contest/vote.html");
        awaitText("Please open this page from the QR code");
        browser.driver().get(karaf.baseUrl() + "/contest/results.html");
        awaitText("Results");
    }

    private static String contestJson(Instant entryOpens, Instant entryCloses, Long version) {
        Instant votingOpens = entryCloses;
        return "{\"fiscalYear\":" + FiscalYear.of(entryOpens).startYear() + ",\"title\":{\"ja\":\"あまみハンドメイド大賞 投票画面\"},"
                + "\"entryWindow\":{\"opens\":\"" + entryOpens + "\",\"closes\":\"" + entryCloses + "\"},"
                + "\"judgingWindow\":{\"opens\":\"" + votingOpens + "\",\"closes\":\"" + votingOpens.plusSeconds(3600) + "\"},"
                + "\"votingWindow\":{\"opens\":\"" + votingOpens + "\",\"closes\":\"" + votingOpens.plusSeconds(3600) + "\"},"
                + "\"categories\":[{\"code\":\"textile\",\"label\":{\"ja\":\"布もの\"}}],"
                + "\"rubric\":{\"scale\":10,\"criteria\":[{\"code\":\"craft\",\"label\":{\"ja\":\"技術\"},\"weight\":2}]}"
                + (version == null ? "" : ",\"version\":" + version) + "}";
    }
}
