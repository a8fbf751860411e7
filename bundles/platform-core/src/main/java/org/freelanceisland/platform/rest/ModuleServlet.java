package org.freelanceisland.platform.rest;

import javax.servlet.ServletException;

import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * The base class of every module's REST servlet: a Jersey servlet container that initialises with
 * the platform's class loader as context class loader, so Jersey's service lookups work the same
 * in every bundle. Subclasses are DS components registered on the HTTP whiteboard.
 */
public abstract class ModuleServlet extends ServletContainer {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the servlet.
     *
     * @param application the module's application, from {@link RestSupport#application(String)}
     */
    protected ModuleServlet(ResourceConfig application) {
        super(application);
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
