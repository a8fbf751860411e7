package org.freelanceisland.itests;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The operations of the platform's OpenAPI document ({@code /api/openapi.json}) as the hardening
 * tests use them: method, path, parameters, request body schemas and who may call them.
 */
final class ApiOperations {

    /** The methods that change something. */
    static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final JsonNode document;
    private final List<Operation> operations = new ArrayList<>();

    /** One parameter of an operation. */
    record Param(String name, String in, boolean required, JsonNode schema) {
    }

    /**
     * One operation.
     *
     * @param method the HTTP method, upper case
     * @param path the path template, for example {@code /api/terakoya/courses/{id}}
     * @param params its parameters
     * @param bodies the request body's schema by media type (empty when it takes none)
     * @param open whether anyone may call it
     * @param roles the roles that may call it when not open
     * @param maxRequestBytes the largest body it accepts, or 0
     */
    record Operation(String method, String path, List<Param> params, Map<String, JsonNode> bodies, boolean open,
            List<String> roles, long maxRequestBytes) {

        /** @return {@code METHOD /path} */
        String key() {
            return method + " " + path;
        }

        /** @return whether the operation may change something */
        boolean unsafe() {
            return UNSAFE.contains(method);
        }

        /** @return the path parameters */
        List<Param> pathParams() {
            return params.stream().filter(p -> p.in().equals("path")).toList();
        }

        /** @return the query parameters */
        List<Param> queryParams() {
            return params.stream().filter(p -> p.in().equals("query")).toList();
        }

        /** @return the module the operation belongs to ({@code platform} for the platform's own) */
        String module() {
            String[] parts = path.split("/");
            return parts.length > 2 && Set.of("terakoya", "contest", "jobs", "community", "kpi", "demo").contains(parts[2])
                    ? parts[2] : "platform";
        }

        /**
         * Whether a role may call the operation by its declaration (administrators have every role).
         *
         * @param role a role, or {@code null} for anonymous callers
         * @return whether it is let in
         */
        boolean allows(String role) {
            if (open) {
                return true;
            }
            if (role == null || roles.isEmpty()) {
                return false;
            }
            return role.equals("admin") || roles.contains(role);
        }
    }

    /**
     * Reads a document.
     *
     * @param document the OpenAPI document
     */
    ApiOperations(JsonNode document) {
        this.document = document;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> method = methods.next();
                JsonNode op = method.getValue();
                List<Param> params = new ArrayList<>();
                for (JsonNode p : op.path("parameters")) {
                    params.add(new Param(p.path("name").asText(), p.path("in").asText(), p.path("required").asBoolean(),
                            p.path("schema")));
                }
                Map<String, JsonNode> bodies = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> content = op.path("requestBody").path("content").fields();
                        content.hasNext();) {
                    Map.Entry<String, JsonNode> entry = content.next();
                    bodies.put(entry.getKey(), entry.getValue().path("schema"));
                }
                List<String> roles = new ArrayList<>();
                op.path("x-roles").forEach(r -> roles.add(r.asText()));
                operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), List.copyOf(params),
                        bodies, op.path("x-public").asBoolean(), List.copyOf(roles),
                        op.path("x-max-request-bytes").asLong(0)));
            }
        }
        operations.sort((a, b) -> a.key().compareTo(b.key()));
    }

    /** @return every operation, ordered by method and path */
    List<Operation> all() {
        return operations;
    }

    /**
     * A schema with its reference followed.
     *
     * @param schema a schema, perhaps a {@code $ref}
     * @return the schema it stands for
     */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.path("$ref").asText();
            current = document.at(ref.substring(1));
        }
        return current.isMissingNode() ? JsonNodeFactory.instance.objectNode() : current;
    }

    /**
     * The properties of an object schema.
     *
     * @param schema the schema (reference followed)
     * @return the properties by name
     */
    static Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        schema.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue()));
        return properties;
    }

    /**
     * The required properties of an object schema.
     *
     * @param schema the schema (reference followed)
     * @return their names
     */
    static List<String> required(JsonNode schema) {
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        return required;
    }

    /** @return an empty object node */
    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
