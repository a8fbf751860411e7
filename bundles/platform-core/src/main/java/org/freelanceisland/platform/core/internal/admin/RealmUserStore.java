package org.freelanceisland.platform.core.internal.admin;

import java.util.List;
import java.util.function.Function;

import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.freelanceisland.platform.accounts.UserStore;
import org.freelanceisland.platform.core.internal.auth.LoginCache;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The user store of Karaf's realm {@value KarafRealm#NAME}, changed atomically ({@link KarafRealm#edit}). */
@Component(service = { UserStore.class, RealmUserStore.class })
public final class RealmUserStore implements UserStore {

    private final List<JaasRealm> realms;
    private final List<BackingEngineFactory> engines;
    private final LoginCache logins;

    /**
     * Opens the store.
     *
     * @param realms the JAAS realms; the realm {@value KarafRealm#NAME} is picked by name
     * @param engines the factories of user stores
     * @param logins the remembered logins of the REST API
     */
    @Activate
    public RealmUserStore(
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY)
            List<JaasRealm> realms,
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY)
            List<BackingEngineFactory> engines,
            @Reference LoginCache logins) {
        this.realms = realms;
        this.engines = engines;
        this.logins = logins;
    }

    @Override
    public BackingEngine read() {
        BackingEngine engine = KarafRealm.engine(realm(), engines);
        if (engine == null) {
            throw new IllegalStateException("The JAAS realm " + KarafRealm.NAME + " has no editable user store");
        }
        return engine;
    }

    @Override
    public <T> T edit(String account, Function<BackingEngine, T> work) {
        T result = edit(work);
        logins.invalidate(account);
        return result;
    }

    /**
     * Changes the store without forgetting anyone's sign-ins (the caller does).
     *
     * @param <T> what the work answers
     * @param work the changes
     * @return what the work answered
     */
    <T> T edit(Function<BackingEngine, T> work) {
        return KarafRealm.edit(realm(), engines, work);
    }

    private JaasRealm realm() {
        JaasRealm realm = KarafRealm.find(realms, KarafRealm.NAME);
        if (realm == null) {
            throw new IllegalStateException("The JAAS realm " + KarafRealm.NAME + " is not registered");
        }
        return realm;
    }
}
