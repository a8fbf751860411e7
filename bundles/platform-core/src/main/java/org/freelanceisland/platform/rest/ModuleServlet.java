package org.freelanceisland.platform.rest;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.servlet.ServletException;
import javax.ws.rs.Path;

import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The base class of every module's REST servlet: a Jersey servlet container that initialises with
 * the platform's class loader as context class loader, so Jersey's service lookups work the same
 * in every bundle. Subclasses are DS components registered on the HTTP whiteboard; while one is
 * registered under {@code /api/}, its resources are part of the platform's OpenAPI document.
 */
public abstract class ModuleServlet extends ServletContainer {

    private static final long serialVersionUID = 1L;

    private final transient List<Class<?>> resourceClasses;

    /**
     * Creates the servlet.
     *
     * @param application the module's application, from {@link RestSupport#application(String)}
     */
    protected ModuleServlet(ResourceConfig application) {
        super(application);
        Set<Class<?>> classes = new LinkedHashSet<>();
        Stream.concat(application.getClasses().stream(), application.getInstances().stream().map(Object::getClass))
                .filter(type -> type.isAnnotationPresent(Path.class))
                .sorted(Comparator.comparing(Class::getName))
                .forEach(classes::add);
        this.resourceClasses = List.copyOf(classes);
    }

    /**
     * The root resource classes of this servlet's application (those annotated with {@code @Path}),
     * from which the platform documents the module's API.
     *
     * @return the classes, ordered by name
     * @since 1.3
     */
    public final List<Class<?>> resourceClasses() {
        return resourceClasses;
    }

    @Override
    public void init() throws ServletException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ModuleServlet.class.getClassLoader());
        try {
            super.init();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
