package org.freelanceisland.platform.core.internal;

import javax.servlet.Servlet;

import org.freelanceisland.platform.core.internal.admin.AccountResource;
import org.freelanceisland.platform.core.internal.audit.AuditResource;
import org.freelanceisland.platform.core.internal.backup.BackupResource;
import org.freelanceisland.platform.core.internal.backup.BackupService;
import org.freelanceisland.platform.core.internal.health.HealthResource;
import org.freelanceisland.platform.core.internal.ledger.LedgerResource;
import org.freelanceisland.platform.core.internal.modules.ModuleRegistry;
import org.freelanceisland.platform.core.internal.modules.ModuleResource;
import org.freelanceisland.platform.core.internal.openapi.ApiDocs;
import org.freelanceisland.platform.core.internal.openapi.DocsPage;
import org.freelanceisland.platform.core.internal.openapi.OpenApiResource;
import org.freelanceisland.platform.core.internal.programs.ProgramCatalog;
import org.freelanceisland.platform.core.internal.programs.ProgramResource;
import org.freelanceisland.platform.core.internal.records.RecordRemovals;
import org.freelanceisland.platform.core.internal.records.RecordResource;
import org.freelanceisland.platform.core.internal.rest.RestSupportImpl;
import org.freelanceisland.platform.rest.ModuleServlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The platform's own REST API under {@code /api/}: health, modules, the ledger, the audit log,
 * the staff accounts, the program catalog, the removal of programs' records, the console's session
 * and the OpenAPI document with its browsable docs. It is mapped to
 * {@code /api/*}, so it also answers with a problem+json 404 for the API of a program that is not
 * installed; each program's servlet ({@code /api/<id>/*}) is the longer match and wins.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/api/*")
@HttpWhiteboardServletName("freelance-island-platform-api")
public final class PlatformApi extends ModuleServlet {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the platform API.
     *
     * @param rest the shared REST support, which also keeps the console's sessions
     * @param registry the module registry
     * @param services the database and ledger, when available
     * @param programs the programs administrators install and retire
     * @param removals the programs' removals of records
     * @param docs the OpenAPI document of the whole API
     * @param backups backups and archives of the database
     */
    @Activate
    public PlatformApi(@Reference RestSupportImpl rest, @Reference ModuleRegistry registry,
            @Reference PlatformServices services, @Reference ProgramCatalog programs,
            @Reference RecordRemovals removals, @Reference ApiDocs docs, @Reference BackupService backups) {
        super(rest.application("platform")
                .register(new HealthResource(services::dataSource, services::dataSourceDiagnosis, services::schemas, registry,
                        () -> services.ledger() != null && services.audit() != null))
                .register(new ModuleResource(registry))
                .register(new LedgerResource(services::ledger, services::audit))
                .register(new AuditResource(services::audit))
                .register(new AccountResource(services::accounts, services::audit))
                .register(new ProgramResource(programs))
                .register(new RecordResource(removals, services::audit))
                .register(new BackupResource(backups))
                .register(rest.sessionResource())
                .register(new OpenApiResource(docs))
                .register(new DocsPage()));
    }
}
