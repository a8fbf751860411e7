package org.freelanceisland.platform.core.internal.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Console sessions in the database (table {@code platform_session}, made by the platform's migration
 * V2), shared by every node on the same database. While no DataSource is available (the database is
 * away), sessions are kept in this node's memory instead, so that a single node still works; they
 * are not carried over to the database when it returns.
 */
public final class JdbcSessionBackend implements SessionStore.Backend {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcSessionBackend.class);

    /** How stale a session's last use may be in the database: one write per session per 15 s at most. */
    static final long TOUCH_GRANULARITY_MILLIS = 15_000;

    private final Supplier<DataSource> dataSource;
    private final SessionStore.Backend fallback = SessionStore.memory();

    /**
     * Creates the backend.
     *
     * @param dataSource the platform's migrated DataSource, {@code null} while there is none
     */
    public JdbcSessionBackend(Supplier<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T withConnection(Work<T> work, Supplier<T> whenNoDatabase) {
        DataSource ds = dataSource.get();
        if (ds == null) {
            return whenNoDatabase.get();
        }
        try (Connection connection = ds.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            LOG.warn("Console sessions: the database failed: {}", e.toString());
            throw new IllegalStateException("The database holding the console's sessions does not answer", e);
        }
    }

    @Override
    public void insert(String key, SessionStore.Stored session) {
        withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO platform_session"
                    + " (id_hash, csrf_token, user_name, roles, created_at, last_used) VALUES (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, key);
                s.setString(2, session.csrfToken());
                s.setString(3, session.userName());
                s.setString(4, String.join(",", session.roles()));
                s.setLong(5, session.createdAt());
                s.setLong(6, session.lastUsed());
                s.executeUpdate();
            }
            return null;
        }, () -> {
            fallback.insert(key, session);
            return null;
        });
    }

    @Override
    public Optional<SessionStore.Stored> get(String key) {
        try {
            return withConnection(c -> {
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT csrf_token, user_name, roles, created_at, last_used FROM platform_session WHERE id_hash = ?")) {
                    s.setString(1, key);
                    try (ResultSet rs = s.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.<SessionStore.Stored>empty();
                        }
                        Set<String> roles = Arrays.stream(rs.getString(3).split(",")).filter(r -> !r.isBlank())
                                .collect(Collectors.toSet());
                        return Optional.of(new SessionStore.Stored(rs.getString(1), rs.getString(2), roles, rs.getLong(4),
                                rs.getLong(5)));
                    }
                }
            }, () -> fallback.get(key));
        } catch (IllegalStateException e) {
            return Optional.empty(); // no session while the database is away: the browser is asked to sign in
        }
    }

    @Override
    public void touch(String key, long lastUsed) {
        try {
            withConnection(c -> update(c, "UPDATE platform_session SET last_used = ? WHERE id_hash = ? AND last_used < ?",
                    lastUsed, key, lastUsed), () -> {
                        fallback.touch(key, lastUsed);
                        return 0;
                    });
        } catch (IllegalStateException e) {
            // the next request tries again
        }
    }

    @Override
    public boolean delete(String key) {
        return withConnection(c -> update(c, "DELETE FROM platform_session WHERE id_hash = ?", key) > 0,
                () -> fallback.delete(key));
    }

    @Override
    public void deleteExpired(long usedBefore, long createdBefore) {
        withConnection(c -> update(c, "DELETE FROM platform_session WHERE last_used <= ? OR created_at <= ?", usedBefore,
                createdBefore), () -> {
                    fallback.deleteExpired(usedBefore, createdBefore);
                    return 0;
                });
    }

    @Override
    public int count() {
        return withConnection(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM platform_session");
                    ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }, fallback::count);
    }

    @Override
    public void evictLeastRecentlyUsed(int below) {
        withConnection(c -> {
            int excess = count() - below + 1;
            if (excess > 0) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM platform_session WHERE id_hash IN"
                        + " (SELECT id_hash FROM platform_session ORDER BY last_used LIMIT ?)")) {
                    s.setInt(1, excess);
                    s.executeUpdate();
                }
            }
            return null;
        }, () -> {
            fallback.evictLeastRecentlyUsed(below);
            return null;
        });
    }

    @Override
    public long touchGranularityMillis() {
        return dataSource.get() == null ? 0 : TOUCH_GRANULARITY_MILLIS;
    }

    static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        }
    }
}
