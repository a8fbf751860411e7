package org.freelanceisland.testing.karaf;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.CoreOptions.when;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.freelanceisland.testing.http.ApiClient;
import org.freelanceisland.testing.http.ApiResponse;
import org.freelanceisland.testing.postgres.PostgresCluster;
import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.BundleContext;
import org.osgi.service.http.runtime.HttpServiceRuntime;
import org.osgi.service.http.runtime.dto.ServletContextDTO;
import org.osgi.service.http.runtime.dto.ServletDTO;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The base of every integration test: boots the built distribution ({@code distribution/target/*.tar.gz})
 * once per test class with Pax Exam, on a free HTTP port, with three test accounts, and waits until
 * {@code /api/health} answers 200 before each test.
 *
 * <p>Subclasses run with {@code @RunWith(PaxExam.class)} and {@code @ExamReactorStrategy(PerClass.class)};
 * they add their own options (features to install, configuration) by overriding {@link #extraOptions()}.
 *
 * <p>Accounts: {@link #ADMIN} (role admin), {@link #STAFF} (role staff), {@link #JUROR} (role juror only),
 * each with the password {@link #PASSWORD}.
 */
public abstract class IslandKarafTestSupport {

    /** An administrator account of the test container. */
    public static final String ADMIN = "it-admin";
    /** A staff account of the test container. */
    public static final String STAFF = "it-staff";
    /** An account with the juror role only. */
    public static final String JUROR = "it-juror";
    /** The password of every test account. */
    public static final String PASSWORD = "it-password-1";
    /** The system property that carries the HTTP port into the container. */
    public static final String PORT_PROPERTY = "freelanceisland.it.port";
    /**
     * The system property that runs the integration tests on PostgreSQL instead of H2:
     * {@code -Dfreelanceisland.it.database=postgresql}. Each test class then gets a new database of
     * a throw-away cluster ({@link PostgresCluster#newSharedDatabase()}) that the test JVM starts once
     * and stops at its end.
     */
    public static final String DATABASE_PROPERTY = PostgresCluster.DATABASE_PROPERTY;

    /** The framework's bundle context, injected by Pax Exam. */
    @Inject
    protected BundleContext bundleContext;

    /**
     * The Pax Exam configuration; override {@link #extraOptions()} to add to it.
     *
     * @return the options
     */
    @Configuration
    public Option[] config() {
        int port = freePort();
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration()
                        .frameworkUrl(distribution().toURI().toString())
                        .name("Freelance Island")
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevel.INFO),
                when(Boolean.getBoolean("it.keep")).useOptions(keepRuntimeFolder()),
                systemProperty(PORT_PROPERTY).value(Integer.toString(port)),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(port)),
                // free ports for SSH and JMX too, so that several containers (CI, developers) can run at once
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/users.properties", ADMIN, hashedPassword(PASSWORD) + ",_g_:admingroup"),
                editConfigurationFilePut("etc/users.properties", STAFF, hashedPassword(PASSWORD) + ",_g_:staffgroup"),
                editConfigurationFilePut("etc/users.properties", JUROR, hashedPassword(PASSWORD) + ",juror"),
                // the test framework's own bundles come from the build's local repository
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository",
                        localRepository()),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.defaultRepositories",
                        "file:${karaf.home}/${karaf.default.repository}@id=system.repository@snapshots,"
                                + new File(localRepository()).toURI() + "@id=local@snapshots"),
                bundle(supportBundle())));
        options.addAll(jdk17Options());
        if (onPostgres()) {
            options.addAll(postgresOptions());
        }
        options.addAll(List.of(extraOptions()));
        return options.toArray(new Option[0]);
    }

    /**
     * The module options {@code bin/karaf} passes on JDK 9 and later: without Karaf's patched
     * {@code java.base} and {@code java.xml} the framework cannot find its spec locator. Paths are
     * relative to the unpacked distribution, the container's working directory.
     */
    private static List<Option> jdk17Options() {
        String karaf = System.getProperty("karaf.version");
        if (karaf == null || karaf.isBlank()) {
            throw new IllegalStateException("Set the system property karaf.version for the integration tests"
                    + " (the parent pom does it for failsafe)");
        }
        List<Option> options = new ArrayList<>();
        for (String option : List.of(
                "--add-reads=java.xml=java.logging",
                "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + karaf + ".jar",
                "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + karaf + ".jar",
                "--add-opens", "java.base/java.security=ALL-UNNAMED",
                "--add-opens", "java.base/java.net=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
                "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
                "-Xmx768m")) {
            options.add(vmOption(option));
        }
        return options;
    }

    /**
     * A password as Karaf's JAAS realm stores it once encryption is on ({@code etc/org.apache.karaf.jaas.cfg}:
     * SHA-512, hexadecimal). Test accounts are written hashed: a password in clear would make the realm
     * rewrite {@code users.properties} at its first sign-in, racing with the account changes under test.
     *
     * @param password the password in clear
     * @return the stored form, {@code {CRYPT}...{CRYPT}}
     */
    public static String hashedPassword(String password) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-512")
                    .digest(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "{CRYPT}" + java.util.HexFormat.of().withUpperCase().formatHex(digest) + "{CRYPT}";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether this class runs on PostgreSQL: when {@link #DATABASE_PROPERTY} says so, or when a class
     * overrides this to always run there.
     *
     * @return {@code true} for PostgreSQL, {@code false} for the default embedded H2
     */
    protected boolean onPostgres() {
        return PostgresCluster.runOnPostgres();
    }

    /** A new database of the shared throw-away cluster, and the DataSource configuration that uses it. */
    private static List<Option> postgresOptions() {
        String database = PostgresCluster.newSharedDatabase();
        String url = PostgresCluster.shared().jdbcUrl(database);
        String cfg = "etc/org.ops4j.datasource-freelanceisland.cfg";
        return List.of(editConfigurationFilePut(cfg, "osgi.jdbc.driver.class", "org.postgresql.Driver"),
                editConfigurationFilePut(cfg, "url", url),
                editConfigurationFilePut(cfg, "user", PostgresCluster.USER),
                editConfigurationFilePut(cfg, "password", PostgresCluster.PASSWORD),
                systemProperty("freelanceisland.it.database.url").value(url));
    }

    /**
     * Options a test class adds, for example {@code features(...)} of the program it tests.
     *
     * @return more options, none by default
     */
    protected Option[] extraOptions() {
        return new Option[] { composite() };
    }

    /**
     * Waits until the platform answers before each test: /api/health, and the people registry.
     */
    @Before
    public void awaitPlatform() {
        anonymous().awaitOk("/api/health", Duration.ofSeconds(90));
        // the people registry belongs to the platform too: its unit starts once its schema is migrated,
        // a moment after the database answers /api/health
        as(STAFF).awaitOk("/api/people/skills", Duration.ofSeconds(90));
    }

    /**
     * Installs a program's feature ({@code freelance-island-<id>}) the way an administrator
     * should: without refreshing other bundles. Waits until the program is listed by
     * {@code /api/modules}.
     *
     * @param id the program's id, for example {@code terakoya}
     * @throws Exception if the feature cannot be installed or the program does not appear in 60 s
     */
    protected void installProgram(String id) throws Exception {
        features().installFeature("freelance-island-" + id, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        awaitModule(id, true);
        awaitServlet(id + "-api", true);
    }

    /**
     * Retires a program: uninstalls its feature without refreshing other bundles and waits until
     * {@code /api/modules} no longer lists it.
     *
     * @param id the program's id
     * @throws Exception if the feature cannot be uninstalled or the program does not go in 60 s
     */
    protected void retireProgram(String id) throws Exception {
        features().uninstallFeature("freelance-island-" + id, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
        awaitModule(id, false);
        awaitServlet(id + "-api", false);
    }

    /**
     * Waits until the HTTP runtime serves (or no longer serves) a servlet: a program's module service
     * is listed by {@code /api/modules} before its REST servlet, which waits for the program's
     * persistence unit, is registered, so a test that calls the program's API at once met the
     * platform's 404 on a loaded machine.
     */
    private void awaitServlet(String name, boolean present) throws InterruptedException {
        ServiceTracker<HttpServiceRuntime, HttpServiceRuntime> tracker = new ServiceTracker<>(bundleContext,
                HttpServiceRuntime.class, null);
        tracker.open();
        try {
            HttpServiceRuntime runtime = tracker.waitForService(10_000);
            if (runtime == null) {
                throw new IllegalStateException("No HttpServiceRuntime service: the HTTP whiteboard is not running");
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (serves(runtime, name) != present) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The servlet " + name + (present ? " was not registered" : " stayed") + " within 60 s");
                }
                Thread.sleep(100);
            }
        } finally {
            tracker.close();
        }
    }

    private static boolean serves(HttpServiceRuntime runtime, String name) {
        for (ServletContextDTO context : runtime.getRuntimeDTO().servletContextDTOs) {
            for (ServletDTO servlet : context.servletDTOs) {
                if (name.equals(servlet.name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private FeaturesService features() throws InterruptedException {
        ServiceTracker<FeaturesService, FeaturesService> tracker = new ServiceTracker<>(bundleContext, FeaturesService.class, null);
        tracker.open();
        try {
            FeaturesService service = tracker.waitForService(60_000);
            if (service == null) {
                throw new IllegalStateException("The FeaturesService did not appear within 60 s");
            }
            return service;
        } finally {
            tracker.close();
        }
    }

    private static void awaitModule(String id, boolean present) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = anonymous().get("/api/modules").body();
            if (last.contains("\"id\":\"" + id + "\"") == present) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("program " + id + (present ? " did not appear" : " did not go") + " in /api/modules: " + last);
    }

    /**
     * Runs a command in the Karaf shell as an administrator would (user {@value #ADMIN} with the
     * roles admin, manager and viewer), and returns what it printed.
     *
     * @param command the command line
     * @return its output
     * @throws Exception when the shell is missing or the command fails
     */
    protected String shell(String command) throws Exception {
        ServiceTracker<SessionFactory, SessionFactory> tracker = new ServiceTracker<>(bundleContext, SessionFactory.class, null);
        tracker.open();
        try {
            SessionFactory factory = tracker.waitForService(60_000);
            if (factory == null) {
                throw new IllegalStateException("The Karaf shell did not appear within 60 s");
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            PrintStream previous = System.out;
            Subject admin = new Subject();
            admin.getPrincipals().add(new UserPrincipal(ADMIN));
            admin.getPrincipals().add(new RolePrincipal("admin"));
            admin.getPrincipals().add(new RolePrincipal("manager"));
            admin.getPrincipals().add(new RolePrincipal("viewer"));
            try (Session session = factory.create(new ByteArrayInputStream(new byte[0]), out, out)) {
                System.setOut(out);
                Subject.doAs(admin, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
            } finally {
                System.setOut(previous);
            }
            return bytes.toString(StandardCharsets.UTF_8);
        } finally {
            tracker.close();
        }
    }

    /**
     * Registers a person in the platform's people registry through its REST API (as staff),
     * consenting to the given purposes from 1 April 2025.
     *
     * @param name the name in kanji
     * @param kana the reading
     * @param consents the purposes the person consents to, for example {@code "PROGRAM_ADMINISTRATION"}
     * @return the new person's id
     */
    protected static String createPerson(String name, String kana, String... consents) {
        StringBuilder json = new StringBuilder("{\"name\":\"").append(name).append("\",\"kana\":\"").append(kana)
                .append("\",\"consents\":[");
        for (int i = 0; i < consents.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"purpose\":\"").append(consents[i])
                    .append("\",\"givenOn\":\"2025-04-01\",\"noticeVersion\":\"2025-04\"}");
        }
        ApiResponse created = as(STAFF).post("/api/people", json.append("]}").toString());
        if (created.status() != 201) {
            throw new AssertionError("could not register " + name + ": " + created);
        }
        return created.json().path("id").asText();
    }

    /**
     * Withdraws a person's consent to a purpose in the people registry (as staff).
     *
     * @param personId the person
     * @param purpose the purpose, for example {@code "ROLE_MODEL"}
     */
    protected static void withdrawConsent(String personId, String purpose) {
        ApiResponse withdrawn = as(STAFF).delete("/api/people/" + personId + "/consents/" + purpose);
        if (withdrawn.status() >= 300) {
            throw new AssertionError("could not withdraw " + purpose + " of " + personId + ": " + withdrawn);
        }
    }

    /**
     * The HTTP port of the container.
     *
     * @return the port
     */
    protected static int port() {
        return Integer.getInteger(PORT_PROPERTY, 8181);
    }

    /**
     * A client without credentials.
     *
     * @return the client
     */
    protected static ApiClient anonymous() {
        return ApiClient.local(port());
    }

    /**
     * A client signed in as one of the test accounts.
     *
     * @param user {@link #ADMIN}, {@link #STAFF} or {@link #JUROR}
     * @return the client
     */
    protected static ApiClient as(String user) {
        return ApiClient.local(port()).as(user, PASSWORD);
    }

    private static File distribution() {
        Path target = Path.of(System.getProperty("freelanceisland.distribution.dir", "../distribution/target"));
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tar.gz")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No distribution tar.gz in " + target.toAbsolutePath()
                            + ": build the distribution module first (mvn install)"))
                    .toFile();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + target.toAbsolutePath(), e);
        }
    }

    private static String localRepository() {
        String configured = System.getProperty("maven.repo.local");
        return configured != null && !configured.isBlank() ? configured
                : System.getProperty("user.home") + "/.m2/repository";
    }

    private static String supportBundle() {
        try {
            return IslandKarafTestSupport.class.getProtectionDomain().getCodeSource().getLocation().toURI().toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }
}
