package org.freelanceisland.jobs.internal;

import java.time.Clock;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.freelanceisland.jobs.internal.rest.JobsApplication;
import org.freelanceisland.jobs.internal.service.Removals;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.records.RecordRemoval;
import org.freelanceisland.platform.persistence.RecordRemover;
import org.freelanceisland.platform.persistence.Tx;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Lets administrators remove job-brokering records for good through the platform: partners (with
 * their jobs), jobs (with their introductions and contracts), teams, skill-share listings and
 * exchanges.
 */
@Component(service = RecordRemoval.class)
public final class JobsRecords extends RecordRemover {

    /**
     * Creates the removal.
     *
     * @param jpa the module's persistence unit
     */
    @Activate
    public JobsRecords(@Reference(target = "(osgi.unit.name=jobs)") JpaTemplate jpa) {
        super(JobsApplication.ID, new Tx(jpa, Clock.system(FiscalYear.ISLAND_ZONE)),
                Map.of("partner", Removals::partner, "job", Removals::job, "team", Removals::team,
                        "listing", Removals::listing, "exchange", Removals::exchange));
    }
}
