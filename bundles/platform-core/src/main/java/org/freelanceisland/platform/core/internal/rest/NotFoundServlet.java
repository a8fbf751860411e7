package org.freelanceisland.platform.core.internal.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The answer for an address no servlet serves, instead of the container's HTML page: a problem+json
 * 404 when the address as sent starts with {@code /api/} (Jetty decodes {@code %2F} in a path, so
 * {@code /api/people/..%2F..%2Fetc} lands outside {@code /api/} once decoded and normalised), else a
 * short text; both with the API's security headers and never cached.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/")
@HttpWhiteboardServletName("freelance-island-not-found")
public final class NotFoundServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final byte[] PROBLEM = ("{\"type\":\"urn:freelance-island:problem:not-found\",\"title\":\"Not found\","
            + "\"status\":404,\"detail\":\"There is no resource at this address\",\"errors\":[]}").getBytes(StandardCharsets.UTF_8);
    private static final byte[] TEXT = "Not found\n".getBytes(StandardCharsets.UTF_8);

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String raw = request.getRequestURI();
        boolean api = raw != null && (raw.equals("/api") || raw.startsWith("/api/"));
        byte[] body = api ? PROBLEM : TEXT;
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType(api ? "application/problem+json" : "text/plain;charset=UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }
}
