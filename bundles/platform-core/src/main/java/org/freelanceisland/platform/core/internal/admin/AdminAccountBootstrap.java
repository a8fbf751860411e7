package org.freelanceisland.platform.core.internal.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;


import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.freelanceisland.platform.api.Roles;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On first start, when no account of the realm has the {@code admin} role, creates the account
 * {@code admin} in the group {@code admingroup}, with the password from the environment variable
 * {@value #PASSWORD_ENV} or, without it, a generated password written to
 * {@code ${karaf.data}/admin-password.txt} (readable by the owner only). There is no default
 * password. An existing administrator is never changed.
 */
@Component(immediate = true)
public final class AdminAccountBootstrap {

    /** The environment variable holding the first administrator's password. */
    public static final String PASSWORD_ENV = "FREELANCE_ISLAND_ADMIN_PASSWORD";
    /** The realm whose accounts the platform uses. */
    static final String REALM = KarafRealm.NAME;
    static final String ADMIN_USER = "admin";
    static final String ADMIN_GROUP = "admingroup";
    private static final Logger LOG = LoggerFactory.getLogger(AdminAccountBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /**
     * Checks for an administrator and creates one if there is none.
     *
     * @param realms the JAAS realms; Karaf registers them without service properties, so the
     *        realm {@value #REALM} is picked by name
     * @param engines the factories of user stores, one per kind of login module
     */
    @Activate
    public AdminAccountBootstrap(
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY)
            List<JaasRealm> realms,
            @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY)
            List<BackingEngineFactory> engines) {
        JaasRealm realm = KarafRealm.find(realms, REALM);
        if (realm == null) {
            LOG.debug("The JAAS realm {} is not registered yet", REALM);
            return;
        }
        BackingEngine engine = KarafRealm.engine(realm, engines);
        if (engine == null) {
            LOG.warn("The realm {} has no editable user store; no administrator account was created", realm.getName());
            return;
        }
        if (hasAdministrator(engine)) {
            return;
        }
        String fromEnv = System.getenv(PASSWORD_ENV);
        boolean generated = fromEnv == null || fromEnv.isBlank();
        String password = generated ? generate() : fromEnv;
        Path file = Path.of(System.getProperty("karaf.data", "data"), "admin-password.txt");
        // the account is complete (user and group) before anyone can learn its password: a sign-in
        // between the two steps would succeed without the admin role (and be cached that way)
        engine.addUser(ADMIN_USER, password);
        engine.addGroup(ADMIN_USER, ADMIN_GROUP);
        if (generated && !write(file, password)) {
            engine.deleteUser(ADMIN_USER); // an account whose password nobody knows would lock the administrator out
            return;
        }
        if (generated) {
            String message = "Created the administrator account 'admin'. Its generated password is in " + file.toAbsolutePath()
                    + " (set " + PASSWORD_ENV + " before the first start to choose it).";
            LOG.warn(message);
            System.out.println(message);
        } else {
            LOG.info("Created the administrator account 'admin' with the password from {}", PASSWORD_ENV);
        }
    }

    static boolean hasAdministrator(BackingEngine engine) {
        for (UserPrincipal user : engine.listUsers()) {
            List<RolePrincipal> roles = engine.listRoles(user);
            if (roles.stream().anyMatch(role -> Roles.ADMIN.equals(role.getName()))) {
                return true;
            }
        }
        return false;
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private static boolean write(Path file, String password) {
        try {
            Files.createDirectories(file.getParent());
            // written aside and moved into place, so that nobody ever reads a half-written file
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            try {
                Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(partial);
            }
            Files.writeString(partial, password + System.lineSeparator(), StandardCharsets.UTF_8);
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            LOG.error("Could not write the administrator password to {}; no administrator was created. Set {} and restart.",
                    file, PASSWORD_ENV, e);
            return false;
        }
    }

}
