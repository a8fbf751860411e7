package org.freelanceisland.platform.core.internal.openapi;

import java.io.InputStream;
import java.io.Reader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.ws.rs.BeanParam;
import javax.ws.rs.CookieParam;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.StreamingOutput;

import org.freelanceisland.platform.api.FiscalYear;
import org.freelanceisland.platform.api.PageRequest;
import org.freelanceisland.platform.core.internal.rest.Access;
import org.freelanceisland.platform.rest.MaxRequestBytes;
import org.freelanceisland.platform.rest.PageParams;
import org.glassfish.jersey.server.model.Invocable;
import org.glassfish.jersey.server.model.Parameter;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;

/**
 * Describes one module's REST API as the paths and schemas of an OpenAPI 3.0 document, read from
 * what Jersey itself reads (its resource model of the module's resource classes) and from the same
 * annotations the platform enforces: roles ({@link Access}), bean validation constraints of request
 * bodies (through swagger-core's model resolver), request size limits ({@link MaxRequestBytes}) and
 * problem+json errors. Schema names are prefixed with the module's id, so two modules never
 * collide.
 */
final class OpenApiBuilder {

    /** The HTTP methods that change something. */
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Headers described by the request body, the response or the security schemes, not as parameters. */
    private static final Set<String> IMPLICIT_HEADERS = Set.of(HttpHeaders.CONTENT_TYPE.toLowerCase(Locale.ROOT),
            HttpHeaders.ACCEPT.toLowerCase(Locale.ROOT), HttpHeaders.AUTHORIZATION.toLowerCase(Locale.ROOT),
            HttpHeaders.CONTENT_LENGTH.toLowerCase(Locale.ROOT));
    private static final String REF_PREFIX = "#/components/schemas/";

    private final JsonNodeFactory json = JsonNodeFactory.instance;
    private final ObjectMapper swaggerJson = Json.mapper();
    private final String moduleId;
    private final String basePath;
    private final long defaultMaxRequestBytes;
    private final ModelConverters converters;
    private final Map<String, JsonNode> schemas = new TreeMap<>();
    private final Set<String> operationIds = new HashSet<>();
    private final List<String> notes = new ArrayList<>();

    /**
     * Prepares the description of one module.
     *
     * @param moduleId the module's id, the prefix of its schema names and its tag
     * @param basePath where the module's servlet is mapped, for example {@code /api/terakoya}
     * @param mapper the platform's JSON mapper, so properties are named as they are sent
     * @param defaultMaxRequestBytes the platform's request size limit
     */
    OpenApiBuilder(String moduleId, String basePath, ObjectMapper mapper, long defaultMaxRequestBytes) {
        this.moduleId = moduleId;
        this.basePath = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
        this.defaultMaxRequestBytes = defaultMaxRequestBytes;
        this.converters = new ModelConverters();
        for (ModelConverter converter : List.copyOf(converters.getConverters())) {
            converters.removeConverter(converter);
        }
        converters.addConverter(new ModelResolver(mapper, new UniqueTypeNames()));
        converters.addConverter(new IslandTypes());
    }

    /** One module's part of the document. */
    record ModuleDocument(String moduleId, ObjectNode paths, ObjectNode schemas, List<String> notes) {
    }

    /**
     * Describes the given resource classes.
     *
     * @param resourceClasses the module's root resource classes
     * @return the paths and schemas
     */
    ModuleDocument build(Collection<Class<?>> resourceClasses) {
        Map<String, ObjectNode> paths = new TreeMap<>();
        for (Class<?> type : resourceClasses) {
            Resource resource = Resource.from(type);
            if (resource == null) {
                notes.add(type.getName() + " is not a resource class");
                continue;
            }
            walk(type, resource, basePath, paths);
        }
        ObjectNode pathsNode = json.objectNode();
        paths.forEach(pathsNode::set);
        ObjectNode schemasNode = json.objectNode();
        schemas.forEach((name, schema) -> schemasNode.set(qualified(name), schema));
        prefixRefs(pathsNode);
        prefixRefs(schemasNode);
        return new ModuleDocument(moduleId, pathsNode, schemasNode, List.copyOf(notes));
    }

    private void walk(Class<?> type, Resource resource, String prefix, Map<String, ObjectNode> paths) {
        String path = join(prefix, resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            String template = template(path);
            ObjectNode item = paths.computeIfAbsent(template, p -> json.objectNode());
            String key = method.getHttpMethod().toLowerCase(Locale.ROOT);
            ObjectNode operation = operation(type, path, method);
            if (item.has(key)) {
                if (!item.get(key).path("x-roles").equals(operation.path("x-roles"))) {
                    notes.add(key.toUpperCase(Locale.ROOT) + " " + template + " has methods with different roles");
                }
                merge((ObjectNode) item.get(key), operation);
            } else {
                item.set(key, operation);
            }
        }
        if (resource.getResourceLocator() != null) {
            notes.add("sub-resource locator " + path + " is not described");
        }
        for (Resource child : resource.getChildResources()) {
            walk(type, child, path, paths);
        }
    }

    /**
     * Two Java methods for one method and path that take different media types (for example JSON
     * and a multipart form): one operation whose request body lists both.
     */
    private static void merge(ObjectNode first, ObjectNode second) {
        JsonNode content = second.path("requestBody").path("content");
        if (first.path("requestBody").path("content") instanceof ObjectNode existing) {
            content.fields().forEachRemaining(entry -> {
                if (!existing.has(entry.getKey())) {
                    existing.set(entry.getKey(), entry.getValue());
                }
            });
        } else if (content instanceof ObjectNode) {
            first.set("requestBody", second.get("requestBody"));
        }
        long limit = Math.max(first.path("x-max-request-bytes").asLong(0), second.path("x-max-request-bytes").asLong(0));
        if (limit > 0) {
            first.put("x-max-request-bytes", limit);
        }
    }

    private ObjectNode operation(Class<?> type, String path, ResourceMethod resourceMethod) {
        Invocable invocable = resourceMethod.getInvocable();
        Method method = invocable.getDefinitionMethod();
        String httpMethod = resourceMethod.getHttpMethod();
        boolean unsafe = UNSAFE.contains(httpMethod);
        Access access = Access.of(method, type);

        ObjectNode op = json.objectNode();
        op.putArray("tags").add(moduleId);
        op.put("summary", words(method.getName()));
        op.put("operationId", operationId(type, method));
        op.put("x-java-method", type.getSimpleName() + "." + method.getName());

        ArrayNode parameters = json.arrayNode();
        Map<String, String> patterns = pathPatterns(path);
        JsonNode body = null;
        Type bodyType = null;
        for (Parameter parameter : invocable.getParameters()) {
            switch (parameter.getSource()) {
                case PATH, QUERY, HEADER, COOKIE -> addParameter(parameters, parameter.getSource(),
                        parameter.getSourceName(), parameter.getType(), parameter.getDefaultValue(), patterns);
                case BEAN_PARAM -> addBeanParameters(parameters, parameter.getRawType(), patterns);
                case ENTITY -> bodyType = parameter.getType();
                case FORM -> notes.add("form parameter " + parameter.getSourceName() + " of " + path + " is not described");
                default -> {
                    // @Context and the like are not part of the request
                }
            }
        }
        if (!parameters.isEmpty()) {
            op.set("parameters", parameters);
        }
        if (bodyType != null) {
            body = requestBody(resourceMethod, bodyType);
            op.set("requestBody", body);
            MaxRequestBytes limit = method.getAnnotation(MaxRequestBytes.class);
            if (limit == null) {
                limit = type.getAnnotation(MaxRequestBytes.class);
            }
            op.put("x-max-request-bytes", limit == null ? defaultMaxRequestBytes : limit.value());
        }

        ObjectNode responses = op.putObject("responses");
        success(responses, resourceMethod, invocable, unsafe);
        boolean pathParameters = path.contains("{");
        if (!parameters.isEmpty() || body != null) {
            problem(responses, 400);
        }
        if (!access.open()) {
            problem(responses, 401);
            problem(responses, 403);
        }
        if (pathParameters) {
            problem(responses, 404);
        }
        if (unsafe) {
            problem(responses, 409);
        }
        if (body != null) {
            problem(responses, 413);
            problem(responses, 415);
        }
        if (unsafe) {
            problem(responses, 422);
        }
        responses.set("default", ref("#/components/responses/Problem"));

        if (access.open()) {
            op.put("x-public", true);
            op.putArray("security");
        } else {
            ArrayNode roles = op.putArray("x-roles");
            access.roles().forEach(roles::add);
            ArrayNode security = op.putArray("security");
            security.addObject().putArray("basicAuth");
            ObjectNode session = security.addObject();
            session.putArray("sessionCookie");
            if (unsafe) {
                session.putArray("csrfToken");
            }
            op.put("description", access.roles().isEmpty() ? "Nobody may call this."
                    : "Roles: " + String.join(", ", access.roles()) + " (administrators have every role).");
        }
        return op;
    }

    private String operationId(Class<?> type, Method method) {
        String base = moduleId + "." + type.getSimpleName() + "." + method.getName();
        String id = base;
        for (int n = 2; !operationIds.add(id); n++) {
            id = base + "_" + n;
        }
        return id;
    }

    private void success(ObjectNode responses, ResourceMethod resourceMethod, Invocable invocable, boolean unsafe) {
        Class<?> raw = invocable.getRawResponseType();
        if (raw == void.class || raw == Void.class) {
            responses.putObject("204").put("description", "Done, nothing to answer");
            return;
        }
        List<MediaType> produced = resourceMethod.getProducedTypes();
        if (raw == Response.class) {
            ObjectNode any = responses.putObject("2XX");
            any.put("description", unsafe ? "Done (201 when something was created)" : "OK");
            content(any, produced, null);
            return;
        }
        ObjectNode ok = responses.putObject("200");
        ok.put("description", "OK");
        content(ok, produced, invocable.getResponseType());
    }

    private void content(ObjectNode response, List<MediaType> produced, Type type) {
        List<MediaType> types = produced.isEmpty() ? List.of(MediaType.APPLICATION_JSON_TYPE) : produced;
        ObjectNode content = response.putObject("content");
        for (MediaType mediaType : types) {
            ObjectNode entry = content.putObject(mediaType.toString());
            if (type != null) {
                entry.set("schema", isJson(mediaType) ? schema(type) : binary());
            }
        }
    }

    private ObjectNode requestBody(ResourceMethod resourceMethod, Type bodyType) {
        ObjectNode body = json.objectNode();
        body.put("required", true);
        List<MediaType> consumed = resourceMethod.getConsumedTypes();
        List<MediaType> types = consumed.isEmpty() || consumed.contains(MediaType.WILDCARD_TYPE)
                ? List.of(MediaType.APPLICATION_JSON_TYPE) : consumed;
        ObjectNode content = body.putObject("content");
        for (MediaType mediaType : types) {
            ObjectNode entry = content.putObject(mediaType.toString());
            if (isJson(mediaType) && !isRaw(bodyType)) {
                entry.set("schema", schema(bodyType));
            } else if (mediaType.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) {
                ObjectNode schema = entry.putObject("schema");
                schema.put("type", "object");
                schema.put("description", "form fields and files, as the operation describes");
            } else if (mediaType.getType().equals("text") && bodyType == String.class) {
                entry.putObject("schema").put("type", "string");
            } else {
                entry.set("schema", binary());
            }
        }
        return body;
    }

    private static boolean isRaw(Type type) {
        return type == byte[].class || type == InputStream.class || type == Reader.class || type == String.class;
    }

    private static boolean isJson(MediaType mediaType) {
        String subtype = mediaType.getSubtype();
        return subtype.equals("json") || subtype.endsWith("+json");
    }

    private ObjectNode binary() {
        ObjectNode schema = json.objectNode();
        schema.put("type", "string");
        schema.put("format", "binary");
        return schema;
    }

    private void addParameter(ArrayNode parameters, Parameter.Source source, String name, Type type, String defaultValue,
            Map<String, String> patterns) {
        String in = switch (source) {
            case PATH -> "path";
            case QUERY -> "query";
            case HEADER -> "header";
            case COOKIE -> "cookie";
            default -> throw new IllegalArgumentException(source.toString());
        };
        if (name == null || in.equals("header") && IMPLICIT_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            return;
        }
        for (JsonNode existing : parameters) {
            if (existing.path("name").asText().equals(name) && existing.path("in").asText().equals(in)) {
                return;
            }
        }
        ObjectNode parameter = parameters.addObject();
        parameter.put("name", name);
        parameter.put("in", in);
        if (in.equals("path")) {
            parameter.put("required", true);
        }
        ObjectNode schema = simpleSchema(type);
        if (in.equals("path") && patterns.containsKey(name)) {
            schema.put("pattern", "^" + patterns.get(name) + "$");
        }
        if (defaultValue != null) {
            schema.put("default", defaultValue);
        }
        parameter.set("schema", schema);
    }

    /** The parameters of a {@code @BeanParam} class: its fields and setters with parameter annotations. */
    private void addBeanParameters(ArrayNode parameters, Class<?> beanType, Map<String, String> patterns) {
        if (beanType == PageParams.class) {
            pageParameter(parameters, "offset", 0, Integer.MAX_VALUE, 0, "Items to skip");
            pageParameter(parameters, "limit", 1, PageRequest.MAX_LIMIT, PageRequest.DEFAULT_LIMIT, "Items per page");
            return;
        }
        for (Class<?> type = beanType; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                beanMember(parameters, field.getAnnotations(), field.getGenericType(), patterns);
            }
            for (Method method : type.getDeclaredMethods()) {
                if (method.getParameterCount() == 1) {
                    beanMember(parameters, method.getAnnotations(), method.getGenericParameterTypes()[0], patterns);
                }
            }
        }
    }

    private void beanMember(ArrayNode parameters, Annotation[] annotations, Type type, Map<String, String> patterns) {
        String defaultValue = null;
        for (Annotation annotation : annotations) {
            if (annotation instanceof DefaultValue value) {
                defaultValue = value.value();
            }
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                addParameter(parameters, Parameter.Source.QUERY, query.value(), type, defaultValue, patterns);
            } else if (annotation instanceof PathParam pathParam) {
                addParameter(parameters, Parameter.Source.PATH, pathParam.value(), type, defaultValue, patterns);
            } else if (annotation instanceof HeaderParam header) {
                addParameter(parameters, Parameter.Source.HEADER, header.value(), type, defaultValue, patterns);
            } else if (annotation instanceof CookieParam cookie) {
                addParameter(parameters, Parameter.Source.COOKIE, cookie.value(), type, defaultValue, patterns);
            } else if (annotation instanceof BeanParam && type instanceof Class<?> nested) {
                addBeanParameters(parameters, nested, patterns);
            }
        }
    }

    private void pageParameter(ArrayNode parameters, String name, int min, int max, int defaultValue, String description) {
        ObjectNode parameter = parameters.addObject();
        parameter.put("name", name);
        parameter.put("in", "query");
        parameter.put("description", description);
        ObjectNode schema = parameter.putObject("schema");
        schema.put("type", "integer");
        schema.put("format", "int32");
        schema.put("minimum", min);
        schema.put("maximum", max);
        schema.put("default", defaultValue);
    }

    /** The schema of a parameter: parameters are simple values or lists of them. */
    private ObjectNode simpleSchema(Type type) {
        ObjectNode schema = json.objectNode();
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw
                && Collection.class.isAssignableFrom(raw)) {
            schema.put("type", "array");
            schema.set("items", simpleSchema(parameterized.getActualTypeArguments()[0]));
            return schema;
        }
        Class<?> raw = type instanceof Class<?> c ? c
                : type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c2 ? c2 : String.class;
        if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class) {
            schema.put("type", "integer");
            schema.put("format", "int32");
        } else if (raw == long.class || raw == Long.class) {
            schema.put("type", "integer");
            schema.put("format", "int64");
        } else if (raw == boolean.class || raw == Boolean.class) {
            schema.put("type", "boolean");
        } else if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
            schema.put("type", "number");
        } else if (raw.isEnum()) {
            schema.put("type", "string");
            ArrayNode values = schema.putArray("enum");
            for (Object constant : raw.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
        } else if (raw == LocalDate.class) {
            schema.put("type", "string");
            schema.put("format", "date");
        } else if (raw == Instant.class || raw == OffsetDateTime.class || raw == LocalDateTime.class) {
            schema.put("type", "string");
            schema.put("format", "date-time");
        } else {
            schema.put("type", "string");
        }
        return schema;
    }

    /** The schema of a body type, with the schemas it refers to added to the module's. */
    private JsonNode schema(Type type) {
        if (type == StreamingOutput.class || type == byte[].class || type == InputStream.class) {
            return binary();
        }
        ResolvedSchema resolved = converters.resolveAsResolvedSchema(new AnnotatedType(type).resolveAsRef(true));
        if (resolved == null || resolved.schema == null) {
            notes.add("no schema for " + type.getTypeName());
            return json.objectNode();
        }
        if (resolved.referencedSchemas != null) {
            for (Map.Entry<String, Schema> entry : resolved.referencedSchemas.entrySet()) {
                schemas.putIfAbsent(entry.getKey(), swaggerJson.valueToTree(entry.getValue()));
            }
        }
        return swaggerJson.valueToTree(resolved.schema);
    }

    private String qualified(String name) {
        return moduleId + "." + name;
    }

    /** Points every reference to a schema at the module's prefixed name. */
    private void prefixRefs(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(REF_PREFIX)) {
                object.set("$ref", TextNode.valueOf(REF_PREFIX + qualified(ref.asText().substring(REF_PREFIX.length()))));
            }
            object.forEach(this::prefixRefs);
        } else if (node instanceof ArrayNode array) {
            array.forEach(this::prefixRefs);
        }
    }

    private ObjectNode ref(String target) {
        ObjectNode ref = json.objectNode();
        ref.put("$ref", target);
        return ref;
    }

    private void problem(ObjectNode responses, int status) {
        responses.set(Integer.toString(status), ref("#/components/responses/Problem" + status));
    }

    /** The regular expressions of path parameters declared as {@code {name: regex}}, by name. */
    static Map<String, String> pathPatterns(String path) {
        Map<String, String> patterns = new LinkedHashMap<>();
        parseTemplate(path, patterns);
        return patterns;
    }

    /** {@code /people/{id: [0-9]{1,18}}} as {@code /people/{id}}. */
    static String template(String path) {
        return parseTemplate(path, new LinkedHashMap<>());
    }

    /** Reads a Jersey path template, whose regular expressions may hold braces of their own. */
    private static String parseTemplate(String path, Map<String, String> patterns) {
        StringBuilder template = new StringBuilder();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c != '{') {
                template.append(c);
                i++;
                continue;
            }
            int depth = 1;
            int j = i + 1;
            while (j < path.length() && depth > 0) {
                char d = path.charAt(j);
                depth += d == '{' ? 1 : d == '}' ? -1 : 0;
                j++;
            }
            String variable = path.substring(i + 1, Math.max(i + 1, j - 1));
            int colon = variable.indexOf(':');
            String name = (colon < 0 ? variable : variable.substring(0, colon)).trim();
            if (colon >= 0) {
                patterns.put(name, variable.substring(colon + 1).trim());
            }
            template.append('{').append(name).append('}');
            i = j;
        }
        return template.toString();
    }

    private static String join(String prefix, String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return prefix;
        }
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        trimmed = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        return prefix + "/" + trimmed;
    }

    /** {@code addSession} as "Add session". */
    static String words(String camel) {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (i == 0) {
                words.append(Character.toUpperCase(c));
            } else if (Character.isUpperCase(c)) {
                words.append(' ').append(Character.toLowerCase(c));
            } else {
                words.append(c);
            }
        }
        return words.toString();
    }

    /** Java types the platform writes differently from their bean shape, or types swagger-core sees as beans. */
    private static final class IslandTypes implements ModelConverter {
        @Override
        public Schema resolve(AnnotatedType type, ModelConverterContext context,
                Iterator<ModelConverter> chain) {
            Type javaType = type.getType();
            Class<?> raw = javaType instanceof Class<?> c ? c
                    : javaType instanceof JavaType j ? j.getRawClass() : null;
            if (raw == FiscalYear.class) {
                return new IntegerSchema()
                        .minimum(BigDecimal.valueOf(FiscalYear.MIN_YEAR))
                        .maximum(BigDecimal.valueOf(FiscalYear.MAX_YEAR))
                        .description("A fiscal year (April to March) by the year in which it starts");
            }
            if (raw == LocalTime.class) {
                return new StringSchema().pattern("^\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$")
                        .example("09:30");
            }
            if (raw == YearMonth.class) {
                return new StringSchema().pattern("^\\d{4}-\\d{2}$").example("2025-04");
            }
            return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        }
    }

    /** Simple class names, made unique with the enclosing class's name when two classes share one. */
    private static final class UniqueTypeNames extends TypeNameResolver {
        private final Map<String, Class<?>> taken = new LinkedHashMap<>();
        private final Map<Class<?>, String> given = new LinkedHashMap<>();

        @Override
        protected synchronized String getNameOfClass(Class<?> cls) {
            String known = given.get(cls);
            if (known != null) {
                return known;
            }
            String name = super.getNameOfClass(cls);
            Class<?> owner = taken.get(name);
            if (owner != null && owner != cls) {
                String outer = cls.getEnclosingClass() == null ? cls.getPackageName().replace('.', '_')
                        : cls.getEnclosingClass().getSimpleName();
                name = outer + "_" + name;
                for (int n = 2; taken.containsKey(name); n++) {
                    name = outer + "_" + super.getNameOfClass(cls) + n;
                }
            }
            taken.put(name, cls);
            given.put(cls, name);
            return name;
        }
    }
}
