package org.freelanceisland.platform.core.internal.admin;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;

/** Finds the editable user store of a JAAS realm among the services Karaf registers. */
final class KarafRealm {

    /** The realm whose accounts the platform uses. */
    static final String NAME = "karaf";
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
}
