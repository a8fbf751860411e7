package org.freelanceisland.testing.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.freelanceisland.platform.api.Roles;
import org.freelanceisland.testing.http.ApiClient;
import org.freelanceisland.testing.http.ApiResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's session ({@code /api/session}) against a module's API: the cookie, CSRF tokens on
 * changes, sign-out, the lock after failed sign-ins, and HTTP Basic working as before.
 */
class ConsoleSessionTest {

    private RestHarness api;

    /** A module's resource that tells who called it. */
    @Path("notes")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.STAFF)
    public static class NoteResource {
        @GET
        public String whoAmI(@Context SecurityContext security) {
            return "{\"user\":\"" + security.getUserPrincipal().getName() + "\",\"scheme\":\""
                    + security.getAuthenticationScheme() + "\"}";
        }

        @POST
        @Consumes(MediaType.APPLICATION_JSON)
        public String add(String body) {
            return "{\"added\":true}";
        }

        @DELETE
        public void clear() {
        }

        @POST
        @Path("public")
        @Consumes(MediaType.APPLICATION_JSON)
        @PermitAll
        public String vote(String body) {
            return "{\"counted\":true}";
        }
    }

    @BeforeEach
    void start() {
        api = RestHarness.start("/api/notes", rest -> rest.application("notes").register(new NoteResource()));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void signingInAnswersTheUserRolesAndTokenWithAStrictHttpOnlyCookie() {
        ApiResponse response = api.anonymous().post("/api/session",
                "{\"user\":\"" + RestHarness.COORDINATOR + "\",\"password\":\"" + RestHarness.PASSWORD + "\"}");
        assertEquals(200, response.status(), response.toString());
        assertEquals(RestHarness.COORDINATOR, response.json().path("user").asText());
        assertEquals("[\"coordinator\",\"staff\"]", response.json().path("roles").toString());
        assertTrue(response.json().path("csrfToken").asText().length() >= 40);
        assertEquals(1800, response.json().path("idleTimeoutSeconds").asLong());
        String cookie = response.header("Set-Cookie");
        assertTrue(cookie.matches("FI_SESSION=[A-Za-z0-9_-]{43}; Path=/api/; HttpOnly; SameSite=Strict"), cookie);
        assertFalse(response.body().contains(cookie.substring(11, 54)), "the session id is only in the cookie");
        assertEquals("no-store", response.header("Cache-Control"));
    }

    @Test
    void theSessionAuthenticatesModuleRequestsAndSaysWhoIsSignedIn() {
        ApiClient browser = api.signIn(RestHarness.STAFF);
        ApiResponse me = browser.get("/api/session");
        assertEquals(200, me.status(), me.toString());
        assertEquals(RestHarness.STAFF, me.json().path("user").asText());
        assertEquals(browser.header(ApiClient.CSRF_HEADER), me.json().path("csrfToken").asText(),
                "a reloaded console gets its token back");
        ApiResponse notes = browser.withoutHeader(ApiClient.CSRF_HEADER).get("/api/notes/notes");
        assertEquals(200, notes.status(), notes.toString());
        assertEquals("{\"user\":\"staff\",\"scheme\":\"SESSION\"}", notes.body());
        assertTrue(api.signIn(RestHarness.JUROR).get("/api/notes/notes").isProblem(403), "roles still apply");
    }

    @Test
    void changesWithTheSessionNeedTheCsrfToken() {
        ApiClient browser = api.signIn(RestHarness.STAFF);
        assertEquals(200, browser.post("/api/notes/notes", "{}").status());
        assertEquals(204, browser.delete("/api/notes/notes").status());

        ApiClient forged = browser.withoutHeader(ApiClient.CSRF_HEADER);
        for (ApiResponse refused : List.of(forged.post("/api/notes/notes", "{}"), forged.delete("/api/notes/notes"),
                forged.post("/api/notes/notes/public", "{}"),
                browser.withHeader(ApiClient.CSRF_HEADER, "wrong").post("/api/notes/notes", "{}"),
                browser.withHeader(ApiClient.CSRF_HEADER, api.signIn(RestHarness.STAFF).header(ApiClient.CSRF_HEADER))
                        .post("/api/notes/notes", "{}"))) {
            assertTrue(refused.isProblem(403), refused.toString());
            assertEquals("urn:freelance-island:problem:csrf", refused.json().path("type").asText());
        }
        assertEquals(200, api.anonymous().post("/api/notes/notes/public", "{}").status(),
                "anonymous requests carry no session to forge");
    }

    @Test
    void httpBasicWorksAsBeforeWithoutAToken() {
        ApiResponse basic = api.as(RestHarness.STAFF).post("/api/notes/notes", "{}");
        assertEquals(200, basic.status(), basic.toString());
        assertEquals("BASIC", api.as(RestHarness.STAFF).get("/api/notes/notes").json().path("scheme").asText());
        ApiResponse anonymous = api.anonymous().get("/api/notes/notes");
        assertTrue(anonymous.isProblem(401));
        assertTrue(anonymous.header("WWW-Authenticate").startsWith("Basic"), "scripts are told to use Basic");
        ApiResponse fromConsole = api.anonymous().withHeader("X-Requested-With", "fetch").get("/api/notes/notes");
        assertTrue(fromConsole.isProblem(401));
        assertNull(fromConsole.header("WWW-Authenticate"), "no browser password dialog for the console");
    }

    @Test
    void signingOutEndsTheSessionAndDeletesTheCookie() {
        ApiClient browser = api.signIn(RestHarness.STAFF);
        assertTrue(browser.withoutHeader(ApiClient.CSRF_HEADER).delete("/api/session").isProblem(403),
                "signing out is a change too");
        ApiResponse out = browser.delete("/api/session");
        assertEquals(204, out.status(), out.toString());
        assertTrue(out.header("Set-Cookie").startsWith("FI_SESSION=; Path=/api/; HttpOnly; SameSite=Strict; Max-Age=0"),
                out.header("Set-Cookie"));
        assertTrue(browser.get("/api/session").isProblem(401));
        assertTrue(browser.get("/api/notes/notes").isProblem(401));
        assertEquals(204, browser.delete("/api/session").status(), "signing out twice is fine");
        assertTrue(api.anonymous().get("/api/session").isProblem(401));
    }

    @Test
    void signingInAgainReplacesTheSession() {
        ApiClient first = api.signIn(RestHarness.STAFF);
        ApiResponse again = first.withoutHeader(ApiClient.CSRF_HEADER).post("/api/session",
                "{\"user\":\"" + RestHarness.ADMIN + "\",\"password\":\"" + RestHarness.PASSWORD + "\"}");
        assertEquals(200, again.status(), "signing in needs no token: " + again);
        assertTrue(first.get("/api/session").isProblem(401), "the old session ended");
        assertNotEquals(first.header("Cookie"), again.header("Set-Cookie"));
    }

    @Test
    void wrongCredentialsGetOneAnswerWhetherOrNotTheUserExists() {
        ApiResponse wrongPassword = api.anonymous().post("/api/session", "{\"user\":\"staff\",\"password\":\"nope\"}");
        ApiResponse noSuchUser = api.anonymous().post("/api/session", "{\"user\":\"tanaka\",\"password\":\"nope\"}");
        assertTrue(wrongPassword.isProblem(401));
        assertEquals(wrongPassword.body(), noSuchUser.body());
        assertNull(wrongPassword.header("Set-Cookie"));
        assertNull(wrongPassword.header("WWW-Authenticate"), "a form, not a Basic challenge");
        ApiResponse invalid = api.anonymous().post("/api/session", "{\"user\":\" \"}");
        assertTrue(invalid.isProblem(400));
        assertEquals(2, invalid.json().path("errors").size(), invalid.toString());
    }

    @Test
    void fiveFailuresLockTheUserNameEvenForTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            assertTrue(api.anonymous().post("/api/session", "{\"user\":\"staff\",\"password\":\"guess" + i + "\"}")
                    .isProblem(401));
        }
        ApiResponse locked = api.anonymous().post("/api/session",
                "{\"user\":\"staff\",\"password\":\"" + RestHarness.PASSWORD + "\"}");
        assertTrue(locked.isProblem(429), locked.toString());
        assertEquals("60", locked.header("Retry-After"));
        assertTrue(api.as(RestHarness.STAFF).get("/api/notes/notes").isProblem(429), "HTTP Basic is locked too");
        assertEquals(200, api.signIn(RestHarness.COORDINATOR).get("/api/notes/notes").status(), "others are not");

        for (int i = 0; i < 5; i++) {
            api.anonymous().as("tanaka", "guess" + i).get("/api/notes/notes");
        }
        ApiResponse lockedStranger = api.anonymous().post("/api/session", "{\"user\":\"tanaka\",\"password\":\"x\"}");
        assertEquals(locked.body().replace("staff", "tanaka"), lockedStranger.body().replace("staff", "tanaka"),
                "a name that does not exist is locked the same way");
    }
}
