package org.freelanceisland.console.internal;

import java.io.IOException;
import java.util.Locale;

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
 * Security and caching headers for everything under {@code /console}. The page allows scripts,
 * styles and connections to this origin only (no inline script or style), and may not be framed.
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
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("Cache-Control", cacheControl(request.getRequestURI()));
        chain.doFilter(request, response);
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
