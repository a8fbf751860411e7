package org.freelanceisland.platform.core.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.freelanceisland.platform.schema.Dialect;
import org.freelanceisland.platform.schema.Migrations;
import org.freelanceisland.platform.schema.SchemaMigrator;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two nodes on one database share the console's sessions and the failed sign-ins. */
class SharedSessionsTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final AtomicReference<DataSource> database = new AtomicReference<>();
    private final AuthenticatedUser sato = new AuthenticatedUser("sato", Set.of("staff", "coordinator"));
    private SessionStore nodeA;
    private SessionStore nodeB;
    private SignInThrottle throttleA;
    private SignInThrottle throttleB;

    @BeforeEach
    void database() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:sessions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        try (Connection c = ds.getConnection()) {
            new SchemaMigrator("test").migrate(c, "platform", Migrations.select("platform",
                    Migrations.fromClassLoader(getClass().getClassLoader(), "platform"), Dialect.H2));
        }
        database.set(ds);
        nodeA = new SessionStore(new JdbcSessionBackend(database::get), Duration.ofMinutes(30), Duration.ofHours(12), 100, now::get);
        nodeB = new SessionStore(new JdbcSessionBackend(database::get), Duration.ofMinutes(30), Duration.ofHours(12), 100, now::get);
        throttleA = new SignInThrottle(new JdbcThrottleBackend(database::get), 5, Duration.ofMinutes(1), Duration.ofMinutes(15), now::get);
        throttleB = new SignInThrottle(new JdbcThrottleBackend(database::get), 5, Duration.ofMinutes(1), Duration.ofMinutes(15), now::get);
    }

    @Test
    void aSessionStartedOnOneNodeIsUsedAndEndedOnAnother() throws Exception {
        SessionStore.Session session = nodeA.create(sato);
        SessionStore.Session seen = nodeB.find(session.id()).orElseThrow();
        assertEquals(session.csrfToken(), seen.csrfToken());
        assertEquals(sato, seen.user());
        assertEquals(1, count("SELECT COUNT(*) FROM platform_session WHERE id_hash <> '" + session.id() + "'"),
                "only a hash of the id is stored");

        assertTrue(nodeB.remove(session.id()));
        assertTrue(nodeA.find(session.id()).isEmpty(), "signed out everywhere");
    }

    @Test
    void useOnOneNodeKeepsTheSessionAliveOnTheOther() {
        SessionStore.Session session = nodeA.create(sato);
        for (int i = 0; i < 4; i++) {
            now.addAndGet(Duration.ofMinutes(20).toMillis());
            SessionStore node = i % 2 == 0 ? nodeB : nodeA;
            assertTrue(node.find(session.id()).isPresent(), "use " + i);
        }
        now.addAndGet(Duration.ofMinutes(31).toMillis());
        assertTrue(nodeA.find(session.id()).isEmpty());
        assertEquals(0, nodeB.size());
    }

    @Test
    void failuresOnEveryNodeCountTogether() {
        for (int i = 0; i < 4; i++) {
            assertEquals(Optional.empty(), (i % 2 == 0 ? throttleA : throttleB).failed("Sato"));
        }
        assertEquals(Optional.of(Duration.ofMinutes(1)), throttleB.failed("sato"), "the fifth failure, on either node");
        assertEquals(Optional.of(Duration.ofMinutes(1)), throttleA.lockedFor(" SATO "));
        now.addAndGet(Duration.ofMinutes(1).toMillis());
        assertTrue(throttleA.lockedFor("sato").isEmpty());
        throttleB.succeeded("sato");
        assertEquals(Optional.empty(), throttleA.failed("sato"), "the count started again");
    }

    @Test
    void withoutTheDatabaseANodeKeepsSessionsInItsMemory() {
        database.set(null);
        SessionStore.Session session = nodeA.create(sato);
        assertTrue(nodeA.find(session.id()).isPresent());
        assertTrue(nodeB.find(session.id()).isEmpty());
        for (int i = 0; i < 5; i++) {
            throttleA.failed("sato");
        }
        assertTrue(throttleA.lockedFor("sato").isPresent(), "guessing stays throttled");
    }

    private long count(String sql) throws Exception {
        try (Connection c = database.get().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
