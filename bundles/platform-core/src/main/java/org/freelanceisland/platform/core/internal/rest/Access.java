package org.freelanceisland.platform.core.internal.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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
 * <p>The annotations are recognised by their names, not by their classes: two bundles export
 * {@code javax.annotation.security} in the distribution (the framework, from {@code lib/jdk9plus},
 * and {@code jakarta.annotation-api}), and a program bundle that the framework resolves on its own
 * ({@code bundle:update}, {@code bundle:refresh}) may be wired to the other one than the platform.
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
        if (present(method, DenyAll.class)) {
            return new Access(false, List.of());
        }
        Optional<List<String>> methodRoles = rolesAllowed(method);
        if (methodRoles.isPresent()) {
            return new Access(false, methodRoles.get());
        }
        if (present(method, PermitAll.class)) {
            return new Access(true, List.of());
        }
        Optional<List<String>> typeRoles = rolesAllowed(type);
        if (typeRoles.isPresent()) {
            return new Access(false, typeRoles.get());
        }
        if (present(type, PermitAll.class)) {
            return new Access(true, List.of());
        }
        return new Access(false, List.of(Roles.ADMIN));
    }

    private static boolean present(AnnotatedElement element, Class<? extends Annotation> type) {
        return annotation(element, type).isPresent();
    }

    private static Optional<Annotation> annotation(AnnotatedElement element, Class<? extends Annotation> type) {
        return Arrays.stream(element.getAnnotations())
                .filter(a -> a.annotationType().getName().equals(type.getName()))
                .findFirst();
    }

    /**
     * The roles of a {@code @RolesAllowed} of whichever class loader, if the element has one.
     *
     * @param element a method or class
     * @return the roles it names
     */
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
}
