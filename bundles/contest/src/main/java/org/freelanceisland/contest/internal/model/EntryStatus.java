package org.freelanceisland.contest.internal.model;

/** Where an entry stands. */
public enum EntryStatus {
    /** Entered: judged and open to audience votes. */
    SUBMITTED,
    /** Withdrawn by the maker or removed by staff: keeps its number, takes no part in judging or voting. */
    WITHDRAWN
}
