package org.freelanceisland.platform.schema;

/**
 * The database holds a newer version of a unit's schema than the code knows: it was written by a
 * newer version of the module. The module must not run on it.
 */
public final class SchemaTooNewException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String unit;
    private final int databaseVersion;
    private final int codeVersion;

    /**
     * Creates the exception.
     *
     * @param unit the unit
     * @param databaseVersion the newest version recorded in the database
     * @param codeVersion the newest version the code has a script for
     */
    public SchemaTooNewException(String unit, int databaseVersion, int codeVersion) {
        super("The database holds version " + databaseVersion + " of the schema of " + unit + ", but this build of "
                + unit + " knows versions up to " + codeVersion + ": the schema was written by a newer version."
                + " Install that version again (or restore the backup taken before the upgrade);"
                + " " + unit + " will not run on this database.");
        this.unit = unit;
        this.databaseVersion = databaseVersion;
        this.codeVersion = codeVersion;
    }

    /** @return the unit */
    public String unit() {
        return unit;
    }

    /** @return the newest version recorded in the database */
    public int databaseVersion() {
        return databaseVersion;
    }

    /** @return the newest version the code knows */
    public int codeVersion() {
        return codeVersion;
    }
}
