package org.freelanceisland.testing.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff console in a headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * installed by {@code scripts/setup-test-tools.sh}; nothing is downloaded), with a fresh profile,
 * at 1280×800. It knows the shell's landmarks, so a program's panel test reads like what a user does:
 *
 * <pre>{@code
 * try (ConsoleBrowser browser = ConsoleBrowser.open(karaf.baseUrl(), Path.of("target/screenshots"))) {
 *     browser.signIn(DistributionRunner.STAFF, DistributionRunner.PASSWORD);
 *     browser.openPanel("terakoya", "courses");          // #/terakoya/courses, waits for the panel
 *     browser.find(By.cssSelector(".panel table"));
 *     browser.screenshot("terakoya-courses");
 * }
 * }</pre>
 *
 * <p>The browser binary and driver are {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver},
 * or the system properties {@code freelanceisland.chromium} and {@code freelanceisland.chromedriver}.
 */
public final class ConsoleBrowser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path screenshots;
    private final Path profile;
    private final Path downloads;

    private ConsoleBrowser(ChromeDriver driver, String baseUrl, Path screenshots, Path profile, Path downloads) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.screenshots = screenshots;
        this.profile = profile;
        this.downloads = downloads;
    }

    /**
     * Starts a headless Chromium for a running distribution.
     *
     * @param baseUrl {@code http://localhost:<port>}
     * @param screenshots where {@link #screenshot(String)} saves its files
     * @return the browser, showing nothing yet
     */
    public static ConsoleBrowser open(String baseUrl, Path screenshots) {
        File chromium = executable("freelanceisland.chromium", "/usr/bin/chromium");
        File chromedriver = executable("freelanceisland.chromedriver", "/usr/bin/chromedriver");
        try {
            Path profile = Files.createTempDirectory("console-browser-");
            Path downloads = Files.createDirectories(profile.resolve("downloads"));
            Files.createDirectories(screenshots);
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--window-size=1280,800",
                    "--lang=ja", "--user-data-dir=" + profile.toAbsolutePath());
            // files the console saves (CSV exports, certificates) go to the profile's download folder
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ja,en",
                    "download.default_directory", downloads.toAbsolutePath().toString(),
                    "download.prompt_for_download", false,
                    "profile.default_content_setting_values.automatic_downloads", 1));
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                    .usingAnyFreePort().withSilent(true).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(WAIT);
            return new ConsoleBrowser(driver, baseUrl.replaceAll("/+$", ""), screenshots, profile, downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static File executable(String property, String fallback) {
        File file = new File(System.getProperty(property, fallback));
        if (!file.canExecute()) {
            throw new IllegalStateException(file + " is missing: run scripts/setup-test-tools.sh (it installs Debian's "
                    + "chromium and chromium-driver), or set the system property " + property);
        }
        return file;
    }

    /**
     * The Selenium driver, for anything this class does not cover.
     *
     * @return the driver
     */
    public WebDriver driver() {
        return driver;
    }

    /**
     * Forgets everything of the previous test: the session cookie, the stored language, the page,
     * the files downloaded. The console's page is shown afterwards (the sign-in form).
     */
    public void reset() {
        clearDownloads();
        // the session cookie belongs to /api/: WebDriver deletes only the cookies of the page shown
        driver.get(baseUrl + "/api/health");
        driver.manage().deleteAllCookies();
        driver.get(baseUrl + "/console/");
        script("localStorage.clear(); sessionStorage.clear();");
        driver.navigate().refresh();
        find(By.cssSelector("#signin input[name='user']"));
    }

    /**
     * Opens the console at a route (a full page load).
     *
     * @param route what follows {@code #/}, for example {@code admin/audit}; empty for home
     */
    public void load(String route) {
        driver.get(baseUrl + "/console/#/" + route);
    }

    /**
     * Signs in through the form and waits for the shell.
     *
     * @param user user name
     * @param password password
     */
    public void signIn(String user, String password) {
        if (driver.findElements(By.cssSelector("#signin")).isEmpty()) {
            driver.get(baseUrl + "/console/");
        }
        submitSignIn(user, password);
        find(By.id("sign-out"));
        awaitIdle();
    }

    /**
     * Fills and submits the sign-in form without waiting for the outcome.
     *
     * @param user user name
     * @param password password
     */
    public void submitSignIn(String user, String password) {
        WebElement name = find(By.cssSelector("#signin input[name='user']"));
        name.clear();
        name.sendKeys(user);
        WebElement secret = driver.findElement(By.cssSelector("#signin input[name='password']"));
        secret.clear();
        secret.sendKeys(password);
        driver.findElement(By.cssSelector("#signin button[type='submit']")).click();
    }

    /** Signs out with the button of the top bar and waits for the sign-in form. */
    public void signOut() {
        find(By.id("sign-out")).click();
        find(By.cssSelector("#signin input[name='user']"));
    }

    /** Switches between Japanese and English with the button of the top bar. */
    public void switchLanguage() {
        String before = lang();
        find(By.id("lang-switch")).click();
        until(d -> !before.equals(lang()));
        awaitIdle();
    }

    /**
     * The language of the page.
     *
     * @return {@code ja} or {@code en}
     */
    public String lang() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    /**
     * Navigates inside the shell (no page load) and waits until the new view is shown.
     *
     * @param route what follows {@code #/}
     */
    public void navigate(String route) {
        Object before = script("return document.getElementById('app').dataset.navigation || '0';");
        // to the page shown already, the browser fires no hashchange: step off it without one first
        script("if (location.hash.replace(/^#\\/?/, '') === arguments[0]) history.replaceState(null, '', '#/-');"
                + " location.hash = '#/' + arguments[0];", route);
        until(d -> Boolean.TRUE.equals(script("const app = document.getElementById('app');"
                + " return app.getAttribute('aria-busy') === 'false' && app.dataset.navigation !== arguments[1]"
                + " && (app.dataset.route || '').startsWith(arguments[0]);", route, before)));
        awaitIdle();
    }

    /**
     * Opens a program's panel through its link in the navigation and waits until the panel has
     * mounted something.
     *
     * @param moduleId the program's id
     * @param route the menu entry's route, or empty for the panel's first entry
     * @return the panel's element
     */
    public WebElement openPanel(String moduleId, String route) {
        String href = route == null || route.isEmpty() ? "#/" + moduleId : "#/" + moduleId + "/" + route;
        click(By.cssSelector(".nav-group[data-module='" + moduleId + "'] a" + (route == null || route.isEmpty()
                ? "" : "[href='" + href + "']")));
        until(d -> !d.findElements(By.cssSelector(".panel[data-module='" + moduleId + "'] *")).isEmpty());
        awaitIdle();
        return driver.findElement(By.cssSelector(".panel[data-module='" + moduleId + "']"));
    }

    /**
     * The program ids the navigation shows a group for.
     *
     * @return the ids, in menu order
     */
    public List<String> navigationModules() {
        return driver.findElements(By.cssSelector("#nav .nav-group[data-module]")).stream()
                .map(e -> e.getAttribute("data-module")).filter(id -> !"admin".equals(id)).collect(Collectors.toList());
    }

    /**
     * Whether the navigation shows the administration group.
     *
     * @return {@code true} for administrators
     */
    public boolean showsAdministration() {
        return !driver.findElements(By.cssSelector("#nav .nav-group[data-module='admin']")).isEmpty();
    }

    /**
     * The heading of the current page.
     *
     * @return the text of the shell's {@code h1}
     */
    public String pageTitle() {
        return find(By.id("page-title")).getText();
    }

    /**
     * Waits for an element to be present and visible.
     *
     * @param by how to find it
     * @return the element
     */
    public WebElement find(By by) {
        try {
            return until(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        } catch (TimeoutException e) {
            throw new AssertionError("no " + by + " is shown; the page shows: " + bodyText(), e);
        }
    }

    /**
     * Waits for an element whose text contains something.
     *
     * @param by how to find it
     * @param text the text it must contain
     * @return the element
     */
    public WebElement findText(By by, String text) {
        return findText(by, text, WAIT);
    }

    /**
     * Waits as long as given for an element whose text contains something (for slow acts, such
     * as installing a program).
     *
     * @param by how to find it
     * @param text the text it must contain
     * @param timeout how long to wait
     * @return the element
     */
    public WebElement findText(By by, String text, Duration timeout) {
        try {
            return wait(timeout).until(d -> d.findElements(by).stream()
                    .filter(e -> e.isDisplayed() && e.getText().contains(text)).findFirst().orElse(null));
        } catch (TimeoutException e) {
            throw new AssertionError("no " + by + " containing \"" + text + "\"; the page shows: " + bodyText(), e);
        }
    }

    /**
     * Waits until a condition holds.
     *
     * @param <T> what the condition yields
     * @param condition returns a non-null, non-false value when it holds
     * @return that value
     */
    public <T> T until(Function<WebDriver, T> condition) {
        return wait(WAIT).until(condition::apply);
    }

    /**
     * A wait that also tries again when an element it looked at was replaced meanwhile: the shell
     * and the panels re-render whole regions (a list refreshed while a program installs), so an
     * element found a moment ago may be gone by the time its text is read.
     */
    private WebDriverWait wait(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /**
     * Waits until the shell has finished the current navigation and the view shows no "loading"
     * line of its own.
     */
    public void awaitIdle() {
        until(d -> d.findElements(By.cssSelector("#app[aria-busy='true'], #view > .loading, #view > * > .loading")).isEmpty());
    }

    /**
     * Runs JavaScript in the page.
     *
     * @param javascript the script; {@code arguments[i]} are the arguments
     * @param arguments its arguments
     * @return what it returned
     */
    public Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    /**
     * Runs asynchronous JavaScript: the script calls {@code arguments[arguments.length - 1](result)}.
     *
     * @param javascript the script
     * @param arguments its arguments
     * @return the result it passed on
     */
    public Object asyncScript(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeAsyncScript(javascript, arguments);
    }

    /**
     * Form fields of the page that have no accessible label (no {@code label for}, no wrapping
     * label, no {@code aria-label} or {@code aria-labelledby}, no legend for radio groups).
     *
     * @return a description of each unlabelled field; empty when every field is labelled
     */
    @SuppressWarnings("unchecked")
    public List<String> unlabelledFields() {
        return (List<String>) script("""
                return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                  .filter(e => e.offsetParent !== null)
                  .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
                    && !e.getAttribute('aria-labelledby') && !(e.type === 'radio' && e.closest('fieldset')?.querySelector('legend')))
                  .map(e => e.outerHTML.slice(0, 120));
                """);
    }

    /**
     * Errors the page logged since the last call: JavaScript exceptions, errors a script wrote to
     * the console, and resources that failed with a server error (5xx). Answers 4xx are left out:
     * the console shows them to the user (a wrong password, a missing session, a bad filter).
     *
     * @return the messages
     */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(m -> !m.matches("(?s).*Failed to load resource: the server responded with a status of 4\\d\\d.*")
                        && !m.contains("favicon.ico"))
                .collect(Collectors.toList());
    }

    /**
     * Clicks an element after scrolling it to the middle of the window; when something covers it
     * (the console's toasts, or the sticky top bar because the page was still laying out and moved
     * it), closes the toasts, scrolls it to the middle again and tries again, as a user would.
     *
     * @param by how to find it
     * @return the element
     */
    public WebElement click(By by) {
        WebElement element = find(by);
        for (int attempt = 1;; attempt++) {
            script("arguments[0].scrollIntoView({ block: 'center', inline: 'nearest' });", element);
            try {
                element.click();
                return element;
            } catch (ElementClickInterceptedException e) {
                if (attempt == 3) {
                    throw e;
                }
                closeToasts();
            }
        }
    }

    /** Closes the console's toasts with their close buttons. */
    public void closeToasts() {
        for (WebElement close : driver.findElements(By.cssSelector(".toast .toast-close"))) {
            try {
                close.click();
            } catch (StaleElementReferenceException | ElementClickInterceptedException e) {
                // gone by itself, or under another toast that goes next
            }
        }
        script("document.querySelectorAll('.toast').forEach(t => t.remove());");
    }

    /**
     * Sets the value of a field as a user's typing would end (date and time fields take their ISO
     * value whatever the browser's locale shows) and fires its input and change events.
     *
     * @param by how to find the field
     * @param value the value, for a date field {@code 2025-04-01}
     * @return the field
     */
    public WebElement setValue(By by, String value) {
        WebElement field = find(by);
        script("arguments[0].value = arguments[1];"
                + " arguments[0].dispatchEvent(new Event('input', { bubbles: true }));"
                + " arguments[0].dispatchEvent(new Event('change', { bubbles: true }));", field, value);
        return field;
    }

    /**
     * Chooses an option of a select by its value and fires its change event.
     *
     * @param by how to find the select
     * @param value the option's value
     * @return the select
     */
    public WebElement select(By by, String value) {
        WebElement field = find(by);
        new Select(field).selectByValue(value);
        return field;
    }

    /**
     * Confirms the console's open dialog (the primary or danger button) and waits until it is gone.
     */
    public void confirmDialog() {
        click(By.cssSelector("dialog[open] .actions .button-primary, dialog[open] .actions .button-danger"));
        until(d -> d.findElements(By.cssSelector("dialog[open]")).isEmpty());
    }

    /**
     * Waits until the browser has saved a file whose name ends with a suffix and returns it (the
     * console saves exports and certificates through the browser's downloads).
     *
     * @param suffix for example {@code .pdf}
     * @return the file, complete
     */
    public Path awaitDownload(String suffix) {
        return until(d -> {
            try (Stream<Path> files = Files.list(downloads)) {
                List<Path> all = files.collect(Collectors.toList());
                boolean partial = all.stream().anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
                return partial ? null : all.stream().filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Deletes the files the browser saved so far, so {@link #awaitDownload(String)} sees only new ones. */
    public void clearDownloads() {
        try (Stream<Path> files = Files.list(downloads)) {
            for (Path file : files.collect(Collectors.toList())) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The files the browser saved so far.
     *
     * @return the download folder
     */
    public Path downloads() {
        return downloads;
    }

    /**
     * Saves a screenshot as {@code <name>.png}.
     *
     * @param name the file name without extension
     * @return the file
     */
    public Path screenshot(String name) {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path file = screenshots.resolve(name + ".png");
        try {
            Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Saves a screenshot of the whole page, below the window's fold too, as {@code <name>.png}.
     *
     * @param name the file name without extension
     * @return the file
     */
    @SuppressWarnings("unchecked")
    public Path screenshotFullPage(String name) {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        double width = ((Number) size.get("width")).doubleValue();
        double height = Math.min(((Number) size.get("height")).doubleValue(), 16_000);
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        Path file = screenshots.resolve(name + ".png");
        try {
            Files.write(file, java.util.Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * The visible text of the page, for failure messages.
     *
     * @return the text of the body
     */
    public String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Quits the browser and removes its profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> paths = Files.walk(profile)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory; the system cleans it up eventually
            }
        }
    }
}
