package org.freelanceisland.itests;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;

import org.freelanceisland.testing.browser.ConsoleBrowser;
import org.freelanceisland.testing.distribution.DistributionRunner;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One started distribution (with the test accounts) and one headless browser, shared by the
 * console's browser test classes: each start of the distribution costs 30–50 s on a CI machine,
 * so the classes marked {@link Test @SharedConsole.Test} get this one as a parameter of their
 * {@code @BeforeAll} method instead of starting their own:
 *
 * <pre>{@code
 * @SharedConsole.Test
 * class JobsConsoleIT {
 *     static DistributionRunner karaf;
 *     static ConsoleBrowser browser;
 *
 *     @BeforeAll
 *     static void start(SharedConsole console) {
 *         console.install("jobs");          // what this class needs; installed once
 *         karaf = console.karaf();
 *         browser = console.browser();
 *     }
 * }
 * }</pre>
 *
 * <p>It is started by the first class that asks for it and stopped when the test run ends (it lives in
 * JUnit's root store), so a class run alone ({@code -Dit.test=JobsConsoleIT}) starts it for itself.
 * The classes keep to their own data: each creates what it works on (its own people, contests,
 * jobs) and never counts on what another class left, and each test resets the browser
 * ({@link ConsoleBrowser#reset()}: cookies, language, downloads). {@link LastOrderer} runs these
 * classes after the others, so no other distribution runs beside the shared one.
 */
public final class SharedConsole implements ExtensionContext.Store.CloseableResource {

    /** Marks a test class that uses the shared console: its {@code @BeforeAll} may take a {@link SharedConsole}. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @ExtendWith(Resolver.class)
    public @interface Test {
    }

    private static final Namespace NAMESPACE = Namespace.create(SharedConsole.class);

    private final DistributionRunner karaf;
    private final ConsoleBrowser browser;

    private SharedConsole(DistributionRunner karaf, ConsoleBrowser browser) {
        this.karaf = karaf;
        this.browser = browser;
    }

    private static SharedConsole start() {
        DistributionRunner karaf = DistributionRunner.unpack("console-browser").withTestAccounts();
        try {
            Duration boot = karaf.start();
            System.out.printf("shared console distribution up in %d ms%n", boot.toMillis());
            return new SharedConsole(karaf, ConsoleBrowser.open(karaf.baseUrl(), Path.of("target", "screenshots")));
        } catch (RuntimeException | Error e) {
            karaf.close();
            throw e;
        }
    }

    /**
     * The running distribution.
     *
     * @return the distribution
     */
    public DistributionRunner karaf() {
        return karaf;
    }

    /**
     * The browser, at 1280×800.
     *
     * @return the browser
     */
    public ConsoleBrowser browser() {
        return browser;
    }

    /**
     * Installs programs a class needs, those not installed yet, and waits until they are listed.
     *
     * @param programs the programs' ids
     * @return this console
     */
    public SharedConsole install(String... programs) {
        String modules = karaf.api().get("/api/modules").body();
        for (String id : programs) {
            if (!modules.contains("\"id\":\"" + id + "\"")) {
                karaf.installProgram(id);
            }
        }
        return this;
    }

    /** Quits the browser and stops the distribution, at the end of the test run. */
    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            karaf.close();
        }
    }

    /** Gives {@code @BeforeAll} methods the shared console, starting it the first time. */
    static final class Resolver implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SharedConsole.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(SharedConsole.class, k -> start(), SharedConsole.class);
        }
    }

    /**
     * Orders test classes by name, those using the shared console last: the others start and stop
     * their own distributions first, and the shared one then runs alone until the end.
     */
    public static final class LastOrderer implements ClassOrderer {

        @Override
        public void orderClasses(ClassOrdererContext context) {
            context.getClassDescriptors().sort(Comparator
                    .comparing((ClassDescriptor d) -> d.isAnnotated(Test.class))
                    .thenComparing(d -> d.getTestClass().getName()));
        }
    }
}
