package org.freelanceisland.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.freelanceisland.testing.browser.ConsoleBrowser;
import org.freelanceisland.testing.distribution.DistributionRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The staff console in a real browser (headless Chromium) against the real distribution, started
 * once for the class with its own scripts: sign-in, the shell in Japanese and English, the panels
 * of installed programs only, the admin area, sign-out and the end of a session. Screenshots of
 * each page go to {@code target/screenshots/}.
 */
class ConsoleIT {

    private static DistributionRunner karaf;
    private static ConsoleBrowser browser;

    @BeforeAll
    static void start() {
        karaf = DistributionRunner.unpack("console").withTestAccounts();
        Duration boot = karaf.start();
        System.out.printf("distribution up in %d ms%n", boot.toMillis());
        browser = ConsoleBrowser.open(karaf.baseUrl(), Path.of("target", "screenshots"));
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (karaf != null) {
                karaf.close();
            }
        }
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

    /** Whether a program has a console panel: a console path where its bundle serves panel.json. */
    private static boolean servesPanel(JsonNode module) {
        String path = module.path("consolePath").asText("");
        return path.startsWith("/console/") && karaf.api().get(path + "panel.json").status() == 200;
    }

    @Test
    void theSignInPageIsJapaneseLabelledAndQuick() {
        assertEquals("ja", browser.lang());
        assertEquals("サインイン", browser.find(By.cssSelector("main h1")).getText());
        assertEquals(List.of(), browser.unlabelledFields());
        assertEquals("user", browser.driver().switchTo().activeElement().getAttribute("name"), "the user name has the focus");
        Object paint = browser.script("const p = performance.getEntriesByName('first-contentful-paint')[0];"
                + " return p ? Math.round(p.startTime) : -1;");
        Object ready = browser.script("const n = performance.getEntriesByType('navigation')[0];"
                + " return Math.round(n.domContentLoadedEventEnd);");
        System.out.printf("console first contentful paint: %s ms, DOMContentLoaded: %s ms%n", paint, ready);
        browser.screenshot("01-signin");
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessageAndTheFieldsStayUsable() {
        browser.submitSignIn(DistributionRunner.STAFF, "not-the-password");
        WebElement alert = browser.findText(By.cssSelector("#signin [role='alert']"), "ユーザー名またはパスワードが正しくありません");
        assertEquals("", browser.find(By.cssSelector("#signin input[name='password']")).getAttribute("value"),
                "the wrong password is cleared");
        assertTrue(browser.driver().findElements(By.id("sign-out")).isEmpty());
        browser.screenshot("02-signin-wrong-password");
        assertTrue(alert.isDisplayed());

        browser.submitSignIn("", "");
        browser.findText(By.cssSelector("#signin .field-error"), "入力してください");
        assertEquals("true", browser.find(By.cssSelector("#signin input[name='user']")).getAttribute("aria-invalid"));
    }

    @Test
    void staffSeeTheShellInJapaneseWithThePanelsOfInstalledProgramsOnly() {
        browser.signIn(DistributionRunner.STAFF, DistributionRunner.PASSWORD);
        assertEquals("ja", browser.lang());
        assertEquals("ホーム", browser.pageTitle());
        browser.findText(By.id("current-user"), DistributionRunner.STAFF);
        browser.findText(By.cssSelector(".stage-name"), "ステージ");
        browser.findText(By.cssSelector(".stage-years"), "年度");
        assertFalse(browser.showsAdministration(), "staff do not see the admin area");

        JsonNode modules = karaf.api().get("/api/modules").json().path("items");
        List<String> withPanel = new ArrayList<>();
        for (JsonNode module : modules) {
            String id = module.path("id").asText();
            browser.find(By.cssSelector(".program-list li.program[data-module='" + id + "']"));
            if (servesPanel(module)) {
                withPanel.add(id);
            }
        }
        if (modules.isEmpty()) {
            browser.findText(By.cssSelector(".empty"), "まだプログラムが追加されていません");
        }
        assertEquals(new TreeSet<>(withPanel), new TreeSet<>(browser.navigationModules()),
                "the navigation shows the panels of the installed programs, and only those");
        assertEquals(List.of(), browser.unlabelledFields());
        browser.screenshot("03-home-ja");
    }

    @Test
    void keyboardUsersCanSkipToTheContentAndFocusFollowsNavigation() {
        browser.signIn(DistributionRunner.ADMIN, DistributionRunner.PASSWORD);
        browser.load("");
        browser.find(By.id("sign-out"));
        browser.awaitIdle();
        browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement skip = browser.driver().switchTo().activeElement();
        assertEquals("本文へ移動", skip.getText(), "the first stop is the skip link");
        skip.sendKeys(Keys.ENTER);
        assertEquals("main", browser.driver().switchTo().activeElement().getAttribute("id"));

        browser.find(By.cssSelector("#nav a[href='#/admin/modules']")).sendKeys(Keys.ENTER);
        browser.until(d -> "プログラムモジュール".equals(browser.pageTitle()));
        browser.awaitIdle();
        assertEquals("page-title", browser.driver().switchTo().activeElement().getAttribute("id"),
                "after a navigation the focus is on the new page's heading");
        assertEquals("page", browser.find(By.cssSelector("#nav a[href='#/admin/modules']")).getAttribute("aria-current"));
    }

    @Test
    void onATabletTheMenuFoldsBehindAButton() {
        browser.signIn(DistributionRunner.ADMIN, DistributionRunner.PASSWORD);
        assertFalse(browser.find(By.id("nav")).getText().isEmpty());
        assertTrue(browser.driver().findElements(By.cssSelector(".nav-toggle")).stream().noneMatch(WebElement::isDisplayed),
                "at 1280 px the menu is always shown");
        Dimension desktop = browser.driver().manage().window().getSize();
        try {
            browser.driver().manage().window().setSize(new Dimension(820, 1180));
            WebElement toggle = browser.find(By.cssSelector(".nav-toggle"));
            assertFalse(browser.driver().findElement(By.id("nav")).isDisplayed());
            assertEquals("false", toggle.getAttribute("aria-expanded"));
            toggle.click();
            assertEquals("true", toggle.getAttribute("aria-expanded"));
            browser.find(By.cssSelector("#nav a[href='#/admin/audit']")).click();
            browser.until(d -> "監査ログ".equals(browser.pageTitle()));
            browser.awaitIdle();
            assertFalse(browser.driver().findElement(By.id("nav")).isDisplayed(), "choosing a page folds the menu again");
            browser.screenshot("11-tablet-audit");
        } finally {
            browser.driver().manage().window().setSize(desktop);
        }
    }

    @Test
    void theLanguageSwitchesToEnglishAndIsRemembered() {
        browser.signIn(DistributionRunner.STAFF, DistributionRunner.PASSWORD);
        browser.switchLanguage();
        assertEquals("en", browser.lang());
        assertEquals("Home", browser.pageTitle());
        browser.findText(By.cssSelector(".stage-name"), "Stage");
        browser.findText(By.id("sign-out"), "Sign out");
        browser.screenshot("04-home-en");

        browser.load("");
        browser.find(By.id("sign-out"));
        browser.awaitIdle();
        assertEquals("en", browser.lang(), "the choice survives a reload");
        assertEquals("Home", browser.pageTitle());

        browser.signOut();
        assertEquals("Sign in", browser.find(By.cssSelector("main h1")).getText());
        browser.switchLanguage();
        assertEquals("サインイン", browser.find(By.cssSelector("main h1")).getText());
    }

    @Test
    void signingOutEndsTheSession() {
        browser.signIn(DistributionRunner.STAFF, DistributionRunner.PASSWORD);
        browser.signOut();
        browser.findText(By.cssSelector("main [role='status']"), "サインアウトしました");
        assertEquals(401L, browser.asyncScript("const done = arguments[arguments.length - 1];"
                + " fetch('/api/session').then(r => done(r.status));"));
        browser.load("admin/modules");
        browser.find(By.cssSelector("#signin input[name='user']"));
        browser.screenshot("05-signed-out");
    }

    @Test
    void whenTheSessionEndsTheNextNavigationAsksToSignInAgainAndComesBack() {
        browser.signIn(DistributionRunner.ADMIN, DistributionRunner.PASSWORD);
        // end the session on the server, as the idle timeout does
        assertEquals(204L, browser.asyncScript("const done = arguments[arguments.length - 1];"
                + " fetch('/api/session').then(r => r.json()).then(s => fetch('/api/session',"
                + " { method: 'DELETE', headers: { 'X-CSRF-Token': s.csrfToken } })).then(r => done(r.status));"));
        browser.script("location.hash = '#/admin/audit';");
        browser.findText(By.cssSelector("main [role='status']"), "有効期限が切れました");
        browser.screenshot("06-session-expired");
        browser.submitSignIn(DistributionRunner.ADMIN, DistributionRunner.PASSWORD);
        browser.until(d -> "監査ログ".equals(browser.pageTitle()));
    }

    @Test
    void theAdminAreaIsForAdministratorsOnly() {
        browser.signIn(DistributionRunner.STAFF, DistributionRunner.PASSWORD);
        browser.navigate("admin/audit");
        assertEquals("権限がありません", browser.pageTitle());
        browser.signOut();

        browser.signIn(DistributionRunner.ADMIN, DistributionRunner.PASSWORD);
        assertTrue(browser.showsAdministration());
        browser.navigate("admin/modules");
        assertEquals("プログラムモジュール", browser.pageTitle());
        browser.find(By.cssSelector("#view table"));
        JsonNode catalog = karaf.api().as(DistributionRunner.ADMIN, DistributionRunner.PASSWORD)
                .get("/api/admin/programs").json().path("items");
        browser.find(By.id("program-catalog"));
        assertEquals(catalog.size(), browser.driver().findElements(By.cssSelector("#program-catalog button[data-program]")).size(),
                "one install or retire button per program of the catalog");
        browser.screenshot("07-admin-modules");

        browser.navigate("admin/audit");
        assertEquals("監査ログ", browser.pageTitle());
        browser.find(By.cssSelector(".audit-results table"));
        assertEquals(List.of(), browser.unlabelledFields());
        WebElement action = browser.find(By.cssSelector("#audit-filter input[name='action']"));
        action.sendKeys("NOT AN ACTION");
        browser.find(By.cssSelector("#audit-filter button[type='submit']")).click();
        browser.find(By.cssSelector("#audit-filter-action-error"));
        assertEquals("true", action.getAttribute("aria-invalid"), "the API's field error is shown at the field");
        assertEquals(browser.driver().switchTo().activeElement(), action, "and the field has the focus");
        browser.screenshot("08-admin-audit");

        browser.find(By.cssSelector("#nav a[href='#/admin/accounts']")).click();
        browser.until(d -> "職員アカウント".equals(browser.pageTitle()));
        browser.findText(By.cssSelector("#view table"), DistributionRunner.STAFF);
        browser.findText(By.cssSelector("#view table"), "職員");
        browser.screenshot("08-admin-accounts");
    }

    @Test
    void datesMoneyAndFiscalYearsAreFormattedInTheLanguage() {
        @SuppressWarnings("unchecked")
        Map<String, Object> formatted = (Map<String, Object>) browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                import('/console/js/fmt.js').then(({ createFormat }) => {
                  const ja = createFormat('ja'), en = createFormat('en');
                  done({
                    jaYear: ja.fiscalYear(2025), enYear: en.fiscalYear(2025), gannen: ja.fiscalYear(2019),
                    heisei: ja.fiscalYear(2015), stage: ja.fiscalYears(2025, 2027), enStage: en.fiscalYears(2025, 2027),
                    jaDate: ja.date('2025-04-01'), enDate: en.date('2025-04-01'), eraDate: ja.eraDate('2025-04-01'),
                    tokyo: ja.dateTime('2025-03-31T15:30:00Z'), yen: ja.yen(120000),
                    fiscalOfInstant: ja.fiscalYearOf('2026-03-31T15:30:00Z'),
                  });
                }).catch(e => done({ error: String(e) }));
                """);
        assertEquals("令和7年度", formatted.get("jaYear"));
        assertEquals("FY2025 (R7)", formatted.get("enYear"));
        assertEquals("令和元年度", formatted.get("gannen"));
        assertEquals("平成27年度", formatted.get("heisei"));
        assertEquals("令和7年度〜令和9年度", formatted.get("stage"));
        assertEquals("FY2025–FY2027 (R7–R9)", formatted.get("enStage"));
        assertEquals("2025年4月1日", formatted.get("jaDate"));
        assertEquals("Apr 1, 2025", formatted.get("enDate"));
        assertEquals("令和7年4月1日", formatted.get("eraDate"));
        assertEquals("2025年4月1日 0:30", formatted.get("tokyo"), "instants are shown in Japan time");
        assertEquals("¥120,000", formatted.get("yen"));
        assertEquals(2026L, formatted.get("fiscalOfInstant"), "1 April in Japan starts the fiscal year");
    }

    /**
     * Installs a real program with the console's button and retires it from the Karaf shell while
     * the console is open: its panel and its card on the home page appear and go at the next
     * navigation, without reloading the page.
     * Runs only when the distribution offers a program (none before the first program lands).
     */
    @Test
    void aProgramAppearsWhenInstalledAndGoesWhenRetiredWithoutAReload() {
        List<String> programs = karaf.availablePrograms();
        assumeFalse(programs.isEmpty(), "no program feature in this distribution yet");
        String id = programs.contains("people") ? "people" : programs.get(0);
        boolean installedBefore = karaf.api().get("/api/modules").body().contains("\"id\":\"" + id + "\"");
        if (installedBefore) {
            karaf.retireProgram(id);
        }
        try {
            browser.signIn(DistributionRunner.ADMIN, DistributionRunner.PASSWORD);
            browser.script("window.__sameDocument = true;");
            assertTrue(browser.driver().findElements(By.cssSelector("li.program[data-module='" + id + "']")).isEmpty());

            // installed with the console's own button, as an administrator does
            browser.navigate("admin/modules");
            browser.find(By.cssSelector("#program-catalog button[data-program='" + id + "']")).click();
            browser.find(By.cssSelector("dialog .button-primary")).click();
            browser.findText(By.cssSelector("#program-catalog tr"), "インストール済み", Duration.ofSeconds(90));
            browser.screenshot("09-program-installed");
            browser.navigate("");
            browser.find(By.cssSelector("li.program[data-module='" + id + "']"));
            boolean hasPanel = servesPanel(karaf.api().get("/api/modules/" + id).json());
            if (hasPanel) {
                assertTrue(browser.navigationModules().contains(id));
                browser.openPanel(id, "");
                browser.screenshot("10-panel-" + id);
            }

            // retired from the Karaf shell: the open console notices at the next navigation
            karaf.retireProgram(id);
            browser.navigate("");
            browser.until(d -> d.findElements(By.cssSelector("li.program[data-module='" + id + "']")).isEmpty());
            assertFalse(browser.navigationModules().contains(id));
            browser.navigate(id);
            assertEquals("プログラムがありません", browser.pageTitle());
            assertEquals(Boolean.TRUE, browser.script("return window.__sameDocument === true;"), "the page was never reloaded");
        } finally {
            if (installedBefore) {
                karaf.installProgram(id);
            }
        }
    }
}
