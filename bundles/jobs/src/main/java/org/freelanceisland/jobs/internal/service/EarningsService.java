package org.freelanceisland.jobs.internal.service;

import org.freelanceisland.platform.persistence.Tx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.freelanceisland.jobs.internal.model.ContractStatus;
import org.freelanceisland.jobs.internal.service.Dto.EarningsView;
import org.freelanceisland.jobs.internal.service.Dto.PersonEarningsView;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.api.ledger.LedgerQuery;
import org.freelanceisland.platform.api.ledger.RecordedActivity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Freelancers' earnings through this program, per fiscal year of payment, from paid contracts;
 * shown beside the income the person reported themselves to the people registry (the ledger's
 * {@code people.income.reported} with source {@code SELF_REPORT}, highest revision).
 */
public final class EarningsService {

    private static final Logger LOG = LoggerFactory.getLogger(EarningsService.class);
    private static final String INCOME = "people.income.reported";

    private final Tx tx;
    private final People people;
    private final ActivityLedger ledger;

    /**
     * Creates the service.
     *
     * @param tx the unit-of-work runner
     * @param people the people registry (names)
     * @param ledger the activity ledger (self-reported income)
     */
    public EarningsService(Tx tx, People people, ActivityLedger ledger) {
        this.tx = tx;
        this.people = people;
        this.ledger = ledger;
    }

    /**
     * Everyone paid in a fiscal year, the highest earnings first (then by person id).
     *
     * @param year the fiscal year
     * @param page the window
     * @return the page
     */
    public Page<EarningsView> year(FiscalYear year, PageRequest page) {
        Page<Object[]> rows = tx.read(em -> {
            List<Object[]> found = em.createQuery("SELECT c.personId, SUM(c.paidAmountYen) AS total, COUNT(c) FROM Contract c"
                    + " WHERE c.status = :paid AND c.paidFiscalYear = :fy GROUP BY c.personId ORDER BY total DESC, c.personId",
                    Object[].class).setParameter("paid", ContractStatus.PAID).setParameter("fy", year.startYear())
                    .setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
            long total = em.createQuery("SELECT COUNT(DISTINCT c.personId) FROM Contract c WHERE c.status = :paid"
                    + " AND c.paidFiscalYear = :fy", Long.class).setParameter("paid", ContractStatus.PAID)
                    .setParameter("fy", year.startYear()).getSingleResult();
            return new Page<>(found, total, page.offset(), page.limit());
        });
        List<String> ids = new ArrayList<>();
        for (Object[] r : rows.items()) {
            ids.add((String) r[0]);
        }
        Map<String, String> names = people.names(ids);
        List<EarningsView> items = new ArrayList<>();
        for (Object[] r : rows.items()) {
            String person = (String) r[0];
            items.add(new EarningsView(person, names.get(person), year.startYear(), year.label(), ((Number) r[1]).longValue(),
                    ((Number) r[2]).intValue(), selfReported(person).get(year.startYear())));
        }
        return new Page<>(items, rows.total(), rows.offset(), rows.limit());
    }

    /**
     * Everyone paid in a fiscal year, for an export.
     *
     * @param year the fiscal year
     * @return every row, the highest earnings first
     */
    public List<EarningsView> all(FiscalYear year) {
        List<EarningsView> out = new ArrayList<>();
        for (int offset = 0;; offset += PageRequest.MAX_LIMIT) {
            Page<EarningsView> page = year(year, new PageRequest(offset, PageRequest.MAX_LIMIT));
            out.addAll(page.items());
            if (offset + PageRequest.MAX_LIMIT >= page.total()) {
                return out;
            }
        }
    }

    /**
     * One freelancer's earnings year by year (every year with a payment or a self-reported income).
     *
     * @param personId the person
     * @return the earnings, the latest year first
     */
    public PersonEarningsView person(String personId) {
        List<Object[]> rows = tx.read(em -> em.createQuery("SELECT c.paidFiscalYear, SUM(c.paidAmountYen), COUNT(c)"
                + " FROM Contract c WHERE c.status = :paid AND c.personId = :p GROUP BY c.paidFiscalYear", Object[].class)
                .setParameter("paid", ContractStatus.PAID).setParameter("p", personId).getResultList());
        Map<Integer, long[]> byYear = new TreeMap<>(java.util.Comparator.reverseOrder());
        long total = 0;
        for (Object[] r : rows) {
            long yen = ((Number) r[1]).longValue();
            byYear.put(((Number) r[0]).intValue(), new long[] { yen, ((Number) r[2]).longValue() });
            total += yen;
        }
        Map<Integer, Long> reported = selfReported(personId);
        for (Integer y : reported.keySet()) {
            byYear.putIfAbsent(y, new long[] { 0, 0 });
        }
        String name = people.name(personId);
        List<EarningsView> years = new ArrayList<>();
        byYear.forEach((y, v) -> years.add(new EarningsView(personId, name, y, FiscalYear.of(y).label(), v[0], (int) v[1],
                reported.get(y))));
        return new PersonEarningsView(personId, name, total, years);
    }

    /**
     * The income a person reported themselves, by fiscal year: the highest revision with source
     * {@code SELF_REPORT}. Empty when the ledger cannot be read (the earnings are still shown).
     */
    private Map<Integer, Long> selfReported(String personId) {
        Map<Integer, Long> amounts = new HashMap<>();
        Map<Integer, Integer> revisions = new HashMap<>();
        try {
            for (RecordedActivity r : ledger.query(LedgerQuery.ofType(INCOME).forPerson(personId),
                    new PageRequest(0, PageRequest.MAX_LIMIT)).items()) {
                var e = r.event();
                if (!"SELF_REPORT".equals(e.attributes().get("source")) || e.amountYen() == null) {
                    continue;
                }
                int revision = parse(e.attributes().get("revision"));
                int year = e.fiscalYear().startYear();
                if (revision >= revisions.getOrDefault(year, Integer.MIN_VALUE)) {
                    revisions.put(year, revision);
                    amounts.put(year, e.amountYen());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Self-reported income of person {} could not be read from the ledger: {}", personId, e.toString());
        }
        return amounts;
    }

    private static int parse(String revision) {
        try {
            return revision == null ? 0 : Integer.parseInt(revision);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
