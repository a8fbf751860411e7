package org.freelanceisland.platform.core.internal.rest;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.MultivaluedMap;

/**
 * Security headers on every API response: no content sniffing, no framing, no referrer, a content
 * security policy that allows nothing (a resource that serves a page, such as the API docs, sets
 * its own), HSTS when the request came over HTTPS, and no caching unless a resource says otherwise
 * (answers carry personal data). No CORS header is ever sent, so browsers keep other origins out.
 */
final class ResponseHeadersFilter implements ContainerResponseFilter {

    /** HSTS for a year, on HTTPS only (browsers ignore it over plain HTTP). */
    static final String HSTS = "max-age=31536000; includeSubDomains";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("Cross-Origin-Resource-Policy", "same-origin");
        if (!headers.containsKey("Content-Security-Policy")) {
            headers.putSingle("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        }
        if (!headers.containsKey("Cache-Control")) {
            headers.putSingle("Cache-Control", "no-store");
        }
        if (SessionCookie.secure(request)) {
            headers.putSingle("Strict-Transport-Security", HSTS);
        }
    }
}
