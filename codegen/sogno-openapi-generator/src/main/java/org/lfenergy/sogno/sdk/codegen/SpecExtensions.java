package org.lfenergy.sogno.sdk.codegen;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps spec-supplied vendor extensions out of the templates. OpenAPI Generator copies every {@code x-…}
 * of a schema, property, operation and parameter into the model the templates read, and its Java
 * templates paste some of them verbatim into the source ({@code x-class-extra-annotation}, {@code
 * x-field-extra-annotation}, {@code x-setter-extra-annotation}, {@code x-extra-annotation}, {@code
 * x-implements}), while others name the generator's own markers ({@code x-sogno-begin}, {@code
 * x-is-one-of-interface}, …) and would change the code's shape. Before any template runs, every
 * extension of the spec is removed except the few the generator reads as data ({@link #READ}); with
 * {@link SognoJavaClientCodegen#ALLOW_SPEC_CODE} the {@link #RENDERED_AS_CODE} ones stay too. Each
 * removal of an extension a template reads is logged at WARN, naming it and its JSON pointer.
 */
final class SpecExtensions {
  /** Extensions the stock Java templates paste into the source as they are. */
  static final Set<String> RENDERED_AS_CODE = Set.of("x-class-extra-annotation", "x-field-extra-annotation",
      "x-setter-extra-annotation", "x-extra-annotation", "x-implements");

  /**
   * Extensions the generator reads as data and renders escaped, if at all; {@code x-sogno-begin} only
   * as {@code false} (the documented opt-out), any other value being the generator's own marker. OpenAPI
   * Generator's {@code x-internal: true} leaves an operation or schema out; no template reads it.
   */
  static final Set<String> READ = Set.of("x-sogno-job-dialect", "x-sogno-job-result", "x-sogno-begin",
      "x-sogno-lint-ignore", "x-sogno-long-running", "x-enum-descriptions", "x-internal");

  /** Extensions some template in use reads besides {@link #RENDERED_AS_CODE} and the {@code x-sogno-} ones. */
  private static final Set<String> READ_BY_TEMPLATES = Set.of("x-discriminator-value", "x-enum-varnames",
      "x-has-readonly-properties", "x-is-jackson-optional-nullable", "x-is-one-of-interface",
      "x-jackson-optional-nullable-helpers", "x-java-all-args-constructor", "x-java-all-args-constructor-vars");

  private static final Logger LOG = LoggerFactory.getLogger(SpecExtensions.class);

  private final boolean allowSpecCode;
  private final List<String> removed = new ArrayList<>();
  private final Set<Object> visited = Collections.newSetFromMap(new IdentityHashMap<>());

  private SpecExtensions(boolean allowSpecCode) {
    this.allowSpecCode = allowSpecCode;
  }

  /**
   * Removes the extensions of {@code openApi}'s schemas (nested ones included), paths, operations,
   * parameters, request bodies and responses that no template may see.
   *
   * @return each removal a template would have read, as {@code x-name at /json/pointer}, in spec order
   */
  static List<String> strip(OpenAPI openApi, boolean allowSpecCode) {
    SpecExtensions stripper = new SpecExtensions(allowSpecCode);
    Components components = openApi.getComponents();
    if (components != null) {
      stripper.each(components.getSchemas(), "/components/schemas", stripper::schema);
      stripper.each(components.getParameters(), "/components/parameters", stripper::parameter);
      stripper.each(components.getRequestBodies(), "/components/requestBodies", stripper::requestBody);
      stripper.each(components.getResponses(), "/components/responses", stripper::response);
    }
    stripper.each(openApi.getPaths(), "/paths", stripper::pathItem);
    return List.copyOf(stripper.removed);
  }

  private interface Part<T> {
    void strip(T part, String pointer);
  }

  private <T> void each(Map<String, T> parts, String pointer, Part<T> part) {
    if (parts != null) {
      parts.forEach((name, value) -> part.strip(value, pointer + "/" + name.replace("~", "~0").replace("/", "~1")));
    }
  }

  private <T> void each(List<T> parts, String pointer, Part<T> part) {
    if (parts != null) {
      for (int i = 0; i < parts.size(); i++) {
        part.strip(parts.get(i), pointer + "/" + i);
      }
    }
  }

  private void pathItem(PathItem item, String pointer) {
    if (item == null) {
      return;
    }
    extensions(item.getExtensions(), pointer);
    each(item.getParameters(), pointer + "/parameters", this::parameter);
    item.readOperationsMap().forEach((method, operation) ->
        operation(operation, pointer + "/" + method.name().toLowerCase(Locale.ROOT)));
  }

  private void operation(Operation operation, String pointer) {
    extensions(operation.getExtensions(), pointer);
    each(operation.getParameters(), pointer + "/parameters", this::parameter);
    requestBody(operation.getRequestBody(), pointer + "/requestBody");
    each(operation.getResponses(), pointer + "/responses", this::response);
  }

  private void parameter(Parameter parameter, String pointer) {
    if (parameter != null) {
      extensions(parameter.getExtensions(), pointer);
      schema(parameter.getSchema(), pointer + "/schema");
      content(parameter.getContent(), pointer + "/content");
    }
  }

  private void requestBody(RequestBody body, String pointer) {
    if (body != null) {
      extensions(body.getExtensions(), pointer);
      content(body.getContent(), pointer + "/content");
    }
  }

  private void response(ApiResponse response, String pointer) {
    if (response != null) {
      extensions(response.getExtensions(), pointer);
      content(response.getContent(), pointer + "/content");
    }
  }

  private void content(Content content, String pointer) {
    each(content, pointer, (MediaType media, String at) -> {
      if (media != null) {
        extensions(media.getExtensions(), at);
        schema(media.getSchema(), at + "/schema");
      }
    });
  }

  private void schema(Schema<?> schema, String pointer) {
    if (schema == null || !visited.add(schema)) {
      return;
    }
    extensions(schema.getExtensions(), pointer);
    each(schema.getProperties(), pointer + "/properties", this::schema);
    schema(schema.getItems(), pointer + "/items");
    schema(schema.getNot(), pointer + "/not");
    if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
      schema(additional, pointer + "/additionalProperties");
    }
    each(schema.getAllOf(), pointer + "/allOf", this::schema);
    each(schema.getOneOf(), pointer + "/oneOf", this::schema);
    each(schema.getAnyOf(), pointer + "/anyOf", this::schema);
  }

  private void extensions(Map<String, Object> extensions, String pointer) {
    if (extensions == null || extensions.isEmpty()) {
      return;
    }
    extensions.entrySet().removeIf(extension -> {
      String name = extension.getKey();
      if (READ.contains(name) && (!"x-sogno-begin".equals(name) || Boolean.FALSE.equals(extension.getValue()))) {
        return false;
      }
      if (RENDERED_AS_CODE.contains(name)) {
        if (allowSpecCode) {
          LOG.info("{} at {} is rendered verbatim into the generated source, as {} allows", name, pointer,
              SognoJavaClientCodegen.ALLOW_SPEC_CODE);
          return false;
        }
        report(name, pointer, "the stock templates would paste it into the source verbatim, and spec text"
            + " becomes code only where allowed (allowSpecCode, option " + SognoJavaClientCodegen.ALLOW_SPEC_CODE
            + "=true)");
      } else if (name.startsWith("x-sogno-") || READ_BY_TEMPLATES.contains(name)) {
        report(name, pointer, "the generator sets it itself");
      }
      return true;
    });
  }

  private void report(String name, String pointer, String why) {
    removed.add(name + " at " + pointer);
    LOG.warn("Ignoring vendor extension {} at {}: {}", name, pointer, why);
  }
}
