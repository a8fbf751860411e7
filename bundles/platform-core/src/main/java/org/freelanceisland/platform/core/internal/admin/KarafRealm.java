package org.freelanceisland.platform.core.internal.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;

/** Finds the editable user store of a JAAS realm among the services Karaf registers. */
final class KarafRealm {

    /** The realm whose accounts the platform uses. */
    static final String NAME = "karaf";
    /** The option of the properties login module that names its file. */
    static final String USERS_OPTION = "users";
    /** The option of Karaf's proxy login module that names the real login module class. */
    private static final String LOGIN_MODULE_OPTION = "org.apache.karaf.jaas.module";

    private KarafRealm() {
    }

    /**
     * The realm of a name.
     *
     * @param realms the realms registered; Karaf registers them without service properties
     * @param name the realm's name
     * @return the realm, or {@code null}
     */
    static JaasRealm find(List<JaasRealm> realms, String name) {
        return realms.stream().filter(r -> name.equals(r.getName())).findFirst().orElse(null);
    }

    /**
     * Opens the user store of the first login module of a realm that has an editable one (the
     * properties module in Karaf's realm). Every call reads the store afresh.
     *
     * @param realm the realm
     * @param engines the factories of user stores, one per kind of login module
     * @return the store, or {@code null} when the realm has none that can be edited
     */
    static BackingEngine engine(JaasRealm realm, List<BackingEngineFactory> engines) {
        return Arrays.stream(realm.getEntries())
                .map(entry -> {
                    Object moduleClass = entry.getOptions().get(LOGIN_MODULE_OPTION);
                    return engines.stream().filter(f -> f.getModuleClass().equals(moduleClass)).findFirst()
                            .map(f -> f.build(entry.getOptions())).orElse(null);
                })
                .filter(Objects::nonNull)
                .findFirst().orElse(null);
    }

    /**
     * Changes the user store of a realm so that nobody ever reads half a change. Karaf's properties
     * store rewrites {@code etc/users.properties} in place at every step, and Karaf's password
     * encryption watches that file and rewrites it whenever it changes: reading it half written, it
     * saved the half and lost the accounts after the cut. So the work runs on a draft copy beside the
     * file, which then replaces the file in one atomic move (readers see the old file or the new one).
     * Stores that are not files are changed in place.
     *
     * @param <T> what the work answers
     * @param realm the realm
     * @param engines the factories of user stores
     * @param work the changes, on the store
     * @return what the work answered
     * @throws IllegalStateException when the realm has no editable store
     */
    static <T> T edit(JaasRealm realm, List<BackingEngineFactory> engines, Function<BackingEngine, T> work) {
        for (AppConfigurationEntry entry : realm.getEntries()) {
            Object moduleClass = entry.getOptions().get(LOGIN_MODULE_OPTION);
            BackingEngineFactory factory = engines.stream().filter(f -> f.getModuleClass().equals(moduleClass)).findFirst()
                    .orElse(null);
            if (factory == null) {
                continue;
            }
            Object users = entry.getOptions().get(USERS_OPTION);
            if (users == null) {
                return work.apply(factory.build(entry.getOptions()));
            }
            return editFile(Path.of(users.toString()), draft -> {
                Map<String, Object> options = new HashMap<>(entry.getOptions());
                options.put(USERS_OPTION, draft.toString());
                return work.apply(factory.build(options));
            });
        }
        throw new IllegalStateException("The JAAS realm " + realm.getName() + " has no editable user store");
    }

    /**
     * Runs changes on a draft copy of a file, then moves the draft over the file atomically; the
     * draft is removed when the changes fail.
     *
     * @param <T> what the work answers
     * @param file the file
     * @param work the changes, given the draft's path
     * @return what the work answered
     */
    static <T> T editFile(Path file, Function<Path, T> work) {
        Path draft = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".draft");
        try {
            if (Files.exists(file)) {
                Files.copy(file, draft, StandardCopyOption.COPY_ATTRIBUTES);
            } else {
                Files.createFile(draft);
            }
            T result = work.apply(draft);
            Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        } finally {
            try {
                Files.deleteIfExists(draft);
            } catch (IOException e) {
                // the draft is hidden and named as one; nothing reads it
            }
        }
    }
}
