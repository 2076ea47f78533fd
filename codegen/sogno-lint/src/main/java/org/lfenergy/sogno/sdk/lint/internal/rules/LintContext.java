package org.lfenergy.sogno.sdk.lint.internal.rules;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.lfenergy.sogno.sdk.lint.RuleInfo;
import org.lfenergy.sogno.sdk.lint.internal.Pointers;

/**
 * What a rule sees of one document: the model, the service's own operations and schemas (not those
 * the base spec contributed), reference resolution, and where to report. Not thread-safe: one
 * context per lint run.
 */
public final class LintContext {

    /** A violation a rule reported, before it gets a source location. */
    public record RawFinding(RuleInfo rule, String pointer, String message) {
    }

    /** An operation of the document and where it is. */
    public record Op(String path, String method, PathItem pathItem, Operation operation, String pointer) {
        /** Whether the HTTP method is {@code method} (case-insensitive). */
        public boolean is(String httpMethod) {
            return method.equalsIgnoreCase(httpMethod);
        }
    }

    /**
     * A schema somewhere in the document, the property name it describes (or null) and where it is.
     * A branch of a property's {@code anyOf}/{@code oneOf}/{@code allOf} describes the same property
     * (OpenAPI 3.1's nullable unions: {@code anyOf: [{type: integer}, {type: 'null'}]}), so it carries
     * the property's name with {@code branch} set.
     */
    public record SchemaAt(Schema<?> schema, String propertyName, String pointer, boolean branch) {
        /** Whether this is the schema a property declares, not a branch of it nor an unnamed schema. */
        public boolean declaresProperty() {
            return propertyName != null && !branch;
        }
    }

    /** Whether a schema is of a JSON type: OpenAPI 3.0's {@code type}, or one of 3.1's type array. */
    public static boolean isType(Schema<?> schema, String type) {
        return schema != null && (type.equals(schema.getType())
                || schema.getTypes() != null && schema.getTypes().contains(type));
    }

    private static final int MAX_REF_HOPS = 16;

    private final OpenAPI api;
    private final String sourceVersion;
    private final Set<String> baseComponents;
    private final Set<String> basePaths;
    private final List<RawFinding> findings = new ArrayList<>();
    private List<Op> operations;
    private List<SchemaAt> schemas;

    public LintContext(OpenAPI api, String sourceVersion, Set<String> baseComponents, Set<String> basePaths) {
        this.api = api;
        this.sourceVersion = sourceVersion;
        this.baseComponents = baseComponents;
        this.basePaths = basePaths;
    }

    public OpenAPI api() {
        return api;
    }

    /** The version the source declared ({@code "2.0"} for converted Swagger). */
    public String sourceVersion() {
        return sourceVersion;
    }

    public void report(Rule rule, String pointer, String message) {
        findings.add(new RawFinding(rule.info(), pointer, message));
    }

    public List<RawFinding> findings() {
        return Collections.unmodifiableList(findings);
    }

    /** Whether {@code components/<kind>/<name>} came from the base spec. */
    public boolean isBaseComponent(String kind, String name) {
        return baseComponents.contains(kind + "/" + name);
    }

    /** The service's operations in document order; path items copied from the base spec are left out. */
    public List<Op> operations() {
        if (operations == null) {
            List<Op> ops = new ArrayList<>();
            if (api.getPaths() != null) {
                api.getPaths().forEach((path, item) -> {
                    if (item != null && path != null && !basePaths.contains(path)) {
                        item.readOperationsMap().forEach((method, operation) -> {
                            String name = method.name().toLowerCase(java.util.Locale.ROOT);
                            ops.add(new Op(path, name, item, operation, Pointers.of("paths", path, name)));
                        });
                    }
                });
            }
            operations = List.copyOf(ops);
        }
        return operations;
    }

    /** The path-level and operation-level parameters of an operation, resolved, with their pointers. */
    public Map<String, Parameter> parameters(Op op) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        addParameters(op.pathItem().getParameters(), Pointers.of("paths", op.path(), "parameters"), parameters);
        addParameters(op.operation().getParameters(), op.pointer() + "/parameters", parameters);
        return parameters;
    }

    private void addParameters(List<Parameter> list, String pointer, Map<String, Parameter> into) {
        if (list == null) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            Parameter parameter = parameter(list.get(i));
            if (parameter != null) {
                into.put(pointer + "/" + i, parameter);
            }
        }
    }

    /** The service's component schemas (base ones left out), by name. */
    public Map<String, Schema<?>> serviceSchemas() {
        Map<String, Schema<?>> result = new LinkedHashMap<>();
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().forEach((name, schema) -> {
                if (schema != null && !isBaseComponent("schemas", name)) {
                    result.put(name, schema);
                }
            });
        }
        return result;
    }

    /**
     * Every schema the service defines, component or inline, and every schema nested in them
     * (properties, items, compositions), without following references.
     */
    public List<SchemaAt> schemas() {
        if (schemas == null) {
            SchemaWalker walker = new SchemaWalker();
            serviceSchemas().forEach((name, schema) ->
                    walker.walk(schema, null, Pointers.of("components", "schemas", name)));
            for (Op op : operations()) {
                parameters(op).forEach((pointer, parameter) -> walker.walk(parameter.getSchema(), null,
                        pointer + "/schema"));
                walkBodies(walker, op.operation(), op.pointer());
            }
            if (api.getWebhooks() != null) {
                api.getWebhooks().forEach((name, item) -> {
                    if (item != null) {
                        item.readOperationsMap().forEach((method, operation) -> walkBodies(walker, operation,
                                Pointers.of("webhooks", name, method.name().toLowerCase(java.util.Locale.ROOT))));
                    }
                });
            }
            schemas = walker.result();
        }
        return schemas;
    }

    private void walkBodies(SchemaWalker walker, Operation operation, String pointer) {
        RequestBody body = requestBody(operation.getRequestBody());
        if (body != null) {
            walkContent(walker, body.getContent(), pointer + "/requestBody/content");
        }
        if (operation.getResponses() != null) {
            operation.getResponses().forEach((code, response) -> {
                ApiResponse resolved = response(response);
                if (resolved != null) {
                    walkContent(walker, resolved.getContent(), Pointers.append(pointer, "responses", code, "content"));
                }
            });
        }
    }

    private static void walkContent(SchemaWalker walker, Content content, String pointer) {
        if (content != null) {
            content.forEach((mediaType, media) -> {
                if (media != null) {
                    walker.walk(media.getSchema(), null, Pointers.append(pointer, mediaType, "schema"));
                }
            });
        }
    }

    /** Follows a local reference to a schema; returns the schema itself when it is no reference. */
    public Schema<?> schema(Schema<?> schema) {
        return follow(schema, s -> s.get$ref(), "schemas",
                name -> api.getComponents().getSchemas() == null ? null : api.getComponents().getSchemas().get(name));
    }

    public Parameter parameter(Parameter parameter) {
        return follow(parameter, Parameter::get$ref, "parameters",
                name -> api.getComponents().getParameters() == null ? null
                        : api.getComponents().getParameters().get(name));
    }

    public ApiResponse response(ApiResponse response) {
        return follow(response, ApiResponse::get$ref, "responses",
                name -> api.getComponents().getResponses() == null ? null
                        : api.getComponents().getResponses().get(name));
    }

    public RequestBody requestBody(RequestBody body) {
        return follow(body, RequestBody::get$ref, "requestBodies",
                name -> api.getComponents().getRequestBodies() == null ? null
                        : api.getComponents().getRequestBodies().get(name));
    }

    public Header header(Header header) {
        return follow(header, Header::get$ref, "headers",
                name -> api.getComponents().getHeaders() == null ? null
                        : api.getComponents().getHeaders().get(name));
    }

    /** The JSON schema of a response or request body: its {@code application/json}-like media type's. */
    public Schema<?> jsonSchema(Content content) {
        if (content == null) {
            return null;
        }
        for (Map.Entry<String, MediaType> entry : content.entrySet()) {
            String mediaType = entry.getKey() == null ? "" : entry.getKey().toLowerCase(java.util.Locale.ROOT);
            if ((mediaType.startsWith("application/json") || mediaType.endsWith("+json")) && entry.getValue() != null) {
                return schema(entry.getValue().getSchema());
            }
        }
        return null;
    }

    private <T> T follow(T value, Function<T, String> ref, String kind, Function<String, T> lookup) {
        T current = value;
        for (int hop = 0; current != null && hop < MAX_REF_HOPS; hop++) {
            String target = ref.apply(current);
            if (target == null) {
                return current;
            }
            String prefix = "#/components/" + kind + "/";
            if (!target.startsWith(prefix) || api.getComponents() == null) {
                return null;
            }
            current = lookup.apply(target.substring(prefix.length()));
        }
        return current == null || ref.apply(current) != null ? null : current;
    }

    /** Collects nested schemas once each, guarding against shared or cyclic instances. */
    private static final class SchemaWalker {
        private final List<SchemaAt> result = new ArrayList<>();
        private final Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());

        @SuppressWarnings({"rawtypes", "unchecked"})
        void walk(Schema<?> schema, String propertyName, String pointer) {
            walk(schema, propertyName, pointer, false);
        }

        @SuppressWarnings({"rawtypes", "unchecked"})
        private void walk(Schema<?> schema, String propertyName, String pointer, boolean branch) {
            if (schema == null || !seen.add(schema)) {
                return;
            }
            result.add(new SchemaAt(schema, propertyName, pointer, branch));
            if (schema.get$ref() != null) {
                return;
            }
            Map<String, Schema> properties = schema.getProperties();
            if (properties != null) {
                properties.forEach((name, property) ->
                        walk(property, name, Pointers.append(pointer, "properties", name)));
            }
            walk(schema.getItems(), null, pointer + "/items");
            if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
                walk(additional, null, pointer + "/additionalProperties");
            }
            walkAll(schema.getPrefixItems(), null, pointer + "/prefixItems");
            walkAll(schema.getAllOf(), propertyName, pointer + "/allOf");
            walkAll(schema.getAnyOf(), propertyName, pointer + "/anyOf");
            walkAll(schema.getOneOf(), propertyName, pointer + "/oneOf");
            walk(schema.getNot(), null, pointer + "/not");
        }

        @SuppressWarnings("rawtypes")
        private void walkAll(List<Schema> schemas, String propertyName, String pointer) {
            if (schemas != null) {
                for (int i = 0; i < schemas.size(); i++) {
                    walk(schemas.get(i), propertyName, pointer + "/" + i, propertyName != null);
                }
            }
        }

        List<SchemaAt> result() {
            return List.copyOf(result);
        }
    }
}
