package org.freelanceisland.platform.core.internal.auth;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;

/**
 * Successful logins remembered for a short time, so that a busy client does not cost a realm
 * lookup per request. Entries are keyed by a salted hash of the credentials (never the password);
 * the account management forgets a user's entries the moment their password, roles or state
 * change, so a disabled account or an old password stops working at once.
 */
@Component(service = LoginCache.class)
public final class LoginCache {

    private static final int MAX_ENTRIES = 1000;

    private record Entry(AuthenticatedUser user, long expiresAt) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * A remembered login.
     *
     * @param key the hash of the credentials
     * @param now the current time in milliseconds
     * @return the user, when remembered and not expired
     */
    public Optional<AuthenticatedUser> get(String key, long now) {
        Entry hit = entries.get(key);
        return hit != null && hit.expiresAt() > now ? Optional.of(hit.user()) : Optional.empty();
    }

    /**
     * Remembers a login.
     *
     * @param key the hash of the credentials
     * @param user the user
     * @param now the current time in milliseconds
     * @param expiresAt when to forget it, in milliseconds
     */
    public void put(String key, AuthenticatedUser user, long now, long expiresAt) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> e.expiresAt() <= now);
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(key, new Entry(user, expiresAt));
    }

    /**
     * Forgets every remembered login of a user.
     *
     * @param userName the user name
     */
    public void invalidate(String userName) {
        entries.values().removeIf(e -> e.user().name().equals(userName));
    }

    /**
     * The number of logins remembered now (for tests).
     *
     * @return the number of entries
     */
    int size() {
        return entries.size();
    }
}
