package org.freelanceisland.platform.core.internal.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;

import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.DynamicFeature;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.FeatureContext;

import org.freelanceisland.platform.rest.MaxRequestBytes;
import org.freelanceisland.platform.rest.ProblemException;

/**
 * Refuses request bodies larger than the limit with 413, also when sent chunked. The limit is the
 * configured one unless the resource method (or its class) names its own with
 * {@link MaxRequestBytes}. Bound to each resource method, so it runs after matching but before the
 * body is read.
 */
final class RequestSizeFilter implements ContainerRequestFilter {

    private final long maxBytes;

    RequestSizeFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Gives every resource method its filter with the method's limit. */
    static final class Binding implements DynamicFeature {
        private final long defaultMaxBytes;

        Binding(long defaultMaxBytes) {
            this.defaultMaxBytes = defaultMaxBytes;
        }

        @Override
        public void configure(ResourceInfo resource, FeatureContext context) {
            Method method = resource.getResourceMethod();
            MaxRequestBytes limit = method == null ? null : method.getAnnotation(MaxRequestBytes.class);
            if (limit == null && resource.getResourceClass() != null) {
                limit = resource.getResourceClass().getAnnotation(MaxRequestBytes.class);
            }
            context.register(new RequestSizeFilter(limit == null ? defaultMaxBytes : limit.value()),
                    Priorities.AUTHENTICATION - 100);
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            throw tooLarge();
        }
        request.setEntityStream(new LimitedStream(request.getEntityStream()));
    }

    private ProblemException tooLarge() {
        return new ProblemException(413, "too-large", "Request too large",
                "The request body is larger than " + maxBytes + " bytes", java.util.List.of());
    }

    private final class LimitedStream extends FilterInputStream {
        private long count;

        LimitedStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            count += n;
            if (count > maxBytes) {
                throw tooLarge();
            }
        }
    }
}
