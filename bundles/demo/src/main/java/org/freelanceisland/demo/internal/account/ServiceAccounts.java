package org.freelanceisland.demo.internal.account;

import java.security.SecureRandom;
import java.util.List;

import org.freelanceisland.platform.accounts.UserStore;

/**
 * The accounts the demo island works with: a service account {@value #SERVICE} of the administrators'
 * group, and juror accounts for the contest's jury. They exist only while the demo is loaded or
 * cleared: each gets a new random password that is never written anywhere but Karaf's realm (hashed
 * there), and they are removed when the work is done, so no account with a known password stays behind.
 */
public final class ServiceAccounts {

    /** The account the demo loads and clears as. */
    public static final String SERVICE = "island-demo";
    /** The prefix of the demo's juror accounts. */
    public static final String JUROR_PREFIX = "demo-juror-";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserStore store;

    /**
     * The demo's accounts in the platform's user store.
     *
     * @param store the platform's user store
     */
    public ServiceAccounts(UserStore store) {
        this.store = store;
    }

    /**
     * Creates (or renews) an account with a new random password in one group.
     *
     * @param name the account
     * @param group the group, for example {@code admingroup}
     * @return the password
     */
    public String create(String name, String group) {
        String password = password();
        // one change: a sign-in never finds the account without its group
        store.edit(name, engine -> {
            engine.addUser(name, password); // an existing account keeps its groups and gets the new password
            if (engine.listGroups(new org.apache.karaf.jaas.boot.principal.UserPrincipal(name)).stream()
                    .noneMatch(g -> g.getName().equals(group))) {
                engine.addGroup(name, group);
            }
            return null;
        });
        return password;
    }

    /**
     * Removes an account if it exists.
     *
     * @param name the account
     */
    public void remove(String name) {
        if (store.read().lookupUser(name) != null) {
            store.edit(name, engine -> {
                if (engine.lookupUser(name) != null) {
                    engine.deleteUser(name);
                }
                return null;
            });
        }
    }

    /**
     * The demo's juror accounts that exist.
     *
     * @return their names
     */
    public List<String> jurors() {
        return store.read().listUsers().stream().map(u -> u.getName()).filter(n -> n.startsWith(JUROR_PREFIX)).sorted().toList();
    }

    private static String password() {
        StringBuilder p = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            p.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return p.toString();
    }
}
