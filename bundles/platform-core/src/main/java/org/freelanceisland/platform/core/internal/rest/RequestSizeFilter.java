package org.freelanceisland.platform.core.internal.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;

import org.freelanceisland.platform.rest.ProblemException;

/** Refuses request bodies larger than the configured limit with 413, also when sent chunked. */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
final class RequestSizeFilter implements ContainerRequestFilter {

    private final long maxBytes;

    RequestSizeFilter(long maxBytes) {
        this.maxBytes = maxBytes;
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
