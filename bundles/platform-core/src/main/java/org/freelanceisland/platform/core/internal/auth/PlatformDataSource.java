package org.freelanceisland.platform.core.internal.auth;

import java.util.function.Supplier;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The shared DataSource as published for the {@code platform} unit once its migrations ran, for the
 * platform code that uses its tables through JDBC (console sessions, sign-in failures). Optional:
 * while the database is away the users of this fall back to the node's memory.
 */
@Component(service = PlatformDataSource.class)
public final class PlatformDataSource implements Supplier<DataSource> {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = "(freelanceisland.schema=platform)")
    private volatile DataSource dataSource;

    /**
     * The DataSource.
     *
     * @return the platform unit's DataSource, or {@code null} while there is none
     */
    @Override
    public DataSource get() {
        return dataSource;
    }
}
