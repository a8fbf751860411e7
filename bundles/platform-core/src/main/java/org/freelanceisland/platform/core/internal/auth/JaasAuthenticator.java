package org.freelanceisland.platform.core.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks credentials against a JAAS realm (Karaf's {@code karaf} realm by default). Successful
 * logins are remembered for a short time, keyed by a salted hash of the credentials, so a busy
 * client does not cost a realm lookup per request. Account changes made through the platform
 * forget the user's remembered logins at once ({@link LoginCache#invalidate(String)}); an account
 * marked {@value #DISABLED_ROLE} cannot sign in.
 */
public final class JaasAuthenticator implements Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(JaasAuthenticator.class);
    /** The role that marks a disabled account: its logins are refused. */
    public static final String DISABLED_ROLE = "account-disabled";

    private final String realm;
    private final long cacheMillis;
    private final byte[] salt = new byte[16];
    private final LoginCache cache;

    /**
     * Creates the authenticator.
     *
     * @param realm the JAAS realm name
     * @param cacheSeconds how long a successful login is remembered; 0 to check every request
     * @param cache where successful logins are remembered
     */
    public JaasAuthenticator(String realm, int cacheSeconds, LoginCache cache) {
        this.realm = realm;
        this.cache = cache;
        this.cacheMillis = Math.max(0, cacheSeconds) * 1000L;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(String user, char[] password) {
        String key = cacheMillis > 0 ? key(user, password) : null;
        long now = System.currentTimeMillis();
        if (key != null) {
            Optional<AuthenticatedUser> hit = cache.get(key, now);
            if (hit.isPresent()) {
                return hit;
            }
        }
        Optional<AuthenticatedUser> result = login(user, password);
        if (key != null && result.isPresent()) {
            cache.put(key, result.get(), now, now + cacheMillis);
        }
        return result;
    }

    private Optional<AuthenticatedUser> login(String user, char[] password) {
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // the realm's proxy login module is loaded through the context class loader
        thread.setContextClassLoader(JaasAuthenticator.class.getClassLoader());
        try {
            LoginContext context = new LoginContext(realm, subject, callbacks -> {
                for (var callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(user);
                    } else if (callback instanceof PasswordCallback pw) {
                        pw.setPassword(password);
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            context.login();
            Set<String> roles = subject.getPrincipals(RolePrincipal.class).stream()
                    .map(RolePrincipal::getName).collect(Collectors.toSet());
            if (roles.contains(DISABLED_ROLE)) {
                LOG.debug("Login of {} refused: the account is disabled", user);
                return Optional.empty();
            }
            return Optional.of(new AuthenticatedUser(user, roles));
        } catch (LoginException e) {
            LOG.debug("Login of {} to realm {} refused: {}", user, realm, e.getMessage());
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private String key(String user, char[] password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            digest.update(user.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            byte[] pw = new String(password).getBytes(StandardCharsets.UTF_8);
            digest.update(pw);
            Arrays.fill(pw, (byte) 0);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
