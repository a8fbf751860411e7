package org.freelanceisland.platform.core.internal.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.DynamicFeature;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.FeatureContext;

import org.freelanceisland.platform.core.internal.auth.SessionStore.Session;

/**
 * Protects the console's session against cross-site request forgery: a request authenticated by
 * the session cookie that may change something (any method but GET, HEAD and OPTIONS) must carry
 * the session's token in {@code X-CSRF-Token}, else it ends with 403. Requests authenticated by
 * HTTP Basic, and anonymous ones, are not concerned.
 */
final class CsrfFeature implements DynamicFeature {

    /** Marks the one method that needs no token: signing in, which replaces the session anyway. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface NoCsrfToken {
    }

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        if (!resourceInfo.getResourceMethod().isAnnotationPresent(NoCsrfToken.class)) {
            context.register(new CsrfFilter());
        }
    }

    @Priority(Priorities.AUTHORIZATION - 100)
    private static final class CsrfFilter implements ContainerRequestFilter {
        @Override
        public void filter(ContainerRequestContext request) {
            if (SAFE.contains(request.getMethod())
                    || !(request.getProperty(SessionCookie.SESSION_PROPERTY) instanceof Session session)) {
                return;
            }
            String token = request.getHeaderString(SessionCookie.CSRF_HEADER);
            if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                    session.csrfToken().getBytes(StandardCharsets.UTF_8))) {
                request.abortWith(Problems.response(Problems.of(403, "csrf", "Missing CSRF token",
                        "A change made with the console's session must carry the session's token in the "
                                + SessionCookie.CSRF_HEADER + " header")));
            }
        }
    }
}
