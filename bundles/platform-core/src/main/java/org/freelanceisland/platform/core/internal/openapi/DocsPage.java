package org.freelanceisland.platform.core.internal.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * {@code /api/docs/}: Swagger UI showing {@code /api/openapi.json}, for administrators (with HTTP
 * Basic, or signed in to the console, whose session Swagger UI then uses to try operations out).
 * Swagger UI comes from its WebJar, embedded in this bundle at build time.
 */
@Path("docs")
@RolesAllowed(Roles.ADMIN)
public final class DocsPage {

    /**
     * What the docs page may load: its own scripts and styles (Swagger UI sets style attributes),
     * images it draws as data URIs, and calls to this origin; it may not be framed.
     */
    static final String DOCS_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    /** The files of the docs page and their types. */
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html; charset=UTF-8",
            "docs.js", "text/javascript; charset=UTF-8",
            "docs.css", "text/css; charset=UTF-8",
            "swagger-ui-bundle.js", "text/javascript; charset=UTF-8",
            "swagger-ui.css", "text/css; charset=UTF-8",
            "favicon-32x32.png", "image/png");

    /**
     * The docs page: {@code /api/docs} sends the browser on to {@code /api/docs/}.
     *
     * @param uri the request's address
     * @return the page
     */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@Context UriInfo uri) {
        if (!uri.getRequestUri().getPath().endsWith("/")) {
            return Response.status(Response.Status.MOVED_PERMANENTLY).location(URI.create(uri.getRequestUri().getPath() + "/"))
                    .header("Content-Security-Policy", DOCS_POLICY).build();
        }
        return file("index.html");
    }

    /**
     * A file of the docs page.
     *
     * @param name the file's name
     * @return the file
     */
    @GET
    @Path("{file}")
    @Produces({ MediaType.TEXT_HTML, "text/javascript", "text/css", "image/png" })
    public Response file(@PathParam("file") String name) {
        String type = FILES.get(name);
        if (type == null) {
            throw ProblemException.notFound("file", name);
        }
        try (InputStream in = DocsPage.class.getResourceAsStream("/apidocs/" + name)) {
            if (in == null) {
                throw ProblemException.notFound("file", name);
            }
            return Response.ok(in.readAllBytes(), type).header("Content-Security-Policy", DOCS_POLICY)
                    .header("Cache-Control", name.equals("index.html") ? "no-cache" : "private, max-age=3600").build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
