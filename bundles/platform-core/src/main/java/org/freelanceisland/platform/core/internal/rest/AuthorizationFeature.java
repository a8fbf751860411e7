package org.freelanceisland.platform.core.internal.rest;

import java.util.List;
import java.util.Optional;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.DynamicFeature;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.FeatureContext;

/**
 * Checks the roles a resource method asks for ({@link Access}: {@code @RolesAllowed} on the method, else
 * on the class; {@code @PermitAll} opens it). A method that says nothing is for administrators only, so
 * a forgotten annotation fails closed. Anonymous callers get 401, signed-in callers without the role
 * 403.
 *
 * <p>The annotations are recognised by their names, not by their classes: two bundles export
 * {@code javax.annotation.security} in the distribution (the framework, from
 * {@code lib/jdk9plus}, and {@code jakarta.annotation-api}), and a program bundle that the framework
 * resolves on its own ({@code bundle:update}, {@code bundle:refresh}) may be wired to the other one
 * than the platform. Its roles must count all the same: compared by class, its methods would be for
 * administrators only.
 */
final class AuthorizationFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        Access access = Access.of(resourceInfo.getResourceMethod(), resourceInfo.getResourceClass());
        if (!access.open()) {
            context.register(new RoleFilter(access.roles()));
        }
    }

    /** The roles of a {@code @RolesAllowed} of whichever class loader, if the element has one. */
    static Optional<List<String>> rolesAllowed(java.lang.reflect.AnnotatedElement element) {
        return Access.rolesAllowed(element);
    }

    @Priority(Priorities.AUTHORIZATION)
    private static final class RoleFilter implements ContainerRequestFilter {
        private final List<String> roles;

        RoleFilter(List<String> roles) {
            this.roles = roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            var security = request.getSecurityContext();
            if (security.getUserPrincipal() == null) {
                request.abortWith(Problems.unauthorized("Sign in first: HTTP Basic authentication, or the console's session",
                        !SessionCookie.fromConsole(request)));
                return;
            }
            for (String role : roles) {
                if (security.isUserInRole(role)) {
                    return;
                }
            }
            request.abortWith(Problems.response(Problems.forStatus(403,
                    "This needs one of the roles " + roles)));
        }
    }
}
