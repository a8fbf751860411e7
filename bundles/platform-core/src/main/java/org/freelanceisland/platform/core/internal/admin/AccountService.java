package org.freelanceisland.platform.core.internal.admin;

import java.util.function.Function;

import org.apache.karaf.jaas.modules.BackingEngine;
import org.freelanceisland.platform.core.internal.auth.LoginCache;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The staff accounts of Karaf's {@code karaf} realm for the REST API ({@code /api/admin/accounts}).
 * Every change is written at once ({@link RealmUserStore}) and forgets the account's cached logins.
 */
@Component(service = AccountService.class)
public final class AccountService {

    private final Accounts accounts;

    /**
     * Starts the account management.
     *
     * @param store the realm's user store
     * @param logins the remembered logins of the REST API
     */
    @Activate
    public AccountService(@Reference RealmUserStore store, @Reference LoginCache logins) {
        this.accounts = new Accounts(new Accounts.Store() {
            @Override
            public BackingEngine read() {
                return store.read();
            }

            @Override
            public <T> T edit(Function<BackingEngine, T> work) {
                return store.edit(work);
            }
        }, logins::invalidate);
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
