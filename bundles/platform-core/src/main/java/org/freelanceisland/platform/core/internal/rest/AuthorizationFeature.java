package org.freelanceisland.platform.core.internal.rest;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

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
 */
final class AuthorizationFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        Method method = resourceInfo.getResourceMethod();
        Class<?> type = resourceInfo.getResourceClass();
        if (method.isAnnotationPresent(DenyAll.class)) {
            context.register(new RoleFilter(List.of()));
        } else if (method.isAnnotationPresent(RolesAllowed.class)) {
            context.register(new RoleFilter(Arrays.asList(method.getAnnotation(RolesAllowed.class).value())));
        } else if (method.isAnnotationPresent(PermitAll.class)) {
            return;
        } else if (type.isAnnotationPresent(RolesAllowed.class)) {
            context.register(new RoleFilter(Arrays.asList(type.getAnnotation(RolesAllowed.class).value())));
        } else if (!type.isAnnotationPresent(PermitAll.class)) {
            context.register(new RoleFilter(List.of(Roles.ADMIN)));
        }
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
