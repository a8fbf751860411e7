package org.freelanceisland.platform.core.internal.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.validation.constraints.Max;
import javax.validation.constraints.Min;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.core.internal.rest.JsonMapperFactory;
import org.freelanceisland.platform.rest.MaxRequestBytes;
import org.freelanceisland.platform.rest.PageParams;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class OpenApiBuilderTest {

    /** A module's request body with the constraints a document must show. */
    public record ThingInput(@NotBlank @Size(max = 20) String name, @NotNull @Min(1) @Max(9) Integer count,
            FiscalYear fiscalYear, LocalTime at, LocalDate on) {
    }

    /** What a module answers. */
    public record ThingView(long id, String name) {
    }

    /** A module's resource, with every kind of parameter and access. */
    @Path("things")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("staff")
    public static final class ThingResource {
        @GET
        @RolesAllowed({ "staff", "coordinator" })
        public Page<ThingView> list(@QueryParam("q") String q, @BeanParam PageParams page) {
            return null;
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        public Response create(ThingInput body) {
            return null;
        }

        @GET
        @Path("{id: [0-9]{1,18}}")
        @PermitAll
        public ThingView get(@PathParam("id") long id) {
            return null;
        }

        @DELETE
        @Path("{id}")
        public void delete(@PathParam("id") long id) {
        }

        @POST
        @Path("import")
        @Consumes("text/csv")
        @MaxRequestBytes(2048)
        public List<ThingView> importCsv(InputStream body) {
            return null;
        }
    }

    /** A resource that names no role: administrators only. */
    @Path("secrets")
    public static final class SecretResource {
        @GET
        public Map<String, String> all() {
            return null;
        }
    }

    /** Another module with a body of the same simple name. */
    @Path("other")
    @PermitAll
    public static final class OtherResource {
        /** A body named like the first module's. */
        public record ThingInput(@Size(max = 5) String code) {
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        public void post(ThingInput body) {
        }
    }

    private static OpenApiBuilder.ModuleDocument describe(String module, Class<?>... classes) {
        return new OpenApiBuilder(module, "/api", JsonMapperFactory.create(), 1_048_576).build(List.of(classes));
    }

    private static ObjectNode document() {
        return OpenApiDocument.assemble(JsonMapperFactory.create(), "1.0.0",
                List.of(describe("things", ThingResource.class, SecretResource.class), describe("other", OtherResource.class)),
                id -> id.equals("things") ? "Things (もの)" : null);
    }

    @Test
    void pathsAndMethodsAreThoseJerseyServes() {
        JsonNode paths = document().path("paths");
        assertTrue(paths.has("/api/things"));
        assertTrue(paths.path("/api/things").has("get") && paths.path("/api/things").has("post"));
        // the regular expression of a parameter is not part of the path, but its pattern
        assertTrue(paths.has("/api/things/{id}"), paths.toString());
        assertEquals("^[0-9]{1,18}$", paths.at("/~1api~1things~1{id}/get/parameters/0/schema/pattern").asText());
        assertEquals("integer", paths.at("/~1api~1things~1{id}/get/parameters/0/schema/type").asText());
        assertTrue(paths.at("/~1api~1things~1{id}/get/parameters/0/required").asBoolean());
        assertEquals("204", paths.at("/~1api~1things~1{id}/delete/responses").fieldNames().next());
    }

    @Test
    void rolesAreThoseTheRoleCheckEnforces() {
        JsonNode paths = document().path("paths");
        assertEquals("[\"staff\",\"coordinator\"]", paths.at("/~1api~1things/get/x-roles").toString());
        assertEquals("[\"staff\"]", paths.at("/~1api~1things/post/x-roles").toString());
        assertTrue(paths.at("/~1api~1things~1{id}/get/x-public").asBoolean());
        assertEquals("[]", paths.at("/~1api~1things~1{id}/get/security").toString());
        assertEquals("[\"admin\"]", paths.at("/~1api~1secrets/get/x-roles").toString(), "no role named: admin only");
        // a change made with the console's session needs its CSRF token too; a read does not
        assertTrue(paths.at("/~1api~1things/post/security").toString().contains("csrfToken"));
        assertFalse(paths.at("/~1api~1things/get/security").toString().contains("csrfToken"));
        assertEquals("#/components/responses/Problem401", paths.at("/~1api~1things/post/responses/401/$ref").asText());
        assertEquals("#/components/responses/Problem403", paths.at("/~1api~1things/post/responses/403/$ref").asText());
        assertTrue(paths.at("/~1api~1things~1{id}/get/responses/401").isMissingNode());
    }

    @Test
    void requestBodiesCarryTheirBeanValidationConstraints() {
        ObjectNode doc = document();
        String ref = doc.at("/paths/~1api~1things/post/requestBody/content/application~1json/schema/$ref").asText();
        assertEquals("#/components/schemas/things.ThingInput", ref);
        JsonNode thing = doc.at(ref.substring(1));
        assertEquals("[\"count\",\"name\"]", thing.path("required").toString());
        assertEquals(20, thing.at("/properties/name/maxLength").asInt());
        assertEquals(1, thing.at("/properties/count/minimum").asInt());
        assertEquals(9, thing.at("/properties/count/maximum").asInt());
        assertEquals("integer", thing.at("/properties/fiscalYear/type").asText());
        assertEquals(FiscalYear.MIN_YEAR, thing.at("/properties/fiscalYear/minimum").asInt());
        assertEquals("string", thing.at("/properties/at/type").asText());
        assertEquals("date", thing.at("/properties/on/format").asText());
        assertEquals(1_048_576, doc.at("/paths/~1api~1things/post/x-max-request-bytes").asLong());
        assertEquals("#/components/responses/Problem400", doc.at("/paths/~1api~1things/post/responses/400/$ref").asText());
        assertEquals("#/components/responses/Problem413", doc.at("/paths/~1api~1things/post/responses/413/$ref").asText());
    }

    @Test
    void uploadsListTheirTypesAndLimit() {
        JsonNode upload = document().at("/paths/~1api~1things~1import/post");
        assertEquals("binary", upload.at("/requestBody/content/text~1csv/schema/format").asText());
        assertEquals(2048, upload.path("x-max-request-bytes").asLong());
    }

    @Test
    void listsArePagesWithBoundedParameters() {
        ObjectNode doc = document();
        JsonNode list = doc.at("/paths/~1api~1things/get");
        assertEquals("q", list.at("/parameters/0/name").asText());
        assertEquals("limit", list.at("/parameters/2/name").asText());
        assertEquals(500, list.at("/parameters/2/schema/maximum").asInt());
        assertTrue(list.path("requestBody").isMissingNode(), "a bean parameter is not a body");
        String page = list.at("/responses/200/content/application~1json/schema/$ref").asText();
        assertEquals("#/components/schemas/things.PageThingView", page);
        assertEquals("#/components/schemas/things.ThingView", doc.at(page.substring(1)).at("/properties/items/items/$ref").asText());
    }

    @Test
    void twoModulesNeverShareASchemaName() {
        JsonNode schemas = document().at("/components/schemas");
        assertEquals(20, schemas.at("/things.ThingInput/properties/name/maxLength").asInt());
        assertEquals(5, schemas.at("/other.ThingInput/properties/code/maxLength").asInt());
        assertTrue(schemas.has("Problem") && schemas.has("FieldError"));
    }

    @Test
    void theDocumentHasItsSecuritySchemesProblemsAndTags() {
        ObjectNode doc = document();
        assertEquals("3.0.3", doc.path("openapi").asText());
        assertEquals("basic", doc.at("/components/securitySchemes/basicAuth/scheme").asText());
        assertEquals("cookie", doc.at("/components/securitySchemes/sessionCookie/in").asText());
        assertEquals("X-CSRF-Token", doc.at("/components/securitySchemes/csrfToken/name").asText());
        assertEquals("#/components/schemas/Problem",
                doc.at("/components/responses/Problem422/content/application~1problem+json/schema/$ref").asText());
        assertEquals("Things (もの)", doc.at("/tags/0/description").asText());
        assertEquals("other", doc.at("/tags/1/name").asText());
    }

    @Test
    void templatesWithNestedBracesAreRead() {
        assertEquals("/api/people/{id}/flags/{flag}", OpenApiBuilder.template("/api/people/{id: [0-9]{1,18}}/flags/{flag}"));
        assertEquals(Map.of("id", "[0-9]{1,18}"), OpenApiBuilder.pathPatterns("/api/people/{ id : [0-9]{1,18} }/x"));
        assertEquals("Add session", OpenApiBuilder.words("addSession"));
    }

    @Test
    void theBasePathOfAServletPattern() {
        assertEquals("/api/terakoya", ApiDocs.basePath("/api/terakoya/*"));
        assertEquals("/api", ApiDocs.basePath("/api/*"));
        assertEquals(null, ApiDocs.basePath("/console/*"));
        assertEquals(null, ApiDocs.basePath("/api/health"));
    }
}
