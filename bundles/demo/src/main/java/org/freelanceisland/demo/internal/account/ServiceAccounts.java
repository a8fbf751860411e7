package org.freelanceisland.demo.internal.account;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;

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
    private static final String REALM = "karaf";
    private static final String LOGIN_MODULE_OPTION = "org.apache.karaf.jaas.module";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final BackingEngine engine;

    private ServiceAccounts(BackingEngine engine) {
        this.engine = engine;
    }

    /**
     * Opens Karaf's realm.
     *
     * @param realms the realms Karaf registers (without service properties: picked by name)
     * @param engines the factories of user stores
     * @return the accounts
     * @throws IllegalStateException when the realm or its user store is not there
     */
    public static ServiceAccounts open(List<JaasRealm> realms, List<BackingEngineFactory> engines) {
        JaasRealm realm = realms.stream().filter(r -> REALM.equals(r.getName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("The JAAS realm " + REALM + " is not registered"));
        BackingEngine engine = Arrays.stream(realm.getEntries())
                .map(entry -> {
                    Object moduleClass = entry.getOptions().get(LOGIN_MODULE_OPTION);
                    return engines.stream().filter(f -> f.getModuleClass().equals(moduleClass)).findFirst()
                            .map(f -> f.build(entry.getOptions())).orElse(null);
                })
                .filter(Objects::nonNull).findFirst()
                .orElseThrow(() -> new IllegalStateException("The realm " + REALM + " has no editable user store"));
        return new ServiceAccounts(engine);
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
        engine.addUser(name, password); // an existing account keeps its groups and gets the new password
        if (engine.listGroups(new org.apache.karaf.jaas.boot.principal.UserPrincipal(name)).stream()
                .noneMatch(g -> g.getName().equals(group))) {
            engine.addGroup(name, group);
        }
        return password;
    }

    /**
     * Removes an account if it exists.
     *
     * @param name the account
     */
    public void remove(String name) {
        if (engine.lookupUser(name) != null) {
            engine.deleteUser(name);
        }
    }

    /**
     * The demo's juror accounts that exist.
     *
     * @return their names
     */
    public List<String> jurors() {
        return engine.listUsers().stream().map(u -> u.getName()).filter(n -> n.startsWith(JUROR_PREFIX)).sorted().toList();
    }

    private static String password() {
        StringBuilder p = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            p.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return p.toString();
    }
}
