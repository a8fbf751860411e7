package org.freelanceisland.bench.hello;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** The benchmark's reference endpoint: {@code GET /hello/} on a bare Jersey servlet. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/hello/*")
@HttpWhiteboardServletName("bench-hello")
public final class HelloServlet extends ServletContainer {

    private static final long serialVersionUID = 1L;

    /** The resource. */
    @Path("")
    public static final class Hello {
        /**
         * Says hello.
         *
         * @return a small JSON object
         */
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public String hello() {
            return "{\"hello\":\"island\"}";
        }
    }

    /** Creates the servlet. */
    public HelloServlet() {
        super(new ResourceConfig().register(new Hello()));
    }

    @Override
    public void init() throws ServletException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(HelloServlet.class.getClassLoader());
        try {
            super.init();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
