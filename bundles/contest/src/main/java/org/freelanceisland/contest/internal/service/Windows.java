package org.freelanceisland.contest.internal.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.freelanceisland.platform.rest.FieldError;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * The rules of a contest's three windows. Each runs from {@code opens} (inclusive) to
 * {@code closes} (exclusive):
 * <ul>
 * <li>every window closes after it opens;</li>
 * <li>judging opens when entries have closed (jurors judge a closed field of entries);</li>
 * <li>voting opens when entries have closed (visitors vote for the works entered) and may run
 * alongside judging, before or after it.</li>
 * </ul>
 *
 * @param entryOpens entries open
 * @param entryCloses entries close
 * @param judgingOpens judging opens
 * @param judgingCloses judging closes
 * @param votingOpens public voting opens
 * @param votingCloses public voting closes
 */
public record Windows(Instant entryOpens, Instant entryCloses, Instant judgingOpens, Instant judgingCloses,
        Instant votingOpens, Instant votingCloses) {

    /**
     * The rules the windows break.
     *
     * @return one error per broken rule, naming the field to change; empty when the windows are sensible
     */
    public List<FieldError> violations() {
        List<FieldError> errors = new ArrayList<>();
        if (!entryCloses.isAfter(entryOpens)) {
            errors.add(new FieldError("entryWindow.closes", "must be after entryWindow.opens"));
        }
        if (!judgingCloses.isAfter(judgingOpens)) {
            errors.add(new FieldError("judgingWindow.closes", "must be after judgingWindow.opens"));
        }
        if (!votingCloses.isAfter(votingOpens)) {
            errors.add(new FieldError("votingWindow.closes", "must be after votingWindow.opens"));
        }
        if (judgingOpens.isBefore(entryCloses)) {
            errors.add(new FieldError("judgingWindow.opens", "judging may open only when entries have closed ("
                    + entryCloses + ")"));
        }
        if (votingOpens.isBefore(entryCloses)) {
            errors.add(new FieldError("votingWindow.opens", "public voting may open only when entries have closed ("
                    + entryCloses + "); it may overlap judging"));
        }
        return errors;
    }

    /**
     * Checks the windows.
     *
     * @throws ProblemException 422 naming every field that breaks a rule
     */
    public void check() {
        List<FieldError> errors = violations();
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "rule-violated", "Request breaks a rule",
                    errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                            : "The contest's windows are not in a sensible order: " + errors.size() + " rules broken",
                    errors);
        }
    }

    /**
     * Where a window stands at an instant.
     *
     * @param opens when it opens
     * @param closes when it closes
     * @param now the instant
     * @return {@code BEFORE}, {@code OPEN} or {@code CLOSED}
     */
    public static String phase(Instant opens, Instant closes, Instant now) {
        return now.isBefore(opens) ? "BEFORE" : now.isBefore(closes) ? "OPEN" : "CLOSED";
    }
}
