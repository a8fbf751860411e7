package org.freelanceisland.kpi.internal;

import org.freelanceisland.testing.postgres.PostgresCluster;
import org.freelanceisland.testing.schema.SchemaCheck;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The migrations of the {@code kpi} unit (db/kpi/) make exactly the tables, columns, keys and
 * sequence rows its entities describe, on H2 and on PostgreSQL: an entity changed without a
 * migration fails here.
 */
class SchemaMigrationsTest {

    @Test
    void migrationsMakeTheSchemaOfTheEntitiesOnH2() {
        SchemaCheck.assertMigrationsMatchEntities("kpi");
    }

    @Test
    void migrationsMakeTheSchemaOfTheEntitiesOnPostgreSQL() {
        Assumptions.assumeTrue(PostgresCluster.available(), PostgresCluster.unavailableReason());
        SchemaCheck.assertMigrationsMatchEntitiesOnPostgres("kpi");
    }
}
