package org.freelanceisland.platform.core.internal.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.annotation.Priority;
import javax.annotation.security.DenyAll;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.DynamicFeature;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.FeatureContext;

import org.freelanceisland.platform.api.Roles;

/**
 * Checks the roles a resource method asks for ({@code @RolesAllowed} on the method, else on the
 * class; {@code @PermitAll} opens it). A method that says nothing is for administrators only, so a
 * forgotten annotation fails closed. Anonymous callers get 401, signed-in callers without the role
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
        Method method = resourceInfo.getResourceMethod();
        Class<?> type = resourceInfo.getResourceClass();
        Optional<List<String>> methodRoles = rolesAllowed(method);
        Optional<List<String>> typeRoles = rolesAllowed(type);
        if (present(method, DenyAll.class)) {
            context.register(new RoleFilter(List.of()));
        } else if (methodRoles.isPresent()) {
            context.register(new RoleFilter(methodRoles.get()));
        } else if (present(method, PermitAll.class)) {
            return;
        } else if (typeRoles.isPresent()) {
            context.register(new RoleFilter(typeRoles.get()));
        } else if (!present(type, PermitAll.class)) {
            context.register(new RoleFilter(List.of(Roles.ADMIN)));
        }
    }

    private static boolean present(AnnotatedElement element, Class<? extends Annotation> type) {
        return annotation(element, type).isPresent();
    }

    private static Optional<Annotation> annotation(AnnotatedElement element, Class<? extends Annotation> type) {
        return Arrays.stream(element.getAnnotations())
                .filter(a -> a.annotationType().getName().equals(type.getName()))
                .findFirst();
    }

    /** The roles of a {@code @RolesAllowed} of whichever class loader, if the element has one. */
    static Optional<List<String>> rolesAllowed(AnnotatedElement element) {
        return annotation(element, RolesAllowed.class).map(a -> {
            if (a instanceof RolesAllowed roles) {
                return Arrays.asList(roles.value());
            }
            try {
                return Arrays.asList((String[]) a.annotationType().getMethod("value").invoke(a));
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalStateException("Cannot read " + a, e);
            }
        });
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
