package org.freelanceisland.contest.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Security headers for the public pages under {@code /contest/} (the ballot the ticket QR codes open,
 * and the published results), which anyone may open from the internet: scripts, styles, images and
 * connections from this origin only, no framing by other sites (a ballot in someone else's frame
 * could be clicked for the voter), no content sniffing, no referrer (the ballot's address holds the
 * ticket code), and over HTTPS HSTS. The pages are revalidated on every use.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/contest/*")
@HttpWhiteboardFilterName("freelance-island-contest-public-headers")
public final class PublicPageHeaders implements Filter {

    /** The content security policy of the public pages. */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        headers(request.isSecure()).forEach(response::setHeader);
        chain.doFilter(request, response);
    }

    /**
     * The headers of a public page or its files.
     *
     * @param secure whether the request came over HTTPS
     * @return the headers by name
     */
    static Map<String, String> headers(boolean secure) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Content-Security-Policy", POLICY);
        headers.put("Cross-Origin-Resource-Policy", "same-origin");
        headers.put("Cache-Control", "no-cache");
        if (secure) {
            headers.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        return headers;
    }
}
