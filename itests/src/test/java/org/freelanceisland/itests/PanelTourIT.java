package org.freelanceisland.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.freelanceisland.testing.browser.ConsoleBrowser;
import org.freelanceisland.testing.distribution.DistributionRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * A tour of every page of the console in Japanese, with every program installed, as an
 * administrator (who sees every panel, menu entry and form): the home page, each menu entry of each
 * panel, the first thing each list links to, and the admin area; at 1280×800 and at a tablet's
 * 800×1180. On every page: no field without a label, the page no wider than the window, the focus on
 * the page's heading after the navigation, no script error, and no WCAG 2.1 A/AA violation that
 * axe-core (the accessibility engine, from its WebJar) finds, contrast included. A full-page
 * screenshot of each goes to {@code target/screenshots/tour-<size>-<page>.png}.
 *
 * <p>It works on whatever the distribution holds: it creates nothing and asserts nothing about data
 * (run after the other console classes, the pages it shows have their data).
 */
@SharedConsole.Test
class PanelTourIT {

    private static final String AXE = "META-INF/resources/webjars/axe-core/" + System.getProperty("axe-core.version")
            + "/axe.min.js";

    private static ConsoleBrowser browser;
    private static String axe;

    @BeforeAll
    static void start(SharedConsole console) {
        DistributionRunner karaf = console.karaf();
        console.install(karaf.availablePrograms().toArray(String[]::new));
        browser = console.browser();
        try (InputStream in = PanelTourIT.class.getClassLoader().getResourceAsStream(AXE)) {
            if (in == null) {
                throw new IllegalStateException(AXE + " is not on the test class path (the axe-core WebJar)");
            }
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    @Test
    void everyPageAtADesktopsSize() {
        tour("desktop", new Dimension(1280, 800));
    }

    @Test
    void everyPageOnATablet() {
        tour("tablet", new Dimension(800, 1180));
    }

    private static void tour(String size, Dimension window) {
        Dimension before = browser.driver().manage().window().getSize();
        try {
            browser.driver().manage().window().setSize(window);
            browser.signIn(DistributionRunner.ADMIN, DistributionRunner.PASSWORD);
            assertEquals("ja", browser.lang());
            axeFindsAnUnlabelledField();
            List<String> problems = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (String route : menuRoutes()) {
                visit(size, route, problems, seen);
                String detail = firstDetailLink(route);
                if (detail != null) {
                    visit(size, detail, problems, seen);
                }
            }
            System.out.printf("panel tour (%s): %d pages%n", size, seen.size());
            assertEquals(List.of(), problems, "pages with problems at " + window);
        } finally {
            browser.driver().manage().window().setSize(before);
        }
    }

    /** The routes of the navigation's links: home, every panel's menu entries, the admin pages. */
    @SuppressWarnings("unchecked")
    private static List<String> menuRoutes() {
        List<String> routes = (List<String>) browser.script("return [...document.querySelectorAll('#nav a[href^=\"#/\"]')]"
                + ".map(a => a.getAttribute('href').replace(/^#\\//, ''));");
        assertFalse(routes.isEmpty(), "the navigation has links");
        return routes;
    }

    /** The first link of the page's tables to another page of the same panel (a course, a job, a contract). */
    private static String firstDetailLink(String route) {
        if (route.isEmpty() || route.startsWith("admin")) {
            return null;
        }
        String module = route.split("/")[0];
        Object href = browser.script("const a = document.querySelector(\"#view table tbody a[href^='#/\" + arguments[0] + \"/']\");"
                + " return a ? a.getAttribute('href').replace(/^#\\//, '') : null;", module);
        return href instanceof String && !((String) href).equals(route) ? (String) href : null;
    }

    private static void visit(String size, String route, List<String> problems, Set<String> seen) {
        if (!seen.add(route)) {
            return;
        }
        browser.navigate(route);
        // cards and lists that load after the navigation: wait until no "loading" line is left
        browser.until(d -> d.findElements(By.cssSelector("#view .loading")).isEmpty());
        String page = route.isEmpty() ? "home" : route;
        String focused = (String) browser.script("return document.activeElement && document.activeElement.id;");
        if (!"page-title".equals(focused)) {
            problems.add(page + ": the focus is on " + focused + ", not on the page's heading");
        }
        for (String field : browser.unlabelledFields()) {
            problems.add(page + ": a field without a label: " + field);
        }
        Object overflow = browser.script("const w = document.documentElement.scrollWidth; return w > window.innerWidth ? w : null;");
        if (overflow != null) {
            problems.add(page + ": the page is " + overflow + " px wide in a window of "
                    + browser.script("return window.innerWidth;") + " px");
        }
        for (String violation : axeViolations()) {
            problems.add(page + ": " + violation);
        }
        browser.screenshotFullPage("tour-" + size + "-" + page.replaceAll("[^A-Za-z0-9]+", "-"));
    }

    /** The check can fail: axe-core, run on the page, reports a field without a label put there. */
    private static void axeFindsAnUnlabelledField() {
        browser.script("const i = document.createElement('input'); i.id = 'tour-probe'; document.getElementById('view').append(i);");
        try {
            List<String> found = axeViolations();
            assertTrue(found.stream().anyMatch(v -> v.startsWith("label ") && v.contains("#tour-probe")), String.valueOf(found));
        } finally {
            browser.script("document.getElementById('tour-probe').remove();");
        }
    }

    /** What axe-core finds against WCAG 2.1 A and AA on the page as it is. */
    @SuppressWarnings("unchecked")
    private static List<String> axeViolations() {
        if (!Boolean.TRUE.equals(browser.script("return typeof window.axe === 'object';"))) {
            browser.script(axe);
        }
        Object result = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
                    resultTypes: ['violations'] })
                  .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' — '
                    + v.nodes.slice(0, 3).map(n => n.target.join(' ') + (n.failureSummary ? ' [' + n.failureSummary.replace(/\\s+/g, ' ') + ']' : ''))
                      .join('; '))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        return (List<String>) result;
    }
}
