package org.lfenergy.sogno.sdk.lint.internal.compat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.Map;
import java.util.function.Function;
import org.lfenergy.sogno.sdk.lint.internal.Pointers;

/** The two versions compared, and local reference resolution in each. */
record Documents(OpenAPI previous, OpenAPI current) {
    private static final int MAX_HOPS = 16;

    RequestBody previousBody(RequestBody body) {
        return resolve(previous, body, RequestBody::get$ref, "requestBodies", c -> c.getRequestBodies());
    }

    RequestBody currentBody(RequestBody body) {
        return resolve(current, body, RequestBody::get$ref, "requestBodies", c -> c.getRequestBodies());
    }

    ApiResponse previousResponse(ApiResponse response) {
        ApiResponse resolved = resolve(previous, response, ApiResponse::get$ref, "responses", c -> c.getResponses());
        return resolved == null ? new ApiResponse() : resolved;
    }

    ApiResponse currentResponse(ApiResponse response) {
        ApiResponse resolved = resolve(current, response, ApiResponse::get$ref, "responses", c -> c.getResponses());
        return resolved == null ? new ApiResponse() : resolved;
    }

    /** A schema of {@code api} with its references followed, and the pointer of where it is defined. */
    static Located<Schema<?>> schema(OpenAPI api, Schema<?> schema, String pointer) {
        Schema<?> current = schema;
        String at = pointer;
        for (int hop = 0; current != null && current.get$ref() != null && hop < MAX_HOPS; hop++) {
            String name = localName(current.get$ref(), "schemas");
            Map<String, Schema> schemas = api.getComponents() == null ? null : api.getComponents().getSchemas();
            if (name == null || schemas == null) {
                return null;
            }
            current = schemas.get(name);
            at = Pointers.of("components", "schemas", name);
        }
        return current == null || current.get$ref() != null ? null : new Located<>(current, at);
    }

    static Located<Parameter> parameter(OpenAPI api, Parameter parameter) {
        if (parameter == null) {
            return null;
        }
        if (parameter.get$ref() == null) {
            return new Located<>(parameter, "");
        }
        String name = localName(parameter.get$ref(), "parameters");
        Parameter resolved = name == null || api.getComponents() == null || api.getComponents().getParameters() == null
                ? null : api.getComponents().getParameters().get(name);
        return resolved == null ? null : new Located<>(resolved, Pointers.of("components", "parameters", name));
    }

    private static <T> T resolve(OpenAPI api, T value, Function<T, String> ref, String kind,
            Function<io.swagger.v3.oas.models.Components, Map<String, T>> components) {
        T current = value;
        for (int hop = 0; current != null && ref.apply(current) != null && hop < MAX_HOPS; hop++) {
            String name = localName(ref.apply(current), kind);
            Map<String, T> all = api.getComponents() == null ? null : components.apply(api.getComponents());
            current = name == null || all == null ? null : all.get(name);
        }
        return current == null || ref.apply(current) != null ? null : current;
    }

    private static String localName(String ref, String kind) {
        String prefix = "#/components/" + kind + "/";
        return ref.startsWith(prefix) ? ref.substring(prefix.length()) : null;
    }
}
