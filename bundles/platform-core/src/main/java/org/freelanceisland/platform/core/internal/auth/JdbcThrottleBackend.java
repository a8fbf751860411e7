package org.freelanceisland.platform.core.internal.auth;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed sign-ins in the database (table {@code platform_signin_failure}, made by the platform's
 * migration V2), so that guesses spread over several nodes count together. A change is one
 * transaction that locks the name's row ({@code SELECT ... FOR UPDATE}). While the database is away
 * the counts are kept in this node's memory, so that guessing is never unthrottled.
 */
public final class JdbcThrottleBackend implements SignInThrottle.Backend {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcThrottleBackend.class);

    private final Supplier<DataSource> dataSource;
    private final SignInThrottle.Backend fallback = SignInThrottle.memory();

    /**
     * Creates the backend.
     *
     * @param dataSource the platform's migrated DataSource, {@code null} while there is none
     */
    public JdbcThrottleBackend(Supplier<DataSource> dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Optional<SignInThrottle.Failures> get(String key) {
        DataSource ds = dataSource.get();
        if (ds != null) {
            try (Connection c = ds.getConnection()) {
                return read(c, key, false);
            } catch (SQLException e) {
                LOG.warn("Sign-in throttle: the database failed, counting in memory: {}", e.toString());
            }
        }
        return fallback.get(key);
    }

    @Override
    public SignInThrottle.Failures update(String key, UnaryOperator<SignInThrottle.Failures> change) {
        DataSource ds = dataSource.get();
        if (ds != null) {
            for (int attempt = 0; attempt < 3; attempt++) {
                try (Connection c = ds.getConnection()) {
                    c.setAutoCommit(false);
                    try {
                        Optional<SignInThrottle.Failures> before = read(c, key, true);
                        SignInThrottle.Failures after = change.apply(before.orElse(null));
                        if (before.isPresent()) {
                            JdbcSessionBackend.update(c, "UPDATE platform_signin_failure SET failures = ?, last_failure = ?,"
                                    + " locked_until = ? WHERE user_key = ?", after.count(), after.last(), after.lockedUntil(), key);
                        } else {
                            JdbcSessionBackend.update(c, "INSERT INTO platform_signin_failure (user_key, failures, last_failure,"
                                    + " locked_until) VALUES (?, ?, ?, ?)", key, after.count(), after.last(), after.lockedUntil());
                        }
                        c.commit();
                        return after;
                    } catch (SQLException e) {
                        c.rollback();
                        throw e;
                    } finally {
                        c.setAutoCommit(true);
                    }
                } catch (SQLException e) {
                    if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                        continue; // another node inserted the row first: read it again
                    }
                    LOG.warn("Sign-in throttle: the database failed, counting in memory: {}", e.toString());
                    break;
                }
            }
        }
        return fallback.update(key, change);
    }

    @Override
    public void delete(String key) {
        fallback.delete(key);
        DataSource ds = dataSource.get();
        if (ds != null) {
            try (Connection c = ds.getConnection()) {
                JdbcSessionBackend.update(c, "DELETE FROM platform_signin_failure WHERE user_key = ?", key);
            } catch (SQLException e) {
                LOG.warn("Sign-in throttle: the database failed: {}", e.toString());
            }
        }
    }

    @Override
    public void prune(int max, long lastBefore, long now) {
        fallback.prune(max, lastBefore, now);
        DataSource ds = dataSource.get();
        if (ds != null) {
            try (Connection c = ds.getConnection()) {
                JdbcSessionBackend.update(c, "DELETE FROM platform_signin_failure WHERE last_failure < ? AND locked_until <= ?",
                        lastBefore, now);
            } catch (SQLException e) {
                LOG.warn("Sign-in throttle: the database failed: {}", e.toString());
            }
        }
    }

    private static Optional<SignInThrottle.Failures> read(Connection c, String key, boolean forUpdate) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT failures, last_failure, locked_until FROM platform_signin_failure"
                + " WHERE user_key = ?" + (forUpdate ? " FOR UPDATE" : ""))) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new SignInThrottle.Failures(rs.getInt(1), rs.getLong(2), rs.getLong(3)))
                        : Optional.empty();
            }
        }
    }
}
