package org.freelanceisland.platform.core.internal.rest;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import javax.annotation.security.PermitAll;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.freelanceisland.platform.core.internal.auth.AuthenticatedUser;
import org.freelanceisland.platform.core.internal.auth.Authenticator;
import org.freelanceisland.platform.core.internal.auth.SessionStore;
import org.freelanceisland.platform.core.internal.auth.SessionStore.Session;
import org.freelanceisland.platform.core.internal.auth.SignInThrottle;
import org.freelanceisland.platform.core.internal.rest.CsrfFeature.NoCsrfToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/session}: the console signs in and out here. Signing in checks the user name and
 * password against the same JAAS realm as HTTP Basic and answers the user, their roles and the
 * session's CSRF token, with an HttpOnly, SameSite=Strict session cookie. A wrong name and a wrong
 * password get the same answer; a user name with too many failures in a row is locked for a while
 * (429 with {@code Retry-After}).
 */
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public final class SessionResource {

    private static final Logger LOG = LoggerFactory.getLogger(SessionResource.class);
    private static final String WRONG = "The user name or password is wrong";

    /**
     * The credentials of a sign-in.
     *
     * @param user the user name
     * @param password the password
     */
    public record SignIn(@NotBlank @Size(max = 100) String user, @NotNull @Size(min = 1, max = 200) String password) {
    }

    /**
     * Who is signed in.
     *
     * @param user the user name
     * @param roles the roles, sorted
     * @param csrfToken the token every change must carry in {@code X-CSRF-Token}
     * @param idleTimeoutSeconds how long the session lasts without a request
     */
    public record SessionInfo(String user, List<String> roles, String csrfToken, long idleTimeoutSeconds) {
    }

    private final Authenticator authenticator;
    private final SessionStore sessions;
    private final SignInThrottle throttle;

    SessionResource(Authenticator authenticator, SessionStore sessions, SignInThrottle throttle) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    /**
     * Signs in: a new session replaces the one the browser had.
     *
     * @param signIn the credentials
     * @param request the request
     * @return 200 with the session, 401 for wrong credentials, 429 for a locked user name
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @NoCsrfToken
    public Response signIn(SignIn signIn, @Context ContainerRequestContext request) {
        String name = signIn.user().strip();
        SignInThrottle.Check check = throttle.check(name);
        Optional<Duration> locked = check.locked();
        if (locked.isPresent()) {
            LOG.warn("Sign-in refused for user name '{}': locked after repeated failures", printable(name));
            return Problems.tooManySignIns(locked.get());
        }
        char[] password = signIn.password().toCharArray();
        Optional<AuthenticatedUser> user;
        try {
            user = authenticator.authenticate(name, password);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        boolean secure = SessionCookie.secure(request);
        if (user.isEmpty()) {
            Optional<Duration> lock = throttle.failed(name);
            LOG.warn("Failed sign-in for user name '{}'{}", printable(name),
                    lock.map(d -> ": locked for " + d.toSeconds() + " s").orElse(""));
            return Problems.unauthorized(WRONG, false);
        }
        throttle.succeeded(name, check);
        sessions.remove(SessionCookie.read(request));
        Session session = sessions.create(user.get());
        LOG.info("{} signed in to the console", user.get().name());
        return Response.ok(info(session)).header(HttpHeaders.SET_COOKIE, SessionCookie.set(session.id(), secure)).build();
    }

    /**
     * Who is signed in with this browser's session.
     *
     * @param headers the request headers
     * @return the session, or 401 when there is none
     */
    @GET
    public Response current(@Context HttpHeaders headers) {
        return sessions.find(SessionCookie.read(headers))
                .map(session -> Response.ok(info(session)).build())
                .orElseGet(() -> Problems.unauthorized("Not signed in, or the session has expired", false));
    }

    /**
     * Signs out: ends the session and deletes the cookie. Signing out without a session is not an
     * error.
     *
     * @param request the request
     * @return 204
     */
    @DELETE
    public Response signOut(@Context ContainerRequestContext request) {
        String id = SessionCookie.read(request);
        sessions.find(id).ifPresent(session -> LOG.info("{} signed out of the console", session.user().name()));
        sessions.remove(id);
        return Response.noContent().header(HttpHeaders.SET_COOKIE, SessionCookie.clear(SessionCookie.secure(request)))
                .build();
    }

    private SessionInfo info(Session session) {
        return new SessionInfo(session.user().name(), List.copyOf(new TreeSet<>(session.user().roles())),
                session.csrfToken(), sessions.idleTimeout().toSeconds());
    }

    /** A user name as typed, safe to write to the log. */
    static String printable(String name) {
        String cut = name.length() > 64 ? name.substring(0, 64) + "…" : name;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
