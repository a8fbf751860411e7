package org.freelanceisland.contest.internal.service;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

import org.freelanceisland.contest.internal.model.Exhibitor;
import org.freelanceisland.contest.internal.model.Market;
import org.freelanceisland.contest.internal.model.VisitorCount;
import org.freelanceisland.contest.internal.model.VisitorRecord;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * Handmade markets (即売会): the event, its exhibitors with booth and reported sales, and visitor
 * counts entered by staff per day and hour. When the market is over staff close it: the ledger
 * then records {@code contest.market.exhibited} for each exhibitor (with the sales they reported)
 * and {@code contest.market.visitors} for each day. Visitor counts corrected after closing are
 * recorded as a further event carrying the difference, so the ledger always sums to the counts.
 * Attendance per fiscal year and across the years comes from the counts themselves.
 */
public final class MarketService {

    /** Ledger type of an exhibitor at a market. */
    public static final String EXHIBITED = "contest.market.exhibited";
    /** Ledger type of a day's visitors. */
    public static final String VISITORS = "contest.market.visitors";

    private final Tx tx;
    private final People people;
    private final ActivityLedger ledger;

    /**
     * Creates the service.
     *
     * @param tx the unit-of-work runner
     * @param people the people registry
     * @param ledger the activity ledger
     */
    public MarketService(Tx tx, People people, ActivityLedger ledger) {
        this.tx = tx;
        this.people = people;
        this.ledger = ledger;
    }

    /**
     * Lists markets, newest first.
     *
     * @param year a fiscal year, or {@code null}
     * @param page the window
     * @return the page
     */
    public Page<Dto.MarketView> list(FiscalYear year, PageRequest page) {
        return tx.read(em -> {
            String where = year == null ? "" : " WHERE m.fiscalYear = :y";
            TypedQuery<Market> q = em.createQuery("SELECT m FROM Market m" + where + " ORDER BY m.startsOn DESC, m.id DESC", Market.class);
            TypedQuery<Long> n = em.createQuery("SELECT COUNT(m) FROM Market m" + where, Long.class);
            if (year != null) {
                q.setParameter("y", year.startYear());
                n.setParameter("y", year.startYear());
            }
            List<Dto.MarketView> items = q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList().stream()
                    .map(m -> view(em, m)).toList();
            return new Page<>(items, n.getSingleResult(), page.offset(), page.limit());
        });
    }

    /**
     * One market.
     *
     * @param id the market
     * @return the market
     */
    public Dto.MarketView get(long id) {
        return tx.read(em -> view(em, find(em, id)));
    }

    /**
     * Creates a market.
     *
     * @param in the market
     * @return the market
     */
    public Dto.MarketView create(Dto.MarketInput in) {
        check(in);
        return tx.write(em -> {
            Market m = new Market(tx.now());
            apply(em, m, in);
            em.persist(m);
            em.flush();
            return view(em, m);
        });
    }

    /**
     * Changes a market; its days can only shrink so far as no visitors were counted outside them.
     *
     * @param id the market
     * @param in all fields
     * @return the market
     */
    public Dto.MarketView update(long id, Dto.MarketInput in) {
        check(in);
        return tx.write(em -> {
            Market m = lock(em, id);
            if (in.version() != null && in.version() != m.version()) {
                throw ProblemException.conflict("Market " + id + " was changed by someone else; load it again");
            }
            if (m.closedAt() != null && (!m.startsOn().equals(in.startsOn()) || !m.endsOn().equals(in.endsOn()))) {
                throw ProblemException.conflict("Market " + id + " is closed; its days can no longer change");
            }
            long outside = em.createQuery("SELECT COUNT(v) FROM VisitorCount v WHERE v.marketId = :m AND (v.day < :s OR v.day > :e)",
                    Long.class).setParameter("m", id).setParameter("s", in.startsOn()).setParameter("e", in.endsOn()).getSingleResult();
            if (outside > 0) {
                throw ProblemException.unprocessable("startsOn", "visitors were counted on days outside " + in.startsOn() + " – "
                        + in.endsOn());
            }
            apply(em, m, in);
            m.updatedAt(tx.now());
            em.flush();
            return view(em, m);
        });
    }

    /**
     * Deletes a market that is not closed and has no exhibitors or counts.
     *
     * @param id the market
     */
    public void delete(long id) {
        tx.write(em -> {
            Market m = lock(em, id);
            if (m.closedAt() != null || !exhibitors(em, id).isEmpty() || !counts(em, id).isEmpty()) {
                throw ProblemException.conflict("Market " + id + " has exhibitors, visitor counts or is closed; it cannot be deleted");
            }
            em.remove(m);
            return null;
        });
    }

    /**
     * The exhibitors of a market.
     *
     * @param id the market
     * @return the exhibitors by booth
     */
    public List<Dto.ExhibitorView> exhibitors(long id) {
        return tx.read(em -> {
            find(em, id);
            List<Exhibitor> list = exhibitors(em, id);
            Map<String, String> names = people.names(list.stream().map(Exhibitor::personId).toList());
            return list.stream().map(x -> view(x, names.get(x.personId()))).toList();
        });
    }

    /**
     * Adds an exhibitor (an active maker consenting to program administration) until the market is closed.
     *
     * @param id the market
     * @param in the maker and booth
     * @return the exhibitor
     */
    public Dto.ExhibitorView addExhibitor(long id, Dto.ExhibitorInput in) {
        String person = in.personId().strip();
        tx.read(em -> find(em, id));
        people.requireParticipant("personId", person);
        return tx.write(em -> {
            Market m = lock(em, id);
            requireOpen(m);
            String booth = ContestService.blank(in.booth());
            for (Exhibitor x : exhibitors(em, id)) {
                if (x.personId().equals(person)) {
                    throw ProblemException.conflict("Person " + person + " already exhibits at market " + id);
                }
                if (booth != null && booth.equals(x.booth())) {
                    throw ProblemException.conflict("Booth " + booth + " of market " + id + " is taken by " + x.personId());
                }
            }
            Exhibitor x = new Exhibitor(id, person, tx.now());
            x.booth(booth);
            em.persist(x);
            em.flush();
            return view(x, people.names(List.of(person)).get(person));
        });
    }

    /**
     * Records the sales an exhibitor reported, until the market is closed.
     *
     * @param id the market
     * @param exhibitorId the exhibitor
     * @param salesYen the sales
     * @return the exhibitor
     */
    public Dto.ExhibitorView reportSales(long id, long exhibitorId, long salesYen) {
        return tx.write(em -> {
            Market m = lock(em, id);
            requireOpen(m);
            Exhibitor x = exhibitor(em, id, exhibitorId);
            x.salesYen(salesYen);
            em.flush();
            return view(x, null);
        });
    }

    /**
     * Removes an exhibitor, until the market is closed.
     *
     * @param id the market
     * @param exhibitorId the exhibitor
     */
    public void removeExhibitor(long id, long exhibitorId) {
        tx.write(em -> {
            Market m = lock(em, id);
            requireOpen(m);
            em.remove(exhibitor(em, id, exhibitorId));
            return null;
        });
    }

    /**
     * The visitor counts of a market, day by day.
     *
     * @param id the market
     * @return the counts
     */
    public Dto.VisitorsView visitors(long id) {
        return tx.read(em -> {
            find(em, id);
            return visitorsView(id, counts(em, id));
        });
    }

    /**
     * Records visitor counts; each replaces the earlier count of the same day and hour. A day is
     * counted either by the hour or as a whole. After the market is closed, the ledger is told the
     * difference of each changed day.
     *
     * @param id the market
     * @param in the counts
     * @param user who counted
     * @return the counts
     */
    public Dto.VisitorsView record(long id, Dto.VisitorsInput in, String user) {
        return tx.write(em -> {
            Market m = lock(em, id);
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < in.counts().size(); i++) {
                LocalDate d = in.counts().get(i).date();
                if (d.isBefore(m.startsOn()) || d.isAfter(m.endsOn())) {
                    errors.add(new FieldError("counts[" + i + "].date", "the market is held from " + m.startsOn() + " to " + m.endsOn()));
                }
            }
            if (!errors.isEmpty()) {
                throw new ProblemException(422, "rule-violated", "Request breaks a rule", errors.get(0).field() + ": "
                        + errors.get(0).message(), errors);
            }
            Map<String, VisitorCount> existing = new TreeMap<>();
            counts(em, id).forEach(v -> existing.put(v.day() + "/" + v.hour(), v));
            LocalDateTime now = tx.now();
            for (Dto.VisitorLine line : in.counts()) {
                int hour = line.hour() == null ? -1 : line.hour();
                VisitorCount v = existing.get(line.date() + "/" + hour);
                if (v == null) {
                    v = new VisitorCount(id, line.date(), hour);
                    em.persist(v);
                    existing.put(line.date() + "/" + hour, v);
                }
                v.visitors(line.visitors());
                v.countedBy(user);
                v.updatedAt(now);
            }
            Map<LocalDate, Boolean[]> kinds = new TreeMap<>();
            for (VisitorCount v : existing.values()) {
                Boolean[] k = kinds.computeIfAbsent(v.day(), d -> new Boolean[] { false, false });
                k[v.hour() < 0 ? 0 : 1] = true;
            }
            for (var e : kinds.entrySet()) {
                if (e.getValue()[0] && e.getValue()[1]) {
                    throw ProblemException.unprocessable("counts", "on " + e.getKey()
                            + " visitors are counted by the hour; a whole-day count cannot be added (or the other way round)");
                }
            }
            em.flush();
            if (m.closedAt() != null) {
                recordVisitors(em, m, now);
            }
            return visitorsView(id, counts(em, id));
        });
    }

    /**
     * Closes a market that is over: the ledger records its exhibitors and each day's visitors.
     *
     * @param id the market
     * @return the market
     */
    public Dto.MarketView close(long id) {
        return tx.write(em -> {
            Market m = lock(em, id);
            if (m.closedAt() != null) {
                throw ProblemException.conflict("Market " + id + " is already closed");
            }
            if (!tx.today().isAfter(m.endsOn().minusDays(1))) {
                throw ProblemException.unprocessable("endsOn", "the market runs until " + m.endsOn() + "; close it on its last day or later");
            }
            LocalDateTime now = tx.now();
            m.closedAt(now);
            FiscalYear year = FiscalYear.of(m.fiscalYear());
            for (Exhibitor x : exhibitors(em, id)) {
                ActivityEvent.Builder b = ActivityEvent.builder("contest:market:" + id + ":exhibitor:" + x.personId() + ":exhibited",
                        EXHIBITED, m.startsOn().atStartOfDay(FiscalYear.ISLAND_ZONE).toInstant())
                        .person(x.personId()).fiscalYear(year).attribute("market", Long.toString(id));
                if (x.salesYen() != null) {
                    b.amountYen(x.salesYen());
                }
                ledger.record(b.build());
            }
            recordVisitors(em, m, now);
            em.flush();
            return view(em, m);
        });
    }

    /**
     * Attendance per fiscal year and across the years (every market's counted visitors).
     *
     * @return the attendance
     */
    public Dto.Attendance attendance() {
        return tx.read(em -> {
            Map<Integer, long[]> years = new TreeMap<>(); // markets, visitors, exhibitors, sales
            for (Object[] r : em.createQuery("SELECT m.fiscalYear, COUNT(m) FROM Market m GROUP BY m.fiscalYear", Object[].class)
                    .getResultList()) {
                years.computeIfAbsent((Integer) r[0], y -> new long[4])[0] = ((Number) r[1]).longValue();
            }
            for (Object[] r : em.createQuery("SELECT m.fiscalYear, SUM(v.visitors) FROM VisitorCount v, Market m"
                    + " WHERE m.id = v.marketId GROUP BY m.fiscalYear", Object[].class).getResultList()) {
                years.computeIfAbsent((Integer) r[0], y -> new long[4])[1] = ((Number) r[1]).longValue();
            }
            for (Object[] r : em.createQuery("SELECT m.fiscalYear, COUNT(x), SUM(x.salesYen) FROM Exhibitor x, Market m"
                    + " WHERE m.id = x.marketId GROUP BY m.fiscalYear", Object[].class).getResultList()) {
                long[] y = years.computeIfAbsent((Integer) r[0], k -> new long[4]);
                y[2] = ((Number) r[1]).longValue();
                y[3] = r[2] == null ? 0 : ((Number) r[2]).longValue();
            }
            List<Dto.YearAttendance> list = new ArrayList<>();
            long visitors = 0;
            int markets = 0;
            for (var e : years.entrySet()) {
                FiscalYear y = FiscalYear.of(e.getKey());
                long[] v = e.getValue();
                list.add(new Dto.YearAttendance(y, y.label(), (int) v[0], v[1], (int) v[2], v[3]));
                visitors += v[1];
                markets += (int) v[0];
            }
            return new Dto.Attendance(list, markets, visitors);
        });
    }

    private void recordVisitors(EntityManager em, Market m, LocalDateTime now) {
        Map<LocalDate, Long> perDay = new TreeMap<>();
        for (LocalDate d = m.startsOn(); !d.isAfter(m.endsOn()); d = d.plusDays(1)) {
            perDay.put(d, 0L);
        }
        counts(em, m.id()).forEach(v -> perDay.merge(v.day(), (long) v.visitors(), Long::sum));
        Map<LocalDate, long[]> told = new TreeMap<>(); // sum, last revision
        for (VisitorRecord r : em.createQuery("SELECT r FROM VisitorRecord r WHERE r.marketId = :m", VisitorRecord.class)
                .setParameter("m", m.id()).getResultList()) {
            long[] t = told.computeIfAbsent(r.day(), d -> new long[2]);
            t[0] += r.delta();
            t[1] = Math.max(t[1], r.revision());
        }
        FiscalYear year = FiscalYear.of(m.fiscalYear());
        for (var e : perDay.entrySet()) {
            long[] t = told.getOrDefault(e.getKey(), new long[2]);
            long delta = e.getValue() - t[0];
            if (delta == 0 && t[1] > 0 || delta == 0 && e.getValue() == 0) {
                continue;
            }
            int revision = (int) t[1] + 1;
            em.persist(new VisitorRecord(m.id(), e.getKey(), revision, (int) delta, now));
            ledger.record(ActivityEvent.builder("contest:market:" + m.id() + ":visitors:" + e.getKey() + ":r" + revision, VISITORS,
                    e.getKey().atStartOfDay(FiscalYear.ISLAND_ZONE).toInstant())
                    .fiscalYear(year).amountYen(delta)
                    .attribute("market", Long.toString(m.id())).attribute("day", e.getKey().toString())
                    .attribute("revision", Integer.toString(revision))
                    .build());
        }
    }

    private static void check(Dto.MarketInput in) {
        if (in.endsOn().isBefore(in.startsOn())) {
            throw ProblemException.unprocessable("endsOn", "must not be before startsOn");
        }
        if (in.endsOn().isAfter(in.startsOn().plusDays(31))) {
            throw ProblemException.unprocessable("endsOn", "a market lasts at most 31 days");
        }
    }

    private static void apply(EntityManager em, Market m, Dto.MarketInput in) {
        if (in.contestId() != null && em.find(org.freelanceisland.contest.internal.model.Contest.class, in.contestId()) == null) {
            throw ProblemException.unprocessable("contestId", "no contest with id " + in.contestId());
        }
        m.fiscalYear(FiscalYear.of(in.startsOn()).startYear());
        m.nameJa(in.name().ja().strip());
        m.nameEn(ContestService.blank(in.name().en()));
        m.venue(in.venue().strip());
        m.startsOn(in.startsOn());
        m.endsOn(in.endsOn());
        m.contestId(in.contestId());
        m.note(ContestService.blank(in.note()));
    }

    private static void requireOpen(Market m) {
        if (m.closedAt() != null) {
            throw ProblemException.conflict("Market " + m.id() + " is closed; its exhibitors and sales are final");
        }
    }

    private static Market find(EntityManager em, long id) {
        Market m = em.find(Market.class, id);
        if (m == null) {
            throw ProblemException.notFound("market", id);
        }
        return m;
    }

    private static Market lock(EntityManager em, long id) {
        Market m = em.find(Market.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (m == null) {
            throw ProblemException.notFound("market", id);
        }
        return m;
    }

    private static Exhibitor exhibitor(EntityManager em, long marketId, long exhibitorId) {
        Exhibitor x = em.find(Exhibitor.class, exhibitorId);
        if (x == null || x.marketId() != marketId) {
            throw ProblemException.notFound("exhibitor", exhibitorId);
        }
        return x;
    }

    private static List<Exhibitor> exhibitors(EntityManager em, long id) {
        return em.createQuery("SELECT x FROM Exhibitor x WHERE x.marketId = :m ORDER BY x.booth, x.id", Exhibitor.class)
                .setParameter("m", id).getResultList();
    }

    private static List<VisitorCount> counts(EntityManager em, long id) {
        return em.createQuery("SELECT v FROM VisitorCount v WHERE v.marketId = :m ORDER BY v.day, v.hour", VisitorCount.class)
                .setParameter("m", id).getResultList();
    }

    private static Dto.VisitorsView visitorsView(long id, List<VisitorCount> counts) {
        Map<LocalDate, List<VisitorCount>> byDay = new TreeMap<>();
        counts.forEach(v -> byDay.computeIfAbsent(v.day(), d -> new ArrayList<>()).add(v));
        List<Dto.DayCount> days = new ArrayList<>();
        long total = 0;
        for (var e : byDay.entrySet()) {
            long sum = e.getValue().stream().mapToLong(VisitorCount::visitors).sum();
            boolean hourly = e.getValue().stream().allMatch(v -> v.hour() >= 0);
            days.add(new Dto.DayCount(e.getKey(), sum, hourly, hourly
                    ? e.getValue().stream().map(v -> new Dto.HourCount(v.hour(), v.visitors())).toList() : List.of()));
            total += sum;
        }
        return new Dto.VisitorsView(id, total, days);
    }

    private static Dto.ExhibitorView view(Exhibitor x, String name) {
        return new Dto.ExhibitorView(x.id(), x.marketId(), x.personId(), name, x.booth(), x.salesYen());
    }

    private static Dto.MarketView view(EntityManager em, Market m) {
        long visitors = counts(em, m.id()).stream().mapToLong(VisitorCount::visitors).sum();
        FiscalYear y = FiscalYear.of(m.fiscalYear());
        return new Dto.MarketView(m.id(), y, y.label(), LocalizedText.of(m.nameJa(), m.nameEn()), m.venue(), m.startsOn(), m.endsOn(),
                m.contestId(), m.note(), m.closedAt() != null, ContestService.instant(m.closedAt()), exhibitors(em, m.id()).size(),
                visitors, m.version());
    }

}
