package org.freelanceisland.platform.core.internal.auth;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Slows down password guessing, per user name: after a number of failed sign-ins in a row the
 * name is locked for a while, and every further failure doubles the lock (up to a ceiling). A
 * success clears the count; failures are forgotten when none came for a while. Names are tracked
 * whether or not such a user exists, so the answers never tell whether a user exists.
 */
public final class SignInThrottle {

    private static final int MAX_TRACKED = 10_000;

    private final int maxFailures;
    private final long lockMillis;
    private final long maxLockMillis;
    private final long forgetMillis;
    private final LongSupplier clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    private static final class Failures {
        int count;
        long last;
        long lockedUntil;
    }

    /**
     * Creates the throttle.
     *
     * @param maxFailures failures in a row before the name is locked
     * @param lock how long the first lock lasts
     * @param maxLock the longest lock
     * @param clock the current time in milliseconds
     */
    public SignInThrottle(int maxFailures, Duration lock, Duration maxLock, LongSupplier clock) {
        if (maxFailures < 1 || lock.isNegative() || maxLock.compareTo(lock) < 0) {
            throw new IllegalArgumentException("at least one failure, and a lock not longer than the longest lock");
        }
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
        Failures entry = failures.get(key(user));
        if (entry == null) {
            return Optional.empty();
        }
        synchronized (entry) {
            long left = entry.lockedUntil - clock.getAsLong();
            return left > 0 ? Optional.of(Duration.ofMillis(left)) : Optional.empty();
        }
    }

    /**
     * Counts a failed sign-in.
     *
     * @param user the user name as typed
     * @return the lock this failure started, or empty when the name may try again at once
     */
    public Optional<Duration> failed(String user) {
        long now = clock.getAsLong();
        if (failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(f -> now - f.last > forgetMillis);
            if (failures.size() >= MAX_TRACKED) {
                failures.values().removeIf(f -> f.lockedUntil <= now);
            }
        }
        Failures entry = failures.computeIfAbsent(key(user), k -> new Failures());
        synchronized (entry) {
            if (now - entry.last > forgetMillis) {
                entry.count = 0;
            }
            entry.count++;
            entry.last = now;
            if (entry.count < maxFailures) {
                return Optional.empty();
            }
            int doublings = Math.min(entry.count - maxFailures, 30);
            long lock = Math.min(maxLockMillis, lockMillis << doublings);
            entry.lockedUntil = now + lock;
            return Optional.of(Duration.ofMillis(lock));
        }
    }

    /**
     * Clears the failures of a name after a successful sign-in.
     *
     * @param user the user name
     */
    public void succeeded(String user) {
        failures.remove(key(user));
    }

    private static String key(String user) {
        return user == null ? "" : user.strip().toLowerCase(Locale.ROOT);
    }
}
