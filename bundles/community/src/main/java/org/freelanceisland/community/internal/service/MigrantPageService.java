package org.freelanceisland.community.internal.service;

import org.freelanceisland.platform.persistence.Tx;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.freelanceisland.community.internal.model.MigrantPage;
import org.freelanceisland.community.internal.model.MigrantPhase;
import org.freelanceisland.community.internal.model.Publication;
import org.freelanceisland.community.internal.service.Dto.PageView;
import org.freelanceisland.community.internal.service.Dto.PublicPageView;
import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * Information for would-be migrants, by the phase of their relation to the island (interested,
 * visiting, trial stay, moved): staff write pages in Japanese and English and publish them; the
 * public sees published pages only.
 */
public final class MigrantPageService {

    private final Tx tx;

    /**
     * Creates the service.
     *
     * @param tx the unit-of-work runner
     */
    public MigrantPageService(Tx tx) {
        this.tx = tx;
    }

    /**
     * Creates a draft page.
     *
     * @param in the page
     * @return it
     */
    public PageView create(Dto.PageInput in) {
        MigrantPage.Details d = details(in);
        return tx.write(em -> {
            requireFreeSlug(em, d.slug(), null);
            MigrantPage p = new MigrantPage(tx.now());
            p.update(d, tx.now());
            em.persist(p);
            em.flush();
            return view(p);
        });
    }

    /**
     * Changes a page.
     *
     * @param id the page
     * @param in all fields
     * @return it
     */
    public PageView update(long id, Dto.PageInput in) {
        MigrantPage.Details d = details(in);
        return tx.write(em -> {
            MigrantPage p = find(em, id);
            Support.version("page", id, in.version(), p.version());
            requireFreeSlug(em, d.slug(), id);
            p.update(d, tx.now());
            em.flush();
            return view(p);
        });
    }

    /**
     * Publishes or withdraws a page.
     *
     * @param id the page
     * @param to the new status
     * @return it
     */
    public PageView status(long id, Publication to) {
        return tx.write(em -> {
            MigrantPage p = find(em, id);
            p.status(to, tx.now());
            em.flush();
            return view(p);
        });
    }

    /**
     * Deletes a page.
     *
     * @param id the page
     */
    public void delete(long id) {
        tx.write(em -> {
            em.remove(find(em, id));
            return null;
        });
    }

    /**
     * One page for staff.
     *
     * @param id the page
     * @return it
     */
    public PageView get(long id) {
        return tx.read(em -> view(find(em, id)));
    }

    /**
     * Pages for staff, by phase and position.
     *
     * @param phase a phase or {@code null}
     * @param status a status or {@code null}
     * @param page the window
     * @return the page
     */
    public Page<PageView> list(MigrantPhase phase, Publication status, PageRequest page) {
        return tx.read(em -> {
            String where = " WHERE 1 = 1" + (phase == null ? "" : " AND p.phase = :ph") + (status == null ? "" : " AND p.status = :s");
            TypedQuery<MigrantPage> q = em.createQuery("SELECT p FROM MigrantPage p" + where + " ORDER BY p.phase, p.position, p.id",
                    MigrantPage.class);
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(p) FROM MigrantPage p" + where, Long.class);
            if (phase != null) {
                q.setParameter("ph", phase);
                count.setParameter("ph", phase);
            }
            if (status != null) {
                q.setParameter("s", status);
                count.setParameter("s", status);
            }
            List<PageView> views = q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList().stream()
                    .map(MigrantPageService::view).toList();
            return new Page<>(views, count.getSingleResult(), page.offset(), page.limit());
        });
    }

    /**
     * The public table of contents: every phase with its published pages (without their bodies).
     *
     * @param phase only this phase, or {@code null}
     * @return the phases in the order of the relation to the island
     */
    public List<Dto.PhaseView> publicContents(MigrantPhase phase) {
        return tx.read(em -> {
            Map<MigrantPhase, List<PublicPageView>> byPhase = new EnumMap<>(MigrantPhase.class);
            for (MigrantPhase ph : MigrantPhase.values()) {
                if (phase == null || ph == phase) {
                    byPhase.put(ph, new ArrayList<>());
                }
            }
            for (MigrantPage p : em.createQuery("SELECT p FROM MigrantPage p WHERE p.status = :s ORDER BY p.phase, p.position, p.id",
                    MigrantPage.class).setParameter("s", Publication.PUBLISHED).getResultList()) {
                List<PublicPageView> list = byPhase.get(p.phase());
                if (list != null) {
                    list.add(publicView(p, false));
                }
            }
            List<Dto.PhaseView> out = new ArrayList<>();
            byPhase.forEach((ph, pages) -> out.add(new Dto.PhaseView(ph, ph.label(), pages)));
            return out;
        });
    }

    /**
     * One published page.
     *
     * @param slug its address
     * @return it
     * @throws ProblemException 404 when unknown or not published (the same answer)
     */
    public PublicPageView publicGet(String slug) {
        return tx.read(em -> {
            List<MigrantPage> found = em.createQuery("SELECT p FROM MigrantPage p WHERE p.slug = :s AND p.status = :st", MigrantPage.class)
                    .setParameter("s", slug).setParameter("st", Publication.PUBLISHED).getResultList();
            if (found.isEmpty()) {
                throw ProblemException.notFound("page", slug);
            }
            return publicView(found.get(0), true);
        });
    }

    private static void requireFreeSlug(EntityManager em, String slug, Long self) {
        List<Long> taken = em.createQuery("SELECT p.id FROM MigrantPage p WHERE p.slug = :s", Long.class).setParameter("s", slug)
                .getResultList();
        if (!taken.isEmpty() && !taken.get(0).equals(self)) {
            throw ProblemException.conflict("Another page (" + taken.get(0) + ") already has the address " + slug);
        }
    }

    private static MigrantPage.Details details(Dto.PageInput in) {
        List<FieldError> errors = new ArrayList<>();
        String sumJa = in.summary() == null ? null : Support.blank(in.summary().ja());
        String sumEn = in.summary() == null ? null : Support.blank(in.summary().en());
        String bodyJa = in.body() == null ? null : Support.blank(in.body().ja());
        String bodyEn = in.body() == null ? null : Support.blank(in.body().en());
        Support.japaneseFirst("summary", sumJa, sumEn, errors);
        Support.japaneseFirst("body", bodyJa, bodyEn, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new MigrantPage.Details(in.slug(), in.phase(), in.position() == null ? 100 : in.position(), in.title().ja().strip(),
                Support.blank(in.title().en()), sumJa, sumEn, bodyJa, bodyEn);
    }

    private static MigrantPage find(EntityManager em, long id) {
        MigrantPage p = em.find(MigrantPage.class, id);
        if (p == null) {
            throw ProblemException.notFound("page", id);
        }
        return p;
    }

    private static PageView view(MigrantPage p) {
        return new PageView(p.id(), p.slug(), p.phase(), p.phase().label(), p.position(), LocalizedText.of(p.titleJa(), p.titleEn()),
                Support.text(p.summaryJa(), p.summaryEn()), Support.text(p.bodyJa(), p.bodyEn()), p.status(),
                Support.instant(p.publishedAt()), Support.instant(p.updatedAt()), p.version());
    }

    private static PublicPageView publicView(MigrantPage p, boolean body) {
        return new PublicPageView(p.slug(), p.phase(), p.phase().label(), p.position(), LocalizedText.of(p.titleJa(), p.titleEn()),
                Support.text(p.summaryJa(), p.summaryEn()), body ? Support.text(p.bodyJa(), p.bodyEn()) : null,
                Support.instant(p.updatedAt()));
    }
}
