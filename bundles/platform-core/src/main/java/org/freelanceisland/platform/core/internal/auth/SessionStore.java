package org.freelanceisland.platform.core.internal.auth;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The console's sign-in sessions, in memory. A session ends when it has not been used for the
 * idle timeout, when it reaches its maximum age, or when its user signs out. Session ids and CSRF
 * tokens are 256-bit random values; the id travels only in an HttpOnly cookie.
 *
 * <p>Sessions live in one node's memory: behind a load balancer, route a browser to the same node
 * (sticky sessions); scripts use HTTP Basic, which needs no session.
 */
public final class SessionStore {

    /** A signed-in browser. */
    public static final class Session {
        private final String id;
        private final String csrfToken;
        private final AuthenticatedUser user;
        private final long createdAt;
        private volatile long lastUsed;

        Session(String id, String csrfToken, AuthenticatedUser user, long now) {
            this.id = id;
            this.csrfToken = csrfToken;
            this.user = user;
            this.createdAt = now;
            this.lastUsed = now;
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
    }

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final long idleMillis;
    private final long maxAgeMillis;
    private final int maxSessions;
    private final LongSupplier clock;

    /**
     * Creates the store.
     *
     * @param idleTimeout how long a session lasts without a request
     * @param maxAge how long a session lasts at most
     * @param maxSessions how many sessions are kept at most; beyond, the least recently used goes
     * @param clock the current time in milliseconds
     */
    public SessionStore(Duration idleTimeout, Duration maxAge, int maxSessions, LongSupplier clock) {
        if (idleTimeout.isNegative() || idleTimeout.isZero() || maxAge.compareTo(idleTimeout) < 0 || maxSessions < 1) {
            throw new IllegalArgumentException("idle timeout must be positive and not longer than the maximum age");
        }
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
        if (sessions.size() >= maxSessions) {
            sessions.values().removeIf(s -> expired(s, now));
            while (sessions.size() >= maxSessions) {
                sessions.values().stream().min(Comparator.comparingLong(s -> s.lastUsed))
                        .ifPresent(oldest -> sessions.remove(oldest.id));
            }
        }
        Session session = new Session(token(), token(), user, now);
        sessions.put(session.id, session);
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
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        long now = clock.getAsLong();
        if (expired(session, now)) {
            sessions.remove(id, session);
            return Optional.empty();
        }
        session.lastUsed = now;
        return Optional.of(session);
    }

    /**
     * Ends a session.
     *
     * @param id the session id, may be {@code null}
     * @return whether a session ended
     */
    public boolean remove(String id) {
        return id != null && sessions.remove(id) != null;
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
        sessions.values().removeIf(s -> expired(s, now));
        return sessions.size();
    }

    private boolean expired(Session session, long now) {
        return now - session.lastUsed >= idleMillis || now - session.createdAt >= maxAgeMillis;
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
