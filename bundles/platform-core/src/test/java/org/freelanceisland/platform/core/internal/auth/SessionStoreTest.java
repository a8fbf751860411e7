package org.freelanceisland.platform.core.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.freelanceisland.platform.core.internal.auth.SessionStore.Session;
import org.junit.jupiter.api.Test;

class SessionStoreTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final SessionStore store = new SessionStore(Duration.ofMinutes(30), Duration.ofHours(12), 3, now::get);
    private final AuthenticatedUser sato = new AuthenticatedUser("sato", Set.of("staff"));

    @Test
    void aSessionHasRandomIdAndTokenAndIsFoundByItsId() {
        Session one = store.create(sato);
        Session two = store.create(sato);
        assertNotEquals(one.id(), two.id());
        assertNotEquals(one.id(), one.csrfToken());
        assertEquals(43, one.id().length());
        assertEquals(one, store.find(one.id()).orElseThrow());
        assertEquals("sato", store.find(one.id()).orElseThrow().user().name());
    }

    @Test
    void unknownMissingAndMalformedIdsFindNothing() {
        store.create(sato);
        assertTrue(store.find(null).isEmpty());
        assertTrue(store.find("").isEmpty());
        assertTrue(store.find("not a token").isEmpty());
        assertTrue(store.find("A".repeat(43)).isEmpty());
    }

    @Test
    void aSessionEndsAfterTheIdleTimeoutAndEachUseExtendsIt() {
        Session session = store.create(sato);
        now.addAndGet(Duration.ofMinutes(29).toMillis());
        assertTrue(store.find(session.id()).isPresent(), "used within the idle timeout");
        now.addAndGet(Duration.ofMinutes(29).toMillis());
        assertTrue(store.find(session.id()).isPresent(), "the last use extended it");
        now.addAndGet(Duration.ofMinutes(30).toMillis());
        assertTrue(store.find(session.id()).isEmpty(), "idle for 30 minutes");
        assertEquals(0, store.size());
    }

    @Test
    void aBusySessionStillEndsAtItsMaximumAge() {
        Session session = store.create(sato);
        for (int i = 0; i < 12 * 4 - 1; i++) {
            now.addAndGet(Duration.ofMinutes(15).toMillis());
            assertTrue(store.find(session.id()).isPresent());
        }
        now.addAndGet(Duration.ofMinutes(15).toMillis());
        assertTrue(store.find(session.id()).isEmpty(), "12 hours old");
    }

    @Test
    void signingOutEndsTheSession() {
        Session session = store.create(sato);
        assertTrue(store.remove(session.id()));
        assertFalse(store.remove(session.id()));
        assertFalse(store.remove(null));
        assertTrue(store.find(session.id()).isEmpty());
    }

    @Test
    void beyondTheLimitTheLeastRecentlyUsedSessionEnds() {
        Session first = store.create(sato);
        now.incrementAndGet();
        Session second = store.create(sato);
        now.incrementAndGet();
        Session third = store.create(sato);
        now.incrementAndGet();
        store.find(first.id());
        now.incrementAndGet();
        Session fourth = store.create(sato);
        assertTrue(store.find(second.id()).isEmpty(), "the least recently used went");
        assertTrue(store.find(first.id()).isPresent());
        assertTrue(store.find(third.id()).isPresent());
        assertTrue(store.find(fourth.id()).isPresent());
    }

    @Test
    void settingsMustMakeSense() {
        assertThrows(IllegalArgumentException.class, () -> new SessionStore(Duration.ZERO, Duration.ofHours(1), 1, now::get));
        assertThrows(IllegalArgumentException.class,
                () -> new SessionStore(Duration.ofHours(2), Duration.ofHours(1), 1, now::get));
    }
}
