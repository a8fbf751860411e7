package org.freelanceisland.demo.internal.load;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.freelanceisland.islanddata.IslandLedger;
import org.freelanceisland.islanddata.Islanders;
import org.freelanceisland.islanddata.Years;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.ActivityLedger;

/**
 * The island's earlier years, which the programs' APIs cannot take any more (their windows closed
 * long ago): Terakoya graduates and online seats, contest entries and payments for work since
 * FY2016, recorded straight into the activity ledger as the facts the programs would have recorded.
 * Every id starts with {@code demo:}, so clearing removes them with one ledger purge.
 */
final class HistoryPart {

    /** The prefix of every fact the demo island records itself. */
    static final String PREFIX = "demo:";

    private HistoryPart() {
    }

    static int load(Steps s, ActivityLedger ledger) {
        if (s.done("history:recorded")) {
            return 0;
        }
        int current = Years.fiscalYear(s.today);
        Random random = s.random("history");
        List<ActivityEvent> events = new ArrayList<>();
        for (int fy = 2015; fy <= current - 3; fy++) {
            int year = fy;
            LocalDate end = Years.day(fy, 3, 31);
            List<Islanders.Person> there = s.select(p -> !p.registeredOn().isAfter(end));
            for (Islanders.Person p : there) {
                IslandLedger.pastYear(random, p, s.id(p), year, PREFIX, events::add);
            }
        }
        s.say("ledger: " + events.size() + " facts of FY2015 to FY" + (current - 3));
        int stored = ledger.recordAll(events);
        s.store.add("history:recorded", "ledger", "fact", Integer.toString(events.size()));
        return stored;
    }
}
