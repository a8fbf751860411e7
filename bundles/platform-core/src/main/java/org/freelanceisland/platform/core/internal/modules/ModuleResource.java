package org.freelanceisland.platform.core.internal.modules;

import java.util.List;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.core.internal.modules.ModuleRegistry.ModuleInfo;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * {@code /api/modules}: the programs installed right now. Open to everyone, since the console
 * builds its navigation from it before sign-in; it holds no personal data.
 */
@Path("modules")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public final class ModuleResource {

    private final ModuleRegistry registry;

    /**
     * Creates the resource.
     *
     * @param registry the module registry
     */
    public ModuleResource(ModuleRegistry registry) {
        this.registry = registry;
    }

    /**
     * Lists the modules.
     *
     * @return all registered modules, by id
     */
    @GET
    public Page<ModuleInfo> list() {
        List<ModuleInfo> modules = registry.list();
        return new Page<>(modules, modules.size(), 0, Math.max(modules.size(), 1));
    }

    /**
     * One module.
     *
     * @param id its id
     * @return the module
     */
    @GET
    @Path("{id}")
    public ModuleInfo get(@PathParam("id") String id) {
        return registry.get(id).orElseThrow(() -> ProblemException.notFound("program module", id));
    }
}
