package org.freelanceisland.testing.rest;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.core.internal.auth.AuthenticatedUser;
import org.freelanceisland.platform.core.internal.rest.RestSupportImpl;
import org.freelanceisland.platform.rest.RestSupport;
import org.freelanceisland.testing.http.ApiClient;
import org.glassfish.jersey.jdkhttp.JdkHttpHandlerContainer;
import org.glassfish.jersey.jdkhttp.JdkHttpServerFactory;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;

import com.sun.net.httpserver.HttpServer;

/**
 * Serves one module's Jersey application on a loopback port for unit tests, configured exactly as
 * in the runtime by the platform's {@link RestSupport} (JSON, problem+json errors, validation,
 * authentication and role checks, size limits), with fixed test accounts instead of the JAAS realm.
 * The platform's {@code /api/session} is served beside it, so a test can also call the module the
 * way the console does, with a session cookie and a CSRF token ({@link #signIn(String)}).
 *
 * <pre>{@code
 * try (RestHarness api = RestHarness.start("/api/terakoya",
 *         rest -> rest.application("terakoya").register(new CourseResource(store)))) {
 *     ApiResponse created = api.as(RestHarness.STAFF).post("/api/terakoya/courses", "{...}");
 * }
 * }</pre>
 */
public final class RestHarness implements AutoCloseable {

    /** An account with the role {@code admin}. */
    public static final String ADMIN = "admin";
    /** An account with the role {@code staff}. */
    public static final String STAFF = "staff";
    /** An account with the roles {@code staff} and {@code coordinator}. */
    public static final String COORDINATOR = "coordinator";
    /** An account with the role {@code juror} only. */
    public static final String JUROR = "juror";
    /** The password of every test account. */
    public static final String PASSWORD = "test-password";

    private static final Map<String, Set<String>> ACCOUNTS = Map.of(
            ADMIN, Set.of(Roles.ADMIN),
            STAFF, Set.of(Roles.STAFF),
            COORDINATOR, Set.of(Roles.STAFF, Roles.COORDINATOR),
            JUROR, Set.of(Roles.JUROR));

    private final HttpServer server;
    private final ApiClient client;

    private RestHarness(HttpServer server) {
        this.server = server;
        this.client = ApiClient.local(server.getAddress().getPort());
    }

    /**
     * Starts serving an application with the default request size limit (1 MiB).
     *
     * @param basePath where the application is mounted, for example {@code /api/terakoya}
     * @param application builds the application from the platform's REST support
     * @return the running harness; close it after the test
     */
    public static RestHarness start(String basePath, Function<RestSupport, ResourceConfig> application) {
        return start(basePath, 1_048_576, application);
    }

    /**
     * Starts serving an application.
     *
     * @param basePath where the application is mounted, for example {@code /api/terakoya}
     * @param maxRequestBytes the largest request body accepted
     * @param application builds the application from the platform's REST support
     * @return the running harness; close it after the test
     */
    public static RestHarness start(String basePath, long maxRequestBytes,
            Function<RestSupport, ResourceConfig> application) {
        RestSupportImpl rest = new RestSupportImpl(RestHarness::authenticate, maxRequestBytes);
        String path = basePath.endsWith("/") ? basePath : basePath + "/";
        HttpServer server = JdkHttpServerFactory.createHttpServer(URI.create("http://localhost:0" + path),
                application.apply(rest));
        if (!PLATFORM_PATH.equals(path)) {
            // the platform's servlet at /api/*: the session, and 404 problems for other paths
            server.createContext(PLATFORM_PATH, ContainerFactory.createContainer(JdkHttpHandlerContainer.class,
                    rest.application("platform").register(rest.sessionResource())));
        }
        return new RestHarness(server);
    }

    private static final String PLATFORM_PATH = "/api/";

    private static Optional<AuthenticatedUser> authenticate(String user, char[] password) {
        Set<String> roles = ACCOUNTS.get(user);
        return roles != null && PASSWORD.equals(new String(password))
                ? Optional.of(new AuthenticatedUser(user, roles)) : Optional.empty();
    }

    /**
     * The port the application is served on.
     *
     * @return the loopback port
     */
    public int port() {
        return server.getAddress().getPort();
    }

    /**
     * A client without credentials.
     *
     * @return the client
     */
    public ApiClient anonymous() {
        return client;
    }

    /**
     * A client signed in as a test account.
     *
     * @param account {@link #ADMIN}, {@link #STAFF}, {@link #COORDINATOR} or {@link #JUROR}
     * @return the client
     */
    public ApiClient as(String account) {
        return client.as(account, PASSWORD);
    }

    /**
     * A client signed in as a test account with the console's session: it sends the session
     * cookie and the CSRF token with every request.
     *
     * @param account {@link #ADMIN}, {@link #STAFF}, {@link #COORDINATOR} or {@link #JUROR}
     * @return the client
     */
    public ApiClient signIn(String account) {
        return client.signIn(account, PASSWORD);
    }

    @Override
    public void close() {
        server.stop(0);
    }

}
