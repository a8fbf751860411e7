package org.freelanceisland.platform.api;

import java.util.List;
import java.util.Objects;

/**
 * One page of a longer list, as every list of the platform is returned: the items of the page, the
 * total number of items, and the window that was asked for.
 *
 * @param <T> the type of the items
 * @param items the items of this page
 * @param total the number of items in the whole list
 * @param offset the index of the first item of this page in the whole list
 * @param limit the largest number of items a page holds
 */
public record Page<T>(List<T> items, long total, int offset, int limit) {

    /** Checks the arguments. */
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        if (total < 0 || offset < 0 || limit < 0) {
            throw new IllegalArgumentException("total, offset and limit must not be negative");
        }
    }
}
