package org.freelanceisland.community.internal.service;

import org.freelanceisland.platform.persistence.Tx;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.TypedQuery;

import org.freelanceisland.community.internal.model.Publication;
import org.freelanceisland.community.internal.model.RoleModel;
import org.freelanceisland.community.internal.model.RoleModelPhoto;
import org.freelanceisland.community.internal.service.Dto.PublicRoleModelView;
import org.freelanceisland.community.internal.service.Dto.RoleModelView;
import org.freelanceisland.platform.api.LocalizedText;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.people.SkillVocabulary;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * Role models: staff prepare a profile (draft), publish it once the person consents to being shown
 * as a role model, and the public sees it only while it is published <em>and</em> the person still
 * consents: the people registry is asked at the moment of every public request, so a withdrawn
 * consent takes the profile out of public view at once, without anyone touching the profile.
 */
public final class RoleModelService {

    /** The largest photo accepted, in bytes. */
    public static final int MAX_PHOTO_BYTES = 900 * 1024;

    private final Tx tx;
    private final People people;

    /**
     * Creates the service.
     *
     * @param tx the unit-of-work runner
     * @param people the people registry
     */
    public RoleModelService(Tx tx, People people) {
        this.tx = tx;
        this.people = people;
    }

    // ---- staff

    /**
     * Creates a draft profile for a person (one per person).
     *
     * @param in the profile
     * @return it
     */
    public RoleModelView create(Dto.RoleModelInput in) {
        RoleModel.Details d = details(in);
        String person = in.personId().strip();
        people.requireExisting("personId", person);
        return tx.write(em -> {
            long existing = em.createQuery("SELECT COUNT(r) FROM RoleModel r WHERE r.personId = :p", Long.class)
                    .setParameter("p", person).getSingleResult();
            if (existing > 0) {
                throw ProblemException.conflict("Person " + person + " already has a role model profile");
            }
            RoleModel r = new RoleModel(person, tx.now());
            r.update(d, tx.now());
            em.persist(r);
            em.flush();
            return view(r);
        });
    }

    /**
     * Changes a profile's text (the person stays the same).
     *
     * @param id the profile
     * @param in all fields
     * @return it
     */
    public RoleModelView update(long id, Dto.RoleModelInput in) {
        RoleModel.Details d = details(in);
        return tx.write(em -> {
            RoleModel r = find(em, id);
            Support.version("role model", id, in.version(), r.version());
            if (!r.personId().equals(in.personId().strip())) {
                throw ProblemException.unprocessable("personId", "a profile stays with its person (" + r.personId() + ")");
            }
            r.update(d, tx.now());
            em.flush();
            return view(r);
        });
    }

    /**
     * Publishes a profile: only while the person consents to being shown as a role model.
     *
     * @param id the profile
     * @return it
     */
    public RoleModelView publish(long id) {
        RoleModel before = tx.read(em -> find(em, id));
        if (!people.mayShowAsRoleModel(before.personId())) {
            throw ProblemException.unprocessable("personId", "person " + before.personId()
                    + " does not consent (now) to being shown as a role model; record the consent in the people registry first");
        }
        return status(id, Publication.PUBLISHED);
    }

    /**
     * Takes a profile back to draft.
     *
     * @param id the profile
     * @return it
     */
    public RoleModelView unpublish(long id) {
        return status(id, Publication.DRAFT);
    }

    private RoleModelView status(long id, Publication to) {
        return tx.write(em -> {
            RoleModel r = em.find(RoleModel.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (r == null) {
                throw ProblemException.notFound("role model", id);
            }
            r.status(to, tx.now());
            em.flush();
            return view(r);
        });
    }

    /**
     * Deletes a profile and its photo.
     *
     * @param id the profile
     */
    public void delete(long id) {
        tx.write(em -> {
            RoleModel r = find(em, id);
            RoleModelPhoto photo = em.find(RoleModelPhoto.class, id);
            if (photo != null) {
                em.remove(photo);
            }
            em.remove(r);
            return null;
        });
    }

    /**
     * One profile, with whether the person consents now.
     *
     * @param id the profile
     * @return it
     */
    public RoleModelView get(long id) {
        return tx.read(em -> view(find(em, id)));
    }

    /**
     * Lists profiles for staff.
     *
     * @param status a status or {@code null}
     * @param workKind a kind of work or {@code null}
     * @param page the window
     * @return the page
     */
    public Page<RoleModelView> list(Publication status, String workKind, PageRequest page) {
        return tx.read(em -> {
            Filter f = new Filter(status, workKind);
            List<RoleModel> items = f.bind(em.createQuery("SELECT r FROM RoleModel r" + f.where() + " ORDER BY r.displayName, r.id",
                    RoleModel.class)).setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
            long total = f.bind(em.createQuery("SELECT COUNT(r) FROM RoleModel r" + f.where(), Long.class)).getSingleResult();
            Map<String, String> names = people.names(items.stream().map(RoleModel::personId).toList());
            Map<String, Boolean> consents = people.roleModelConsentsIfKnown(items.stream().map(RoleModel::personId).toList());
            List<RoleModelView> views = new ArrayList<>();
            for (RoleModel r : items) {
                views.add(view(r, names.get(r.personId()), consents.get(r.personId())));
            }
            return new Page<>(views, total, page.offset(), page.limit());
        });
    }

    /**
     * Stores a profile's photo.
     *
     * @param id the profile
     * @param contentType the declared type
     * @param bytes the image
     * @return the profile
     */
    public RoleModelView photo(long id, String contentType, byte[] bytes) {
        String type = imageType(bytes);
        if (type == null) {
            throw ProblemException.invalid("photo", "must be a JPEG, PNG or WebP image");
        }
        if (bytes.length > MAX_PHOTO_BYTES) {
            throw ProblemException.invalid("photo", "must be at most " + MAX_PHOTO_BYTES / 1024 + " KiB");
        }
        return tx.write(em -> {
            RoleModel r = find(em, id);
            RoleModelPhoto photo = em.find(RoleModelPhoto.class, id);
            if (photo == null) {
                em.persist(new RoleModelPhoto(id, type, bytes, tx.now()));
            } else {
                photo.replace(type, bytes, tx.now());
            }
            r.photo(true, tx.now());
            em.flush();
            return view(r);
        });
    }

    /**
     * Removes a profile's photo.
     *
     * @param id the profile
     * @return the profile
     */
    public RoleModelView removePhoto(long id) {
        return tx.write(em -> {
            RoleModel r = find(em, id);
            RoleModelPhoto photo = em.find(RoleModelPhoto.class, id);
            if (photo != null) {
                em.remove(photo);
            }
            r.photo(false, tx.now());
            em.flush();
            return view(r);
        });
    }

    /**
     * A profile's photo for staff (whatever its publication).
     *
     * @param id the profile
     * @return the photo
     */
    public RoleModelPhoto staffPhoto(long id) {
        return tx.read(em -> {
            find(em, id);
            RoleModelPhoto photo = em.find(RoleModelPhoto.class, id);
            if (photo == null) {
                throw ProblemException.notFound("photo of role model", id);
            }
            return photo;
        });
    }

    // ---- public

    /**
     * The public listing: published profiles of people who consent now, optionally of one kind of
     * work. Nothing from the people registry is shown, only what the profile says.
     *
     * @param workKind a kind of work or {@code null}
     * @param page the window
     * @return the page
     */
    public Page<PublicRoleModelView> publicList(String workKind, PageRequest page) {
        List<RoleModel> visible = visible(workKind);
        List<PublicRoleModelView> items = new ArrayList<>();
        for (int i = page.offset(); i < visible.size() && items.size() < page.limit(); i++) {
            items.add(publicView(visible.get(i)));
        }
        return new Page<>(items, visible.size(), page.offset(), page.limit());
    }

    /**
     * The kinds of work of the publicly visible profiles, for the public filter.
     *
     * @return kinds with their counts
     */
    public List<Dto.WorkKindView> publicWorkKinds() {
        Map<String, Integer> counts = new TreeMap<>();
        for (RoleModel r : visible(null)) {
            counts.merge(r.workKind(), 1, Integer::sum);
        }
        List<Dto.WorkKindView> out = new ArrayList<>();
        counts.forEach((code, n) -> out.add(new Dto.WorkKindView(code, label(code), n)));
        return out;
    }

    /**
     * One public profile.
     *
     * @param id the profile
     * @return it
     * @throws ProblemException 404 when unknown, unpublished or without consent (the same answer)
     */
    public PublicRoleModelView publicGet(long id) {
        return publicView(visibleOne(id));
    }

    /**
     * A public profile's photo.
     *
     * @param id the profile
     * @return the photo
     * @throws ProblemException 404 when the profile is not public now or has no photo
     */
    public RoleModelPhoto publicPhoto(long id) {
        visibleOne(id);
        return tx.read(em -> {
            RoleModelPhoto photo = em.find(RoleModelPhoto.class, id);
            if (photo == null) {
                throw ProblemException.notFound("role model", id);
            }
            return photo;
        });
    }

    private RoleModel visibleOne(long id) {
        RoleModel r = tx.read(em -> em.find(RoleModel.class, id));
        if (r == null || r.status() != Publication.PUBLISHED || !people.mayShowAsRoleModel(r.personId())) {
            throw ProblemException.notFound("role model", id);
        }
        return r;
    }

    private List<RoleModel> visible(String workKind) {
        List<RoleModel> published = tx.read(em -> {
            Filter f = new Filter(Publication.PUBLISHED, workKind);
            return f.bind(em.createQuery("SELECT r FROM RoleModel r" + f.where() + " ORDER BY r.publishedAt DESC, r.id DESC",
                    RoleModel.class)).getResultList();
        });
        Set<String> consenting = people.roleModelConsents(published.stream().map(RoleModel::personId).toList());
        return published.stream().filter(r -> consenting.contains(r.personId())).toList();
    }

    // ---- helpers

    private static RoleModel.Details details(Dto.RoleModelInput in) {
        List<FieldError> errors = new ArrayList<>();
        String work = in.workKind().strip();
        if (!SkillVocabulary.isCurated(work)) {
            errors.add(new FieldError("workKind", "must be one of the platform's skill codes " + SkillVocabulary.SKILLS.keySet()));
        }
        String storyJa = in.story() == null ? null : Support.blank(in.story().ja());
        String storyEn = in.story() == null ? null : Support.blank(in.story().en());
        String workJa = in.work() == null ? null : Support.blank(in.work().ja());
        String workEn = in.work() == null ? null : Support.blank(in.work().en());
        Support.japaneseFirst("story", storyJa, storyEn, errors);
        Support.japaneseFirst("work", workJa, workEn, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new RoleModel.Details(in.displayName().strip(), in.headline().ja().strip(), Support.blank(in.headline().en()), storyJa,
                storyEn, work, workJa, workEn);
    }

    /**
     * The type of an image from its first bytes.
     *
     * @param b the bytes
     * @return {@code image/jpeg}, {@code image/png}, {@code image/webp}, or {@code null}
     */
    static String imageType(byte[] b) {
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D && b[5] == 0x0A
                && b[6] == 0x1A && b[7] == 0x0A) {
            return "image/png";
        }
        if (b.length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B'
                && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    private static LocalizedText label(String workKind) {
        LocalizedText label = SkillVocabulary.SKILLS.get(workKind);
        return label == null ? LocalizedText.of(workKind, workKind) : label;
    }

    private static RoleModel find(EntityManager em, long id) {
        RoleModel r = em.find(RoleModel.class, id);
        if (r == null) {
            throw ProblemException.notFound("role model", id);
        }
        return r;
    }

    private RoleModelView view(RoleModel r) {
        String name = people.names(List.of(r.personId())).get(r.personId());
        Boolean consents = people.roleModelConsentsIfKnown(List.of(r.personId())).get(r.personId());
        return view(r, name, consents);
    }

    private static RoleModelView view(RoleModel r, String name, Boolean consents) {
        return new RoleModelView(r.id(), r.personId(), name, r.displayName(), LocalizedText.of(r.headlineJa(), r.headlineEn()),
                Support.text(r.storyJa(), r.storyEn()), r.workKind(), label(r.workKind()), Support.text(r.workJa(), r.workEn()), r.status(),
                consents, r.status() == Publication.PUBLISHED && Boolean.TRUE.equals(consents), r.hasPhoto(),
                Support.instant(r.publishedAt()), Support.instant(r.updatedAt()), r.version());
    }

    private static PublicRoleModelView publicView(RoleModel r) {
        return new PublicRoleModelView(r.id(), r.displayName(), LocalizedText.of(r.headlineJa(), r.headlineEn()),
                Support.text(r.storyJa(), r.storyEn()), r.workKind(), label(r.workKind()), Support.text(r.workJa(), r.workEn()),
                r.hasPhoto() ? "/api/community/public/role-models/" + r.id() + "/photo" : null, Support.instant(r.publishedAt()));
    }

    /** The filters of a profile list. */
    private record Filter(Publication status, String workKind) {
        String where() {
            return " WHERE 1 = 1" + (status == null ? "" : " AND r.status = :s") + (workKind == null ? "" : " AND r.workKind = :w");
        }

        <T> TypedQuery<T> bind(TypedQuery<T> q) {
            if (status != null) {
                q.setParameter("s", status);
            }
            if (workKind != null) {
                q.setParameter("w", workKind);
            }
            return q;
        }
    }
}
