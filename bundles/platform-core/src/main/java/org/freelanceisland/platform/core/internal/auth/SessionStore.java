package org.freelanceisland.platform.core.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The console's sign-in sessions. A session ends when it has not been used for the idle timeout,
 * when it reaches its maximum age, or when its user signs out. Session ids and CSRF tokens are
 * 256-bit random values; the id travels only in an HttpOnly cookie, and the store keeps only a
 * SHA-256 hash of it, so that a copy of the store does not give live sessions away.
 *
 * <p>Where the sessions are kept is a {@link Backend}: in the database
 * ({@link JdbcSessionBackend}, table {@code platform_session}), so that every node of a cluster
 * knows every session and a browser may be sent to any node; or in this node's memory
 * ({@link #memory()}, for tests and while the database is away).
 */
public final class SessionStore {

    /** A signed-in browser. Equal to another session with the same id. */
    public static final class Session {
        private final String id;
        private final String csrfToken;
        private final AuthenticatedUser user;

        Session(String id, String csrfToken, AuthenticatedUser user) {
            this.id = id;
            this.csrfToken = csrfToken;
            this.user = user;
        }

        /** @return the session id, the value of the session cookie */
        public String id() {
            return id;
        }

        /** @return the token every change made with this session must carry */
        public String csrfToken() {
            return csrfToken;
        }

        /** @return who signed in, with the roles they had then */
        public AuthenticatedUser user() {
            return user;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Session s && s.id.equals(id);
        }

        @Override
        public int hashCode() {
            return id.hashCode();
        }
    }

    /**
     * A stored session, under the hash of its id.
     *
     * @param csrfToken its CSRF token
     * @param userName who signed in
     * @param roles their roles at sign-in
     * @param createdAt when it began, in milliseconds
     * @param lastUsed when it was last used, in milliseconds
     */
    public record Stored(String csrfToken, String userName, Set<String> roles, long createdAt, long lastUsed) {
        /** Copies the roles. */
        public Stored {
            roles = Set.copyOf(roles);
        }
    }

    /** Where sessions are kept, keyed by the hash of their id. */
    public interface Backend {
        /**
         * Stores a new session.
         *
         * @param key the hash of its id
         * @param session the session
         */
        void insert(String key, Stored session);

        /**
         * A stored session.
         *
         * @param key the hash of its id
         * @return the session, if stored
         */
        Optional<Stored> get(String key);

        /**
         * Marks a session as used.
         *
         * @param key the hash of its id
         * @param lastUsed when, in milliseconds
         */
        void touch(String key, long lastUsed);

        /**
         * Forgets a session.
         *
         * @param key the hash of its id
         * @return whether it was stored
         */
        boolean delete(String key);

        /**
         * Forgets every session used last before a time or begun before another.
         *
         * @param usedBefore idle since before this, in milliseconds
         * @param createdBefore begun before this, in milliseconds
         */
        void deleteExpired(long usedBefore, long createdBefore);

        /**
         * How many sessions are stored.
         *
         * @return the number
         */
        int count();

        /**
         * Forgets the least recently used sessions until fewer than a number remain.
         *
         * @param below the number of sessions to stay under
         */
        void evictLeastRecentlyUsed(int below);

        /**
         * How stale a session's last use may be kept, to spare a write per request; 0 for exact.
         *
         * @return milliseconds
         */
        default long touchGranularityMillis() {
            return 0;
        }
    }

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final Backend backend;
    private final SecureRandom random = new SecureRandom();
    private final long idleMillis;
    private final long maxAgeMillis;
    private final int maxSessions;
    private final LongSupplier clock;

    /**
     * Creates a store that keeps sessions in this node's memory.
     *
     * @param idleTimeout how long a session lasts without a request
     * @param maxAge how long a session lasts at most
     * @param maxSessions how many sessions are kept at most; beyond, the least recently used goes
     * @param clock the current time in milliseconds
     */
    public SessionStore(Duration idleTimeout, Duration maxAge, int maxSessions, LongSupplier clock) {
        this(memory(), idleTimeout, maxAge, maxSessions, clock);
    }

    /**
     * Creates a store.
     *
     * @param backend where sessions are kept
     * @param idleTimeout how long a session lasts without a request
     * @param maxAge how long a session lasts at most
     * @param maxSessions how many sessions are kept at most; beyond, the least recently used goes
     * @param clock the current time in milliseconds
     */
    public SessionStore(Backend backend, Duration idleTimeout, Duration maxAge, int maxSessions, LongSupplier clock) {
        if (idleTimeout.isNegative() || idleTimeout.isZero() || maxAge.compareTo(idleTimeout) < 0 || maxSessions < 1) {
            throw new IllegalArgumentException("idle timeout must be positive and not longer than the maximum age");
        }
        this.backend = Objects.requireNonNull(backend);
        this.idleMillis = idleTimeout.toMillis();
        this.maxAgeMillis = maxAge.toMillis();
        this.maxSessions = maxSessions;
        this.clock = clock;
    }

    /**
     * Starts a session.
     *
     * @param user who signed in
     * @return the new session
     */
    public Session create(AuthenticatedUser user) {
        long now = clock.getAsLong();
        backend.deleteExpired(now - idleMillis, now - maxAgeMillis);
        if (backend.count() >= maxSessions) {
            backend.evictLeastRecentlyUsed(maxSessions);
        }
        Session session = new Session(token(), token(), user);
        backend.insert(key(session.id), new Stored(session.csrfToken, user.name(), user.roles(), now, now));
        return session;
    }

    /**
     * The live session of an id, marked as used now.
     *
     * @param id the value of the session cookie, may be {@code null} or malformed
     * @return the session, or empty when there is none or it has expired
     */
    public Optional<Session> find(String id) {
        if (id == null || !TOKEN.matcher(id).matches()) {
            return Optional.empty();
        }
        String key = key(id);
        Optional<Stored> stored = backend.get(key);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Stored s = stored.get();
        long now = clock.getAsLong();
        if (now - s.lastUsed() >= idleMillis || now - s.createdAt() >= maxAgeMillis) {
            backend.delete(key);
            return Optional.empty();
        }
        if (now - s.lastUsed() >= backend.touchGranularityMillis()) {
            backend.touch(key, now);
        }
        return Optional.of(new Session(id, s.csrfToken(), new AuthenticatedUser(s.userName(), s.roles())));
    }

    /**
     * Ends a session.
     *
     * @param id the session id, may be {@code null}
     * @return whether a session ended
     */
    public boolean remove(String id) {
        return id != null && TOKEN.matcher(id).matches() && backend.delete(key(id));
    }

    /**
     * The idle timeout.
     *
     * @return how long a session lasts without a request
     */
    public Duration idleTimeout() {
        return Duration.ofMillis(idleMillis);
    }

    /**
     * How many sessions are live, for monitoring.
     *
     * @return the number of sessions not yet expired
     */
    public int size() {
        long now = clock.getAsLong();
        backend.deleteExpired(now - idleMillis, now - maxAgeMillis);
        return backend.count();
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The key a session is stored under: the SHA-256 of its id, in hex.
     *
     * @param id the session id
     * @return the key
     */
    static String key(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A backend in this node's memory.
     *
     * @return a new, empty backend
     */
    public static Backend memory() {
        return new Backend() {
            private final Map<String, Stored> sessions = new ConcurrentHashMap<>();

            @Override
            public void insert(String key, Stored session) {
                sessions.put(key, session);
            }

            @Override
            public Optional<Stored> get(String key) {
                return Optional.ofNullable(sessions.get(key));
            }

            @Override
            public void touch(String key, long lastUsed) {
                sessions.computeIfPresent(key, (k, s) -> new Stored(s.csrfToken(), s.userName(), s.roles(), s.createdAt(), lastUsed));
            }

            @Override
            public boolean delete(String key) {
                return sessions.remove(key) != null;
            }

            @Override
            public void deleteExpired(long usedBefore, long createdBefore) {
                sessions.values().removeIf(s -> s.lastUsed() <= usedBefore || s.createdAt() <= createdBefore);
            }

            @Override
            public int count() {
                return sessions.size();
            }

            @Override
            public void evictLeastRecentlyUsed(int below) {
                while (sessions.size() >= below) {
                    sessions.entrySet().stream().min(Comparator.comparingLong(e -> e.getValue().lastUsed()))
                            .ifPresent(oldest -> sessions.remove(oldest.getKey()));
                }
            }
        };
    }
}
