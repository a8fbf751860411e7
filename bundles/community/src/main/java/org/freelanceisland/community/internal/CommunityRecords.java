package org.freelanceisland.community.internal;

import java.time.Clock;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.freelanceisland.community.internal.service.Removals;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.records.RecordRemoval;
import org.freelanceisland.platform.persistence.RecordRemover;
import org.freelanceisland.platform.persistence.Tx;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Lets administrators remove community records for good through the platform: events (with their
 * registrations), consultations, community leaders, surveys (with their codes and answers), role
 * models (with their photos) and pages for would-be migrants.
 */
@Component(service = RecordRemoval.class)
public final class CommunityRecords extends RecordRemover {

    /**
     * Creates the removal.
     *
     * @param jpa the module's persistence unit
     */
    @Activate
    public CommunityRecords(@Reference(target = "(osgi.unit.name=community)") JpaTemplate jpa) {
        super(CommunityModule.ID, new Tx(jpa, Clock.system(FiscalYear.ISLAND_ZONE)),
                Map.of("event", Removals::event, "consultation", Removals::consultation, "leader", Removals::leader,
                        "survey", Removals::survey, "role-model", Removals::roleModel, "migrant-page", Removals::migrantPage));
    }
}
