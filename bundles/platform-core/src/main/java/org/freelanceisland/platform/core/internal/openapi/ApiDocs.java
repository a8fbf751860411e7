package org.freelanceisland.platform.core.internal.openapi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import javax.servlet.Servlet;

import org.freelanceisland.platform.core.internal.modules.ModuleRegistry;
import org.freelanceisland.platform.core.internal.rest.JsonMapperFactory;
import org.freelanceisland.platform.core.internal.rest.RestSupportImpl;
import org.freelanceisland.platform.rest.ModuleServlet;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI document of the whole API, kept live: every module servlet registered under
 * {@code /api/} (the platform's own and each installed program's) contributes its paths and
 * schemas, and a program retired disappears from the document with its servlet. A module's part is
 * described once, when the document is first asked for after the servlet appeared.
 */
@Component(service = ApiDocs.class)
public final class ApiDocs {

    private static final Logger LOG = LoggerFactory.getLogger(ApiDocs.class);

    private final BundleContext context;
    private final ModuleRegistry registry;
    private final long maxRequestBytes;
    private final ObjectMapper mapper = JsonMapperFactory.create();
    private final String version;
    /** The servlets under /api/, with their described part once asked for. */
    private final Map<ServiceReference<Servlet>, Optional<OpenApiBuilder.ModuleDocument>> servlets = new LinkedHashMap<>();

    /**
     * Starts the document.
     *
     * @param context the platform bundle's context, to reach the servlets' resource classes
     * @param registry the installed programs, for their titles
     * @param rest the REST support, for the request size limit
     */
    @Activate
    public ApiDocs(BundleContext context, @Reference ModuleRegistry registry, @Reference RestSupportImpl rest) {
        this.context = context;
        this.registry = registry;
        this.maxRequestBytes = rest.maxRequestBytes();
        this.version = context.getBundle().getVersion().toString();
    }

    /**
     * A servlet under {@code /api/} appeared.
     *
     * @param servlet its service reference
     */
    @Reference(service = Servlet.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN + "=/api/*)")
    synchronized void addServlet(ServiceReference<Servlet> servlet) {
        servlets.put(servlet, null);
    }

    /**
     * A servlet under {@code /api/} went.
     *
     * @param servlet its service reference
     */
    synchronized void removeServlet(ServiceReference<Servlet> servlet) {
        servlets.remove(servlet);
    }

    /**
     * The document as it stands now.
     *
     * @return the OpenAPI 3.0 document
     */
    public synchronized ObjectNode document() {
        List<OpenApiBuilder.ModuleDocument> parts = new ArrayList<>();
        for (Map.Entry<ServiceReference<Servlet>, Optional<OpenApiBuilder.ModuleDocument>> entry : servlets.entrySet()) {
            if (entry.getValue() == null) {
                entry.setValue(describe(entry.getKey()));
            }
            entry.getValue().ifPresent(parts::add);
        }
        parts.sort(Comparator.comparing((OpenApiBuilder.ModuleDocument part) -> !part.moduleId().equals("platform"))
                .thenComparing(OpenApiBuilder.ModuleDocument::moduleId));
        return OpenApiDocument.assemble(mapper, version, parts, titles());
    }

    private Function<String, String> titles() {
        Map<String, String> titles = new LinkedHashMap<>();
        for (ModuleRegistry.ModuleInfo module : registry.list()) {
            titles.put(module.id(), module.title().en() + " (" + module.title().ja() + ")");
        }
        return titles::get;
    }

    private Optional<OpenApiBuilder.ModuleDocument> describe(ServiceReference<Servlet> reference) {
        String base = basePath(reference);
        if (base == null) {
            return Optional.empty();
        }
        Servlet servlet = context.getService(reference);
        if (servlet == null) {
            return Optional.empty();
        }
        try {
            if (!(servlet instanceof ModuleServlet module)) {
                return Optional.empty();
            }
            String id = base.equals("/api") ? "platform" : base.substring("/api/".length()).replace('/', '.');
            OpenApiBuilder.ModuleDocument part = new OpenApiBuilder(id, base, mapper, maxRequestBytes)
                    .build(module.resourceClasses());
            part.notes().forEach(note -> LOG.info("OpenAPI document of {}: {}", id, note));
            return Optional.of(part);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("The API of the servlet {} cannot be described in the OpenAPI document",
                    reference.getProperty(Constants.SERVICE_ID), e);
            return Optional.empty();
        } finally {
            context.ungetService(reference);
        }
    }

    /** {@code /api/terakoya/*} as {@code /api/terakoya}; {@code null} for a pattern that is not one module's API. */
    static String basePath(ServiceReference<?> reference) {
        Object pattern = reference.getProperty(HttpWhiteboardConstants.HTTP_WHITEBOARD_SERVLET_PATTERN);
        String first = pattern instanceof String[] patterns && patterns.length > 0 ? patterns[0]
                : pattern instanceof String single ? single : null;
        return basePath(first);
    }

    static String basePath(String pattern) {
        if (pattern == null || !pattern.startsWith("/api") || !pattern.endsWith("/*")) {
            return null;
        }
        return pattern.substring(0, pattern.length() - 2);
    }
}
