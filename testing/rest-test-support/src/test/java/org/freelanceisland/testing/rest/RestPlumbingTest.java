package org.freelanceisland.testing.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.validation.Valid;
import javax.validation.constraints.Max;
import javax.validation.constraints.Min;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.NotNull;
import javax.validation.constraints.Size;
import javax.ws.rs.BeanParam;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.platform.rest.MaxRequestBytes;
import org.freelanceisland.platform.rest.PageParams;
import org.freelanceisland.platform.rest.ProblemException;
import org.freelanceisland.testing.http.ApiResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The platform's shared REST base (platform-core's RestSupport) as every module gets it: JSON,
 * problem+json for every failure, validation naming the fields, authentication and roles, limits.
 */
class RestPlumbingTest {

    private static RestHarness api;

    /** A resource of a made-up module, the way a program writes one. */
    @Path("things")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public static class ThingResource {

        /** A new thing, validated. */
        public record NewThing(@NotBlank @Size(max = 20) String name, @NotNull @Min(0) @Max(100) Integer size,
                LocalDate date, FiscalYear fiscalYear, @Valid List<@NotBlank String> tags) {
        }

        @GET
        public Page<String> list(@BeanParam PageParams page) {
            PageRequest window = page.toRequest();
            return new Page<>(List.of("a", "b"), 2, window.offset(), window.limit());
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        public NewThing create(NewThing thing) {
            return thing;
        }

        @GET
        @Path("{id}")
        public String get(@PathParam("id") String id) {
            switch (id) {
                case "missing" -> throw ProblemException.notFound("thing", id);
                case "taken" -> throw ProblemException.conflict("The thing is taken");
                case "broken" -> throw new IllegalStateException("secret internal detail");
                default -> {
                    return "\"" + id + "\"";
                }
            }
        }

        @POST
        @Path("upload")
        @Consumes(MediaType.APPLICATION_OCTET_STREAM)
        @MaxRequestBytes(8192)
        public String upload(byte[] body) {
            return Integer.toString(body.length);
        }

        @GET
        @Path("open")
        @PermitAll
        public String open() {
            return "\"open\"";
        }

        @GET
        @Path("unsaid")
        @RolesAllowed({})
        public String nobody() {
            return "\"nobody\"";
        }
    }

    /** A resource that forgot to say who may call it. */
    @Path("forgotten")
    public static class ForgottenResource {
        @GET
        @Produces(MediaType.APPLICATION_JSON)
        public String get() {
            return "\"forgotten\"";
        }
    }

    @BeforeAll
    static void start() {
        api = RestHarness.start("/api/demo", 2048,
                rest -> rest.application("demo").register(new ThingResource()).register(new ForgottenResource()));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void validBodiesRoundTripAsJson() {
        ApiResponse created = api.as(RestHarness.STAFF).post("/api/demo/things",
                "{\"name\":\"大島紬 ｶﾅ 𠮷\",\"size\":3,\"date\":\"2025-04-01\",\"fiscalYear\":2025,\"tags\":[\"x\"]}");
        assertEquals(200, created.status(), created.toString());
        assertEquals("大島紬 ｶﾅ 𠮷", created.json().path("name").asText());
        assertEquals("2025-04-01", created.json().path("date").asText());
        assertEquals(2025, created.json().path("fiscalYear").asInt());
        assertEquals("nosniff", created.header("X-Content-Type-Options"));
    }

    @Test
    void invalidFieldsAreAllNamed() {
        ApiResponse bad = api.as(RestHarness.STAFF).post("/api/demo/things", "{\"name\":\" \",\"size\":101,\"tags\":[\"\"]}");
        assertTrue(bad.isProblem(400), bad.toString());
        List<String> fields = fields(bad);
        assertTrue(fields.containsAll(List.of("name", "size")), fields.toString());
        assertTrue(fields.stream().anyMatch(f -> f.startsWith("tags")), fields.toString());

        assertEquals(List.of("size"), fields(api.as(RestHarness.STAFF).post("/api/demo/things", "{\"name\":\"a\",\"size\":\"big\"}")));
        assertEquals(List.of("date"), fields(api.as(RestHarness.STAFF).post("/api/demo/things", "{\"name\":\"a\",\"size\":1,\"date\":\"2025-13-01\"}")));
        assertEquals(List.of("fiscalYear"), fields(api.as(RestHarness.STAFF).post("/api/demo/things", "{\"name\":\"a\",\"size\":1,\"fiscalYear\":1800}")));
        assertEquals(List.of("colour"), fields(api.as(RestHarness.STAFF).post("/api/demo/things", "{\"name\":\"a\",\"size\":1,\"colour\":1}")));
        assertEquals(List.of("body"), fields(api.as(RestHarness.STAFF).post("/api/demo/things", "{\"name\":")));
        assertEquals(List.of("body"), fields(api.as(RestHarness.STAFF).post("/api/demo/things", "")));
        assertEquals(List.of("body"), fields(api.as(RestHarness.STAFF).post("/api/demo/things", "[1,2]")));
    }

    @Test
    void pagingParametersAreChecked() {
        JsonNode page = api.as(RestHarness.STAFF).get("/api/demo/things?offset=1&limit=10").json();
        assertEquals(1, page.path("offset").asInt());
        assertEquals(10, page.path("limit").asInt());
        assertEquals(50, api.as(RestHarness.STAFF).get("/api/demo/things").json().path("limit").asInt());
        assertEquals(List.of("limit"), fields(api.as(RestHarness.STAFF).get("/api/demo/things?limit=501")));
        assertEquals(List.of("limit", "offset"), fields(api.as(RestHarness.STAFF).get("/api/demo/things?limit=x&offset=-1")));
    }

    @Test
    void failuresAreProblemsWithoutInternals() {
        assertTrue(api.as(RestHarness.STAFF).get("/api/demo/things/missing").isProblem(404));
        assertTrue(api.as(RestHarness.STAFF).get("/api/demo/things/taken").isProblem(409));
        ApiResponse broken = api.as(RestHarness.STAFF).get("/api/demo/things/broken");
        assertTrue(broken.isProblem(500), broken.toString());
        assertFalse(broken.body().contains("secret internal detail"));
        assertFalse(broken.body().contains("at org."));
        assertTrue(api.anonymous().get("/api/demo/nowhere").isProblem(404));
        ApiResponse wrongMethod = api.as(RestHarness.STAFF).send("DELETE", "/api/demo/things", null, null);
        assertTrue(wrongMethod.isProblem(405), wrongMethod.toString());
        assertTrue(api.as(RestHarness.STAFF).send("POST", "/api/demo/things", "text/plain", "x").isProblem(415));
        ApiResponse tooLarge = api.as(RestHarness.STAFF).post("/api/demo/things", "{\"name\":\"" + "x".repeat(4000) + "\"}");
        assertTrue(tooLarge.isProblem(413), tooLarge.toString());
    }

    @Test
    void aMethodMayAcceptLargerBodiesThanTheDefault() {
        ApiResponse accepted = api.as(RestHarness.STAFF).send("POST", "/api/demo/things/upload", "application/octet-stream",
                "x".repeat(6000));
        assertEquals(200, accepted.status(), accepted.toString());
        assertEquals("6000", accepted.body());
        ApiResponse refused = api.as(RestHarness.STAFF).send("POST", "/api/demo/things/upload", "application/octet-stream",
                "x".repeat(9000));
        assertTrue(refused.isProblem(413), refused.toString());
        // every other method keeps the configured limit (2048 here)
        assertTrue(api.as(RestHarness.STAFF).post("/api/demo/things", "{\"name\":\"" + "x".repeat(3000) + "\"}").isProblem(413));
    }

    @Test
    void rolesAreEnforcedAndFailClosed() {
        ApiResponse anonymous = api.anonymous().get("/api/demo/things");
        assertTrue(anonymous.isProblem(401));
        assertTrue(anonymous.header("WWW-Authenticate").startsWith("Basic"));
        assertTrue(api.anonymous().as(RestHarness.STAFF, "wrong").get("/api/demo/things").isProblem(401));
        assertTrue(api.as(RestHarness.JUROR).get("/api/demo/things").isProblem(403));
        assertEquals(200, api.as(RestHarness.COORDINATOR).get("/api/demo/things").status());
        assertEquals(200, api.as(RestHarness.ADMIN).get("/api/demo/things").status(), "admins may do what staff may");
        assertEquals(200, api.anonymous().get("/api/demo/things/open").status());
        assertTrue(api.as(RestHarness.STAFF).get("/api/demo/forgotten").isProblem(403), "no annotation means admin only");
        assertEquals(200, api.as(RestHarness.ADMIN).get("/api/demo/forgotten").status());
        assertTrue(api.as(RestHarness.STAFF).get("/api/demo/things/unsaid").isProblem(403));
    }

    private static List<String> fields(ApiResponse response) {
        assertTrue(response.isProblem(400), response.toString());
        return java.util.stream.StreamSupport.stream(response.json().path("errors").spliterator(), false)
                .map(e -> e.path("field").asText()).sorted().toList();
    }
}
