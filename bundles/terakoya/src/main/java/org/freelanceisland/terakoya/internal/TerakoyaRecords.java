package org.freelanceisland.terakoya.internal;

import java.time.Clock;
import java.util.Map;

import org.apache.aries.jpa.template.JpaTemplate;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.records.RecordRemoval;
import org.freelanceisland.platform.persistence.RecordRemover;
import org.freelanceisland.platform.persistence.Tx;
import org.freelanceisland.terakoya.internal.service.Removals;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Lets administrators remove Terakoya records for good through the platform: courses (with their
 * sessions, applications and attendance) and online-learning seat pools (with their allocations and
 * usage).
 */
@Component(service = RecordRemoval.class)
public final class TerakoyaRecords extends RecordRemover {

    /**
     * Creates the removal.
     *
     * @param jpa the module's persistence unit
     */
    @Activate
    public TerakoyaRecords(@Reference(target = "(osgi.unit.name=terakoya)") JpaTemplate jpa) {
        super(TerakoyaModule.ID, new Tx(jpa, Clock.system(FiscalYear.ISLAND_ZONE)),
                Map.of("course", Removals::course, "pool", Removals::pool));
    }
}
