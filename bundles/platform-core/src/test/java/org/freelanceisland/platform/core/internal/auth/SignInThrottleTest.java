package org.freelanceisland.platform.core.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final AtomicLong now = new AtomicLong(5_000_000);
    private final SignInThrottle throttle = new SignInThrottle(5, Duration.ofMinutes(1), Duration.ofMinutes(15), now::get);

    @Test
    void fiveFailuresInARowLockTheNameForAMinute() {
        for (int i = 1; i <= 4; i++) {
            assertEquals(Optional.empty(), throttle.failed("sato"), "failure " + i);
            assertTrue(throttle.lockedFor("sato").isEmpty());
        }
        assertEquals(Optional.of(Duration.ofMinutes(1)), throttle.failed("sato"));
        assertEquals(Optional.of(Duration.ofMinutes(1)), throttle.lockedFor("sato"));
        assertEquals(Optional.of(Duration.ofMinutes(1)), throttle.lockedFor(" SATO "), "the same name, however typed");
        assertTrue(throttle.lockedFor("suzuki").isEmpty(), "other names are not concerned");
        now.addAndGet(Duration.ofSeconds(59).toMillis());
        assertEquals(Optional.of(Duration.ofSeconds(1)), throttle.lockedFor("sato"));
        now.addAndGet(Duration.ofSeconds(1).toMillis());
        assertTrue(throttle.lockedFor("sato").isEmpty());
    }

    @Test
    void eachFurtherFailureDoublesTheLockUpToTheCeiling() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("sato");
        }
        long[] expectedMinutes = { 2, 4, 8, 15, 15 };
        for (long minutes : expectedMinutes) {
            now.addAndGet(throttle.lockedFor("sato").orElseThrow().toMillis());
            assertEquals(Optional.of(Duration.ofMinutes(minutes)), throttle.failed("sato"));
        }
    }

    @Test
    void aSuccessClearsTheCount() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("sato");
        }
        throttle.succeeded("sato");
        for (int i = 0; i < 4; i++) {
            assertEquals(Optional.empty(), throttle.failed("sato"));
        }
    }

    @Test
    void aSuccessAfterACheckClearsOnlyWhatTheCheckFound() {
        java.util.concurrent.atomic.AtomicInteger deletes = new java.util.concurrent.atomic.AtomicInteger();
        SignInThrottle.Backend memory = SignInThrottle.memory();
        SignInThrottle.Backend counting = new SignInThrottle.Backend() {
            @Override
            public Optional<SignInThrottle.Failures> get(String key) {
                return memory.get(key);
            }

            @Override
            public SignInThrottle.Failures update(String key, java.util.function.UnaryOperator<SignInThrottle.Failures> change) {
                return memory.update(key, change);
            }

            @Override
            public void delete(String key) {
                deletes.incrementAndGet();
                memory.delete(key);
            }

            @Override
            public void prune(int max, long lastBefore, long now) {
                memory.prune(max, lastBefore, now);
            }
        };
        SignInThrottle t = new SignInThrottle(counting, 5, Duration.ofMinutes(1), Duration.ofMinutes(15), now::get);
        SignInThrottle.Check clear = t.check("sato");
        assertEquals(SignInThrottle.Check.CLEAR, clear);
        t.succeeded("sato", clear);
        assertEquals(0, deletes.get(), "nothing to clear: no write");
        for (int i = 0; i < 4; i++) {
            t.failed("sato");
        }
        SignInThrottle.Check failing = t.check("sato");
        assertTrue(failing.failures() && failing.locked().isEmpty());
        t.succeeded("sato", failing);
        assertEquals(1, deletes.get());
        for (int i = 0; i < 4; i++) {
            assertEquals(Optional.empty(), t.failed("sato"), "the count was cleared");
        }
    }

    @Test
    void failuresAreForgottenAfterAQuietWhile() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("sato");
        }
        now.addAndGet(Duration.ofMinutes(31).toMillis());
        assertEquals(Optional.empty(), throttle.failed("sato"), "the count started again");
    }

    @Test
    void namesThatDoNotExistAreTrackedTheSame() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("nobody-" + "x");
        }
        assertTrue(throttle.lockedFor("nobody-x").isPresent());
        assertTrue(throttle.lockedFor(null).isEmpty());
    }
}
