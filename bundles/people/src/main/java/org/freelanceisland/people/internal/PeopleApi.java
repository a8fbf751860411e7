package org.freelanceisland.people.internal;

import javax.servlet.Servlet;

import org.freelanceisland.people.internal.rest.PeopleResource;
import org.freelanceisland.platform.api.audit.AuditLog;
import org.freelanceisland.platform.rest.ModuleServlet;
import org.freelanceisland.platform.rest.RestSupport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** The REST API of the people registry under {@code /api/people/}. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/people/*")
@HttpWhiteboardServletName("people-api")
public final class PeopleApi extends ModuleServlet {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the API.
     *
     * @param rest the platform's REST support
     * @param people the registry
     * @param audit the audit log
     */
    @Activate
    public PeopleApi(@Reference RestSupport rest, @Reference PeopleService people, @Reference AuditLog audit) {
        super(rest.application("people").register(new PeopleResource(people, () -> audit)));
    }
}
