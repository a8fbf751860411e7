package org.freelanceisland.platform.core.internal;

import javax.sql.DataSource;

import org.freelanceisland.platform.core.internal.admin.AccountService;
import org.freelanceisland.platform.core.internal.audit.AuditService;
import org.freelanceisland.platform.core.internal.ledger.LedgerService;
import org.freelanceisland.platform.core.internal.schema.DataSourceWatch;
import org.freelanceisland.platform.core.internal.schema.SchemaService;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The services the platform API may have to do without for a while: the shared DataSource and the
 * ledger and audit log built on it. Held as optional references so that health keeps answering (with 503) while
 * the database is away, instead of the whole API disappearing.
 */
@Component(service = PlatformServices.class)
public final class PlatformServices {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(osgi.jndi.service.name=freelanceisland)")
    private volatile DataSource dataSource;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LedgerService ledger;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditService audit;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AccountService accounts;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile SchemaService schemas;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DataSourceWatch dataSourceWatch;

    /**
     * Why the shared DataSource is missing.
     *
     * @return the database's answer or what is wrong, or {@code null} when nothing is known
     */
    public String dataSourceDiagnosis() {
        DataSourceWatch watch = dataSourceWatch;
        return watch == null ? null : watch.diagnosis();
    }

    /**
     * The schema migrations of the modules.
     *
     * @return the schema service, or {@code null} while it is not active
     */
    public SchemaService schemas() {
        return schemas;
    }

    /**
     * The shared data source.
     *
     * @return the data source, or {@code null} while none is registered
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * The ledger.
     *
     * @return the ledger, or {@code null} while its persistence unit is not ready
     */
    public LedgerService ledger() {
        return ledger;
    }

    /**
     * The audit log.
     *
     * @return the audit log, or {@code null} while its persistence unit is not ready
     */
    public AuditService audit() {
        return audit;
    }

    /**
     * The account management.
     *
     * @return the accounts, or {@code null} while the JAAS realm is not available
     */
    public AccountService accounts() {
        return accounts;
    }
}
