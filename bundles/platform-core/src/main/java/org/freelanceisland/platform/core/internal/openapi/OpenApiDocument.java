package org.freelanceisland.platform.core.internal.openapi;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Puts the modules' parts together into one OpenAPI 3.0 document with what they share: the
 * security schemes (HTTP Basic and the console's session cookie with its CSRF token), the
 * problem+json error responses and their schema.
 */
final class OpenApiDocument {

    /** The error statuses the operations refer to, with what they mean. */
    private static final Map<Integer, String> PROBLEMS = Map.of(
            400, "The request is malformed or invalid: every bad field is listed in errors",
            401, "Not signed in, or wrong credentials (HTTP Basic or the console's session)",
            403, "Signed in without a role this needs, or a change with the session but without its CSRF token",
            404, "No such resource",
            409, "Conflicts with the current state, for example an outdated version",
            413, "The request body is larger than this operation accepts",
            415, "The request body's content type is not accepted",
            422, "Understood but breaks a rule of the domain");

    private OpenApiDocument() {
    }

    /**
     * Builds the document.
     *
     * @param mapper a JSON mapper
     * @param version the platform's version
     * @param parts the modules' parts, in the order they are shown
     * @param titles the title of a module by its id, or {@code null} when unknown
     * @return the document
     */
    static ObjectNode assemble(ObjectMapper mapper, String version, List<OpenApiBuilder.ModuleDocument> parts,
            Function<String, String> titles) {
        ObjectNode doc = mapper.createObjectNode();
        doc.put("openapi", "3.0.3");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Freelance Island API");
        info.put("version", version);
        info.put("description", """
                The REST API of Freelance Island: the platform (health, programs, people registry, ledger, \
                audit log, accounts, the console's session) and every program installed right now; a program \
                installed or retired appears in or goes from this document at once.

                JSON in UTF-8; lists are pages {items, total, offset, limit}; dates are ISO-8601, money is \
                integer yen, a fiscal year is the year in which it starts. Errors are RFC 9457 \
                application/problem+json listing every bad field. Sign in with HTTP Basic, or with the \
                console's session cookie (then changes carry the session's CSRF token in X-CSRF-Token). \
                x-roles names the roles an operation needs (administrators have every role); x-public marks \
                operations open to anyone.""");
        doc.putArray("servers").addObject().put("url", "/");
        ArrayNode tags = doc.putArray("tags");
        ObjectNode paths = doc.putObject("paths");
        ObjectNode components = doc.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        for (OpenApiBuilder.ModuleDocument part : parts) {
            ObjectNode tag = tags.addObject();
            tag.put("name", part.moduleId());
            String title = part.moduleId().equals("platform") ? "The platform" : titles.apply(part.moduleId());
            if (title != null) {
                tag.put("description", title);
            }
            part.paths().fields().forEachRemaining(path -> paths.set(path.getKey(), path.getValue()));
            part.schemas().fields().forEachRemaining(schema -> schemas.set(schema.getKey(), schema.getValue()));
        }
        schemas.set("Problem", problemSchema(mapper));
        schemas.set("FieldError", fieldErrorSchema(mapper));
        ObjectNode responses = components.putObject("responses");
        PROBLEMS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(problem -> responses.set("Problem" + problem.getKey(), problemResponse(mapper, problem.getValue())));
        responses.set("Problem", problemResponse(mapper, "Any other failure, as a problem"));
        ObjectNode security = components.putObject("securitySchemes");
        ObjectNode basic = security.putObject("basicAuth");
        basic.put("type", "http");
        basic.put("scheme", "basic");
        basic.put("description", "A platform account (Karaf's JAAS realm). After 5 failed sign-ins in a row a user name"
                + " is locked for a while (429).");
        ObjectNode cookie = security.putObject("sessionCookie");
        cookie.put("type", "apiKey");
        cookie.put("in", "cookie");
        cookie.put("name", "FI_SESSION");
        cookie.put("description", "The console's session, from POST /api/session (HttpOnly, SameSite=Strict)");
        ObjectNode csrf = security.putObject("csrfToken");
        csrf.put("type", "apiKey");
        csrf.put("in", "header");
        csrf.put("name", "X-CSRF-Token");
        csrf.put("description", "The session's CSRF token (csrfToken of /api/session), on every change made with the session");
        return doc;
    }

    private static ObjectNode problemResponse(ObjectMapper mapper, String description) {
        ObjectNode response = mapper.createObjectNode();
        response.put("description", description);
        response.putObject("content").putObject("application/problem+json").putObject("schema")
                .put("$ref", "#/components/schemas/Problem");
        return response;
    }

    private static ObjectNode problemSchema(ObjectMapper mapper) {
        ObjectNode schema = mapper.createObjectNode();
        schema.put("type", "object");
        schema.put("description", "RFC 9457 problem details");
        schema.putArray("required").add("type").add("title").add("status").add("errors");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("type").put("type", "string").put("description", "A URI naming the kind of problem");
        properties.putObject("title").put("type", "string");
        properties.putObject("status").put("type", "integer").put("format", "int32");
        properties.putObject("detail").put("type", "string");
        ObjectNode errors = properties.putObject("errors");
        errors.put("type", "array");
        errors.put("description", "Every bad field or parameter; empty when the problem is not about input");
        errors.putObject("items").put("$ref", "#/components/schemas/FieldError");
        return schema;
    }

    private static ObjectNode fieldErrorSchema(ObjectMapper mapper) {
        ObjectNode schema = mapper.createObjectNode();
        schema.put("type", "object");
        schema.putArray("required").add("field").add("message");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("field").put("type", "string").put("description", "The field, for example title.ja or rows[3].kana");
        properties.putObject("message").put("type", "string");
        return schema;
    }
}
