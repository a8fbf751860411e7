package org.freelanceisland.platform.core.internal.admin;

import java.util.List;
import java.util.function.Function;

import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.freelanceisland.platform.core.internal.auth.LoginCache;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The staff accounts of Karaf's {@code karaf} realm for the REST API ({@code /api/admin/accounts}).
 * Every change forgets the account's cached logins at once.
 */
@Component(service = AccountService.class)
public final class AccountService {

    private final Accounts accounts;

    /**
     * Starts the account management.
     *
     * @param realms the JAAS realms; the realm {@value KarafRealm#NAME} is picked by name
     * @param engines the factories of user stores
     * @param logins the remembered logins of the REST API
     */
    @Activate
    public AccountService(
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY)
            List<JaasRealm> realms,
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY)
            List<BackingEngineFactory> engines,
            @Reference LoginCache logins) {
        this.accounts = new Accounts(new Accounts.Store() {
            @Override
            public BackingEngine read() {
                return open(realms, engines);
            }

            @Override
            public <T> T edit(Function<BackingEngine, T> work) {
                JaasRealm realm = KarafRealm.find(realms, KarafRealm.NAME);
                if (realm == null) {
                    throw new IllegalStateException("The JAAS realm " + KarafRealm.NAME + " is not registered");
                }
                return KarafRealm.edit(realm, engines, work);
            }
        }, logins::invalidate);
    }

    private static BackingEngine open(List<JaasRealm> realms, List<BackingEngineFactory> engines) {
        JaasRealm realm = KarafRealm.find(realms, KarafRealm.NAME);
        BackingEngine engine = realm == null ? null : KarafRealm.engine(realm, engines);
        if (engine == null) {
            throw new IllegalStateException("The JAAS realm " + KarafRealm.NAME + " has no editable user store");
        }
        return engine;
    }

    /**
     * The accounts.
     *
     * @return the account management
     */
    public Accounts accounts() {
        return accounts;
    }
}
