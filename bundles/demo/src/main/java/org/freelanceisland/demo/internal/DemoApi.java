package org.freelanceisland.demo.internal;

import javax.servlet.Servlet;

import org.freelanceisland.demo.internal.rest.DemoResource;
import org.freelanceisland.platform.rest.ModuleServlet;
import org.freelanceisland.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** The demo island's REST API under {@code /api/demo/}. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/demo/*")
@HttpWhiteboardServletName("demo-api")
public final class DemoApi extends ModuleServlet {

    private static final long serialVersionUID = 1L;

    /**
     * Builds the API.
     *
     * @param rest the platform's REST support
     * @param demo the demo island
     */
    @Activate
    public DemoApi(@Reference RestSupport rest, @Reference DemoService demo) {
        super(rest.application(DemoModule.ID).register(new DemoResource(demo)));
    }
}
