package org.freelanceisland.platform.core.internal;

import org.freelanceisland.testing.postgres.PostgresCluster;
import org.freelanceisland.testing.schema.SchemaCheck;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The migrations of the {@code platform} unit (db/platform/) make exactly the tables, columns, keys and
 * sequence rows its entities describe, on H2 and on PostgreSQL: an entity changed without a
 * migration fails here.
 */
class SchemaMigrationsTest {

    /**
     * The console's sessions and sign-in failures, used through JDBC (V2); the ledger's revision
     * token, used through native statements (V3).
     */
    private static final String[] JDBC_TABLES = { "platform_session", "platform_signin_failure",
            "platform_ledger_revision" };

    @Test
    void migrationsMakeTheSchemaOfTheEntitiesOnH2() {
        SchemaCheck.assertMigrationsMatchEntities("platform", JDBC_TABLES);
    }

    @Test
    void migrationsMakeTheSchemaOfTheEntitiesOnPostgreSQL() {
        Assumptions.assumeTrue(PostgresCluster.available(), PostgresCluster.unavailableReason());
        SchemaCheck.assertMigrationsMatchEntitiesOnPostgres("platform", JDBC_TABLES);
    }
}
