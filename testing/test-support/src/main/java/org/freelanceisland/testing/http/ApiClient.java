package org.freelanceisland.testing.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calls the REST API of a running distribution, with or without HTTP Basic credentials, or with
 * the console's session.
 *
 * <pre>{@code
 * ApiClient api = ApiClient.local(8181).as("admin", password);
 * ApiResponse modules = api.get("/api/modules");
 * ApiClient browser = ApiClient.local(8181).signIn("admin", password); // session cookie + CSRF token
 * }</pre>
 */
public final class ApiClient {

    /** The name of the console's session cookie. */
    public static final String SESSION_COOKIE = "FI_SESSION";
    /** The header that carries the session's CSRF token. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private final HttpClient http;
    private final String base;
    private final Map<String, String> headers;

    private ApiClient(HttpClient http, String base, Map<String, String> headers) {
        this.http = http;
        this.base = base;
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /**
     * A client of {@code http://localhost:<port>}.
     *
     * @param port the HTTP port
     * @return an anonymous client
     */
    public static ApiClient local(int port) {
        return new ApiClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                "http://localhost:" + port, Map.of());
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
        return anonymous().withHeader("Authorization", "Basic " + token);
    }

    /**
     * The same client, anonymous.
     *
     * @return a client sending no credentials
     */
    public ApiClient anonymous() {
        Map<String, String> kept = new LinkedHashMap<>(headers);
        kept.remove("Authorization");
        kept.remove("Cookie");
        kept.remove(CSRF_HEADER);
        return new ApiClient(http, base, kept);
    }

    /**
     * Signs in the way the console does ({@code POST /api/session}) and returns a client that
     * sends the session cookie and the CSRF token with every request.
     *
     * @param user user name
     * @param password password
     * @return a client using the session
     * @throws AssertionError if the sign-in does not answer 200 with a session cookie
     */
    public ApiClient signIn(String user, String password) {
        ApiClient anonymous = anonymous();
        ApiResponse response = anonymous.post("/api/session",
                "{\"user\":" + quote(user) + ",\"password\":" + quote(password) + "}");
        if (response.status() != 200) {
            throw new AssertionError("sign-in of " + user + " failed: " + response);
        }
        String cookie = response.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
                .flatMap(e -> e.getValue().stream()).filter(c -> c.startsWith(SESSION_COOKIE + "="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst()
                .orElseThrow(() -> new AssertionError("sign-in set no " + SESSION_COOKIE + " cookie: " + response.headers()));
        return anonymous.withHeader("Cookie", cookie).withHeader(CSRF_HEADER, response.json().path("csrfToken").asText());
    }

    /**
     * The same client, sending one more header (or another value of it).
     *
     * @param name the header name
     * @param value its value
     * @return the new client
     */
    public ApiClient withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiClient(http, base, more);
    }

    /**
     * The same client, without a header.
     *
     * @param name the header name
     * @return the new client
     */
    public ApiClient withoutHeader(String name) {
        Map<String, String> fewer = new LinkedHashMap<>(headers);
        fewer.remove(name);
        return new ApiClient(http, base, fewer);
    }

    /**
     * The value this client sends in a header.
     *
     * @param name the header name
     * @return the value, or {@code null}
     */
    public String header(String name) {
        return headers.get(name);
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

    /**
     * GETs a binary resource (a zip, a PDF).
     *
     * @param path the path
     * @return the body's bytes
     * @throws AssertionError unless the answer is 200
     */
    public byte[] getBytes(String path) {
        try {
            HttpResponse<byte[]> response = http.send(request(path).setHeader("Accept", "*/*").GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + path + ": " + response.statusCode() + " "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        headers.forEach(builder::header);
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

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
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
