package org.freelanceisland.kpi.internal.store;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.OptimisticLockException;
import javax.persistence.RollbackException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.freelanceisland.kpi.internal.model.Definition;
import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.rest.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The KPI program's persistence in the {@code kpi} unit: stages, indicator definitions with every
 * revision, and the applied seed data version.
 */
public final class KpiStore {

    private static final Logger LOG = LoggerFactory.getLogger(KpiStore.class);

    /** Who the seed data's changes are recorded as. */
    public static final String SEED_ACTOR = "system:seed";

    private final JpaTemplate jpa;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final int PARSED_MAX = 2_000;
    private final java.util.Map<String, Definition> parsed = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Creates the store.
     *
     * @param jpa the template of the {@code kpi} unit
     * @param clock the clock for change times
     */
    public KpiStore(JpaTemplate jpa, Clock clock) {
        this.jpa = jpa;
        this.clock = clock;
    }

    /**
     * The stages, by number.
     *
     * @return the stages
     */
    public List<Stage> stages() {
        return jpa.txExpr(TransactionType.Supports, em -> em.createQuery(
                "SELECT s FROM StageEntity s ORDER BY s.number", StageEntity.class).getResultList().stream()
                .map(KpiStore::stage).toList());
    }

    private static Stage stage(StageEntity s) {
        return new Stage(s.number(), s.fromYear(), s.toYear(), LocalizedText.of(s.titleJa(), s.titleEn()),
                LocalizedText.of(s.themeJa(), s.themeEn()));
    }

    /**
     * The indicators, by stage and order.
     *
     * @param stage only this stage, or {@code null} for all
     * @param includeRetired whether retired indicators are listed too
     * @return the indicators
     */
    public List<StoredIndicator> indicators(Integer stage, boolean includeRetired) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            // a plan has dozens of indicators: the retired ones are left out here rather than in SQL, where
            // EclipseLink's H2 platform compares booleans with integers
            var query = em.createQuery("SELECT i FROM IndicatorEntity i" + (stage == null ? "" : " WHERE i.stage = :stage")
                    + " ORDER BY i.stage, i.sortOrder, i.id", IndicatorEntity.class);
            if (stage != null) {
                query.setParameter("stage", stage);
            }
            return query.getResultList().stream().filter(i -> includeRetired || !i.retired()).map(this::stored).toList();
        });
    }

    /**
     * One indicator.
     *
     * @param id its id
     * @return the indicator, if defined
     */
    public Optional<StoredIndicator> find(String id) {
        return jpa.txExpr(TransactionType.Supports, em -> Optional.ofNullable(em.find(IndicatorEntity.class, id)).map(this::stored));
    }

    /**
     * Adds an indicator.
     *
     * @param definition the valid definition
     * @param by who adds it
     * @return the stored indicator, revision 1
     * @throws ProblemException 409 if the id is taken
     */
    public StoredIndicator create(Definition definition, String by) {
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                if (em.find(IndicatorEntity.class, definition.id()) != null) {
                    throw ProblemException.conflict("An indicator with id " + definition.id() + " exists already");
                }
                IndicatorEntity entity = new IndicatorEntity(definition.id());
                write(em, entity, definition, null, by, "created");
                em.persist(entity);
                em.flush();
                return stored(entity);
            });
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            if (find(definition.id()).isPresent()) {
                throw ProblemException.conflict("An indicator with id " + definition.id() + " exists already");
            }
            throw e;
        }
    }

    /**
     * Changes an indicator's definition.
     *
     * @param definition the valid new definition
     * @param expectedRevision the revision the change is based on, or {@code null} to skip the check
     * @param by who changes it
     * @return the stored indicator
     * @throws ProblemException 404 if unknown, 409 if the revision is not the current one
     */
    public StoredIndicator update(Definition definition, Integer expectedRevision, String by) {
        return change(definition.id(), expectedRevision, (em, entity) -> {
            write(em, entity, definition, null, by, "updated");
        });
    }

    /**
     * Retires an indicator or brings it back. Its definition and revisions are kept.
     *
     * @param id the indicator
     * @param retired {@code true} to retire, {@code false} to reinstate
     * @param by who
     * @return the stored indicator
     * @throws ProblemException 404 if unknown, 409 if it is already in that state
     */
    public StoredIndicator setRetired(String id, boolean retired, String by) {
        return change(id, null, (em, entity) -> {
            if (entity.retired() == retired) {
                throw ProblemException.conflict("Indicator " + id + " is " + (retired ? "retired" : "active") + " already");
            }
            LocalDateTime now = now();
            entity.retire(retired, by, now);
            em.persist(new IndicatorRevisionEntity(id, entity.revision(), retired ? "retired" : "reinstated", retired,
                    entity.definition(), by, now));
        });
    }

    private interface Change {
        void apply(EntityManager em, IndicatorEntity entity);
    }

    private StoredIndicator change(String id, Integer expectedRevision, Change change) {
        try {
            return jpa.txExpr(TransactionType.Required, em -> {
                IndicatorEntity entity = em.find(IndicatorEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
                if (entity == null) {
                    throw ProblemException.notFound("indicator", id);
                }
                if (expectedRevision != null && expectedRevision != entity.revision()) {
                    throw new ProblemException(409, "conflict", "Conflict", "Indicator " + id + " is at revision "
                            + entity.revision() + ", the change was based on revision " + expectedRevision
                            + "; reload it and apply the change again", List.of());
                }
                change.apply(em, entity);
                em.flush();
                return stored(entity);
            });
        } catch (OptimisticLockException | RollbackException e) {
            throw ProblemException.conflict("Indicator " + id + " was changed at the same time; reload it and try again");
        }
    }

    private void write(EntityManager em, IndicatorEntity entity, Definition definition, Integer seedVersion, String by,
            String kind) {
        LocalDateTime now = now();
        String text = toJson(definition);
        entity.write(definition.stage(), definition.sortOrder(), definition.series(), text, seedVersion, by, now);
        em.persist(new IndicatorRevisionEntity(definition.id(), entity.revision(), kind, entity.retired(), text, by, now));
    }

    /**
     * The revisions of an indicator, newest first.
     *
     * @param id the indicator
     * @param page the window
     * @return the page
     * @throws ProblemException 404 if unknown
     */
    public Page<Revision> revisions(String id, PageRequest page) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            if (em.find(IndicatorEntity.class, id) == null) {
                throw ProblemException.notFound("indicator", id);
            }
            List<Revision> items = em.createQuery("SELECT r FROM IndicatorRevisionEntity r WHERE r.indicatorId = :id"
                    + " ORDER BY r.revision DESC", IndicatorRevisionEntity.class).setParameter("id", id)
                    .setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList().stream()
                    .map(r -> new Revision(r.revision(), r.change(), r.retired(), fromJson(r.definition()), r.changedBy(),
                            r.changedAt().toInstant(ZoneOffset.UTC))).toList();
            long total = em.createQuery("SELECT COUNT(r) FROM IndicatorRevisionEntity r WHERE r.indicatorId = :id", Long.class)
                    .setParameter("id", id).getSingleResult();
            return new Page<>(items, total, page.offset(), page.limit());
        });
    }

    /**
     * Applies a version of seed data once: stages are written; each indicator is added when missing
     * and replaced when it still holds what an earlier seed wrote (one an administrator changed is
     * left alone). Nothing happens when this version or a later one has been applied. Safe when
     * several nodes start at once (the seed state row is locked).
     *
     * @param name the seed data set
     * @param version its version
     * @param stages the stages
     * @param indicators the indicators
     * @return how many indicators were added or replaced; -1 when the version was applied already
     */
    public int applySeed(String name, int version, List<Stage> stages, List<Definition> indicators) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return jpa.txExpr(TransactionType.Required, em -> applySeed(em, name, version, stages, indicators));
            } catch (RuntimeException e) {
                // another node created the state row at the same moment: try again, it will lock it
                last = e;
                LOG.debug("Seed {} attempt {} failed: {}", name, attempt + 1, e.toString());
            }
        }
        throw last;
    }

    private int applySeed(EntityManager em, String name, int version, List<Stage> stages, List<Definition> indicators) {
        SeedStateEntity state = em.find(SeedStateEntity.class, name, LockModeType.PESSIMISTIC_WRITE);
        if (state == null) {
            state = new SeedStateEntity(name);
            em.persist(state);
            em.flush();
        }
        if (state.dataVersion() >= version) {
            return -1;
        }
        for (Stage stage : stages) {
            StageEntity entity = em.find(StageEntity.class, stage.number());
            if (entity == null) {
                entity = new StageEntity(stage.number());
                em.persist(entity);
            }
            entity.update(stage.fromYear(), stage.toYear(), stage.title().ja(), stage.title().en(), stage.theme().ja(),
                    stage.theme().en());
        }
        int changed = 0;
        List<String> kept = new ArrayList<>();
        for (Definition definition : indicators) {
            IndicatorEntity entity = em.find(IndicatorEntity.class, definition.id());
            if (entity == null) {
                entity = new IndicatorEntity(definition.id());
                write(em, entity, definition, version, SEED_ACTOR, "seeded");
                em.persist(entity);
                changed++;
            } else if (entity.seedVersion() == null) {
                kept.add(definition.id());
            } else if (!toJson(definition).equals(entity.definition())) {
                write(em, entity, definition, version, SEED_ACTOR, "seeded");
                changed++;
            }
        }
        state.applied(version, now());
        if (!kept.isEmpty()) {
            LOG.info("Seed {} version {} left indicators {} as administrators changed them", name, version, kept);
        }
        LOG.info("Seed {} version {} applied: {} indicators added or corrected", name, version, changed);
        return changed;
    }

    /**
     * The version of a seed data set applied so far.
     *
     * @param name the data set
     * @return the version, 0 when none
     */
    public int seedVersion(String name) {
        return jpa.txExpr(TransactionType.Supports, em -> {
            SeedStateEntity state = em.find(SeedStateEntity.class, name);
            return state == null ? 0 : state.dataVersion();
        });
    }

    private StoredIndicator stored(IndicatorEntity e) {
        return new StoredIndicator(fromJson(e.definition()), e.retired(), e.revision(), e.updatedBy(),
                e.updatedAt().toInstant(ZoneOffset.UTC), e.seedVersion());
    }

    private String toJson(Definition definition) {
        try {
            return json.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("definition cannot be written as JSON", e);
        }
    }

    /**
     * The definition stored as this text. Definitions are immutable values and every view reads all
     * of them, so each stored text is parsed once: parsing was half the CPU time of a stage view
     * (keyed by the text itself, a changed definition is parsed afresh; at most
     * {@value #PARSED_MAX} are kept).
     */
    private Definition fromJson(String text) {
        Definition known = parsed.get(text);
        if (known != null) {
            return known;
        }
        try {
            Definition definition = json.readValue(text, Definition.class);
            if (parsed.size() >= PARSED_MAX) {
                parsed.clear();
            }
            parsed.put(text, definition);
            return definition;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored definition is not readable: " + e.getOriginalMessage(), e);
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }
}
