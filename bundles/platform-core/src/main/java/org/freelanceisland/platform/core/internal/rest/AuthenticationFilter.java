package org.freelanceisland.platform.core.internal.rest;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;

import org.freelanceisland.platform.core.internal.auth.AuthenticatedUser;
import org.freelanceisland.platform.core.internal.auth.Authenticator;

/**
 * Reads HTTP Basic credentials when present and checks them against the realm. Wrong credentials
 * end the request with 401; no credentials leave the request anonymous, for the role check to
 * decide.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
final class AuthenticationFilter implements ContainerRequestFilter {

    static final String CHALLENGE = "Basic realm=\"Freelance Island\", charset=\"UTF-8\"";

    private final Authenticator authenticator;

    AuthenticationFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return;
        }
        Optional<AuthenticatedUser> user = parse(header).flatMap(credentials -> {
            int colon = credentials.indexOf(':');
            char[] password = credentials.substring(colon + 1).toCharArray();
            try {
                return authenticator.authenticate(credentials.substring(0, colon), password);
            } finally {
                Arrays.fill(password, '\0');
            }
        });
        if (user.isEmpty()) {
            request.abortWith(Problems.unauthorized("The user name or password is wrong"));
            return;
        }
        request.setSecurityContext(new IslandSecurityContext(user.get(),
                "https".equals(request.getUriInfo().getRequestUri().getScheme())));
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
