package org.freelanceisland.platform.core.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

class LoginCacheTest {

    @Test
    void forgetsEveryLoginOfOneUserAndNothingElse() {
        LoginCache cache = new LoginCache();
        AuthenticatedUser sato = new AuthenticatedUser("sato", Set.of("staff"));
        AuthenticatedUser tanaka = new AuthenticatedUser("tanaka", Set.of("staff"));
        cache.put("k1", sato, 0, 60_000);
        cache.put("k2", sato, 0, 60_000); // an older password of the same user
        cache.put("k3", tanaka, 0, 60_000);
        cache.invalidate("sato");
        assertTrue(cache.get("k1", 1).isEmpty());
        assertTrue(cache.get("k2", 1).isEmpty());
        assertEquals(tanaka, cache.get("k3", 1).orElseThrow());
    }

    @Test
    void expiredLoginsAreNotReturned() {
        LoginCache cache = new LoginCache();
        cache.put("k", new AuthenticatedUser("sato", Set.of()), 0, 1_000);
        assertTrue(cache.get("k", 999).isPresent());
        assertTrue(cache.get("k", 1_000).isEmpty());
    }
}
