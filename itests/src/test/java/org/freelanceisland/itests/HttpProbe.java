package org.freelanceisland.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Sends exactly the bytes a hardening test wants (raw bodies, any content type, any method, paths
 * as they are) and reads the answer as bytes. {@link org.freelanceisland.testing.http.ApiClient}
 * only sends well-formed UTF-8 text.
 */
final class HttpProbe {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    /** One answer. */
    record Answer(int status, Map<String, List<String>> headers, byte[] body) {

        /** @return the first value of a header, or an empty string */
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse("");
        }

        /** @return the body as UTF-8 text */
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * A prober of {@code http://localhost:<port>}.
     *
     * @param port the port
     */
    HttpProbe(int port) {
        this.base = "http://localhost:" + port;
    }

    /**
     * The Authorization header of an account.
     *
     * @param user the user name, or {@code null} for none
     * @param password the password
     * @return the header value, or {@code null}
     */
    static String basic(String user, String password) {
        return user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends a request.
     *
     * @param method the method
     * @param path the path and query, already encoded
     * @param authorization the Authorization header, or {@code null}
     * @param contentType the Content-Type, or {@code null}
     * @param body the body, or {@code null}
     * @param extraHeaders more headers, name and value in turn
     * @return the answer
     */
    Answer send(String method, String path, String authorization, String contentType, byte[] body, String... extraHeaders) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json, application/problem+json;q=0.9, */*;q=0.1");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < extraHeaders.length; i += 2) {
            builder.setHeader(extraHeaders[i], extraHeaders[i + 1]);
        }
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpRequest request = builder.build();
        for (int attempt = 1;; attempt++) {
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                return new Answer(response.statusCode(), response.headers().map(), response.body());
            } catch (IOException e) {
                // a kept-alive connection the server closed as it was reused: once more on a new one
                if (attempt == 2 || body != null && body.length > 65_536) {
                    throw new java.io.UncheckedIOException(method + " " + path + ": " + e, e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
