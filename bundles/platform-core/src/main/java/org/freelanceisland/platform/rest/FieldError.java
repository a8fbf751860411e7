package org.freelanceisland.platform.rest;

/**
 * One invalid field of a request, as listed in a problem's {@code errors}.
 *
 * @param field the field's path in the request, for example {@code title.ja}, {@code limit} or
 *        {@code items[2].date}
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {
}
