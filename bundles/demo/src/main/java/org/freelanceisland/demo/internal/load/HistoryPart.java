package org.freelanceisland.demo.internal.load;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.freelanceisland.demo.internal.data.People;
import org.freelanceisland.demo.internal.data.Years;
import org.freelanceisland.platform.api.FiscalYear;
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
    private static final int[] MONTHS = { 4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3 };
    private static final String[] CATEGORIES = { "writing", "photography", "handmade", "web-production", "sns-operation" };

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
            List<People.Person> there = s.select(p -> !p.registeredOn().isAfter(end));
            for (People.Person p : there) {
                String pid = s.id(p);
                // the courses of that year: the three of stage 1 (writer, photo-writer, handmade), then more
                if (random.nextDouble() < (year <= 2019 ? 0.35 : 0.2)) {
                    String category = year <= 2019 ? CATEGORIES[random.nextInt(3)] : CATEGORIES[random.nextInt(CATEGORIES.length)];
                    Instant at = Years.day(year, 6 + random.nextInt(6), 1).atStartOfDay(FiscalYear.ISLAND_ZONE).toInstant();
                    String course = "history-" + year + "-" + category;
                    events.add(ActivityEvent.builder(PREFIX + "terakoya:" + year + ":" + p.key() + ":enrolled", "terakoya.enrolled", at)
                            .person(pid).fiscalYear(FiscalYear.of(year)).attribute("course", course).attribute("category", category).build());
                    events.add(ActivityEvent.builder(PREFIX + "terakoya:" + year + ":" + p.key() + ":completed", "terakoya.course.completed",
                            at.plusSeconds(60L * 86400)).person(pid).fiscalYear(FiscalYear.of(year))
                            .attribute("course", course).attribute("category", category).build());
                }
                if (year >= 2017 && random.nextDouble() < 0.25) {
                    Instant at = Years.day(year, 5, 10).atStartOfDay(FiscalYear.ISLAND_ZONE).toInstant();
                    events.add(ActivityEvent.builder(PREFIX + "terakoya:online-seat:" + year + ":" + p.key() + ":allocated",
                            "terakoya.online-seat.allocated", at).person(pid).fiscalYear(FiscalYear.of(year))
                            .attribute("partner", TerakoyaPart.SEAT_PARTNER).build());
                }
                if (p.level() > 0.3 && p.consents("JOB_OFFERS") && random.nextDouble() < 0.5) {
                    int jobs = 1 + random.nextInt(6);
                    for (int j = 0; j < jobs; j++) {
                        Instant at = Years.day(year, MONTHS[random.nextInt(MONTHS.length)], 15).atStartOfDay(FiscalYear.ISLAND_ZONE)
                                .toInstant().plusSeconds(3L * 3600);
                        long yen = (30 + random.nextInt(200)) * 1000L + (long) (p.level() * 150_000);
                        events.add(ActivityEvent.builder(PREFIX + "jobs:" + year + ":" + p.key() + ":" + j + ":paid", "jobs.paid", at)
                                .person(pid).amountYen(yen).attribute("job", "history").attribute("contract", "history").build());
                    }
                }
                if (year >= 2016 && p.has("handmade") && random.nextDouble() < 0.4) {
                    Instant at = Years.day(year, 1, 10).atStartOfDay(FiscalYear.ISLAND_ZONE).toInstant();
                    events.add(ActivityEvent.builder(PREFIX + "contest:" + year + ":" + p.key() + ":submitted", "contest.entry.submitted", at)
                            .person(pid).fiscalYear(FiscalYear.of(year)).attribute("contest", "history-" + year)
                            .attribute("category", "tsumugi").build());
                }
            }
        }
        s.say("ledger: " + events.size() + " facts of FY2015 to FY" + (current - 3));
        int stored = ledger.recordAll(events);
        s.store.add("history:recorded", "ledger", "fact", Integer.toString(events.size()));
        return stored;
    }
}
