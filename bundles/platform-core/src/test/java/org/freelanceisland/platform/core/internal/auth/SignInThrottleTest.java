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
