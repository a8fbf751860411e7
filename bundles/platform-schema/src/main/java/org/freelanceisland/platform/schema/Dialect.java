package org.freelanceisland.platform.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The databases Freelance Island runs on, each with its own variant of a migration script where needed. */
public enum Dialect {
    /** The embedded H2 database (2.x), the default for trying the product. */
    H2("h2"),
    /** PostgreSQL, for production. */
    POSTGRESQL("postgresql");

    private final String suffix;

    Dialect(String suffix) {
        this.suffix = suffix;
    }

    /**
     * The suffix of this dialect's script variants: {@code V2__add_x.postgresql.sql}.
     *
     * @return {@code h2} or {@code postgresql}
     */
    public String suffix() {
        return suffix;
    }

    /**
     * The dialect of a connection's database.
     *
     * @param connection an open connection
     * @return the dialect
     * @throws SQLException when the database is neither H2 nor PostgreSQL
     */
    public static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String lower = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (lower.contains("h2")) {
            return H2;
        }
        if (lower.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new SQLException("Unsupported database " + product + ": Freelance Island runs on H2 and PostgreSQL");
    }

    /**
     * The dialect a script suffix names.
     *
     * @param suffix {@code h2} or {@code postgresql}
     * @return the dialect, or {@code null} for an unknown suffix
     */
    static Dialect ofSuffix(String suffix) {
        for (Dialect d : values()) {
            if (d.suffix.equals(suffix)) {
                return d;
            }
        }
        return null;
    }
}
