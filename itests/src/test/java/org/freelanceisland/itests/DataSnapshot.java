package org.freelanceisland.itests;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the API shows: every read of the OpenAPI document that needs no input but the ids of
 * records that exist, as an administrator sees it. Two snapshots that differ show that something
 * changed the data. Also finds the ids that exist ({@link #harvest}), for reads with real ids.
 */
final class DataSnapshot {

    /** Reads that change by themselves or by being read, and are not data. */
    private static final List<String> EXCLUDED = List.of("/api/admin/audit", "/api/session", "/api/openapi.json",
            "/api/docs", "/api/health");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DataSnapshot() {
    }

    /**
     * Finds ids that exist for the path parameters of every read: each parameter from the list at
     * the path before it (its items' field of the parameter's name, else {@code id}), or from the
     * record above it (an array field named like the list).
     *
     * @param api the operations
     * @param http the sender
     * @param admin an administrator's Authorization header
     * @return up to three values by {@code template#parameter}
     */
    static Map<String, List<String>> harvest(ApiOperations api, HttpProbe http, String admin) {
        Map<String, List<String>> values = new TreeMap<>();
        Map<String, JsonNode> cache = new LinkedHashMap<>();
        for (ApiOperations.Operation op : api.all()) {
            if (!op.method().equals("GET") || op.pathParams().isEmpty()) {
                continue;
            }
            String filled = op.path();
            for (ApiOperations.Param param : op.pathParams()) {
                String marker = "{" + param.name() + "}";
                int at = filled.indexOf(marker);
                String prefix = filled.substring(0, at);
                prefix = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
                List<String> found = ids(read(http, admin, prefix, cache), param.name());
                if (found.isEmpty() && prefix.lastIndexOf('/') > 0) {
                    String parent = prefix.substring(0, prefix.lastIndexOf('/'));
                    String field = prefix.substring(prefix.lastIndexOf('/') + 1);
                    JsonNode record = read(http, admin, parent, cache);
                    found = record == null ? List.of() : ids(record.path(field), param.name());
                }
                if (found.isEmpty() && param.name().equals("personId")) {
                    found = ids(read(http, admin, "/api/people", cache), "id");
                }
                if (found.isEmpty()) {
                    break;
                }
                values.put(op.path() + "#" + param.name(), found);
                filled = filled.replace(marker, found.get(0));
            }
        }
        return values;
    }

    private static JsonNode read(HttpProbe http, String admin, String path, Map<String, JsonNode> cache) {
        return cache.computeIfAbsent(path, p -> {
            HttpProbe.Answer answer = http.send("GET", p + (p.contains("?") ? "&" : "?") + "limit=20", admin, null, null);
            if (answer.status() != 200 || !answer.header("Content-Type").contains("json")) {
                return null;
            }
            try {
                return MAPPER.readTree(answer.body());
            } catch (java.io.IOException e) {
                return null;
            }
        });
    }

    private static List<String> ids(JsonNode node, String name) {
        if (node == null) {
            return List.of();
        }
        JsonNode items = node.has("items") ? node.path("items") : node;
        Set<String> ids = new LinkedHashSet<>();
        if (items.isArray()) {
            for (JsonNode item : items) {
                JsonNode value = item.isValueNode() ? item
                        : item.has(name) ? item.path(name) : item.has("id") ? item.path("id") : item.path("number");
                if (value.isValueNode() && !value.asText().isEmpty()) {
                    ids.add(value.asText());
                }
                if (ids.size() == 3) {
                    break;
                }
            }
        }
        return new ArrayList<>(ids);
    }

    /**
     * Reads everything that can be read with the ids that exist.
     *
     * @param api the operations
     * @param http the sender
     * @param admin an administrator's Authorization header
     * @param real the ids that exist
     * @return a digest of each answer (status and body) by address
     */
    static Map<String, String> take(ApiOperations api, HttpProbe http, String admin, Map<String, List<String>> real) {
        Map<String, String> snapshot = new TreeMap<>();
        for (ApiOperations.Operation op : api.all()) {
            if (!op.method().equals("GET") || EXCLUDED.stream().anyMatch(op.path()::startsWith)) {
                continue;
            }
            String path = op.path();
            boolean complete = true;
            for (ApiOperations.Param param : op.pathParams()) {
                List<String> values = real.get(op.path() + "#" + param.name());
                if (values == null) {
                    complete = false;
                    break;
                }
                path = path.replace("{" + param.name() + "}", values.get(0));
            }
            if (!complete) {
                continue;
            }
            String address = path + "?limit=500";
            HttpProbe.Answer answer = http.send("GET", address, admin, null, null);
            snapshot.put(address, answer.status() + " " + digest(answer.body()));
        }
        return snapshot;
    }

    /**
     * The addresses whose answers differ between two snapshots.
     *
     * @param before the first
     * @param after the second
     * @return the addresses, with what they were and are
     */
    static Map<String, String> differences(Map<String, String> before, Map<String, String> after) {
        Map<String, String> differences = new TreeMap<>();
        for (String address : before.keySet()) {
            if (!before.get(address).equals(after.get(address))) {
                differences.put(address, before.get(address) + " -> " + after.get(address));
            }
        }
        for (String address : after.keySet()) {
            if (!before.containsKey(address)) {
                differences.put(address, "(new) " + after.get(address));
            }
        }
        return differences;
    }

    private static String digest(byte[] body) {
        try {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 16);
            String text = new String(body, StandardCharsets.UTF_8);
            return hash + " " + (text.length() > 160 ? text.substring(0, 160) : text);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
