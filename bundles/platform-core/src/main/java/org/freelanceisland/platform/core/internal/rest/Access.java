package org.freelanceisland.platform.core.internal.rest;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import javax.annotation.security.DenyAll;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;

import org.freelanceisland.platform.api.Roles;

/**
 * Who may call a resource method, read from its annotations: {@code @DenyAll}, {@code @RolesAllowed}
 * or {@code @PermitAll} on the method, else {@code @RolesAllowed} or {@code @PermitAll} on the class;
 * a method that says nothing is for administrators only, so a forgotten annotation fails closed.
 * The one reading shared by the role check ({@link AuthorizationFeature}) and the OpenAPI document,
 * so the document states exactly what is enforced.
 *
 * @param open whether anyone may call it, signed in or not
 * @param roles the roles that may call it when not open (administrators have every role); empty
 *        when nobody may
 */
public record Access(boolean open, List<String> roles) {

    /** Copies the roles. */
    public Access {
        roles = List.copyOf(roles);
    }

    /**
     * Reads the access of a resource method.
     *
     * @param method the Java method
     * @param type the resource class
     * @return who may call it
     */
    public static Access of(Method method, Class<?> type) {
        if (method.isAnnotationPresent(DenyAll.class)) {
            return new Access(false, List.of());
        }
        if (method.isAnnotationPresent(RolesAllowed.class)) {
            return new Access(false, Arrays.asList(method.getAnnotation(RolesAllowed.class).value()));
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            return new Access(true, List.of());
        }
        if (type.isAnnotationPresent(RolesAllowed.class)) {
            return new Access(false, Arrays.asList(type.getAnnotation(RolesAllowed.class).value()));
        }
        if (type.isAnnotationPresent(PermitAll.class)) {
            return new Access(true, List.of());
        }
        return new Access(false, List.of(Roles.ADMIN));
    }
}
