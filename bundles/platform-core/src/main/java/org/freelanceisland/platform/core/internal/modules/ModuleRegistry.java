package org.freelanceisland.platform.core.internal.modules;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.Pillar;
import org.freelanceisland.platform.api.ProgramModule;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks the {@link ProgramModule} services registered right now. A module whose id is malformed
 * is ignored with a warning; when two modules claim one id, the one registered first is kept.
 */
@Component(service = ModuleRegistry.class)
public final class ModuleRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleRegistry.class);
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    /** What the platform knows of one registered module. */
    public record ModuleInfo(String id, LocalizedText title, LocalizedText description, List<Pillar> pillars,
            List<Integer> stages, String consolePath, String bundle, String version, String state) {
    }

    private final Map<ServiceReference<ProgramModule>, ProgramModule> modules = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addModule(ServiceReference<ProgramModule> reference, ProgramModule module) {
        String id = safeId(module);
        if (id == null || !ID.matcher(id).matches()) {
            LOG.warn("Ignoring program module with invalid id '{}' from bundle {}", id,
                    reference.getBundle().getSymbolicName());
            return;
        }
        modules.put(reference, module);
        LOG.info("Program module '{}' registered by {}", id, reference.getBundle().getSymbolicName());
    }

    void removeModule(ServiceReference<ProgramModule> reference) {
        ProgramModule removed = modules.remove(reference);
        if (removed != null) {
            LOG.info("Program module '{}' unregistered", safeId(removed));
        }
    }

    /**
     * The modules registered now, by id.
     *
     * @return the modules
     */
    public List<ModuleInfo> list() {
        Map<String, ModuleInfo> byId = new java.util.TreeMap<>();
        modules.entrySet().stream()
                .sorted(Comparator.comparing(e -> (Long) e.getKey().getProperty("service.id")))
                .forEach(e -> {
                    ModuleInfo info = describe(e.getKey(), e.getValue());
                    if (info != null) {
                        byId.putIfAbsent(info.id(), info);
                    }
                });
        return List.copyOf(byId.values());
    }

    /**
     * One module.
     *
     * @param id the module's id
     * @return the module if registered
     */
    public Optional<ModuleInfo> get(String id) {
        return list().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    private static ModuleInfo describe(ServiceReference<ProgramModule> reference, ProgramModule module) {
        Bundle bundle = reference.getBundle();
        if (bundle == null) {
            return null; // unregistered meanwhile
        }
        try {
            return new ModuleInfo(module.id(), module.title(), module.description(),
                    List.copyOf(new TreeSet<>(module.pillars())), List.copyOf(new TreeSet<>(module.stages())),
                    module.consolePath().orElse(null), bundle.getSymbolicName(), bundle.getVersion().toString(),
                    state(bundle.getState()));
        } catch (RuntimeException e) {
            LOG.warn("Program module from {} cannot describe itself: {}", bundle.getSymbolicName(), e.toString());
            return null;
        }
    }

    private static String safeId(ProgramModule module) {
        try {
            return module.id();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            default -> "UNINSTALLED";
        };
    }
}
