package org.freelanceisland.contest.internal.service;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.freelanceisland.contest.internal.model.Contest;
import org.freelanceisland.contest.internal.model.Entry;
import org.freelanceisland.contest.internal.model.EntryStatus;
import org.freelanceisland.contest.internal.model.Ticket;
import org.freelanceisland.contest.internal.model.TicketBatch;
import org.freelanceisland.contest.internal.model.TicketSheet;
import org.freelanceisland.contest.internal.model.Vote;
import org.freelanceisland.contest.internal.pdf.TicketSheetRenderer;
import org.freelanceisland.platform.persistence.Tx;
import org.freelanceisland.platform.rest.Csv;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * The Audience Award: batches of one-time ticket codes and the votes cast with them.
 *
 * <p>Codes are stored only as keyed hashes ({@link TicketCodes}), so they exist in clear only in
 * the batch's printable sheet, which is made when the batch is generated, kept encrypted for a
 * short time ({@code sheetMinutes}) to be downloaded, then deleted. A lost sheet cannot be printed
 * again: void the batch (its unused codes stop working) and generate a new one.
 *
 * <p>A vote locks its ticket's row ({@code SELECT … FOR UPDATE}) before checking that the ticket
 * is unused, and a unique index on the vote's ticket backs it, so a code used by many requests at
 * once counts exactly once; the others are told it was used (409). Votes cannot be changed.
 */
public final class VotingService {

    private final Tx tx;
    private final TicketCodes codes;
    private final TicketSheetRenderer renderer;
    private final String voteUrl;
    private final int sheetMinutes;

    /**
     * A sheet to download.
     *
     * @param fileName the file name
     * @param pdf the PDF
     */
    public record SheetFile(String fileName, byte[] pdf) {
    }

    /**
     * Creates the service.
     *
     * @param tx the unit-of-work runner
     * @param codes hashing and sealing with the ticket secret
     * @param renderer the sheet renderer
     * @param voteUrl the voting address printed in QR codes, with {@code {contest}} and {@code {code}} placeholders
     * @param sheetMinutes how long a batch's sheet may be downloaded
     */
    public VotingService(Tx tx, TicketCodes codes, TicketSheetRenderer renderer, String voteUrl, int sheetMinutes) {
        this.tx = tx;
        this.codes = codes;
        this.renderer = renderer;
        this.voteUrl = voteUrl;
        this.sheetMinutes = sheetMinutes;
    }

    /**
     * Generates a batch of codes and its printable sheet (available for {@code sheetMinutes}).
     *
     * @param contestId the contest
     * @param in how many, and a label
     * @param user who generates it
     * @return the batch
     */
    public Dto.BatchView generate(long contestId, Dto.BatchInput in, String user) {
        return tx.write(em -> {
            Contest c = ContestService.lock(em, contestId);
            LocalDateTime now = tx.now();
            if (c.publishedAt() != null || ContestService.votingClosed(c, now)) {
                throw ProblemException.conflict("Voting of contest " + contestId + " has closed; no more tickets can be generated");
            }
            purge(em, now);
            TicketBatch b = new TicketBatch(contestId, now);
            b.label(ContestService.blank(in.label()));
            b.size(in.count());
            b.createdBy(user);
            b.sheetAvailableUntil(now.plusMinutes(sheetMinutes));
            em.persist(b);
            em.flush();
            Set<String> fresh = new LinkedHashSet<>();
            while (fresh.size() < in.count()) {
                fresh.add(TicketCodes.generate());
            }
            List<String> printed = new ArrayList<>();
            List<String> urls = new ArrayList<>();
            for (String code : fresh) {
                em.persist(new Ticket(contestId, b.id(), codes.hash(contestId, code)));
                printed.add(TicketCodes.printed(code));
                urls.add(voteUrl.replace("{contest}", Long.toString(contestId)).replace("{code}", TicketCodes.printed(code)));
            }
            String title = c.titleJa() + (c.edition() == null ? "" : "（第" + c.edition() + "回）");
            byte[] pdf = renderer.render(new TicketSheetRenderer.Sheet(title,
                    "batch " + b.id() + (b.label() == null ? "" : " " + b.label()), printed, urls));
            byte[] nonce = TicketCodes.nonce();
            em.persist(new TicketSheet(b.id(), nonce, codes.seal(b.id(), nonce, pdf)));
            em.flush();
            return view(em, b, true, now);
        });
    }

    /**
     * The batches of a contest (expired sheets are deleted on the way).
     *
     * @param contestId the contest
     * @return the batches, newest first
     */
    public List<Dto.BatchView> batches(long contestId) {
        return tx.write(em -> {
            ContestService.find(em, contestId);
            LocalDateTime now = tx.now();
            purge(em, now);
            List<Dto.BatchView> views = new ArrayList<>();
            for (TicketBatch b : em.createQuery("SELECT b FROM TicketBatch b WHERE b.contestId = :c ORDER BY b.id DESC", TicketBatch.class)
                    .setParameter("c", contestId).getResultList()) {
                views.add(view(em, b, em.find(TicketSheet.class, b.id()) != null, now));
            }
            return views;
        });
    }

    /**
     * Downloads a batch's sheet while it is available.
     *
     * @param contestId the contest
     * @param batchId the batch
     * @return the PDF
     * @throws ProblemException 410 when the sheet is gone (expired or voided)
     */
    public SheetFile sheet(long contestId, long batchId) {
        return tx.write(em -> {
            TicketBatch b = batch(em, contestId, batchId);
            LocalDateTime now = tx.now();
            purge(em, now);
            TicketSheet sheet = em.find(TicketSheet.class, batchId);
            if (b.voidedAt() != null || sheet == null) {
                throw new ProblemException(410, "gone", "Gone", "The sheet of batch " + batchId + (b.voidedAt() != null
                        ? " was voided" : " could be downloaded until " + ContestService.instant(b.sheetAvailableUntil()))
                        + "; codes are not stored in clear, so void the batch and generate a new one", List.of());
            }
            b.sheetDownloads(b.sheetDownloads() + 1);
            byte[] pdf;
            try {
                pdf = codes.open(batchId, sheet.nonce(), sheet.data());
            } catch (IllegalStateException e) {
                throw new ProblemException(410, "gone", "Gone", e.getMessage(), List.of());
            }
            return new SheetFile("tickets-contest-" + contestId + "-batch-" + batchId + ".pdf", pdf);
        });
    }

    /**
     * Voids a batch: its unused codes stop working and its sheet is deleted. Votes already cast
     * with its codes stay.
     *
     * @param contestId the contest
     * @param batchId the batch
     * @param reason why
     * @param user who voids it
     * @return the batch
     */
    public Dto.BatchView voidBatch(long contestId, long batchId, String reason, String user) {
        return tx.write(em -> {
            TicketBatch b = batch(em, contestId, batchId);
            if (b.voidedAt() != null) {
                throw ProblemException.conflict("Batch " + batchId + " is already void");
            }
            LocalDateTime now = tx.now();
            b.voidedAt(now);
            b.voidedBy(user);
            b.voidReason(ContestService.blank(reason));
            TicketSheet sheet = em.find(TicketSheet.class, batchId);
            if (sheet != null) {
                em.remove(sheet);
            }
            em.flush();
            return view(em, b, false, now);
        });
    }

    /**
     * A visitor votes with a ticket code, inside the voting window.
     *
     * @param contestId the contest
     * @param in the code and the entry's number
     * @return the receipt
     */
    public Dto.VoteReceipt vote(long contestId, Dto.VoteInput in) {
        String code = TicketCodes.normalise(in.code());
        if (code == null) {
            throw ProblemException.unprocessable("code", "not a ticket code (10 letters and digits, as printed on the ticket)");
        }
        String hash = codes.hash(contestId, code);
        return tx.write(em -> {
            // the voting window alone, not the contest entity with its three collections (four
            // queries); with the ticket, its batch's void mark and the entry: 4 reads a vote, not 7
            List<Object[]> window = em.createQuery("SELECT c.votingOpens, c.votingCloses FROM Contest c WHERE c.id = :c", Object[].class)
                    .setParameter("c", contestId).getResultList();
            if (window.isEmpty()) {
                throw ProblemException.notFound("contest", contestId);
            }
            LocalDateTime opens = (LocalDateTime) window.get(0)[0];
            LocalDateTime closes = (LocalDateTime) window.get(0)[1];
            LocalDateTime now = tx.now();
            if (now.isBefore(opens) || !now.isBefore(closes)) {
                throw ProblemException.unprocessable("votingWindow", "voting is open from " + ContestService.instant(opens)
                        + " until " + ContestService.instant(closes));
            }
            List<Ticket> found = em.createQuery("SELECT t FROM Ticket t WHERE t.codeHash = :h", Ticket.class)
                    .setParameter("h", hash).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
            if (found.isEmpty() || found.get(0).contestId() != contestId) {
                throw ProblemException.unprocessable("code", "this code is not a ticket of this contest");
            }
            Ticket t = found.get(0);
            List<LocalDateTime> voided = em.createQuery("SELECT b.voidedAt FROM TicketBatch b WHERE b.id = :b", LocalDateTime.class)
                    .setParameter("b", t.batchId()).getResultList();
            if (!voided.isEmpty() && voided.get(0) != null) {
                throw ProblemException.unprocessable("code", "this ticket was voided and cannot be used");
            }
            if (t.usedAt() != null) {
                throw ProblemException.conflict("This ticket was already used; a vote cannot be changed");
            }
            List<Object[]> entries = em.createQuery("SELECT e.id, e.number, e.title, e.status FROM Entry e"
                    + " WHERE e.contestId = :c AND e.number = :n", Object[].class)
                    .setParameter("c", contestId).setParameter("n", in.entryNumber()).getResultList();
            if (entries.isEmpty() || entries.get(0)[3] != EntryStatus.SUBMITTED) {
                throw ProblemException.unprocessable("entryNumber", "there is no work number " + in.entryNumber() + " to vote for");
            }
            Object[] e = entries.get(0);
            t.usedAt(now);
            em.persist(new Vote(contestId, t.id(), (Long) e[0], now));
            em.flush();
            return new Dto.VoteReceipt(contestId, ((Number) e[1]).intValue(), (String) e[2], ContestService.instant(now));
        });
    }

    /**
     * Votes per entry. Live totals (before voting closes) are for administrators only.
     *
     * @param contestId the contest
     * @param admin whether the caller is an administrator
     * @return the totals
     */
    public Dto.VoteTotals totals(long contestId, boolean admin) {
        return tx.read(em -> {
            Contest c = ContestService.find(em, contestId);
            boolean closed = ContestService.votingClosed(c, tx.now());
            if (!closed && !admin) {
                throw hidden(contestId);
            }
            Map<Long, Long> votes = votes(em, contestId);
            List<Dto.EntryVotes> rows = new ArrayList<>();
            long total = 0;
            for (Entry e : em.createQuery("SELECT e FROM Entry e WHERE e.contestId = :c ORDER BY e.number", Entry.class)
                    .setParameter("c", contestId).getResultList()) {
                long v = votes.getOrDefault(e.id(), 0L);
                total += v;
                rows.add(new Dto.EntryVotes(e.number(), e.title(), v));
            }
            return new Dto.VoteTotals(contestId, closed, total, rows);
        });
    }

    /**
     * The audit export of votes: one row per vote with the code's hash, the batch, the time and the
     * entry, so staff can recount. Before voting closes, for administrators only.
     *
     * @param contestId the contest
     * @param admin whether the caller is an administrator
     * @return the CSV bytes (UTF-8 with BOM)
     */
    public byte[] auditCsv(long contestId, boolean admin) {
        return tx.read(em -> {
            Contest c = ContestService.find(em, contestId);
            if (!ContestService.votingClosed(c, tx.now()) && !admin) {
                throw hidden(contestId);
            }
            Map<Long, Integer> numbers = new HashMap<>();
            em.createQuery("SELECT e FROM Entry e WHERE e.contestId = :c", Entry.class).setParameter("c", contestId)
                    .getResultList().forEach(e -> numbers.put(e.id(), e.number()));
            List<List<?>> rows = new ArrayList<>();
            rows.add(List.of("castAt", "entryNumber", "codeHash", "batch"));
            for (Object[] r : em.createQuery("SELECT v.castAt, v.entryId, t.codeHash, t.batchId FROM Vote v, Ticket t"
                    + " WHERE v.contestId = :c AND t.id = v.ticketId ORDER BY v.castAt, v.id", Object[].class)
                    .setParameter("c", contestId).getResultList()) {
                rows.add(List.of(ContestService.instant((LocalDateTime) r[0]).toString(), numbers.get((Long) r[1]), r[2], r[3]));
            }
            return Csv.writeBytes(rows);
        });
    }

    static Map<Long, Long> votes(EntityManager em, long contestId) {
        Map<Long, Long> votes = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT v.entryId, COUNT(v) FROM Vote v WHERE v.contestId = :c GROUP BY v.entryId",
                Object[].class).setParameter("c", contestId).getResultList()) {
            votes.put((Long) r[0], ((Number) r[1]).longValue());
        }
        return votes;
    }

    private static ProblemException hidden(long contestId) {
        return new ProblemException(403, "forbidden", "Forbidden", "Vote totals of contest " + contestId
                + " are hidden from everyone but administrators until voting closes", List.of());
    }

    private static void purge(EntityManager em, LocalDateTime now) {
        em.createQuery("DELETE FROM TicketSheet s WHERE s.batchId IN"
                + " (SELECT b.id FROM TicketBatch b WHERE b.sheetAvailableUntil <= :now)").setParameter("now", now).executeUpdate();
    }

    private static TicketBatch batch(EntityManager em, long contestId, long batchId) {
        TicketBatch b = em.find(TicketBatch.class, batchId);
        if (b == null || b.contestId() != contestId) {
            throw ProblemException.notFound("ticket batch", batchId);
        }
        return b;
    }

    private static Dto.BatchView view(EntityManager em, TicketBatch b, boolean sheet, LocalDateTime now) {
        long used = em.createQuery("SELECT COUNT(t) FROM Ticket t WHERE t.batchId = :b AND t.usedAt IS NOT NULL", Long.class)
                .setParameter("b", b.id()).getSingleResult();
        boolean available = sheet && b.voidedAt() == null && b.sheetAvailableUntil() != null && now.isBefore(b.sheetAvailableUntil());
        return new Dto.BatchView(b.id(), b.contestId(), b.label(), b.size(), used, b.voidedAt() != null,
                ContestService.instant(b.voidedAt()), b.voidReason(), ContestService.instant(b.createdAt()), b.createdBy(), available,
                available ? ContestService.instant(b.sheetAvailableUntil()) : null, b.sheetDownloads(),
                available ? "/api/contest/contests/" + b.contestId() + "/ticket-batches/" + b.id() + "/sheet" : null);
    }
}
