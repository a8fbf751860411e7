package org.freelanceisland.community.internal.service;

import org.freelanceisland.platform.persistence.Tx;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.freelanceisland.community.internal.model.CaseStatus;
import org.freelanceisland.community.internal.model.Channel;
import org.freelanceisland.community.internal.model.Consultation;
import org.freelanceisland.community.internal.model.ConsultationTopic;
import org.freelanceisland.community.internal.service.Dto.ConsultationView;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * The consultation desk: the case log, follow-ups, and counts by topic and month without personal
 * detail. Logging a case records {@code community.consultation.held} in the ledger (with the person
 * when one is named, with only topic and channel as attributes).
 */
public final class ConsultationService {

    /** Ledger type of a consultation. */
    public static final String HELD = "community.consultation.held";

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
    public ConsultationService(Tx tx, People people, ActivityLedger ledger) {
        this.tx = tx;
        this.people = people;
        this.ledger = ledger;
    }

    /**
     * Logs a consultation.
     *
     * @param in the case
     * @param staff who logs it
     * @return the case
     */
    public ConsultationView create(Dto.ConsultationInput in, String staff) {
        Checked c = check(in);
        if (c.personId() != null) {
            people.requireParticipant("personId", c.personId());
        }
        return tx.write(em -> {
            Consultation k = new Consultation(staff, tx.now());
            k.update(c.personId(), in.heldOn(), in.topic(), in.channel(), Support.blank(in.notes()), in.followUpOn(), c.status(),
                    tx.now());
            em.persist(k);
            em.flush();
            ledger.record(ActivityEvent.builder("community:consultation:" + k.id() + ":held", HELD,
                    in.heldOn().atStartOfDay(FiscalYear.ISLAND_ZONE).toInstant())
                    .person(k.personId())
                    .attribute("topic", k.topic().name())
                    .attribute("channel", k.channel().name())
                    .build());
            return view(k, name(k), true);
        });
    }

    /**
     * Changes a case (all fields; {@code version} guards against lost updates). The ledger keeps
     * the fact as it was first logged.
     *
     * @param id the case
     * @param in all fields
     * @return the case
     */
    public ConsultationView update(long id, Dto.ConsultationInput in) {
        Checked c = check(in);
        Consultation before = tx.read(em -> find(em, id));
        if (c.personId() != null && !c.personId().equals(before.personId())) {
            people.requireParticipant("personId", c.personId());
        }
        return tx.write(em -> {
            Consultation k = find(em, id);
            Support.version("consultation", id, in.version(), k.version());
            k.update(c.personId(), in.heldOn(), in.topic(), in.channel(), Support.blank(in.notes()), in.followUpOn(), c.status(),
                    tx.now());
            em.flush();
            return view(k, name(k), true);
        });
    }

    /**
     * Closes a case, adding a last note when given.
     *
     * @param id the case
     * @param note the note or {@code null}
     * @return the case
     */
    public ConsultationView close(long id, String note) {
        return tx.write(em -> {
            Consultation k = find(em, id);
            if (k.status() == CaseStatus.CLOSED) {
                throw ProblemException.conflict("Consultation " + id + " is already closed");
            }
            String extra = Support.blank(note);
            String notes = extra == null ? k.notes() : k.notes() == null ? extra : k.notes() + "\n" + extra;
            if (notes != null && notes.length() > 4000) {
                throw ProblemException.unprocessable("note", "the notes would exceed 4000 characters");
            }
            k.update(k.personId(), k.heldOn(), k.topic(), k.channel(), notes, k.followUpOn(), CaseStatus.CLOSED, tx.now());
            em.flush();
            return view(k, name(k), true);
        });
    }

    /**
     * One case, with its notes.
     *
     * @param id the case
     * @return the case
     */
    public ConsultationView get(long id) {
        return tx.read(em -> {
            Consultation k = find(em, id);
            return view(k, name(k), true);
        });
    }

    /**
     * Lists cases, newest first, without their notes.
     *
     * @param from first day or {@code null}
     * @param to last day or {@code null}
     * @param topic a topic or {@code null}
     * @param status a status or {@code null}
     * @param personId a person or {@code null}
     * @param page the window
     * @return the page
     */
    public Page<ConsultationView> list(LocalDate from, LocalDate to, ConsultationTopic topic, CaseStatus status, String personId,
            PageRequest page) {
        return tx.read(em -> {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            Map<String, Object> params = new LinkedHashMap<>();
            if (from != null) {
                where.append(" AND c.heldOn >= :from");
                params.put("from", from);
            }
            if (to != null) {
                where.append(" AND c.heldOn <= :to");
                params.put("to", to);
            }
            if (topic != null) {
                where.append(" AND c.topic = :topic");
                params.put("topic", topic);
            }
            if (status != null) {
                where.append(" AND c.status = :status");
                params.put("status", status);
            }
            if (personId != null) {
                where.append(" AND c.personId = :person");
                params.put("person", personId);
            }
            TypedQuery<Consultation> q = em.createQuery("SELECT c FROM Consultation c" + where + " ORDER BY c.heldOn DESC, c.id DESC",
                    Consultation.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM Consultation c" + where, Long.class);
            params.forEach((k, v) -> {
                q.setParameter(k, v);
                count.setParameter(k, v);
            });
            return page(q, count, page);
        });
    }

    /**
     * The follow-ups due by a day (overdue ones included), the most urgent first.
     *
     * @param dueBy the day (today when {@code null})
     * @param page the window
     * @return the page
     */
    public Page<ConsultationView> followUps(LocalDate dueBy, PageRequest page) {
        LocalDate day = dueBy == null ? tx.today() : dueBy;
        return tx.read(em -> {
            String where = " WHERE c.status = :s AND c.followUpOn <= :d";
            TypedQuery<Consultation> q = em.createQuery("SELECT c FROM Consultation c" + where + " ORDER BY c.followUpOn, c.id",
                    Consultation.class).setParameter("s", CaseStatus.FOLLOW_UP).setParameter("d", day);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM Consultation c" + where, Long.class)
                    .setParameter("s", CaseStatus.FOLLOW_UP).setParameter("d", day);
            return page(q, count, page);
        });
    }

    /**
     * Consultations of a fiscal year by month and topic (every month and topic present, zeros
     * included), by channel, and in total: counts only, nothing about anyone.
     *
     * @param fiscalYear the fiscal year, the current one when {@code null}
     * @return the counts
     */
    public Dto.ConsultationCounts counts(FiscalYear fiscalYear) {
        FiscalYear year = fiscalYear == null ? FiscalYear.of(tx.today()) : fiscalYear;
        return tx.read(em -> {
            Map<String, Map<ConsultationTopic, Integer>> grid = new LinkedHashMap<>();
            for (YearMonth m = YearMonth.from(year.firstDay()); !m.isAfter(YearMonth.from(year.lastDay())); m = m.plusMonths(1)) {
                Map<ConsultationTopic, Integer> row = new EnumMap<>(ConsultationTopic.class);
                for (ConsultationTopic t : ConsultationTopic.values()) {
                    row.put(t, 0);
                }
                grid.put(m.toString(), row);
            }
            Map<Channel, Integer> byChannel = new EnumMap<>(Channel.class);
            for (Channel ch : Channel.values()) {
                byChannel.put(ch, 0);
            }
            List<Object[]> rows = em.createQuery("SELECT c.heldOn, c.topic, c.channel FROM Consultation c WHERE c.heldOn >= :f AND c.heldOn <= :t",
                    Object[].class).setParameter("f", year.firstDay()).setParameter("t", year.lastDay()).getResultList();
            for (Object[] row : rows) {
                String month = YearMonth.from((LocalDate) row[0]).toString();
                grid.get(month).merge((ConsultationTopic) row[1], 1, Integer::sum);
                byChannel.merge((Channel) row[2], 1, Integer::sum);
            }
            List<Dto.CountCell> cells = new ArrayList<>();
            Map<ConsultationTopic, Integer> byTopic = new EnumMap<>(ConsultationTopic.class);
            Map<String, Integer> byMonth = new LinkedHashMap<>();
            for (var m : grid.entrySet()) {
                int monthTotal = 0;
                for (var t : m.getValue().entrySet()) {
                    cells.add(new Dto.CountCell(m.getKey(), t.getKey(), t.getValue()));
                    byTopic.merge(t.getKey(), t.getValue(), Integer::sum);
                    monthTotal += t.getValue();
                }
                byMonth.put(m.getKey(), monthTotal);
            }
            return new Dto.ConsultationCounts(year.startYear(), year.label(), cells, byTopic, byMonth, byChannel, rows.size());
        });
    }

    private Checked check(Dto.ConsultationInput in) {
        List<FieldError> errors = new ArrayList<>();
        String person = Support.blank(in.personId());
        if (in.personId() != null && person == null) {
            errors.add(new FieldError("personId", "must not be blank; leave it out for an anonymous visitor"));
        }
        if (in.heldOn().isAfter(tx.today())) {
            errors.add(new FieldError("heldOn", "must not be in the future"));
        }
        if (in.followUpOn() != null && in.followUpOn().isBefore(in.heldOn())) {
            errors.add(new FieldError("followUpOn", "must not be before heldOn"));
        }
        CaseStatus status = in.status() != null ? in.status() : in.followUpOn() != null ? CaseStatus.FOLLOW_UP : CaseStatus.OPEN;
        if (status == CaseStatus.FOLLOW_UP && in.followUpOn() == null) {
            errors.add(new FieldError("followUpOn", "is required when the status is FOLLOW_UP"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Checked(person, status);
    }

    private record Checked(String personId, CaseStatus status) {
    }

    private String name(Consultation k) {
        return k.personId() == null ? null : people.names(List.of(k.personId())).get(k.personId());
    }

    private Page<ConsultationView> page(TypedQuery<Consultation> q, TypedQuery<Long> count, PageRequest page) {
        List<Consultation> items = q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
        Map<String, String> names = people.names(items.stream().map(Consultation::personId).filter(p -> p != null).distinct().toList());
        List<ConsultationView> views = new ArrayList<>();
        for (Consultation k : items) {
            views.add(view(k, k.personId() == null ? null : names.get(k.personId()), false));
        }
        return new Page<>(views, count.getSingleResult(), page.offset(), page.limit());
    }

    private static Consultation find(EntityManager em, long id) {
        Consultation k = em.find(Consultation.class, id);
        if (k == null) {
            throw ProblemException.notFound("consultation", id);
        }
        return k;
    }

    private ConsultationView view(Consultation k, String name, boolean withNotes) {
        boolean due = k.status() == CaseStatus.FOLLOW_UP && k.followUpOn() != null && !k.followUpOn().isAfter(tx.today());
        return new ConsultationView(k.id(), k.personId(), name, k.personId() == null, k.heldOn(), k.topic(), k.topic().label(),
                k.channel(), k.channel().label(), withNotes ? k.notes() : null, k.followUpOn(), due, k.status(), k.recordedBy(),
                Support.instant(k.createdAt()), Support.instant(k.updatedAt()), k.version());
    }
}
