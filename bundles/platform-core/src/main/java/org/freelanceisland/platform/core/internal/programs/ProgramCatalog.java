package org.freelanceisland.platform.core.internal.programs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.freelanceisland.platform.api.audit.AuditEntry;
import org.freelanceisland.platform.api.audit.AuditLog;
import org.freelanceisland.platform.core.internal.modules.ModuleRegistry;
import org.freelanceisland.platform.core.internal.modules.ModuleRegistry.ModuleInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The programs an administrator can install and retire: every Karaf feature named
 * {@code freelance-island-<id>} except the platform's own. Installing and retiring go through the
 * features service with {@link FeaturesService.Option#NoAutoRefreshBundles}, one at a time on a
 * single worker thread, so that adding or removing a program never refreshes another bundle. The
 * REST API and the {@code island:*} shell commands both use this catalog.
 */
@Component(service = ProgramCatalog.class)
public final class ProgramCatalog {

    /** The prefix of every program feature. */
    public static final String FEATURE_PREFIX = "freelance-island-";

    /** Features of the platform itself, which are not programs. */
    static final Set<String> PLATFORM_FEATURES = Set.of("freelance-island-platform", "freelance-island-rest",
            "freelance-island-persistence");

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Logger LOG = LoggerFactory.getLogger(ProgramCatalog.class);
    private static final long TIMEOUT_SECONDS = 300;

    /** A program as an administrator sees it. */
    public record Program(String id, String feature, String version, String description, boolean installed,
            ModuleInfo module) {
    }

    /** What an install or retire did. */
    public record Outcome(Program program, boolean changed, long millis) {
    }

    private final FeaturesService features;
    private final ModuleRegistry modules;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "freelance-island-programs");
        thread.setDaemon(true);
        return thread;
    });

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog audit;

    /**
     * Creates the catalog.
     *
     * @param features Karaf's features service
     * @param modules the registered program modules
     */
    @Activate
    public ProgramCatalog(@Reference FeaturesService features, @Reference ModuleRegistry modules) {
        this.features = features;
        this.modules = modules;
    }

    @Deactivate
    void stop() {
        worker.shutdownNow();
    }

    /**
     * Every program, installed or not, by id.
     *
     * @return the programs
     * @throws Exception if the features service cannot list its features
     */
    public List<Program> list() throws Exception {
        List<Program> programs = new ArrayList<>();
        for (Feature feature : features.listFeatures()) {
            String name = feature.getName();
            if (isProgramFeature(name) && programs.stream().noneMatch(p -> p.feature().equals(name))) {
                programs.add(describe(name));
            }
        }
        programs.sort(Comparator.comparing(Program::id));
        return programs;
    }

    /**
     * One program.
     *
     * @param id the program's id
     * @return the program, if a feature for it exists
     * @throws Exception if the features service fails
     */
    public Optional<Program> get(String id) throws Exception {
        if (id == null || !ID.matcher(id).matches() || !isProgramFeature(FEATURE_PREFIX + id)) {
            return Optional.empty();
        }
        return features.getFeatures(FEATURE_PREFIX + id).length == 0 ? Optional.empty()
                : Optional.of(describe(FEATURE_PREFIX + id));
    }

    /**
     * Installs a program. Installing an installed program changes nothing.
     *
     * @param id the program's id
     * @param actor who asks, for the audit log
     * @return what happened
     * @throws IllegalArgumentException if there is no such program
     * @throws Exception if the installation fails
     */
    public Outcome install(String id, String actor) throws Exception {
        return change(id, actor, true);
    }

    /**
     * Retires a program: uninstalls its feature; its data stays in the database. Retiring a
     * program that is not installed changes nothing.
     *
     * @param id the program's id
     * @param actor who asks, for the audit log
     * @return what happened
     * @throws IllegalArgumentException if there is no such program
     * @throws Exception if the uninstallation fails
     */
    public Outcome retire(String id, String actor) throws Exception {
        return change(id, actor, false);
    }

    private Outcome change(String id, String actor, boolean install) throws Exception {
        Program program = get(id).orElseThrow(() -> new IllegalArgumentException("No program with id " + id));
        Future<Outcome> result = worker.submit(() -> {
            long started = System.nanoTime();
            boolean installed = features.isInstalled(features.getFeature(program.feature()));
            if (installed == install) {
                return new Outcome(describe(program.feature()), false, 0);
            }
            EnumSet<FeaturesService.Option> options = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);
            if (install) {
                features.installFeature(program.feature(), options);
            } else {
                features.uninstallFeature(program.feature(), options);
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            LOG.info("Program {} {} by {} in {} ms", id, install ? "installed" : "retired", actor, millis);
            AuditLog log = audit;
            if (log != null) {
                log.record(AuditEntry.of(actor, install ? "platform.program.installed" : "platform.program.retired",
                        "program", id, null));
            }
            return new Outcome(describe(program.feature()), true, millis);
        });
        try {
            return result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new IllegalStateException("The program " + id + " did not " + (install ? "install" : "retire")
                    + " within " + TIMEOUT_SECONDS + " s; it goes on in the background", e);
        }
    }

    private Program describe(String featureName) throws Exception {
        Feature feature = features.getFeature(featureName);
        String id = featureName.substring(FEATURE_PREFIX.length());
        return new Program(id, featureName, feature.getVersion(), feature.getDescription(),
                features.isInstalled(feature), modules.get(id).orElse(null));
    }

    static boolean isProgramFeature(String name) {
        return name.startsWith(FEATURE_PREFIX) && !PLATFORM_FEATURES.contains(name)
                && ID.matcher(name.substring(FEATURE_PREFIX.length())).matches();
    }
}
