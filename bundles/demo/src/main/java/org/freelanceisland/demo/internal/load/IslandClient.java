package org.freelanceisland.demo.internal.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Calls the programs' public REST APIs over the loopback interface, as one account, the way any
 * other client does: HTTP Basic, JSON in and out, problem+json on failure. The demo island goes in
 * and out only through these calls (and the activity ledger), never through another program's code
 * or tables.
 */
public final class IslandClient {

    /** JSON for everything the client sends and reads. */
    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final URI base;
    private final String authorization;

    /**
     * A client.
     *
     * @param base for example {@code http://127.0.0.1:8181}
     * @param user the account
     * @param password its password
     */
    public IslandClient(URI base, String user, String password) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), base, user, password);
    }

    private IslandClient(HttpClient http, URI base, String user, String password) {
        this.http = http;
        this.base = base;
        this.authorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The same server as another account (sharing the connections).
     *
     * @param user the account
     * @param password its password
     * @return the client
     */
    public IslandClient as(String user, String password) {
        return new IslandClient(http, base, user, password);
    }

    /**
     * The same server without an account (public endpoints).
     *
     * @return the client
     */
    public IslandClient anonymous() {
        return new IslandClient(http, base, null, null);
    }

    /** A failed call: the status and the problem the server answered. */
    public static final class CallFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        CallFailed(String method, String path, int status, String body) {
            super(method + " " + path + " answered " + status + ": " + (body.length() > 600 ? body.substring(0, 600) + "…" : body));
            this.status = status;
        }

        /**
         * The HTTP status.
         *
         * @return the status, 0 when the server could not be reached
         */
        public int status() {
            return status;
        }
    }

    /**
     * GET, expecting 2xx JSON.
     *
     * @param path from {@code /api/}
     * @return the body
     */
    public JsonNode get(String path) {
        return json(send("GET", path, HttpRequest.BodyPublishers.noBody(), null));
    }

    /**
     * GET of a file.
     *
     * @param path from {@code /api/}
     * @return the bytes
     */
    public byte[] bytes(String path) {
        return send("GET", path, HttpRequest.BodyPublishers.noBody(), null).body();
    }

    /**
     * POST of JSON (an empty object when {@code body} is {@code null}).
     *
     * @param path from {@code /api/}
     * @param body the body
     * @return the answer, or an empty object for 204
     */
    public JsonNode post(String path, Object body) {
        return json(send("POST", path, jsonBody(body), "application/json"));
    }

    /**
     * PUT of JSON.
     *
     * @param path from {@code /api/}
     * @param body the body
     * @return the answer, or an empty object for 204
     */
    public JsonNode put(String path, Object body) {
        return json(send("PUT", path, jsonBody(body), "application/json"));
    }

    /**
     * DELETE.
     *
     * @param path from {@code /api/}
     * @return the answer, or an empty object for 204
     */
    public JsonNode delete(String path) {
        return json(send("DELETE", path, HttpRequest.BodyPublishers.noBody(), null));
    }

    /**
     * PUT or POST of raw bytes with their type (a photo).
     *
     * @param method {@code PUT} or {@code POST}
     * @param path from {@code /api/}
     * @param contentType the bytes' type
     * @param body the bytes
     * @return the answer
     */
    public JsonNode raw(String method, String path, String contentType, byte[] body) {
        return json(send(method, path, HttpRequest.BodyPublishers.ofByteArray(body), contentType));
    }

    /** A part of a multipart body. */
    public record Part(String name, String fileName, String contentType, byte[] content) {
    }

    /**
     * POST of {@code multipart/form-data}.
     *
     * @param path from {@code /api/}
     * @param parts the parts
     * @return the answer
     */
    public JsonNode multipart(String path, List<Part> parts) {
        String boundary = "demo-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (Part p : parts) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name() + "\""
                        + (p.fileName() == null ? "" : "; filename=\"" + p.fileName() + "\"") + "\r\nContent-Type: "
                        + p.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.write(p.content());
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return json(send("POST", path, HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()),
                "multipart/form-data; boundary=" + boundary));
    }

    /**
     * Whether a GET answers 2xx.
     *
     * @param path from {@code /api/}
     * @return {@code true} when it does
     */
    public boolean ok(String path) {
        try {
            HttpResponse<byte[]> r = http.send(request("GET", path, HttpRequest.BodyPublishers.noBody(), null),
                    HttpResponse.BodyHandlers.ofByteArray());
            return r.statusCode() / 100 == 2;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpRequest.BodyPublisher jsonBody(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body == null ? JSON.createObjectNode() : body));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private HttpRequest request(String method, String path, HttpRequest.BodyPublisher body, String contentType) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, body).header("Accept", "application/json, */*");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return b.build();
    }

    private HttpResponse<byte[]> send(String method, String path, HttpRequest.BodyPublisher body, String contentType) {
        HttpResponse<byte[]> r;
        try {
            r = http.send(request(method, path, body, contentType), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new CallFailed(method, path, 0, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailed(method, path, 0, "interrupted");
        }
        if (r.statusCode() / 100 != 2) {
            throw new CallFailed(method, path, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        }
        return r;
    }

    private static JsonNode json(HttpResponse<byte[]> r) {
        if (r.body().length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + r.uri(), e);
        }
    }

    /**
     * A JSON object from name/value pairs; {@code null} values are left out.
     *
     * @param pairs name, value, name, value ...
     * @return the object
     */
    public static ObjectNode obj(Object... pairs) {
        ObjectNode o = JSON.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            if (v != null) {
                o.set((String) pairs[i], JSON.valueToTree(v instanceof java.time.temporal.TemporalAccessor ? v.toString() : v));
            }
        }
        return o;
    }
}
