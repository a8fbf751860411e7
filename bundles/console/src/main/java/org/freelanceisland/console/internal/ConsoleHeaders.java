package org.freelanceisland.console.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
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
 * Security and caching headers for everything under {@code /console} (the shell and every
 * program's panel). The page allows scripts, styles and connections to this origin only (no inline
 * script or style), may not be framed or embedded by other sites, and over HTTPS tells browsers to
 * keep to HTTPS (HSTS).
 * Pages, scripts, styles and messages are revalidated on every use ({@code no-cache}: a 304 when
 * unchanged), so an installed, upgraded or retired program shows at the next navigation; images and
 * fonts are kept for a day.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern({ "/console", "/console/*" })
@HttpWhiteboardFilterName("freelance-island-console-headers")
public final class ConsoleHeaders implements Filter {

    /** The content security policy of the console. */
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        headers(request.isSecure(), request.getRequestURI()).forEach(response::setHeader);
        chain.doFilter(request, response);
    }

    /**
     * The headers of a console file.
     *
     * @param secure whether the request came over HTTPS (then browsers are told to keep to HTTPS)
     * @param path the file's address
     * @return the headers by name
     */
    static Map<String, String> headers(boolean secure, String path) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Referrer-Policy", "same-origin");
        headers.put("Content-Security-Policy", POLICY);
        headers.put("Cross-Origin-Resource-Policy", "same-origin");
        headers.put("Cache-Control", cacheControl(path));
        if (secure) {
            headers.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        return headers;
    }

    /** How long a browser may keep a file of the console. */
    static String cacheControl(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        String extension = dot < lower.lastIndexOf('/') || dot < 0 ? "" : lower.substring(dot + 1);
        return switch (extension) {
            case "png", "jpg", "jpeg", "gif", "svg", "webp", "ico", "woff", "woff2" -> "public, max-age=86400";
            default -> "no-cache";
        };
    }
}
