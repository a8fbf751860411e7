package org.freelanceisland.contest.internal.service;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import javax.persistence.LockTimeoutException;
import javax.persistence.PersistenceException;
import javax.persistence.PessimisticLockException;
import javax.persistence.OptimisticLockException;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.ledger.LedgerUnavailableException;
import org.freelanceisland.platform.rest.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the module's units of work on its persistence unit: one transaction each, so that a
 * request either changes everything it means to or nothing. A unit that waited too long for a
 * row lock (many entries or votes arriving at once) is run again a few times before the
 * request fails with 503; database failures become 503 problems, never stack traces.
 */
public final class Tx {

    private static final Logger LOG = LoggerFactory.getLogger(Tx.class);
    private static final int ATTEMPTS = 5;

    private final JpaTemplate jpa;
    private final Clock clock;

    /**
     * Creates the runner.
     *
     * @param jpa the template of the {@code contest} unit
     * @param clock the clock of the island (its zone is the island's)
     */
    public Tx(JpaTemplate jpa, Clock clock) {
        this.jpa = jpa;
        this.clock = clock;
    }

    /**
     * Runs a unit that changes data, in a new or the caller's transaction.
     *
     * @param <R> the result type
     * @param work the unit
     * @return its result
     */
    public <R> R write(EmFunction<R> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return jpa.txExpr(TransactionType.Required, work);
            } catch (ProblemException e) {
                throw e;
            } catch (RuntimeException e) {
                if (isLockTimeout(e) && attempt < ATTEMPTS) {
                    LOG.debug("Lock wait timed out (attempt {}), running the unit again", attempt);
                    pause(attempt);
                    continue;
                }
                throw translate(e);
            }
        }
    }

    /**
     * Runs a unit that only reads.
     *
     * @param <R> the result type
     * @param work the unit
     * @return its result
     */
    public <R> R read(EmFunction<R> work) {
        try {
            return jpa.txExpr(TransactionType.Supports, work);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /**
     * Now, in UTC, as the module stores times: to the millisecond, which every supported database
     * keeps exactly, so a time reads back the same as it was written.
     *
     * @return the current time
     */
    public LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Today on the island.
     *
     * @return the date in Japan
     */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(FiscalYear.ISLAND_ZONE));
    }

    /**
     * The clock.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(20L * attempt + (long) (Math.random() * 30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("Interrupted while waiting for the database");
        }
    }

    private static RuntimeException translate(RuntimeException e) {
        Throwable problem = find(e, ProblemException.class);
        if (problem != null) {
            return (ProblemException) problem;
        }
        if (find(e, OptimisticLockException.class) != null) {
            return ProblemException.conflict("Someone else changed the same record at the same time; load it again and retry");
        }
        if (find(e, LedgerUnavailableException.class) != null) {
            return ProblemException.unavailable("The activity ledger is not available; nothing was changed");
        }
        if (isLockTimeout(e)) {
            return ProblemException.unavailable("The database is busy; nothing was changed, please try again");
        }
        if (isConstraintViolation(e)) {
            return ProblemException.conflict("The change conflicts with a change made at the same time; nothing was changed");
        }
        if (find(e, PersistenceException.class) != null || find(e, SQLException.class) != null) {
            LOG.warn("Contest database failure: {}", e.toString());
            return ProblemException.unavailable("The database is not available; nothing was changed");
        }
        return e;
    }

    private static boolean isLockTimeout(Throwable e) {
        if (find(e, LockTimeoutException.class) != null || find(e, PessimisticLockException.class) != null) {
            return true;
        }
        SQLException sql = find(e, SQLException.class);
        // H2: HYT00 lock timeout, 40001 deadlock; PostgreSQL: 55P03 lock not available, 40P01 deadlock
        return sql != null && sql.getSQLState() != null
                && (sql.getSQLState().equals("HYT00") || sql.getSQLState().equals("40001")
                        || sql.getSQLState().equals("55P03") || sql.getSQLState().equals("40P01"));
    }

    private static boolean isConstraintViolation(Throwable e) {
        SQLException sql = find(e, SQLException.class);
        return sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("23");
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
