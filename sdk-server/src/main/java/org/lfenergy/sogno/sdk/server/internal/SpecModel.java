package org.lfenergy.sogno.sdk.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.core.util.Yaml31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lfenergy.sogno.sdk.lint.LoadedSpec;

/**
 * The service's spec, loaded by sogno-lint's {@code SpecLoader}, turned into {@link Operation}s with
 * their schemas compiled, plus the self-contained document as YAML and JSON for {@code /openapi.*}.
 */
final class SpecModel {
  private static final String JOB_SCHEMA = "#/components/schemas/Job";

  private final List<Operation> operations;
  private final SchemaRegistry schemas;
  private final String yaml;
  private final String json;

  private SpecModel(List<Operation> operations, SchemaRegistry schemas, String yaml, String json) {
    this.operations = operations;
    this.schemas = schemas;
    this.yaml = yaml;
    this.json = json;
  }

  /** @throws IllegalArgumentException listing what makes the spec unservable */
  static SpecModel of(LoadedSpec loaded) {
    OpenAPI api = loaded.openApi().orElseThrow(() -> new IllegalArgumentException(
        "it could not be parsed: " + loaded.findings()));
    boolean v31 = api.getSpecVersion() == SpecVersion.V31;
    ObjectMapper mapper = v31 ? Json31.mapper() : Json.mapper();
    ObjectNode document = mapper.valueToTree(api);
    String yaml = v31 ? Yaml31.pretty(api) : Yaml.pretty(api);
    String json = v31 ? Json31.pretty(api) : Json.pretty(api);
    SchemaRegistry schemas = new SchemaRegistry(document.deepCopy(), v31);
    Builder builder = new Builder(api.getComponents() == null ? new Components() : api.getComponents(), mapper, schemas);
    List<String> problems = new ArrayList<>();
    List<Operation> operations = new ArrayList<>();
    if (api.getPaths() != null) {
      api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
        if (op.getOperationId() == null || op.getOperationId().isBlank()) {
          problems.add(method + " " + path + " has no operationId");
        } else {
          operations.add(builder.operation(path, item, method, op));
        }
      }));
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    schemas.compile();
    return new SpecModel(List.copyOf(operations), schemas, yaml, json);
  }

  List<Operation> operations() {
    return operations;
  }

  SchemaRegistry schemas() {
    return schemas;
  }

  String yaml() {
    return yaml;
  }

  String json() {
    return json;
  }

  /** Resolves local references and registers schemas while operations are built. */
  private static final class Builder {
    private final Components components;
    private final ObjectMapper mapper;
    private final SchemaRegistry schemas;

    Builder(Components components, ObjectMapper mapper, SchemaRegistry schemas) {
      this.components = components;
      this.mapper = mapper;
      this.schemas = schemas;
    }

    Operation operation(String path, PathItem item, PathItem.HttpMethod method,
        io.swagger.v3.oas.models.Operation op) {
      Map<String, Operation.Parameter> parameters = new LinkedHashMap<>();
      List<Parameter> declared = new ArrayList<>();
      if (item.getParameters() != null) {
        declared.addAll(item.getParameters());
      }
      if (op.getParameters() != null) {
        declared.addAll(op.getParameters());
      }
      for (Parameter p : declared) {
        Parameter resolved = resolve(p);
        if (resolved.getName() == null || resolved.getIn() == null) {
          continue;
        }
        String in = resolved.getIn().toLowerCase(Locale.ROOT);
        if (in.equals("cookie")) {
          continue;
        }
        parameters.put(in + ":" + key(in, resolved.getName()), parameter(resolved, in));
      }
      Optional<Operation.RequestBody> body = Optional.ofNullable(op.getRequestBody()).map(this::requestBody);
      Map<String, Map<String, Integer>> responses = new LinkedHashMap<>();
      boolean startsJob = false;
      if (op.getResponses() != null) {
        for (Map.Entry<String, ApiResponse> entry : op.getResponses().entrySet()) {
          ApiResponse response = resolve(entry.getValue());
          responses.put(entry.getKey().toUpperCase(Locale.ROOT), media(response.getContent()));
          if (entry.getKey().equals("202") && returnsJob(response.getContent())) {
            startsJob = true;
          }
        }
      }
      return new Operation(op.getOperationId(), method.name(), new PathTemplate(path),
          List.copyOf(parameters.values()), body, responses, startsJob);
    }

    private static String key(String in, String name) {
      return in.equals("header") ? name.toLowerCase(Locale.ROOT) : name;
    }

    private Operation.Parameter parameter(Parameter p, String in) {
      Schema<?> schema = p.getSchema() == null ? new Schema<>() : resolve(p.getSchema());
      String type = typeOf(schema);
      String itemType = schema.getItems() == null ? null : typeOf(resolve(schema.getItems()));
      JsonNode tree = tree(p.getSchema() == null ? new Schema<>() : p.getSchema());
      int handle = schemas.add(tree);
      boolean required = Boolean.TRUE.equals(p.getRequired()) || in.equals("path");
      return new Operation.Parameter(p.getName(), in, required, handle, type, itemType,
          SchemaRegistry.refusesNoString(tree));
    }

    private Operation.RequestBody requestBody(io.swagger.v3.oas.models.parameters.RequestBody declared) {
      io.swagger.v3.oas.models.parameters.RequestBody body = declared;
      if (body.get$ref() != null && components.getRequestBodies() != null) {
        body = components.getRequestBodies().getOrDefault(simpleName(body.get$ref()), body);
      }
      return new Operation.RequestBody(Boolean.TRUE.equals(body.getRequired()), media(body.getContent()));
    }

    private Map<String, Integer> media(Content content) {
      Map<String, Integer> media = new LinkedHashMap<>();
      if (content != null) {
        for (Map.Entry<String, MediaType> entry : content.entrySet()) {
          Schema<?> schema = entry.getValue() == null ? null : entry.getValue().getSchema();
          boolean json = MediaTypes.isJson(entry.getKey());
          media.put(MediaTypes.essence(entry.getKey()),
              schema == null || !json ? Operation.NO_SCHEMA : schemas.add(tree(schema)));
        }
      }
      return media;
    }

    private boolean returnsJob(Content content) {
      if (content == null) {
        return false;
      }
      return content.values().stream().anyMatch(m -> m != null && m.getSchema() != null
          && JOB_SCHEMA.equals(m.getSchema().get$ref()));
    }

    private JsonNode tree(Schema<?> schema) {
      return mapper.valueToTree(schema);
    }

    private String typeOf(Schema<?> schema) {
      if (schema.getType() != null) {
        return schema.getType();
      }
      if (schema.getTypes() != null) {
        return schema.getTypes().stream().filter(t -> !t.equals("null")).findFirst().orElse(null);
      }
      return null;
    }

    private Parameter resolve(Parameter p) {
      if (p.get$ref() != null && components.getParameters() != null) {
        return components.getParameters().getOrDefault(simpleName(p.get$ref()), p);
      }
      return p;
    }

    private ApiResponse resolve(ApiResponse r) {
      if (r.get$ref() != null && components.getResponses() != null) {
        return components.getResponses().getOrDefault(simpleName(r.get$ref()), r);
      }
      return r;
    }

    private Schema<?> resolve(Schema<?> s) {
      if (s.get$ref() != null && components.getSchemas() != null) {
        Schema<?> target = components.getSchemas().get(simpleName(s.get$ref()));
        return target == null ? s : target;
      }
      return s;
    }

    private static String simpleName(String ref) {
      return ref.substring(ref.lastIndexOf('/') + 1);
    }
  }
}
