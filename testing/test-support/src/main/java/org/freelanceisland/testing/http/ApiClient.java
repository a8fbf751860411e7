package org.freelanceisland.testing.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Calls the REST API of a running distribution, with or without HTTP Basic credentials.
 *
 * <pre>{@code
 * ApiClient api = ApiClient.local(8181).as("admin", password);
 * ApiResponse modules = api.get("/api/modules");
 * }</pre>
 */
public final class ApiClient {

    private final HttpClient http;
    private final String base;
    private final String authorization;

    private ApiClient(HttpClient http, String base, String authorization) {
        this.http = http;
        this.base = base;
        this.authorization = authorization;
    }

    /**
     * A client of {@code http://localhost:<port>}.
     *
     * @param port the HTTP port
     * @return an anonymous client
     */
    public static ApiClient local(int port) {
        return new ApiClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                "http://localhost:" + port, null);
    }

    /**
     * The same client, signed in.
     *
     * @param user user name
     * @param password password
     * @return a client sending these credentials
     */
    public ApiClient as(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new ApiClient(http, base, "Basic " + token);
    }

    /**
     * The same client, anonymous.
     *
     * @return a client sending no credentials
     */
    public ApiClient anonymous() {
        return new ApiClient(http, base, null);
    }

    /**
     * GET a path.
     *
     * @param path the path, starting with {@code /}
     * @return the response
     */
    public ApiResponse get(String path) {
        return send(request(path).GET());
    }

    /**
     * GET a path asking for another media type than JSON, for example {@code text/csv}.
     *
     * @param path the path
     * @param accept the value of the Accept header
     * @return the response
     */
    public ApiResponse get(String path, String accept) {
        return send(request(path).setHeader("Accept", accept).GET());
    }

    /**
     * POST a JSON body.
     *
     * @param path the path
     * @param json the body
     * @return the response
     */
    public ApiResponse post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /**
     * PUT a JSON body.
     *
     * @param path the path
     * @param json the body
     * @return the response
     */
    public ApiResponse put(String path, String json) {
        return send("PUT", path, "application/json", json);
    }

    /**
     * PATCH with a JSON body.
     *
     * @param path the path
     * @param json the body
     * @return the response
     */
    public ApiResponse patch(String path, String json) {
        return send("PATCH", path, "application/json", json);
    }

    /**
     * DELETE a path.
     *
     * @param path the path
     * @return the response
     */
    public ApiResponse delete(String path) {
        return send("DELETE", path, null, null);
    }

    /**
     * Sends any method with an optional body and content type.
     *
     * @param method the HTTP method
     * @param path the path
     * @param contentType the content type, or {@code null} for no body
     * @param body the body, or {@code null}
     * @return the response
     */
    public ApiResponse send(String method, String path, String contentType, String body) {
        HttpRequest.Builder builder = request(path);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private ApiResponse send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ApiResponse(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Polls a path until it answers 200.
     *
     * @param path the path
     * @param timeout how long to wait
     * @return the first 200 response
     * @throws AssertionError if it does not answer 200 in time
     */
    public ApiResponse awaitOk(String path, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                ApiResponse response = get(path);
                if (response.status() == 200) {
                    return response;
                }
                last = response.status() + " " + response.body();
            } catch (RuntimeException e) {
                last = e.toString();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError(path + " did not answer 200 within " + timeout + "; last: " + last);
    }
}
