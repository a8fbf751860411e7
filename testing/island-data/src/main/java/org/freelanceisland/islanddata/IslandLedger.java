package org.freelanceisland.islanddata;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import java.util.function.Consumer;

import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.ledger.ActivityEvent;

/**
 * The facts the programs record about islanders in the activity ledger (docs/ledger-events.md),
 * invented year by year from each person's shape: a child-rearing side-jobber earns less and later,
 * a handmade maker enters the contest, a migrant's move is recorded with the household. The demo
 * island records the early years' share of it ({@link #pastYear}); the benchmarks a whole island of
 * any size ({@link #generate}).
 */
public final class IslandLedger {

    /** The partner of the online-learning seats (invented). */
    public static final String SEAT_PARTNER = "まなびクラウド株式会社";

    private static final int[] MONTHS = { 4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3 };
    private static final String[] CATEGORIES = { "writing", "photography", "handmade", "web-production", "sns-operation" };
    private static final String[] EVENT_KINDS = { "EXCHANGE_MEETING", "STUDY_SESSION", "FREELANCER_CAFE", "MARKET_DAY" };
    private static final String[] TOPICS = { "STARTING_OUT", "TAXES_AND_FILING", "CONTRACTS", "MIGRATION", "CHILD_REARING_AND_WORK",
        "SKILLS" };
    private static final String[] CHANNELS = { "IN_PERSON", "PHONE", "ONLINE" };

    private IslandLedger() {
    }

    /**
     * What the programs would have recorded of a person in one of the island's past years, when
     * there was no system yet to record it live: Terakoya courses (the three of stage 1, then more),
     * online-learning seats, payments for work and contest entries.
     *
     * @param random the source (draws in a fixed order, so the same source gives the same facts)
     * @param p the person
     * @param personId the person's registry id
     * @param year the fiscal year
     * @param prefix what every fact's id starts with (for example {@code demo:})
     * @param sink takes the facts
     */
    public static void pastYear(Random random, Islanders.Person p, String personId, int year, String prefix,
            Consumer<ActivityEvent> sink) {
        if (random.nextDouble() < (year <= 2019 ? 0.35 : 0.2)) {
            String category = year <= 2019 ? CATEGORIES[random.nextInt(3)] : CATEGORIES[random.nextInt(CATEGORIES.length)];
            Instant at = Years.day(year, 6 + random.nextInt(6), 1).atStartOfDay(FiscalYear.ISLAND_ZONE).toInstant();
            String course = "history-" + year + "-" + category;
            sink.accept(ActivityEvent.builder(prefix + "terakoya:" + year + ":" + p.key() + ":enrolled", "terakoya.enrolled", at)
                    .person(personId).fiscalYear(FiscalYear.of(year)).attribute("course", course).attribute("category", category).build());
            sink.accept(ActivityEvent.builder(prefix + "terakoya:" + year + ":" + p.key() + ":completed", "terakoya.course.completed",
                    at.plusSeconds(60L * 86400)).person(personId).fiscalYear(FiscalYear.of(year))
                    .attribute("course", course).attribute("category", category).build());
        }
        if (year >= 2017 && random.nextDouble() < 0.25) {
            Instant at = Years.day(year, 5, 10).atStartOfDay(FiscalYear.ISLAND_ZONE).toInstant();
            sink.accept(ActivityEvent.builder(prefix + "terakoya:online-seat:" + year + ":" + p.key() + ":allocated",
                    "terakoya.online-seat.allocated", at).person(personId).fiscalYear(FiscalYear.of(year))
                    .attribute("partner", SEAT_PARTNER).build());
        }
        if (p.level() > 0.3 && p.consents("JOB_OFFERS") && random.nextDouble() < 0.5) {
            int jobs = 1 + random.nextInt(6);
            for (int j = 0; j < jobs; j++) {
                Instant at = Years.day(year, MONTHS[random.nextInt(MONTHS.length)], 15).atStartOfDay(FiscalYear.ISLAND_ZONE)
                        .toInstant().plusSeconds(3L * 3600);
                long yen = (30 + random.nextInt(200)) * 1000L + (long) (p.level() * 150_000);
                sink.accept(ActivityEvent.builder(prefix + "jobs:" + year + ":" + p.key() + ":" + j + ":paid", "jobs.paid", at)
                        .person(personId).amountYen(yen).attribute("job", "history").attribute("contract", "history").build());
            }
        }
        if (year >= 2016 && p.has("handmade") && random.nextDouble() < 0.4) {
            Instant at = Years.day(year, 1, 10).atStartOfDay(FiscalYear.ISLAND_ZONE).toInstant();
            sink.accept(ActivityEvent.builder(prefix + "contest:" + year + ":" + p.key() + ":submitted", "contest.entry.submitted", at)
                    .person(personId).fiscalYear(FiscalYear.of(year)).attribute("contest", "history-" + year)
                    .attribute("category", "tsumugi").build());
        }
    }

    /**
     * Everything else the programs record of a person in a year: registration, the move and the
     * counted statuses in the year they happened, reported income, introductions and contracts,
     * events attended, the yearly satisfaction survey, consultations and, rarely, a community leader.
     *
     * @param random the source
     * @param p the person
     * @param personId the person's id
     * @param year the fiscal year
     * @param prefix what every fact's id starts with
     * @param sink takes the facts
     */
    public static void livingYear(Random random, Islanders.Person p, String personId, int year, String prefix,
            Consumer<ActivityEvent> sink) {
        String id = prefix + p.key() + ":" + year + ":";
        if (Years.fiscalYear(p.registeredOn()) == year) {
            sink.accept(ActivityEvent.builder(id + "registered", "people.registered", at(p.registeredOn()))
                    .person(personId).attribute("origin", p.origin()).build());
            for (Islanders.Flag flag : p.flags()) {
                sink.accept(ActivityEvent.builder(id + "flag:" + flag.flag(), "people.flag.set", at(flag.since()))
                        .person(personId).attribute("flag", flag.flag()).build());
            }
        }
        if (p.movedOn() != null && Years.fiscalYear(p.movedOn()) == year) {
            sink.accept(ActivityEvent.builder(id + "moved", "people.moved", at(p.movedOn())).person(personId)
                    .attribute("householdSize", Integer.toString(p.householdSize()))
                    .attribute("withFamily", Boolean.toString(Boolean.TRUE.equals(p.withFamily())))
                    .attribute("origin", p.origin()).build());
        }
        Long income = p.income().get(year);
        if (income != null) {
            sink.accept(ActivityEvent.builder(id + "income", "people.income.reported", at(Years.day(year + 1, 3, 15)))
                    .person(personId).fiscalYear(FiscalYear.of(year)).amountYen(income)
                    .attribute("source", "SELF_REPORT").attribute("revision", "1").build());
        }
        if (p.consents("JOB_OFFERS")) {
            int introductions = random.nextInt(1 + (int) (p.level() * 6));
            for (int j = 0; j < introductions; j++) {
                String job = "j-" + year + "-" + random.nextInt(5_000);
                LocalDate day = Years.day(year, MONTHS[random.nextInt(MONTHS.length)], 1 + random.nextInt(28));
                sink.accept(ActivityEvent.builder(id + "introduced:" + j, "jobs.introduced", at(day)).person(personId)
                        .attribute("job", job).attribute("partner", "partner-" + random.nextInt(8)).build());
                if (random.nextDouble() < 0.45) {
                    long yen = (20 + random.nextInt(250)) * 1000L;
                    sink.accept(ActivityEvent.builder(id + "contracted:" + j, "jobs.contracted", at(day.plusDays(7)))
                            .person(personId).amountYen(yen).attribute("job", job).attribute("contract", id + j).build());
                    sink.accept(ActivityEvent.builder(id + "paid:" + j, "jobs.paid", at(day.plusDays(40))).person(personId)
                            .amountYen(yen).attribute("job", job).attribute("contract", id + j).build());
                }
            }
        }
        int events = random.nextInt(p.lifestyle().contains("CHILD_REARING") ? 3 : 5);
        for (int e = 0; e < events; e++) {
            LocalDate day = Years.day(year, MONTHS[random.nextInt(MONTHS.length)], 1 + random.nextInt(28));
            sink.accept(ActivityEvent.builder(id + "attended:" + e, "community.event.attended", at(day)).person(personId)
                    .attribute("event", "ev-" + year + "-" + random.nextInt(60))
                    .attribute("kind", EVENT_KINDS[random.nextInt(EVENT_KINDS.length)]).build());
        }
        if (year >= 2020 && random.nextDouble() < 0.5) {
            boolean satisfied = random.nextDouble() < 0.6 + p.level() * 0.3;
            sink.accept(ActivityEvent.builder(id + "survey", "community.survey.answered", at(Years.day(year, 2, 10)))
                    .person(personId).attribute("survey", "work-life-" + year).attribute("satisfied", Boolean.toString(satisfied))
                    .build());
        }
        if (random.nextDouble() < 0.1) {
            sink.accept(ActivityEvent.builder(id + "consultation", "community.consultation.held",
                    at(Years.day(year, MONTHS[random.nextInt(MONTHS.length)], 5))).person(personId)
                    .attribute("topic", TOPICS[random.nextInt(TOPICS.length)])
                    .attribute("channel", CHANNELS[random.nextInt(CHANNELS.length)]).build());
        }
        if (p.level() > 0.7 && random.nextDouble() < 0.01) {
            sink.accept(ActivityEvent.builder(id + "leader", "community.leader.started", at(Years.day(year, 4, 20)))
                    .person(personId).attribute("community", "circle-" + random.nextInt(30)).build());
        }
    }

    /**
     * A whole island's ledger of about the given size: islanders are invented ten thousand at a time
     * and every year of each, from registration to today, recorded in full, until the size is reached.
     *
     * @param seed the seed (the same seed, size and day give the same facts)
     * @param size how many facts, at least 1
     * @param today the last day anything happens
     * @param prefix what every fact's id starts with
     * @param sink takes the facts, in batches as the caller wishes
     * @return how many people the facts are about
     */
    public static int generate(long seed, int size, LocalDate today, String prefix, Consumer<ActivityEvent> sink) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be at least 1");
        }
        int[] emitted = { 0 };
        Consumer<ActivityEvent> counting = e -> {
            if (emitted[0] < size) {
                emitted[0]++;
                sink.accept(e);
            }
        };
        int current = Years.fiscalYear(today);
        int people = 0;
        for (int chunk = 0; emitted[0] < size; chunk++) {
            Random random = new Random(seed * 7919 + chunk);
            for (Islanders.Person p : Islanders.generate(seed + chunk, 10_000, today)) {
                if (emitted[0] >= size) {
                    break;
                }
                people++;
                String personId = "c" + chunk + "-" + p.key().substring(p.key().indexOf(':') + 1);
                String ids = prefix + "c" + chunk + ":";
                for (int year = Years.fiscalYear(p.registeredOn()); year <= current && emitted[0] < size; year++) {
                    pastYear(random, p, personId, year, ids, counting);
                    livingYear(random, p, personId, year, ids, counting);
                }
            }
        }
        return people;
    }

    private static Instant at(LocalDate day) {
        return day.atTime(10, 0).atZone(FiscalYear.ISLAND_ZONE).toInstant();
    }
}
