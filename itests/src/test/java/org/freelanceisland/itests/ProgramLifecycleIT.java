package org.freelanceisland.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;


import org.apache.karaf.features.FeaturesService;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.testing.http.ApiClient;
import org.freelanceisland.testing.http.ApiResponse;
import org.freelanceisland.testing.karaf.IslandKarafTestSupport;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.util.tracker.ServiceTracker;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The guarantees of the program lifecycle, in the real distribution with every program this
 * build offers:
 * <ol>
 * <li>every program installs alone on the platform and in any order with the others (two orders,
 * through the REST API and the {@code island:} shell commands);</li>
 * <li>installing or retiring a program, by any of the four ways an administrator has (REST,
 * {@code island:install}/{@code island:retire}, the features service without options and the
 * literal {@code feature:install}/{@code feature:uninstall} with Karaf's default auto-refresh),
 * changes no other bundle's id or state, and a client polling the platform and every other
 * program throughout sees no failed request;</li>
 * <li>retiring keeps the program's data and its ledger events, which stay countable (and counted
 * by the KPI program when this build has it); reinstalling shows the same records;</li>
 * <li>upgrading a program to a new version, with {@code bundle:update} and with a feature upgrade
 * ({@code feature:install -u}), keeps its data and disturbs nothing else.</li>
 * </ol>
 * Install and retire times are printed and written to {@code target/program-lifecycle-times.txt}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class ProgramLifecycleIT extends IslandKarafTestSupport {

    private static final String TIMES_PROPERTY = "freelanceisland.it.times";

    /**
     * A list each program answers to, polled while other programs come and go. A program not named
     * here (or whose list does not answer 200 before the test) is polled through its entry in
     * {@code /api/modules}.
     */
    private static final Map<String, String> PROBES = Map.of(
            "terakoya", "/api/terakoya/courses?limit=5",
            "kpi", "/api/kpi/stages",
            "jobs", "/api/jobs/jobs?limit=5",
            "contest", "/api/contest/contests?limit=5",
            "community", "/api/community/events?limit=5");

    /** The ways an administrator installs and retires a program. */
    enum Way {
        /** {@code POST /api/admin/programs/{id}/install|retire}, as the console does. */
        REST,
        /** {@code island:install <id>} and {@code island:retire <id>} in the Karaf shell. */
        ISLAND_SHELL,
        /** The features service without options (Karaf's default: refresh what needs it). */
        FEATURES_SERVICE_DEFAULTS,
        /** {@code feature:install freelance-island-<id>} typed in the shell, without {@code -r}. */
        FEATURE_SHELL
    }

    @Override
    protected Option[] extraOptions() {
        return new Option[] { systemProperty(TIMES_PROPERTY).value(
                Path.of("target", "program-lifecycle-times.txt").toAbsolutePath().toString()) };
    }

    @Test
    public void a_everyProgramInstallsAloneOnThePlatformAndInAnyOrder() throws Exception {
        List<String> programs = availablePrograms();
        assertFalse("this build offers no program", programs.isEmpty());
        assertEquals("no program is installed at boot", List.of(), installedPrograms());

        // the first program of each order installs alone on the platform, the last with all others present
        for (String id : programs) {
            change(Way.REST, id, true);
            assertAllAnswer(programs.subList(0, programs.indexOf(id) + 1));
        }
        for (String id : programs) {
            change(Way.REST, id, false);
        }
        assertEquals(List.of(), installedPrograms());

        List<String> reversed = new ArrayList<>(programs);
        Collections.reverse(reversed);
        for (String id : reversed) {
            change(Way.ISLAND_SHELL, id, true);
            assertAllAnswer(reversed.subList(0, reversed.indexOf(id) + 1));
        }
        assertEquals(programs, installedPrograms());
    }

    @Test
    public void b_installingOrRetiringAProgramDisturbsNoOtherBundleAndNoOtherEndpoint() throws Exception {
        List<String> programs = availablePrograms();
        for (String id : programs) {
            if (!installedPrograms().contains(id)) {
                change(Way.REST, id, true);
            }
        }
        Map<String, String> probes = probes(programs);
        // the first program goes through every way; the others one way each, in turn
        List<Map.Entry<String, Way>> plan = new ArrayList<>();
        for (Way way : Way.values()) {
            plan.add(Map.entry(programs.get(0), way));
        }
        for (int i = 1; i < programs.size(); i++) {
            plan.add(Map.entry(programs.get(i), Way.values()[i % Way.values().length]));
        }

        try (Poller poller = new Poller(probes)) {
            poller.start();
            for (Map.Entry<String, Way> step : plan) {
                String id = step.getKey();
                Way way = step.getValue();
                poller.pause(id);
                Map<Long, String> before = otherBundles(id);
                List<String> events = watchOthers(id);
                try {
                    change(way, id, false);
                    ApiResponse gone = as(ADMIN).get(probes.get(id));
                    assertTrue(id + " still answers after retiring it: " + gone, gone.isProblem(404));
                    change(way, id, true);
                } finally {
                    stopWatching();
                }
                assertEquals("retiring and reinstalling " + id + " (" + way + ") touched other bundles", List.of(), events);
                assertEquals("bundle ids or states changed while " + id + " was retired and reinstalled (" + way + ")",
                        before, otherBundles(id));
                as(ADMIN).awaitOk(probes.get(id), Duration.ofSeconds(60));
                poller.resume(id);
                poller.awaitRounds(2);
            }
            poller.stop();
            record(String.format("poller: %d requests to %s, %d failed", poller.requests(), poller.endpoints(),
                    poller.failures().size()));
            assertEquals("requests failed while programs were installed and retired", List.of(), poller.failures());
            assertTrue("the poller made too few requests to prove anything: " + poller.requests(),
                    poller.requests() > 20L * plan.size());
        }
    }

    @Test
    public void c_retiringKeepsTheDataAndTheLedgerEventsCountable() throws Exception {
        assertTrue("this test needs the Terakoya program", availablePrograms().contains("terakoya"));
        if (!installedPrograms().contains("terakoya")) {
            change(Way.REST, "terakoya", true);
        }
        ApiClient staff = as(STAFF);
        String person = createPerson("生涯 学", "しょうがい まなぶ", "PROGRAM_ADMINISTRATION", "STATISTICS");
        long course = createCourse(staff, "退役と再導入の講座");
        ApiResponse applied = staff.post("/api/terakoya/courses/" + course + "/enrolments", "{\"personId\":\"" + person + "\"}");
        assertEquals(applied.toString(), 201, applied.status());
        long enrolment = applied.json().path("id").asLong();
        assertEquals(200, staff.post("/api/terakoya/courses/" + course + "/enrolments/" + enrolment + "/accept", "").status());
        String event = "/api/ledger/terakoya:enrolment:" + enrolment + ":enrolled";
        assertEquals(200, staff.get(event).status());

        String courses = staff.get("/api/terakoya/courses?limit=500").json().path("items").toString();
        String enrolments = staff.get("/api/terakoya/courses/" + course + "/enrolments?limit=500").json().path("items").toString();
        long ledgerTotal = ledgerCount(staff, "terakoya.*");
        long personEvents = ledgerCount(staff, "terakoya.enrolled&personId=" + person);
        assertEquals(1, personEvents);
        Map<String, String> kpi = kpiFiguresCountingTerakoya(staff);

        change(Way.REST, "terakoya", false);
        assertTrue(staff.get("/api/terakoya/courses").isProblem(404));
        assertEquals("ledger events of a retired program stay", ledgerTotal, ledgerCount(staff, "terakoya.*"));
        assertEquals(1, ledgerCount(staff, "terakoya.enrolled&personId=" + person));
        assertEquals("terakoya.enrolled", staff.get(event).json().path("type").asText());
        assertEquals("the KPI program counts the events of a retired program as before", kpi, kpiFiguresCountingTerakoya(staff));

        change(Way.REST, "terakoya", true);
        assertEquals(courses, staff.get("/api/terakoya/courses?limit=500").json().path("items").toString());
        assertEquals(enrolments, staff.get("/api/terakoya/courses/" + course + "/enrolments?limit=500").json().path("items").toString());
        assertEquals(ledgerTotal, ledgerCount(staff, "terakoya.*"));
        assertEquals(kpi, kpiFiguresCountingTerakoya(staff));
    }

    @Test
    public void d_upgradingAProgramKeepsItsDataAndDisturbsNothingElse() throws Exception {
        if (!installedPrograms().contains("terakoya")) {
            change(Way.REST, "terakoya", true);
        }
        ApiClient staff = as(STAFF);
        createCourse(staff, "更新の前からある講座");
        String courses = staff.get("/api/terakoya/courses?limit=500").json().path("items").toString();
        Bundle bundle = programBundle("terakoya");
        long id = bundle.getBundleId();
        Path work = Files.createTempDirectory("terakoya-upgrade");

        // 1. bundle:update with a rebuilt jar of the next micro version
        Path rebuilt = rebuild(bundle, work.resolve("terakoya-0.1.1.jar"), "0.1.1.it");
        Map<Long, String> before = otherBundles("terakoya");
        List<String> events = watchOthers("terakoya");
        long started = System.nanoTime();
        shell("bundle:update " + id + " " + rebuilt.toUri());
        awaitVersion("terakoya", "0.1.1.it");
        record(String.format("upgrade terakoya bundle:update %d ms", millisSince(started)));
        stopWatching();
        assertEquals("bundle:update replaced the bundle, not updated it", id, programBundle("terakoya").getBundleId());
        assertNotNull("the new version runs", programBundle("terakoya").getEntry("META-INF/upgrade-marker.txt"));
        as(STAFF).awaitOk("/api/terakoya/courses?limit=500", Duration.ofSeconds(60));
        assertEquals(courses, staff.get("/api/terakoya/courses?limit=500").json().path("items").toString());
        assertEquals(List.of(), events);
        assertEquals(before, otherBundles("terakoya"));

        // 2. a feature upgrade: a features repository with the next version, feature:install -u
        Path next = rebuild(programBundle("terakoya"), work.resolve("terakoya-0.1.2.jar"), "0.1.2.it");
        Path repository = work.resolve("terakoya-0.1.2-features.xml");
        Files.writeString(repository, """
                <features name="freelance-island-terakoya-0.1.2" xmlns="http://karaf.apache.org/xmlns/features/v1.6.0">
                  <feature name="freelance-island-terakoya" version="0.1.2" description="Freelance Terakoya 0.1.2">
                    <feature>freelance-island-platform</feature>
                    <bundle start-level="90">%s</bundle>
                  </feature>
                </features>
                """.formatted(next.toUri()));
        events = watchOthers("terakoya");
        started = System.nanoTime();
        shell("feature:repo-add " + repository.toUri());
        shell("feature:install -u freelance-island-terakoya/0.1.2");
        awaitVersion("terakoya", "0.1.2.it");
        record(String.format("upgrade terakoya feature:install -u %d ms (bundle id %s)", millisSince(started),
                programBundle("terakoya").getBundleId() == id ? "kept" : "changed"));
        stopWatching();
        FeaturesService features = service(FeaturesService.class);
        assertTrue(features.isInstalled(features.getFeature("freelance-island-terakoya", "0.1.2")));
        assertFalse("the old feature version stays installed after the upgrade",
                features.isInstalled(features.getFeature("freelance-island-terakoya", "0.1.0.SNAPSHOT")));
        as(STAFF).awaitOk("/api/terakoya/courses?limit=500", Duration.ofSeconds(60));
        assertEquals(courses, staff.get("/api/terakoya/courses?limit=500").json().path("items").toString());
        createCourse(staff, "更新の後に作る講座");
        assertEquals(List.of(), events);
        assertEquals(before, otherBundles("terakoya"));
        assertEquals(200, anonymous().get("/api/health").status());
    }

    // --- installing and retiring -------------------------------------------------------------

    /** Installs or retires a program one way, waits until /api/modules shows it, and records the time. */
    private void change(Way way, String id, boolean install) throws Exception {
        String feature = "freelance-island-" + id;
        long started = System.nanoTime();
        switch (way) {
            case REST -> {
                ApiResponse outcome = as(ADMIN).post("/api/admin/programs/" + id + (install ? "/install" : "/retire"), "");
                assertEquals(outcome.toString(), 200, outcome.status());
                assertTrue(outcome.toString(), outcome.json().path("changed").asBoolean());
            }
            case ISLAND_SHELL -> {
                String output = shell((install ? "island:install " : "island:retire ") + id);
                assertTrue(output, output.contains(install ? "Installed " + id : "Retired " + id));
            }
            case FEATURES_SERVICE_DEFAULTS -> {
                FeaturesService features = service(FeaturesService.class);
                if (install) {
                    features.installFeature(feature, EnumSet.noneOf(FeaturesService.Option.class));
                } else {
                    features.uninstallFeature(feature, EnumSet.noneOf(FeaturesService.Option.class));
                }
            }
            case FEATURE_SHELL -> shell((install ? "feature:install " : "feature:uninstall ") + feature);
        }
        long returned = millisSince(started);
        awaitModule(id, install);
        long listed = millisSince(started);
        record(String.format("%-7s %-10s %-26s returned after %5d ms, %s /api/modules after %5d ms",
                install ? "install" : "retire", id, way, returned, install ? "in" : "out of", listed));
    }

    private static void awaitModule(String id, boolean present) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = anonymous().get("/api/modules").body();
            if (last.contains("\"id\":\"" + id + "\"") == present) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("program " + id + (present ? " did not appear" : " did not go") + " in /api/modules: " + last);
    }

    private static void awaitVersion(String id, String version) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            ApiResponse module = anonymous().get("/api/modules/" + id);
            last = module.body();
            if (module.status() == 200 && version.equals(module.json().path("version").asText())) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("program " + id + " did not come back in version " + version + ": " + last);
    }

    /** The programs this build offers, by id, from the administrators' catalog. */
    private static List<String> availablePrograms() {
        List<String> ids = new ArrayList<>();
        ApiResponse catalog = as(ADMIN).awaitOk("/api/admin/programs", Duration.ofSeconds(60));
        catalog.json().path("items").forEach(p -> ids.add(p.path("id").asText()));
        assertFalse("the catalog lists no program: " + catalog, ids.isEmpty());
        Collections.sort(ids);
        return ids;
    }

    /** The programs of the catalog that /api/modules lists (the platform's own modules left out). */
    private static List<String> installedPrograms() {
        List<String> available = availablePrograms();
        List<String> ids = new ArrayList<>();
        anonymous().get("/api/modules").json().path("items").forEach(m -> ids.add(m.path("id").asText()));
        ids.retainAll(available);
        Collections.sort(ids);
        return ids;
    }

    private static void assertAllAnswer(List<String> installed) throws InterruptedException {
        assertEquals(new java.util.TreeSet<>(installed), new java.util.TreeSet<>(installedPrograms()));
        for (String id : installed) {
            String probe = PROBES.getOrDefault(id, "/api/modules/" + id);
            as(ADMIN).awaitOk(probe, Duration.ofSeconds(60));
        }
    }

    /** The path polled for each program: its list if it answers, else its entry in /api/modules. */
    private static Map<String, String> probes(List<String> programs) {
        Map<String, String> probes = new TreeMap<>();
        for (String id : programs) {
            String probe = PROBES.get(id);
            if (probe == null || as(ADMIN).get(probe).status() != 200) {
                probe = "/api/modules/" + id;
            }
            probes.put(id, probe);
        }
        record("polled endpoints: " + probes);
        return probes;
    }

    // --- bundles --------------------------------------------------------------------------------

    private static boolean belongsTo(Bundle bundle, String program) {
        String name = bundle.getSymbolicName();
        return name != null && (name.equals("org.freelanceisland." + program) || name.startsWith("org.freelanceisland." + program + "."));
    }

    /** Every bundle that is not the program's: id to symbolic name, version and state. */
    private Map<Long, String> otherBundles(String program) {
        Map<Long, String> bundles = new TreeMap<>();
        for (Bundle bundle : bundleContext.getBundles()) {
            if (!belongsTo(bundle, program)) {
                bundles.put(bundle.getBundleId(), bundle.getSymbolicName() + "/" + bundle.getVersion() + " " + bundle.getState());
            }
        }
        return bundles;
    }

    private Bundle programBundle(String program) {
        for (Bundle bundle : bundleContext.getBundles()) {
            if (("org.freelanceisland." + program).equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle of " + program);
    }

    private SynchronousBundleListener watcher;

    private List<String> watchOthers(String program) {
        List<String> events = new CopyOnWriteArrayList<>();
        watcher = event -> {
            if (!belongsTo(event.getBundle(), program)) {
                events.add(event.getBundle().getSymbolicName() + " " + eventName(event.getType()));
            }
        };
        bundleContext.addBundleListener(watcher);
        return events;
    }

    private void stopWatching() {
        bundleContext.removeBundleListener(watcher);
    }

    private static String eventName(int type) {
        return switch (type) {
            case BundleEvent.INSTALLED -> "INSTALLED";
            case BundleEvent.RESOLVED -> "RESOLVED";
            case BundleEvent.STARTING -> "STARTING";
            case BundleEvent.STARTED -> "STARTED";
            case BundleEvent.STOPPING -> "STOPPING";
            case BundleEvent.STOPPED -> "STOPPED";
            case BundleEvent.UNRESOLVED -> "UNRESOLVED";
            case BundleEvent.UPDATED -> "UPDATED";
            case BundleEvent.UNINSTALLED -> "UNINSTALLED";
            default -> Integer.toString(type);
        };
    }

    /**
     * A new version of a program bundle, as a release would bring it: the same classes with a
     * higher {@code Bundle-Version} and one more resource, so the test can tell which version runs.
     */
    private static Path rebuild(Bundle bundle, Path target, String version) throws IOException {
        try (InputStream in = new URL(bundle.getLocation()).openStream();
                JarInputStream jar = new JarInputStream(in)) {
            Manifest manifest = new Manifest(jar.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name("Bundle-Version"), version);
            try (OutputStream out = Files.newOutputStream(target); JarOutputStream copy = new JarOutputStream(out, manifest)) {
                for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
                    if (entry.getName().equals("META-INF/upgrade-marker.txt")) {
                        continue;
                    }
                    copy.putNextEntry(new JarEntry(entry.getName()));
                    jar.transferTo(copy);
                    copy.closeEntry();
                }
                copy.putNextEntry(new JarEntry("META-INF/upgrade-marker.txt"));
                copy.write(("rebuilt as " + version + "\n").getBytes(StandardCharsets.UTF_8));
                copy.closeEntry();
            }
        }
        return target;
    }

    // --- data -----------------------------------------------------------------------------------

    private static long createCourse(ApiClient staff, String title) {
        LocalDate today = LocalDate.now(FiscalYear.ISLAND_ZONE);
        ApiResponse created = staff.post("/api/terakoya/courses", """
                {"fiscalYear":%d,"title":{"ja":"%s","en":"Lifecycle"},"category":"writing",
                 "instructors":[{"organisation":"株式会社しーま"}],"capacity":10,"format":"ON_SITE","location":"WorkStyle Lab Inno",
                 "applicationOpens":"%s","applicationCloses":"%s","completion":{"rule":"ATTENDANCE","minSessions":1}}"""
                .formatted(FiscalYear.of(today).startYear(), title, today.minusDays(7), today.plusDays(30)));
        assertEquals(created.toString(), 201, created.status());
        return created.json().path("id").asLong();
    }

    private static long ledgerCount(ApiClient staff, String type) {
        ApiResponse page = staff.get("/api/ledger?limit=1&type=" + type);
        assertEquals(page.toString(), 200, page.status());
        return page.json().path("total").asLong();
    }

    /**
     * The figures of the KPI program's indicators that count Terakoya events, by indicator id, once
     * two reads a moment apart agree (the KPI program may count new ledger events a little later);
     * empty when this build has no KPI program.
     */
    private Map<String, String> kpiFiguresCountingTerakoya(ApiClient staff) throws Exception {
        if (!availablePrograms().contains("kpi")) {
            record("kpi is not in this build: the ledger counts were checked through /api/ledger only");
            return Map.of();
        }
        if (!installedPrograms().contains("kpi")) {
            change(Way.REST, "kpi", true);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Map<String, String> figures = kpiFigures(staff);
        while (System.nanoTime() < deadline) {
            Thread.sleep(500);
            Map<String, String> again = kpiFigures(staff);
            if (again.equals(figures)) {
                return figures;
            }
            figures = again;
        }
        throw new AssertionError("the KPI figures kept changing: " + figures);
    }

    private static Map<String, String> kpiFigures(ApiClient staff) {
        ApiResponse indicators = staff.get("/api/kpi/indicators?limit=500");
        assertEquals(indicators.toString(), 200, indicators.status());
        Map<String, String> figures = new TreeMap<>();
        for (JsonNode indicator : indicators.json().path("items")) {
            if (indicator.path("rule").toString().contains("terakoya.")) {
                figures.put(indicator.path("id").asText(), indicator.path("actual").asText());
            }
        }
        assertFalse("the KPI program has no indicator counting Terakoya events", figures.isEmpty());
        return figures;
    }

    // --- the shell and services -----------------------------------------------------------------


    private <S> S service(Class<S> type) throws InterruptedException {
        ServiceTracker<S, S> tracker = new ServiceTracker<>(bundleContext, type, null);
        tracker.open();
        try {
            S service = tracker.waitForService(60_000);
            assertNotNull(type.getSimpleName() + " did not appear", service);
            return service;
        } finally {
            tracker.close();
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** Prints a measurement and appends it to the times file of the build. */
    private static void record(String line) {
        System.out.println("[lifecycle] " + line);
        String file = System.getProperty(TIMES_PROPERTY);
        if (file != null) {
            try {
                Files.writeString(Path.of(file), line + System.lineSeparator(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                System.out.println("[lifecycle] cannot write " + file + ": " + e);
            }
        }
    }

    /**
     * Clients that poll the platform and every program but the one being changed, as staff would
     * use them, and count every request that does not answer 200. A program is paused while it is
     * retired and reinstalled: the pause waits for requests to it that are under way.
     */
    private static final class Poller implements AutoCloseable {

        private final Map<String, String> endpoints = new LinkedHashMap<>();
        private final Set<String> paused = ConcurrentHashMap.newKeySet();
        private final ReadWriteLock gate = new ReentrantReadWriteLock();
        private final List<String> failures = new CopyOnWriteArrayList<>();
        private final AtomicLong requests = new AtomicLong();
        private final AtomicLong rounds = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean();
        private final List<Thread> threads = new ArrayList<>();

        Poller(Map<String, String> programProbes) {
            endpoints.put("platform:health", "/api/health");
            endpoints.put("platform:modules", "/api/modules");
            endpoints.put("platform:people", "/api/people/skills");
            programProbes.forEach((id, path) -> endpoints.put(id, path));
        }

        void start() {
            running.set(true);
            for (int i = 0; i < 2; i++) {
                Thread thread = new Thread(this::poll, "lifecycle-poller-" + i);
                thread.setDaemon(true);
                threads.add(thread);
                thread.start();
            }
        }

        private void poll() {
            ApiClient staff = as(STAFF);
            ApiClient admin = as(ADMIN);
            while (running.get()) {
                for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
                    String key = endpoint.getKey();
                    gate.readLock().lock();
                    try {
                        if (paused.contains(key)) {
                            continue;
                        }
                        ApiClient client = key.startsWith("platform:") ? staff : admin;
                        requests.incrementAndGet();
                        try {
                            ApiResponse response = client.get(endpoint.getValue());
                            if (response.status() != 200) {
                                failures.add(endpoint.getValue() + " answered " + response.status() + " " + response.body());
                            }
                        } catch (RuntimeException e) {
                            failures.add(endpoint.getValue() + " failed: " + e);
                        }
                    } finally {
                        gate.readLock().unlock();
                    }
                }
                rounds.incrementAndGet();
            }
        }

        /** Stops polling a program once the requests under way have answered. */
        void pause(String id) {
            gate.writeLock().lock();
            try {
                paused.add(id);
            } finally {
                gate.writeLock().unlock();
            }
        }

        void resume(String id) {
            paused.remove(id);
        }

        void awaitRounds(int n) throws InterruptedException {
            long target = rounds.get() + n;
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (rounds.get() < target && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(60_000);
            }
        }

        long requests() {
            return requests.get();
        }

        List<String> failures() {
            return failures;
        }

        Set<String> endpoints() {
            return endpoints.keySet();
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }
}
