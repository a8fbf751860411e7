package org.freelanceisland.contest.internal;

import java.time.Clock;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.freelanceisland.contest.internal.service.Removals;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.records.RecordRemoval;
import org.freelanceisland.platform.persistence.RecordRemover;
import org.freelanceisland.platform.persistence.Tx;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Lets administrators remove contest records for good through the platform: contests (with their
 * entries, photos, jury, scores, ticket codes, votes and winners) and markets (with their exhibitors
 * and visitor counts).
 */
@Component(service = RecordRemoval.class)
public final class ContestRecords extends RecordRemover {

    /**
     * Creates the removal.
     *
     * @param jpa the module's persistence unit
     */
    @Activate
    public ContestRecords(@Reference(target = "(osgi.unit.name=contest)") JpaTemplate jpa) {
        super(ContestModule.ID, new Tx(jpa, Clock.system(FiscalYear.ISLAND_ZONE)),
                Map.of("contest", Removals::contest, "market", Removals::market));
    }
}
