package org.freelanceisland.contest.internal.service;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.freelanceisland.contest.internal.model.Contest;
import org.freelanceisland.contest.internal.model.Entry;
import org.freelanceisland.contest.internal.model.EntryStatus;
import org.freelanceisland.contest.internal.model.Photo;
import org.freelanceisland.contest.internal.model.PhotoData;
import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.Page;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.api.ledger.ActivityEvent;
import org.freelanceisland.platform.api.ledger.ActivityLedger;
import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.Params;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * Entries and their photos. Entries are numbered 1, 2, 3 … per contest in the order they are
 * submitted: the number comes from a counter on the contest's row, read and raised while that row
 * is locked, so simultaneous submissions get consecutive numbers without gaps or repeats (a unique
 * index on contest and number backs it). Photos are checked by their bytes before anything is
 * stored, and stored in the database with a thumbnail.
 */
public final class EntryService {

    /** Ledger type of a submitted entry. */
    public static final String SUBMITTED = "contest.entry.submitted";

    private final Tx tx;
    private final People people;
    private final ActivityLedger ledger;
    private final Limits limits;

    /**
     * Limits on photos.
     *
     * @param maxPhotoBytes the largest photo, in bytes
     * @param maxPhotos the most photos per entry
     */
    public record Limits(long maxPhotoBytes, int maxPhotos) {
    }

    /**
     * An uploaded file.
     *
     * @param field the form field it came in (for error messages)
     * @param fileName the file name the client gave, or {@code null}
     * @param bytes the content
     */
    public record Upload(String field, String fileName, byte[] bytes) {
    }

    /**
     * A photo's bytes to serve.
     *
     * @param contentType the media type
     * @param fileName a file name for {@code Content-Disposition}
     * @param bytes the bytes
     */
    public record Image(String contentType, String fileName, byte[] bytes) {
    }

    /** A checked photo, ready to store. */
    private record Checked(Upload upload, Images.Info info, byte[] thumbnail, String sha256) {
    }

    /**
     * Creates the service.
     *
     * @param tx the unit-of-work runner
     * @param people the people registry
     * @param ledger the activity ledger
     * @param limits limits on photos
     */
    public EntryService(Tx tx, People people, ActivityLedger ledger, Limits limits) {
        this.tx = tx;
        this.people = people;
        this.ledger = ledger;
        this.limits = limits;
    }

    /**
     * The limits on photos.
     *
     * @return the limits
     */
    public Limits limits() {
        return limits;
    }

    /**
     * Lists the entries of a contest by number.
     *
     * @param contestId the contest
     * @param category a category code, or {@code null}
     * @param status a status, or {@code null}
     * @param makerId a maker, or {@code null}
     * @param page the window
     * @return the page
     */
    public Page<Dto.EntryView> list(long contestId, String category, EntryStatus status, String makerId, PageRequest page) {
        return tx.read(em -> {
            Contest c = ContestService.find(em, contestId);
            StringBuilder where = new StringBuilder(" WHERE e.contestId = :c");
            if (category != null) {
                where.append(" AND e.category = :cat");
            }
            if (status != null) {
                where.append(" AND e.status = :s");
            }
            if (makerId != null) {
                where.append(" AND e.makerId = :m");
            }
            TypedQuery<Entry> q = em.createQuery("SELECT e FROM Entry e" + where + " ORDER BY e.number", Entry.class);
            TypedQuery<Long> n = em.createQuery("SELECT COUNT(e) FROM Entry e" + where, Long.class);
            for (TypedQuery<?> query : List.of(q, n)) {
                query.setParameter("c", contestId);
                if (category != null) {
                    query.setParameter("cat", category);
                }
                if (status != null) {
                    query.setParameter("s", status);
                }
                if (makerId != null) {
                    query.setParameter("m", makerId);
                }
            }
            List<Entry> entries = q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
            Map<String, String> names = people.names(entries.stream().map(Entry::makerId).distinct().toList());
            Map<Long, List<Photo>> photos = photos(em, entries.stream().map(Entry::id).toList());
            List<Dto.EntryView> items = entries.stream()
                    .map(e -> view(c, e, names.get(e.makerId()), photos.getOrDefault(e.id(), List.of()))).toList();
            return new Page<>(items, n.getSingleResult(), page.offset(), page.limit());
        });
    }

    /**
     * One entry.
     *
     * @param contestId the contest
     * @param entryId the entry
     * @return the entry
     */
    public Dto.EntryView get(long contestId, long entryId) {
        return tx.read(em -> {
            Contest c = ContestService.find(em, contestId);
            Entry e = entry(em, contestId, entryId);
            return view(c, e, people.names(List.of(e.makerId())).get(e.makerId()), photos(em, List.of(entryId)).getOrDefault(entryId, List.of()));
        });
    }

    /**
     * Submits an entry with its photos, inside the entry window. The maker must exist, be active
     * and consent to program administration. Nothing is stored when anything is wrong.
     *
     * @param contestId the contest
     * @param in the entry
     * @param uploads its photos (may be empty)
     * @return the entry with its number
     */
    public Dto.EntryView submit(long contestId, Dto.EntryInput in, List<Upload> uploads) {
        validate(in);
        List<Checked> photos = check(uploads, 0);
        String maker = in.makerId().strip();
        tx.read(em -> ContestService.find(em, contestId));
        people.requireParticipant("makerId", maker);
        return tx.write(em -> {
            Contest c = ContestService.lock(em, contestId);
            LocalDateTime now = tx.now();
            if (now.isBefore(c.entryOpens()) || !now.isBefore(c.entryCloses())) {
                throw ProblemException.unprocessable("entryWindow", "entries to contest " + contestId + " are accepted from "
                        + ContestService.instant(c.entryOpens()) + " until " + ContestService.instant(c.entryCloses()));
            }
            requireCategory(c, in.category());
            c.entryCount(c.entryCount() + 1);
            Entry e = new Entry(contestId, c.entryCount(), now);
            e.makerId(maker);
            apply(e, in);
            em.persist(e);
            em.flush();
            store(em, e, photos, 0, now);
            ledger.record(ActivityEvent.builder("contest:entry:" + e.id() + ":submitted", SUBMITTED, ContestService.instant(now))
                    .person(maker)
                    .fiscalYear(FiscalYear.of(c.fiscalYear()))
                    .attribute("contest", Long.toString(contestId))
                    .attribute("category", e.category())
                    .build());
            em.flush();
            return view(c, e, null, photos(em, List.of(e.id())).getOrDefault(e.id(), List.of()));
        });
    }

    /**
     * Corrects an entry (not its maker) until judging closes.
     *
     * @param contestId the contest
     * @param entryId the entry
     * @param in all fields
     * @return the entry
     */
    public Dto.EntryView update(long contestId, long entryId, Dto.EntryInput in) {
        validate(in);
        return tx.write(em -> {
            Contest c = ContestService.lock(em, contestId);
            Entry e = entry(em, contestId, entryId);
            if (in.version() != null && in.version() != e.version()) {
                throw ProblemException.conflict("Entry " + entryId + " was changed by someone else; load it again");
            }
            if (!e.makerId().equals(in.makerId().strip())) {
                throw ProblemException.unprocessable("makerId", "the maker of an entry cannot change; withdraw it and enter it again");
            }
            if (ContestService.judgingClosed(c, tx.now()) || c.publishedAt() != null) {
                throw ProblemException.conflict("Judging of contest " + contestId + " has closed; entries can no longer change");
            }
            requireCategory(c, in.category());
            apply(e, in);
            e.updatedAt(tx.now());
            em.flush();
            return view(c, e, null, photos(em, List.of(entryId)).getOrDefault(entryId, List.of()));
        });
    }

    /**
     * Withdraws an entry: it keeps its number but takes no part in judging or voting. Possible until
     * judging closes.
     *
     * @param contestId the contest
     * @param entryId the entry
     * @param reason why
     * @return the entry
     */
    public Dto.EntryView withdraw(long contestId, long entryId, String reason) {
        return tx.write(em -> {
            Contest c = ContestService.lock(em, contestId);
            Entry e = entry(em, contestId, entryId);
            if (e.status() == EntryStatus.WITHDRAWN) {
                throw ProblemException.conflict("Entry " + entryId + " is already withdrawn");
            }
            if (ContestService.judgingClosed(c, tx.now()) || c.publishedAt() != null) {
                throw ProblemException.conflict("Judging of contest " + contestId + " has closed; the entry can no longer be withdrawn");
            }
            e.status(EntryStatus.WITHDRAWN);
            e.withdrawnReason(ContestService.blank(reason));
            e.withdrawnAt(tx.now());
            e.updatedAt(tx.now());
            em.flush();
            return view(c, e, null, photos(em, List.of(entryId)).getOrDefault(entryId, List.of()));
        });
    }

    /**
     * Adds photos to an entry, until judging opens.
     *
     * @param contestId the contest
     * @param entryId the entry
     * @param uploads the photos
     * @return the entry
     */
    public Dto.EntryView addPhotos(long contestId, long entryId, List<Upload> uploads) {
        if (uploads.isEmpty()) {
            throw ProblemException.invalid("photos", "send at least one photo (multipart field photos)");
        }
        int existing = tx.read(em -> {
            entry(em, contestId, entryId);
            return photos(em, List.of(entryId)).getOrDefault(entryId, List.of()).size();
        });
        List<Checked> photos = check(uploads, existing);
        return tx.write(em -> {
            Contest c = ContestService.lock(em, contestId);
            Entry e = entry(em, contestId, entryId);
            requirePhotosWindow(c, tx.now());
            List<Photo> have = photos(em, List.of(entryId)).getOrDefault(entryId, List.of());
            if (have.size() + photos.size() > limits.maxPhotos()) {
                throw ProblemException.unprocessable("photos", "an entry has at most " + limits.maxPhotos() + " photos; it has "
                        + have.size());
            }
            int position = have.stream().mapToInt(Photo::position).max().orElse(0);
            store(em, e, photos, position, tx.now());
            em.flush();
            return view(c, e, null, photos(em, List.of(entryId)).getOrDefault(entryId, List.of()));
        });
    }

    /**
     * Removes a photo, until judging opens.
     *
     * @param contestId the contest
     * @param entryId the entry
     * @param photoId the photo
     */
    public void deletePhoto(long contestId, long entryId, long photoId) {
        tx.write(em -> {
            Contest c = ContestService.lock(em, contestId);
            entry(em, contestId, entryId);
            requirePhotosWindow(c, tx.now());
            Photo p = em.find(Photo.class, photoId);
            if (p == null || p.entryId() != entryId) {
                throw ProblemException.notFound("photo", photoId);
            }
            PhotoData data = em.find(PhotoData.class, photoId);
            if (data != null) {
                em.remove(data);
            }
            em.remove(p);
            return null;
        });
    }

    /**
     * A photo's bytes (or its thumbnail's).
     *
     * @param contestId the contest
     * @param entryId the entry
     * @param photoId the photo
     * @param thumbnail whether the thumbnail is wanted (the original is served when there is none)
     * @return the image
     */
    public Image image(long contestId, long entryId, long photoId, boolean thumbnail) {
        return tx.read(em -> {
            Entry e = entry(em, contestId, entryId);
            return image(em, e, photoId, thumbnail);
        });
    }

    static Image image(EntityManager em, Entry e, long photoId, boolean thumbnail) {
        Photo p = em.find(Photo.class, photoId);
        if (p == null || p.entryId() != e.id()) {
            throw ProblemException.notFound("photo", photoId);
        }
        PhotoData data = em.find(PhotoData.class, photoId);
        String base = "contest-" + e.contestId() + "-entry-" + e.number() + "-photo-" + p.position();
        if (thumbnail && p.thumbnail() && data.thumbnailData() != null) {
            return new Image("image/jpeg", base + "-thumbnail.jpg", data.thumbnailData());
        }
        return new Image(p.contentType(), base + "." + Images.Type.valueOf(typeName(p.contentType())).extension(), data.data());
    }

    private static String typeName(String contentType) {
        return switch (contentType) {
            case "image/png" -> "PNG";
            case "image/webp" -> "WEBP";
            default -> "JPEG";
        };
    }

    /** Photos may be added or removed until judging opens (staff often photograph the works themselves). */
    private static void requirePhotosWindow(Contest c, LocalDateTime now) {
        if (!now.isBefore(c.judgingOpens())) {
            throw ProblemException.unprocessable("judgingWindow", "photos can be changed only until judging opens ("
                    + ContestService.instant(c.judgingOpens()) + ")");
        }
    }

    private List<Checked> check(List<Upload> uploads, int existing) {
        List<FieldError> errors = new ArrayList<>();
        if (existing + uploads.size() > limits.maxPhotos()) {
            throw ProblemException.unprocessable("photos", "an entry has at most " + limits.maxPhotos() + " photos"
                    + (existing > 0 ? "; it has " + existing : "") + ", " + uploads.size() + " were sent");
        }
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            Upload u = uploads.get(i);
            String field = "photos[" + i + "]";
            if (u.bytes().length > limits.maxPhotoBytes()) {
                errors.add(new FieldError(field, "is " + u.bytes().length + " bytes; a photo may have at most " + limits.maxPhotoBytes()));
                continue;
            }
            Images.Info info = Images.inspect(u.bytes());
            if (info == null) {
                errors.add(new FieldError(field, "is not a JPEG, PNG or WebP image"));
                continue;
            }
            if ((long) info.width() * info.height() > Images.MAX_PIXELS) {
                errors.add(new FieldError(field, "has " + info.width() + "×" + info.height() + " pixels; at most "
                        + Images.MAX_PIXELS + " pixels are accepted"));
                continue;
            }
            byte[] thumbnail = null;
            if (info.type() != Images.Type.WEBP) {
                try {
                    thumbnail = Images.thumbnail(info, u.bytes());
                } catch (IOException | RuntimeException e) {
                    errors.add(new FieldError(field, "is not a readable " + info.type() + " image"));
                    continue;
                }
            }
            checked.add(new Checked(u, info, thumbnail, sha256(u.bytes())));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "rule-violated", "Request breaks a rule",
                    errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message() : errors.size() + " photos are refused",
                    errors);
        }
        return checked;
    }

    private void store(EntityManager em, Entry e, List<Checked> photos, int after, LocalDateTime now) {
        int position = after;
        for (Checked c : photos) {
            Photo p = new Photo(e.id());
            p.position(++position);
            p.contentType(c.info().type().mediaType());
            p.byteSize(c.upload().bytes().length);
            p.width(c.info().width());
            p.height(c.info().height());
            p.sha256(c.sha256());
            p.fileName(fileName(c.upload().fileName()));
            p.thumbnail(c.thumbnail() != null);
            p.createdAt(now);
            em.persist(p);
            em.flush();
            em.persist(new PhotoData(p.id(), c.upload().bytes(), c.thumbnail()));
        }
    }

    private static String fileName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        return base.isEmpty() ? null : base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks an entry as the bean validation of a JSON body would (the multipart form is read by
     * hand, so its JSON part is checked here).
     *
     * @param in the entry
     */
    public static void validate(Dto.EntryInput in) {
        List<FieldError> errors = new ArrayList<>();
        if (in == null) {
            throw ProblemException.invalid("entry", "must not be empty");
        }
        required("makerId", in.makerId(), 100, errors);
        required("title", in.title(), 200, errors);
        optional("description", in.description(), 4000, errors);
        required("category", in.category(), 40, errors);
        optional("materials", in.materials(), 500, errors);
        optional("technique", in.technique(), 500, errors);
        if (in.priceYen() != null && (in.priceYen() < 0 || in.priceYen() > 100_000_000)) {
            errors.add(new FieldError("priceYen", "must be between 0 and 100000000"));
        }
        Params.check(errors);
    }

    private static void required(String field, String value, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
        } else {
            optional(field, value, max, errors);
        }
    }

    private static void optional(String field, String value, int max, List<FieldError> errors) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "size must be between 0 and " + max));
        }
    }

    private static void requireCategory(Contest c, String category) {
        if (c.categories().stream().noneMatch(cat -> cat.code().equals(category))) {
            throw ProblemException.unprocessable("category", "contest " + c.id() + " has no category " + category + " (it has "
                    + c.categories().stream().map(cat -> cat.code()).toList() + ")");
        }
    }

    private static void apply(Entry e, Dto.EntryInput in) {
        e.title(in.title().strip());
        e.description(ContestService.blank(in.description()));
        e.category(in.category().strip());
        e.materials(ContestService.blank(in.materials()));
        e.technique(ContestService.blank(in.technique()));
        e.priceYen(in.priceYen());
    }

    // ---- shared helpers

    static Entry entry(EntityManager em, long contestId, long entryId) {
        Entry e = em.find(Entry.class, entryId);
        if (e == null || e.contestId() != contestId) {
            throw ProblemException.notFound("entry", entryId);
        }
        return e;
    }

    static Map<Long, List<Photo>> photos(EntityManager em, List<Long> entryIds) {
        if (entryIds.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT p FROM Photo p WHERE p.entryId IN :ids ORDER BY p.entryId, p.position", Photo.class)
                .setParameter("ids", entryIds).getResultList().stream()
                .collect(Collectors.groupingBy(Photo::entryId, Collectors.mapping(Function.identity(), Collectors.toList())));
    }

    static List<Dto.PhotoView> photoViews(Entry e, List<Photo> photos) {
        String base = "/api/contest/contests/" + e.contestId() + "/entries/" + e.id() + "/photos/";
        return photos.stream().map(p -> new Dto.PhotoView(p.id(), p.position(), p.contentType(), p.byteSize(), p.width(), p.height(),
                p.fileName(), base + p.id(), base + p.id() + "/thumbnail")).toList();
    }

    static Dto.EntryView view(Contest c, Entry e, String makerName, List<Photo> photos) {
        return new Dto.EntryView(e.id(), e.contestId(), e.number(), e.makerId(), makerName, e.title(), e.description(), e.category(),
                ContestService.categoryLabel(c, e.category()), e.materials(), e.technique(), e.priceYen() != null, e.priceYen(),
                e.status(), e.withdrawnReason(), ContestService.instant(e.submittedAt()), photoViews(e, photos), e.version());
    }
}
