package org.lfenergy.sogno.sdk.lint.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds schemas whose {@code type} is not one of JSON Schema's seven types ({@code type: iteger}):
 * swagger-parser keeps such a value, and a generator would turn it into a class that does not exist.
 * The document is then not a valid OpenAPI document, which the loader reports where the type is.
 */
public final class SchemaTypes {
    private static final Set<String> JSON_TYPES = Set.of("string", "number", "integer", "boolean", "array", "object",
            "null");

    /** A schema type that is not a JSON Schema type, and where it is. */
    public record Invalid(String pointer, String type) {
        /** The loader's message for it. */
        public String message() {
            return "Schema type '" + type + "' is not a JSON Schema type (" + String.join(", ", List.of("string",
                    "number", "integer", "boolean", "array", "object", "null")) + ")";
        }
    }

    private final List<Invalid> found = new ArrayList<>();
    private final Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    private SchemaTypes() {
    }

    /** Every invalid schema type of the document, in document order. */
    public static List<Invalid> invalid(OpenAPI api) {
        SchemaTypes walk = new SchemaTypes();
        if (api.getComponents() != null) {
            walk.schemas(api.getComponents().getSchemas(), "/components/schemas");
            walk.parameters(api.getComponents().getParameters(), "/components/parameters");
            if (api.getComponents().getRequestBodies() != null) {
                api.getComponents().getRequestBodies().forEach((name, body) ->
                        walk.body(body, Pointers.of("components", "requestBodies", name)));
            }
            walk.responses(api.getComponents().getResponses(), "/components/responses");
        }
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> walk.pathItem(item, Pointers.of("paths", path)));
        }
        if (api.getWebhooks() != null) {
            api.getWebhooks().forEach((name, item) -> walk.pathItem(item, Pointers.of("webhooks", name)));
        }
        return List.copyOf(walk.found);
    }

    private void pathItem(PathItem item, String pointer) {
        if (item == null) {
            return;
        }
        parameters(item.getParameters(), pointer + "/parameters");
        item.readOperationsMap().forEach((method, operation) ->
                operation(operation, Pointers.append(pointer, method.name().toLowerCase(Locale.ROOT))));
    }

    private void operation(Operation operation, String pointer) {
        parameters(operation.getParameters(), pointer + "/parameters");
        body(operation.getRequestBody(), pointer + "/requestBody");
        if (operation.getResponses() != null) {
            responses(operation.getResponses(), pointer + "/responses");
        }
    }

    private void parameters(Object parameters, String pointer) {
        if (parameters instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Parameter parameter) {
                    parameter(parameter, pointer + "/" + i);
                }
            }
        } else if (parameters instanceof Map<?, ?> map) {
            map.forEach((name, parameter) -> {
                if (parameter instanceof Parameter p) {
                    parameter(p, Pointers.append(pointer, String.valueOf(name)));
                }
            });
        }
    }

    private void parameter(Parameter parameter, String pointer) {
        schema(parameter.getSchema(), pointer + "/schema");
        content(parameter.getContent(), pointer + "/content");
    }

    private void body(RequestBody body, String pointer) {
        if (body != null) {
            content(body.getContent(), pointer + "/content");
        }
    }

    private void responses(Map<String, ApiResponse> responses, String pointer) {
        if (responses != null) {
            responses.forEach((code, response) -> {
                if (response != null) {
                    content(response.getContent(), Pointers.append(pointer, code, "content"));
                }
            });
        }
    }

    private void content(Content content, String pointer) {
        if (content != null) {
            content.forEach((type, media) -> {
                if (media != null) {
                    schema(media.getSchema(), Pointers.append(pointer, type, "schema"));
                }
            });
        }
    }

    @SuppressWarnings("rawtypes")
    private void schemas(Map<String, Schema> schemas, String pointer) {
        if (schemas != null) {
            schemas.forEach((name, schema) -> schema(schema, Pointers.append(pointer, name)));
        }
    }

    @SuppressWarnings("rawtypes")
    private void schema(Schema<?> schema, String pointer) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (schema.getType() != null && !JSON_TYPES.contains(schema.getType())) {
            found.add(new Invalid(pointer + "/type", schema.getType()));
        }
        if (schema.getTypes() != null) {
            schema.getTypes().stream().filter(type -> type != null && !JSON_TYPES.contains(type)).findFirst()
                    .ifPresent(type -> found.add(new Invalid(pointer + "/type", type)));
        }
        schemas(schema.getProperties(), pointer + "/properties");
        schema(schema.getItems(), pointer + "/items");
        if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
            schema(additional, pointer + "/additionalProperties");
        }
        list(schema.getAllOf(), pointer + "/allOf");
        list(schema.getAnyOf(), pointer + "/anyOf");
        list(schema.getOneOf(), pointer + "/oneOf");
        list(schema.getPrefixItems(), pointer + "/prefixItems");
        schema(schema.getNot(), pointer + "/not");
    }

    @SuppressWarnings("rawtypes")
    private void list(List<Schema> schemas, String pointer) {
        if (schemas != null) {
            for (int i = 0; i < schemas.size(); i++) {
                schema(schemas.get(i), pointer + "/" + i);
            }
        }
    }
}
