package org.freelanceisland.platform.schema;

import java.sql.SQLException;

/** A migration script failed; on PostgreSQL nothing of it was applied (DDL is transactional there). */
public final class MigrationException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param migration the migration that failed
     * @param statement the statement that failed
     * @param cause the database's error
     */
    public MigrationException(Migration migration, String statement, SQLException cause) {
        super("Migration " + migration.script() + " of " + migration.unit() + " failed: " + cause.getMessage()
                + " [SQLState " + cause.getSQLState() + "] in: " + abbreviate(statement), cause);
    }

    private static String abbreviate(String statement) {
        String oneLine = statement.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }
}
