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
}
