package org.freelanceisland.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.freelanceisland.testing.browser.ConsoleBrowser;
import org.freelanceisland.testing.distribution.DistributionRunner;
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
 * of installed programs only, the admin area with staff accounts, sign-out and the end of a
 * session, and one main task in the panels of the people registry and the Terakoya program (which
 * the class installs). Screenshots of each page go to {@code target/screenshots/}.
 */
@SharedConsole.Test
class ConsoleIT {

    private static DistributionRunner karaf;
    private static ConsoleBrowser browser;

    @BeforeAll
    static void start(SharedConsole console) {
        console.install("terakoya");
        karaf = console.karaf();
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
        assertTrue(withPanel.containsAll(List.of("people", "terakoya")),
                "the people registry and the installed Terakoya serve their panels: " + withPanel);
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
        // from the top of the page (the shell has put the focus on the page's heading, and the home
        // page's cards have links after it)
        browser.script("document.body.tabIndex = -1; document.body.focus(); document.body.removeAttribute('tabindex');");
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

    // ------------------------------------------------------------------ program panels

    private static final ZoneId ISLAND = ZoneId.of("Asia/Tokyo");

    /**
     * People and Terakoya panels, as a staff member works: registers a freelancer in Japanese (the
     * API's field error shown at its field first), finds them by skill, opens the profile (sensitive
     * fields shown to staff), withdraws a consent; then creates a course with a session, enrols the
     * person from a name search, accepts them, marks attendance, confirms completion and downloads
     * the certificate, a PDF. Every step is checked against the REST API too.
     */
    @Test
    void staffRegisterAFreelancerAndTakeThemThroughACourseToTheirCertificate() throws Exception {
        browser.signIn(DistributionRunner.STAFF, DistributionRunner.PASSWORD);
        var staff = karaf.api().as(DistributionRunner.STAFF, DistributionRunner.PASSWORD);

        // registration, with the API's error next to the field it names
        browser.openPanel("people", "new");
        assertEquals("人材台帳 › 新規登録", browser.pageTitle());
        browser.find(By.cssSelector("#person-new input[name='name']")).sendKeys("島田 結衣");
        browser.find(By.cssSelector("#person-new input[name='kana']")).sendKeys("島田ゆい"); // kanji: not a reading
        browser.find(By.cssSelector("#person-new input[name='district']")).sendKeys("名瀬");
        browser.click(By.cssSelector("#person-new input[name='skills'][value='web-production']"));
        browser.find(By.cssSelector("#person-new input[name='skillTags']")).sendKeys("ノーコード");
        browser.find(By.cssSelector("#person-new input[name='availability.hoursPerWeek']")).sendKeys("20");
        browser.click(By.cssSelector("#person-new input[name='availability.weekdays'][value='MONDAY']"));
        browser.click(By.cssSelector("#person-new input[name='availability.weekdays'][value='WEDNESDAY']"));
        browser.click(By.cssSelector("#person-new input[name='lifestyle'][value='CHILD_REARING']"));
        browser.click(By.cssSelector("#person-new input[name='consents'][value='PROGRAM_ADMINISTRATION']"));
        browser.click(By.cssSelector("#person-new input[name='consents'][value='JOB_OFFERS']"));
        browser.find(By.cssSelector("#person-new input[name='consents.noticeVersion']")).sendKeys("2025-04");
        assertEquals(List.of(), browser.unlabelledFields());
        browser.screenshot("20-people-new");
        browser.click(By.cssSelector("#person-new button[type='submit']"));
        browser.find(By.cssSelector("#person-new-kana-error"));
        WebElement kana = browser.find(By.cssSelector("#person-new input[name='kana']"));
        assertEquals("true", kana.getAttribute("aria-invalid"), "the API's error is shown at the kana field");
        assertEquals(kana, browser.driver().switchTo().activeElement(), "and the field has the focus");
        kana.clear();
        kana.sendKeys("しまだ ゆい");
        browser.click(By.cssSelector("#person-new button[type='submit']"));
        browser.findText(By.id("person-name"), "島田 結衣");
        String personId = browser.until(d -> {
            String hash = (String) browser.script("return location.hash;");
            return hash.matches("#/people/search/\\d+") ? hash.substring(hash.lastIndexOf('/') + 1) : null;
        });
        JsonNode registered = staff.get("/api/people/" + personId).json();
        assertEquals("シマダ ユイ", registered.path("kana").asText(), "the reading is kept in katakana");
        assertEquals("[\"web-production\",\"ノーコード\"]", registered.path("skills").toString());
        assertEquals(20, registered.path("availability").path("hoursPerWeek").asInt());

        // found by skill
        browser.openPanel("people", "search");
        browser.select(By.cssSelector("#people-search select[name='skill']"), "web-production");
        browser.click(By.cssSelector("#people-search button[type='submit']"));
        WebElement result = browser.findText(By.cssSelector(".people-results tbody tr"), "島田 結衣");
        assertTrue(result.getText().contains("Web制作"), result.getText());
        assertTrue(result.getText().contains("週20時間"), result.getText());
        assertEquals(List.of(), browser.unlabelledFields());
        browser.screenshot("21-people-search");
        result.findElement(By.linkText("島田 結衣")).click();

        // the profile: sensitive fields for staff, and a consent withdrawn
        browser.findText(By.id("person-name"), "島田 結衣");
        browser.awaitIdle();
        assertEquals("人材台帳 › 人材の検索 › 島田 結衣", browser.pageTitle());
        browser.findText(By.cssSelector(".person-basics"), "子育て中");
        browser.click(By.cssSelector("button[data-purpose='JOB_OFFERS']"));
        browser.confirmDialog();
        browser.findText(By.cssSelector(".toast"), "「仕事の紹介」への同意を撤回しました");
        WebElement withdrawn = browser.findText(By.cssSelector("tr"), "仕事の紹介");
        assertTrue(withdrawn.getText().contains("撤回"), withdrawn.getText());
        assertTrue(browser.driver().findElements(By.cssSelector("button[data-purpose='JOB_OFFERS']")).isEmpty());
        assertEquals("同意", browser.driver().switchTo().activeElement().getText(),
                "after the withdrawal the focus is on the consent section's heading");
        JsonNode consents = staff.get("/api/people/" + personId + "/consents").json();
        for (JsonNode consent : consents) {
            assertEquals(!"JOB_OFFERS".equals(consent.path("purpose").asText()), consent.path("holds").asBoolean(), consent.toString());
        }
        assertEquals(List.of(), browser.unlabelledFields());
        browser.screenshot("22-people-profile");

        // a course, created in the Terakoya panel, with a session
        LocalDate today = LocalDate.now(ISLAND);
        browser.openPanel("terakoya", "courses");
        browser.click(By.id("course-new"));
        browser.find(By.cssSelector("#course-new input[name='title.ja']")).sendKeys("Web制作入門");
        browser.select(By.cssSelector("#course-new select[name='category']"), "web-production");
        browser.find(By.cssSelector("#course-new input[name='location']")).sendKeys("ワークスタイルラボ");
        browser.setValue(By.cssSelector("#course-new input[name='applicationCloses']"), today.plusDays(30).toString());
        browser.find(By.cssSelector("#course-new input[name='completion.minSessions']")).sendKeys("1");
        assertEquals(List.of(), browser.unlabelledFields());
        browser.click(By.cssSelector("#course-new button[type='submit']"));
        browser.findText(By.id("page-title"), "Web制作入門");
        browser.awaitIdle();
        String courseId = browser.until(d -> {
            String hash = (String) browser.script("return location.hash;");
            return hash.matches("#/terakoya/courses/\\d+") ? hash.substring(hash.lastIndexOf('/') + 1) : null;
        });
        browser.setValue(By.cssSelector("#session-add input[name='date']"), today.toString());
        browser.find(By.cssSelector("#session-add input[name='topic.ja']")).sendKeys("サイトの設計");
        browser.click(By.cssSelector("#session-add button[type='submit']"));
        browser.findText(By.cssSelector("#sessions tbody"), "第1回");
        browser.screenshot("23-terakoya-course");

        // enrolment: the person found by name, applied and accepted
        browser.click(By.cssSelector("a[href='#/terakoya/courses/" + courseId + "/enrolments']"));
        browser.find(By.cssSelector("#enrolment-picker input[name='q']")).sendKeys("しまだ");
        browser.click(By.cssSelector("#enrolment-picker button[type='submit']"));
        browser.click(By.cssSelector("#enrolment-picker button[data-person='" + personId + "']"));
        browser.findText(By.cssSelector("#enrolments tbody tr"), "申込（席を確保）");
        browser.click(By.cssSelector("#enrolments button[data-action='accept']"));
        browser.findText(By.cssSelector("#enrolments tbody tr"), "受講確定");
        assertEquals(List.of(), browser.unlabelledFields());
        browser.screenshot("24-terakoya-enrolments");

        // attendance
        browser.click(By.cssSelector("a[href='#/terakoya/courses/" + courseId + "/attendance']"));
        browser.select(By.cssSelector("select.attendance-select[data-person='" + personId + "'][data-session='1']"), "PRESENT");
        browser.click(By.id("attendance-save"));
        browser.findText(By.cssSelector("#attendance-grid tbody tr"), "満たしている");
        assertEquals(List.of(), browser.unlabelledFields());
        browser.screenshot("25-terakoya-attendance");
        JsonNode grid = staff.get("/api/terakoya/courses/" + courseId + "/attendance").json();
        assertEquals("PRESENT", grid.path("rows").path(0).path("sessions").path("1").asText(), grid.toString());

        // completion and the certificate
        browser.click(By.cssSelector("a[href='#/terakoya/courses/" + courseId + "/graduates']"));
        browser.findText(By.id("completion-waiting"), "1人");
        browser.click(By.id("completion-confirm"));
        browser.confirmDialog();
        browser.findText(By.cssSelector("#graduates tbody"), "島田 結衣");
        browser.click(By.cssSelector("#graduates button[data-enrolment]"));
        Path certificate = browser.awaitDownload(".pdf");
        byte[] pdf = Files.readAllBytes(certificate);
        assertTrue(pdf.length > 1000 && new String(pdf, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"),
                "the certificate is a PDF: " + certificate);
        browser.screenshot("26-terakoya-graduates");
        assertEquals(1, staff.get("/api/terakoya/courses/" + courseId + "/graduates").json().path("total").asInt());

        // the same page in English: the panel's own messages, dates in the English format
        browser.switchLanguage();
        assertEquals("Freelance Terakoya › Courses › Web制作入門", browser.pageTitle());
        WebElement graduate = browser.findText(By.cssSelector("#graduates tbody tr"), "Download PDF");
        assertTrue(graduate.getText().matches("(?s).*[A-Z][a-z]{2} \\d{1,2}, \\d{4}.*"), graduate.getText());
        browser.screenshot("26-terakoya-graduates-en");
    }

    /**
     * The people panel's CSV import: a file with a bad row is checked first and every problem is
     * listed by line, nothing imported; a correct file shows what it will do, then is imported.
     */
    @Test
    void staffImportPeopleFromASpreadsheetOnlyAfterCheckingIt() throws Exception {
        var staff = karaf.api().as(DistributionRunner.STAFF, DistributionRunner.PASSWORD);
        Path bad = Files.createTempFile("people-bad-", ".csv");
        Path good = Files.createTempFile("people-good-", ".csv");
        try {
            Files.writeString(bad, "\uFEFF氏名,フリガナ,スキル\r\n山田 一郎,ヤマダ イチロウ,写真撮影\r\n川畑 さくら,カワバタ3,\r\n");
            Files.writeString(good, "\uFEFF氏名,フリガナ,スキル\r\n山田 一郎,ヤマダ イチロウ,写真撮影\r\n川畑 さくら,カワバタ サクラ,翻訳\r\n");
            browser.signIn(DistributionRunner.STAFF, DistributionRunner.PASSWORD);
            browser.openPanel("people", "import");
            assertEquals(List.of(), browser.unlabelledFields());

            browser.find(By.cssSelector("#people-import input[type='file']")).sendKeys(bad.toAbsolutePath().toString());
            browser.click(By.cssSelector("#people-import button[type='submit']"));
            WebElement errors = browser.find(By.id("import-errors"));
            WebElement line = browser.findText(By.cssSelector("#import-errors tbody tr"), "フリガナ");
            assertEquals("3", line.findElement(By.tagName("th")).getText(), "the problem is named by its line: " + line.getText());
            assertTrue(errors.getText().contains("何も取り込んでいません"), errors.getText());
            assertEquals(0, staff.get("/api/people?q=" + URLEncoder.encode("山田", StandardCharsets.UTF_8))
                    .json().path("total").asInt(), "nothing was imported");
            browser.screenshot("29-people-import-errors");

            WebElement file = browser.find(By.cssSelector("#people-import input[type='file']"));
            file.sendKeys(good.toAbsolutePath().toString());
            browser.click(By.cssSelector("#people-import button[type='submit']"));
            browser.findText(By.id("import-preview"), "新規登録 2件");
            assertEquals(0, staff.get("/api/people?q=" + URLEncoder.encode("山田", StandardCharsets.UTF_8))
                    .json().path("total").asInt(), "the check stores nothing");
            browser.click(By.id("import-run"));
            browser.findText(By.id("import-done"), "2行を取り込みました");
            JsonNode found = staff.get("/api/people?skill=translation").json();
            assertTrue(found.toString().contains("川畑 さくら"), found.toString());
            browser.screenshot("30-people-imported");
        } finally {
            Files.deleteIfExists(bad);
            Files.deleteIfExists(good);
        }
    }

    /** The admin area's staff accounts: an administrator creates an account with a role and disables it. */
    @Test
    void anAdministratorCreatesAStaffAccountAndDisablesIt() {
        browser.signIn(DistributionRunner.ADMIN, DistributionRunner.PASSWORD);
        browser.navigate("admin/accounts");
        assertEquals("職員アカウント", browser.pageTitle());
        browser.find(By.cssSelector("#account-create input[name='name']")).sendKeys("sato.hanako");
        browser.find(By.cssSelector("#account-create input[name='password']")).sendKeys("short");
        browser.find(By.cssSelector("#account-create input[name='passwordAgain']")).sendKeys("short");
        browser.click(By.cssSelector("#account-create input[name='roles'][value='coordinator']"));
        assertEquals(List.of(), browser.unlabelledFields());
        browser.click(By.cssSelector("#account-create button[type='submit']"));
        browser.find(By.id("account-create-password-error"));
        assertEquals("true", browser.find(By.cssSelector("#account-create input[name='password']")).getAttribute("aria-invalid"),
                "the API's password rule is shown at the password field");

        String password = "Amami-Naze-2025!";
        for (String field : List.of("password", "passwordAgain")) {
            WebElement input = browser.find(By.cssSelector("#account-create input[name='" + field + "']"));
            input.clear();
            input.sendKeys(password);
        }
        browser.click(By.cssSelector("#account-create button[type='submit']"));
        WebElement row = browser.find(By.cssSelector("tr[data-account='sato.hanako']"));
        assertTrue(row.getText().contains("職員") && row.getText().contains("コーディネーター") && row.getText().contains("有効"),
                row.getText());
        assertEquals(200, karaf.api().as("sato.hanako", password).get("/api/people/skills").status(), "the new account signs in");
        browser.screenshot("27-admin-account-created");

        browser.click(By.cssSelector("tr[data-account='sato.hanako'] button[data-action='state']"));
        browser.confirmDialog();
        browser.findText(By.cssSelector("tr[data-account='sato.hanako']"), "無効");
        // the row is drawn again after the change: wait until the focus has settled on the new button
        assertEquals("有効にする", browser.until(d -> {
            String focused = d.switchTo().activeElement().getText();
            return "有効にする".equals(focused) ? focused : null;
        }), "the focus stays on the account's row, on the button that undoes it");
        assertEquals(401, karaf.api().as("sato.hanako", password).get("/api/people/skills").status(),
                "a disabled account can no longer sign in");
        JsonNode account = karaf.api().as(DistributionRunner.ADMIN, DistributionRunner.PASSWORD)
                .get("/api/admin/accounts/sato.hanako").json();
        assertTrue(account.path("disabled").asBoolean(), account.toString());
        browser.screenshot("28-admin-account-disabled");
    }
}
