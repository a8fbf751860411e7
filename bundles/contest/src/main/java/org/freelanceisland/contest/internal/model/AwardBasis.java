package org.freelanceisland.contest.internal.model;

/** How an award is decided. */
public enum AwardBasis {
    /** By the jury's ranking: the entry at the award's rank (1 for the Grand Prize). */
    JURY,
    /** By the audience's votes: the entry at the award's rank (1 for the Audience Award). */
    AUDIENCE,
    /** Chosen by staff (for example a jury's special prize decided in discussion). */
    DESIGNATED
}
