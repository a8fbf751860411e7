package org.freelanceisland.platform.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets one resource method (or every method of a resource class) accept request bodies up to a
 * size of its own instead of the platform's configured limit ({@code maxRequestBytes} of
 * {@code etc/org.freelanceisland.rest.cfg}, 1 MiB by default): for example an upload of photos.
 * Larger bodies are refused with 413 before they are read, also when sent chunked. Annotate only
 * the methods that need it, so every other endpoint keeps the small default.
 *
 * <pre>{@code
 * @POST
 * @Consumes(MediaType.MULTIPART_FORM_DATA)
 * @MaxRequestBytes(40 * 1024 * 1024)
 * public Response upload(byte[] body) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface MaxRequestBytes {

    /**
     * The largest body accepted, in bytes.
     *
     * @return the limit
     */
    long value();
}
