package org.freelanceisland.platform.core.internal.rest;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;

/**
 * The console's session cookie: HttpOnly (scripts cannot read it), SameSite=Strict (no other site
 * can make the browser send it), limited to {@code /api/}, and Secure when the request came over
 * HTTPS. It has no expiry date, so it goes when the browser closes.
 */
final class SessionCookie {

    /** The name of the cookie. */
    static final String NAME = "FI_SESSION";
    /** The header that carries the session's CSRF token on every change. */
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** The request property that holds the session a request was authenticated with. */
    static final String SESSION_PROPERTY = "org.freelanceisland.session";

    private static final String ATTRIBUTES = "; Path=/api/; HttpOnly; SameSite=Strict";

    private SessionCookie() {
    }

    /** The session id the request carries, or {@code null}. */
    static String read(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(NAME);
        return cookie == null ? null : cookie.getValue();
    }

    /** The session id the request carries, or {@code null}. */
    static String read(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(NAME);
        return cookie == null ? null : cookie.getValue();
    }

    /** The Set-Cookie header value that stores a session id. */
    static String set(String sessionId, boolean secure) {
        return NAME + "=" + sessionId + ATTRIBUTES + (secure ? "; Secure" : "");
    }

    /** The Set-Cookie header value that deletes the cookie. */
    static String clear(boolean secure) {
        return NAME + "=" + ATTRIBUTES + "; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT" + (secure ? "; Secure" : "");
    }

    /** Whether a request came over HTTPS. */
    static boolean secure(ContainerRequestContext request) {
        return "https".equals(request.getUriInfo().getRequestUri().getScheme());
    }

    /**
     * Whether a request comes from a script of the console rather than from a client that should
     * be told to use HTTP Basic.
     */
    static boolean fromConsole(ContainerRequestContext request) {
        return request.getHeaderString("X-Requested-With") != null || read(request) != null;
    }
}
