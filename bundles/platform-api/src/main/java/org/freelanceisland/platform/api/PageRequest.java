package org.freelanceisland.platform.api;

/**
 * The window of a list to return: skip {@code offset} items, return at most {@code limit}.
 *
 * @param offset the number of items to skip, zero or more
 * @param limit the largest number of items to return, 1 to {@link #MAX_LIMIT}
 */
public record PageRequest(int offset, int limit) {

    /** The number of items a page holds when the caller does not say. */
    public static final int DEFAULT_LIMIT = 50;
    /** The largest page the platform returns. */
    public static final int MAX_LIMIT = 500;

    /** Checks the window. */
    public PageRequest {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be zero or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }

    /**
     * The first page of the default size.
     *
     * @return offset 0, limit {@link #DEFAULT_LIMIT}
     */
    public static PageRequest first() {
        return new PageRequest(0, DEFAULT_LIMIT);
    }
}
