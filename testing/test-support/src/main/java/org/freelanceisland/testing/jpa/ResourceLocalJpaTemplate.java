package org.freelanceisland.testing.jpa;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.Persistence;

import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.freelanceisland.platform.schema.Dialect;
import org.freelanceisland.platform.schema.Migrations;
import org.freelanceisland.platform.schema.SchemaMigrator;

/**
 * A {@link JpaTemplate} for unit tests outside OSGi: runs a module's persistence unit on a fresh
 * in-memory H2 database with resource-local transactions, so queries and mappings are tested in
 * milliseconds. Close it after the test.
 *
 * <pre>{@code
 * try (ResourceLocalJpaTemplate jpa = ResourceLocalJpaTemplate.h2("terakoya")) {
 *     CourseStore store = new CourseStore(jpa);
 *     ...
 * }
 * }</pre>
 */
public final class ResourceLocalJpaTemplate implements JpaTemplate, AutoCloseable {

    private final EntityManagerFactory emf;

    private ResourceLocalJpaTemplate(EntityManagerFactory emf) {
        this.emf = emf;
    }

    /**
     * Opens a persistence unit of the class path on a new in-memory H2 database, its tables made by
     * the unit's migrations ({@code db/<unit>/} on the class path) as in production.
     *
     * @param unitName the unit's name in {@code META-INF/persistence.xml}
     * @return the template
     */
    public static ResourceLocalJpaTemplate h2(String unitName) {
        return h2(unitName, "jdbc:h2:mem:" + unitName + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    /**
     * Opens a persistence unit of the class path on an H2 database at a given address (a file, for
     * benchmarks that measure what the distribution's file database does), its tables made by the
     * unit's migrations as in production.
     *
     * @param unitName the unit's name in {@code META-INF/persistence.xml}
     * @param url the H2 JDBC address
     * @return the template
     */
    public static ResourceLocalJpaTemplate h2(String unitName, String url) {
        Map<String, Object> properties = new HashMap<>();
        Map<String, String> scripts = Migrations.fromClassLoader(Thread.currentThread().getContextClassLoader(), unitName);
        if (!scripts.isEmpty()) {
            // the schema comes from the module's migrations, as in production
            try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
                new SchemaMigrator("unit-test").migrate(connection, unitName, Migrations.select(unitName, scripts, Dialect.H2));
            } catch (Exception e) {
                throw new IllegalStateException("The migrations of " + unitName + " failed: " + e.getMessage(), e);
            }
            properties.put("eclipselink.ddl-generation", "none");
        }
        properties.put("javax.persistence.transactionType", "RESOURCE_LOCAL");
        properties.put("javax.persistence.jtaDataSource", "");
        properties.put("javax.persistence.nonJtaDataSource", "");
        properties.put("javax.persistence.jdbc.driver", "org.h2.Driver");
        properties.put("javax.persistence.jdbc.url", url);
        properties.put("javax.persistence.jdbc.user", "sa");
        properties.put("javax.persistence.jdbc.password", "");
        properties.put("eclipselink.logging.level", "WARNING");
        return new ResourceLocalJpaTemplate(Persistence.createEntityManagerFactory(unitName, properties));
    }

    /**
     * The factory, for tests that look at the database directly.
     *
     * @return the entity manager factory
     */
    public EntityManagerFactory entityManagerFactory() {
        return emf;
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            R result = code.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            em.close();
        }
    }

    @Override
    public <R> R txExpr(EmFunction<R> code) {
        return txExpr(TransactionType.Required, code);
    }

    @Override
    public void tx(TransactionType type, EmConsumer code) {
        txExpr(type, em -> {
            code.accept(em);
            return null;
        });
    }

    @Override
    public void tx(EmConsumer code) {
        tx(TransactionType.Required, code);
    }

    @Override
    public void close() {
        emf.close();
    }
}
