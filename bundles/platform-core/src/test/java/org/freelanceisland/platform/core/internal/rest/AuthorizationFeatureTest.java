package org.freelanceisland.platform.core.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.FeatureContext;

import org.junit.jupiter.api.Test;

/** Role annotations count whichever class loader defined them. */
class AuthorizationFeatureTest {

    /** A resource for staff. */
    @RolesAllowed("staff")
    public static class StaffResource {
        /** Open to everybody. */
        @PermitAll
        public void open() {
        }

        /** For coordinators. */
        @RolesAllowed({ "coordinator", "staff" })
        public void coordinators() {
        }

        /** Inherits the class's roles. */
        public void inherited() {
        }
    }

    /** Says nothing: administrators only. */
    public static class SilentResource {
        /** Says nothing either. */
        public void silent() {
        }
    }

    @Test
    void rolesAreReadFromTheAnnotationsOfThisClassLoader() throws Exception {
        assertEquals(Optional.of(List.of("staff")), AuthorizationFeature.rolesAllowed(StaffResource.class));
        assertEquals(1, registered(StaffResource.class, "inherited").size());
        assertEquals(0, registered(StaffResource.class, "open").size());
        assertEquals(1, registered(SilentResource.class, "silent").size());
    }

    @Test
    void rolesCountWhenTheResourceSeesAnotherCopyOfTheAnnotationPackage() throws Exception {
        // as in OSGi when a program bundle is wired to the framework's javax.annotation.security and
        // the platform to jakarta.annotation-api's: same names, different classes
        URL annotations = RolesAllowed.class.getProtectionDomain().getCodeSource().getLocation();
        URL tests = StaffResource.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader other = new URLClassLoader(new URL[] { annotations, tests }, ClassLoader.getPlatformClassLoader())) {
            Class<?> foreign = other.loadClass(StaffResource.class.getName());
            Class<?> foreignAnnotation = other.loadClass(RolesAllowed.class.getName());
            assertNotSame(RolesAllowed.class, foreignAnnotation);
            assertNull(foreign.getAnnotation(RolesAllowed.class), "the test needs the annotation to be another class");

            assertEquals(Optional.of(List.of("staff")), AuthorizationFeature.rolesAllowed(foreign));
            assertEquals(Optional.of(List.of("coordinator", "staff")),
                    AuthorizationFeature.rolesAllowed(foreign.getMethod("coordinators")));
            assertEquals(0, registered(foreign, "open").size(), "@PermitAll of the other copy opens the method");
            assertEquals(1, registered(foreign, "inherited").size());
        }
    }

    /** What the feature registers for one resource method. */
    private static List<Object> registered(Class<?> type, String methodName) throws Exception {
        Method method = type.getMethod(methodName);
        ResourceInfo info = new ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                return method;
            }

            @Override
            public Class<?> getResourceClass() {
                return type;
            }
        };
        List<Object> registered = new ArrayList<>();
        FeatureContext context = (FeatureContext) Proxy.newProxyInstance(FeatureContext.class.getClassLoader(),
                new Class<?>[] { FeatureContext.class }, (proxy, m, args) -> {
                    if (m.getName().equals("register")) {
                        registered.add(args[0]);
                        return proxy;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
        new AuthorizationFeature().configure(info, context);
        return registered;
    }
}
