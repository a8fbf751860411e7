package org.freelanceisland.platform.core.internal.rest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;

import org.freelanceisland.platform.core.internal.auth.AuthenticatedUser;
import org.freelanceisland.platform.core.internal.auth.Authenticator;
import org.freelanceisland.platform.core.internal.auth.SessionStore;
import org.freelanceisland.platform.core.internal.auth.SignInThrottle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates a request by HTTP Basic credentials when present, else by the console's session
 * cookie. Wrong credentials end the request with 401, a user name locked after too many failures
 * with 429; no credentials, or a session that has expired, leave the request anonymous for the
 * role check to decide. A request authenticated by its session is marked so that
 * {@link CsrfFeature} can ask for the session's CSRF token on changes. A failed sign-in is logged
 * with the user name as typed (never the password), as the console's sign-in does; requests refused
 * while a name is locked are not, so that guessing cannot flood the log.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
final class AuthenticationFilter implements ContainerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationFilter.class);

    static final String CHALLENGE = "Basic realm=\"Freelance Island\", charset=\"UTF-8\"";
    /** The authentication scheme of requests authenticated by the console's session. */
    static final String SESSION_AUTH = "SESSION";

    private final Authenticator authenticator;
    private final SessionStore sessions;
    private final SignInThrottle throttle;

    AuthenticationFilter(Authenticator authenticator, SessionStore sessions, SignInThrottle throttle) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null && !header.isBlank()) {
            basic(request, header);
            return;
        }
        sessions.find(SessionCookie.read(request)).ifPresent(session -> {
            request.setProperty(SessionCookie.SESSION_PROPERTY, session);
            request.setSecurityContext(new IslandSecurityContext(session.user(), SessionCookie.secure(request),
                    SESSION_AUTH));
        });
    }

    private void basic(ContainerRequestContext request, String header) {
        Optional<String> credentials = parse(header);
        if (credentials.isEmpty()) {
            request.abortWith(Problems.unauthorized("The user name or password is wrong",
                    !SessionCookie.fromConsole(request)));
            return;
        }
        int colon = credentials.get().indexOf(':');
        String name = credentials.get().substring(0, colon);
        SignInThrottle.Check check = throttle.check(name);
        Optional<Duration> locked = check.locked();
        if (locked.isPresent()) {
            request.abortWith(Problems.tooManySignIns(locked.get()));
            return;
        }
        char[] password = credentials.get().substring(colon + 1).toCharArray();
        Optional<AuthenticatedUser> user;
        try {
            user = authenticator.authenticate(name, password);
        } finally {
            Arrays.fill(password, '\0');
        }
        if (user.isEmpty()) {
            Optional<Duration> lock = throttle.failed(name);
            LOG.warn("Failed sign-in (HTTP Basic) for user name '{}'{}", SessionResource.printable(name),
                    lock.map(d -> ": locked for " + d.toSeconds() + " s").orElse(""));
            request.abortWith(Problems.unauthorized("The user name or password is wrong",
                    !SessionCookie.fromConsole(request)));
            return;
        }
        throttle.succeeded(name, check);
        request.setSecurityContext(new IslandSecurityContext(user.get(), SessionCookie.secure(request),
                SecurityContext.BASIC_AUTH));
    }

    private static Optional<String> parse(String header) {
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon > 0 && colon <= 100 ? Optional.of(decoded) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
