package org.freelanceisland.platform.core.internal.openapi;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.freelanceisland.platform.api.Roles;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code /api/openapi.json}: the OpenAPI document of the whole API as it stands now, for
 * administrators ({@link DocsPage} shows it in Swagger UI).
 */
@Path("openapi.json")
@RolesAllowed(Roles.ADMIN)
public final class OpenApiResource {

    private final ApiDocs docs;

    /**
     * Creates the resource.
     *
     * @param docs the live document
     */
    public OpenApiResource(ApiDocs docs) {
        this.docs = docs;
    }

    /**
     * The OpenAPI 3.0 document of every module installed now.
     *
     * @return the document
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode document() {
        return docs.document();
    }
}
