package org.freelanceisland.platform.core.internal.auth;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * Slows down password guessing, per user name: after a number of failed sign-ins in a row the
 * name is locked for a while, and every further failure doubles the lock (up to a ceiling). A
 * success clears the count; failures are forgotten when none came for a while. Names are tracked
 * whether or not such a user exists, so the answers never tell whether a user exists.
 *
 * <p>The counts are kept by a {@link Backend}: in the database ({@link JdbcThrottleBackend}, table
 * {@code platform_signin_failure}), so that guessing on several nodes of a cluster counts once; or
 * in this node's memory ({@link #memory()}).
 */
public final class SignInThrottle {

    private static final int MAX_TRACKED = 10_000;

    /**
     * The failures of one name.
     *
     * @param count failures in a row
     * @param last when the last came, in milliseconds
     * @param lockedUntil until when the name is locked, in milliseconds
     */
    public record Failures(int count, long last, long lockedUntil) {
    }

    /** Where the counts are kept, by normalised user name. */
    public interface Backend {
        /**
         * The failures of a name.
         *
         * @param key the normalised name
         * @return its failures, if any are kept
         */
        Optional<Failures> get(String key);

        /**
         * Changes the failures of a name atomically (across nodes for a shared backend).
         *
         * @param key the normalised name
         * @param change from the current failures ({@code null} for none) to the new ones
         * @return the new failures
         */
        Failures update(String key, UnaryOperator<Failures> change);

        /**
         * Forgets the failures of a name.
         *
         * @param key the normalised name
         */
        void delete(String key);

        /**
         * Forgets old entries when too many are kept.
         *
         * @param max how many may be kept
         * @param lastBefore entries whose last failure came before this may go, in milliseconds
         * @param now the current time (entries no longer locked may go when still too many)
         */
        void prune(int max, long lastBefore, long now);
    }

    private final Backend backend;
    private final int maxFailures;
    private final long lockMillis;
    private final long maxLockMillis;
    private final long forgetMillis;
    private final LongSupplier clock;

    /**
     * Creates the throttle in this node's memory.
     *
     * @param maxFailures failures in a row before the name is locked
     * @param lock how long the first lock lasts
     * @param maxLock the longest lock
     * @param clock the current time in milliseconds
     */
    public SignInThrottle(int maxFailures, Duration lock, Duration maxLock, LongSupplier clock) {
        this(memory(), maxFailures, lock, maxLock, clock);
    }

    /**
     * Creates the throttle.
     *
     * @param backend where the counts are kept
     * @param maxFailures failures in a row before the name is locked
     * @param lock how long the first lock lasts
     * @param maxLock the longest lock
     * @param clock the current time in milliseconds
     */
    public SignInThrottle(Backend backend, int maxFailures, Duration lock, Duration maxLock, LongSupplier clock) {
        if (maxFailures < 1 || lock.isNegative() || maxLock.compareTo(lock) < 0) {
            throw new IllegalArgumentException("at least one failure, and a lock not longer than the longest lock");
        }
        this.backend = Objects.requireNonNull(backend);
        this.maxFailures = maxFailures;
        this.lockMillis = lock.toMillis();
        this.maxLockMillis = maxLock.toMillis();
        this.forgetMillis = Math.max(Duration.ofMinutes(15).toMillis(), 2 * maxLockMillis);
        this.clock = clock;
    }

    /**
     * How long a name stays locked.
     *
     * @param user the user name as typed
     * @return the time left, or empty when the name may try now
     */
    public Optional<Duration> lockedFor(String user) {
        return check(user).locked();
    }

    /**
     * What the throttle knows of a name before a sign-in: whether it is locked, and whether failures
     * are kept that a success must clear. One read of the backend.
     *
     * @param user the user name as typed
     * @return the state of the name
     */
    public Check check(String user) {
        Optional<Failures> entry = backend.get(key(user));
        if (entry.isEmpty()) {
            return Check.CLEAR;
        }
        long left = entry.get().lockedUntil() - clock.getAsLong();
        return new Check(left > 0 ? Optional.of(Duration.ofMillis(left)) : Optional.empty(), true);
    }

    /**
     * The state of a name before a sign-in.
     *
     * @param locked the time left of its lock, or empty when it may try now
     * @param failures whether failures of the name are kept
     */
    public record Check(Optional<Duration> locked, boolean failures) {
        static final Check CLEAR = new Check(Optional.empty(), false);
    }

    /**
     * Counts a failed sign-in.
     *
     * @param user the user name as typed
     * @return the lock this failure started, or empty when the name may try again at once
     */
    public Optional<Duration> failed(String user) {
        long now = clock.getAsLong();
        backend.prune(MAX_TRACKED, now - forgetMillis, now);
        Failures after = backend.update(key(user), before -> {
            int count = before == null || now - before.last() > forgetMillis ? 1 : before.count() + 1;
            long lockedUntil = before == null ? 0 : before.lockedUntil();
            if (count >= maxFailures) {
                int doublings = Math.min(count - maxFailures, 30);
                lockedUntil = now + Math.min(maxLockMillis, lockMillis << doublings);
            }
            return new Failures(count, now, lockedUntil);
        });
        return after.count() >= maxFailures ? Optional.of(Duration.ofMillis(after.lockedUntil() - now)) : Optional.empty();
    }

    /**
     * Clears the failures of a name after a successful sign-in.
     *
     * @param user the user name
     */
    public void succeeded(String user) {
        backend.delete(key(user));
    }

    /**
     * Clears the failures of a name after a successful sign-in, if the check before it found any:
     * a client signing in with every request (HTTP Basic) then costs one read of the backend, not a
     * read and a delete.
     *
     * @param user the user name
     * @param before the check made before the sign-in
     */
    public void succeeded(String user, Check before) {
        if (before.failures()) {
            backend.delete(key(user));
        }
    }

    private static String key(String user) {
        return user == null ? "" : user.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * A backend in this node's memory.
     *
     * @return a new, empty backend
     */
    public static Backend memory() {
        return new Backend() {
            private final Map<String, Failures> failures = new ConcurrentHashMap<>();

            @Override
            public Optional<Failures> get(String key) {
                return Optional.ofNullable(failures.get(key));
            }

            @Override
            public Failures update(String key, UnaryOperator<Failures> change) {
                return failures.compute(key, (k, before) -> change.apply(before));
            }

            @Override
            public void delete(String key) {
                failures.remove(key);
            }

            @Override
            public void prune(int max, long lastBefore, long now) {
                if (failures.size() >= max) {
                    failures.values().removeIf(f -> f.last() < lastBefore);
                    if (failures.size() >= max) {
                        failures.values().removeIf(f -> f.lockedUntil() <= now);
                    }
                }
            }
        };
    }
}
