package org.lfenergy.sogno.sdk.conformance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lfenergy.sogno.sdk.lint.LoadedSpec;

/**
 * The self-contained spec as a JSON tree (base references resolved by sogno-lint's {@code SpecLoader})
 * and its operations. Reading never throws for odd content: what is not where OpenAPI puts it is left
 * out.
 */
public final class SpecDocument {
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final JsonNode root;
  private final LoadedSpec spec;
  private final List<Operation> operations;

  private SpecDocument(JsonNode root, LoadedSpec spec) {
    this.root = root;
    this.spec = spec;
    this.operations = readOperations();
  }

  /**
   * The document of a spec that loaded.
   *
   * @throws IllegalStateException if the spec has no OpenAPI model
   */
  public static SpecDocument of(LoadedSpec spec) {
    try {
      return new SpecDocument(YAML.readTree(spec.resolvedYaml()), spec);
    } catch (IOException e) {
      throw new IllegalStateException("The resolved spec is not YAML: " + e.getMessage(), e);
    }
  }

  /** The whole document. */
  public JsonNode root() {
    return root;
  }

  /** The operations, in the order of the spec's paths and methods. */
  public List<Operation> operations() {
    return operations;
  }

  /** The methods the spec documents on {@code path}, upper case. */
  public List<String> methods(String path) {
    JsonNode item = resolve(new Located(root.path("paths").path(path), "")).node();
    return METHODS.stream().filter(item::has).map(m -> m.toUpperCase(Locale.ROOT)).toList();
  }

  /** The schema of the base spec's {@code Job}, when the document has it. */
  public Optional<Located> jobSchema() {
    Located job = new Located(root, "").at("components").at("schemas").at("Job");
    return job.node().isObject() ? Optional.of(job) : Optional.empty();
  }

  /** Follows {@code $ref}s inside the document (at most 20 hops); a dangling one is a missing node. */
  public Located resolve(Located located) {
    Located current = located;
    for (int hops = 0; hops < 20 && current.node().has("$ref"); hops++) {
      String ref = current.node().path("$ref").asText("");
      if (!ref.startsWith("#")) {
        return new Located(MissingNode.getInstance(), current.pointer());
      }
      String pointer = ref.substring(1);
      JsonNode target;
      try {
        target = root.at(pointer);
      } catch (IllegalArgumentException e) {
        target = MissingNode.getInstance();
      }
      current = new Located(target, pointer);
    }
    return current;
  }

  /** Where {@code pointer} is in the source, as {@code file:line}. */
  public String locate(String pointer) {
    try {
      return spec.locate(pointer);
    } catch (RuntimeException e) {
      return spec.fileName() + ":1";
    }
  }

  private List<Operation> readOperations() {
    List<Operation> result = new ArrayList<>();
    Located paths = new Located(root, "").at("paths");
    for (Map.Entry<String, JsonNode> entry : paths.node().properties()) {
      String path = entry.getKey();
      Located item = resolve(paths.at(path));
      if (!path.startsWith("/") || !item.node().isObject()) {
        continue;
      }
      for (String method : METHODS) {
        Located op = item.at(method);
        if (op.node().isObject() && !method.equals("head") && !method.equals("options")) {
          result.add(operation(path, method, item, op));
        }
      }
    }
    return List.copyOf(result);
  }

  private Operation operation(String path, String method, Located item, Located op) {
    String upper = method.toUpperCase(Locale.ROOT);
    String id = op.node().path("operationId").asText(upper + " " + path);
    List<Operation.Parameter> parameters = new ArrayList<>();
    Map<String, Operation.Parameter> byKey = new LinkedHashMap<>();
    for (Located list : List.of(item.at("parameters"), op.at("parameters"))) {
      for (int i = 0; i < list.node().size(); i++) {
        Located p = resolve(list.at(i));
        String name = p.node().path("name").asText("");
        String in = p.node().path("in").asText("");
        if (!name.isEmpty() && List.of("path", "query", "header").contains(in)) {
          byKey.put(in + ":" + name.toLowerCase(Locale.ROOT), new Operation.Parameter(name, in,
              p.node().path("required").asBoolean(in.equals("path")), resolve(p.at("schema"))));
        }
      }
    }
    parameters.addAll(byKey.values());
    Map<String, Located> responses = new LinkedHashMap<>();
    Located declared = op.at("responses");
    declared.node().fieldNames().forEachRemaining(code -> responses.put(code, resolve(declared.at(code))));
    JsonNode security = op.node().has("security") ? op.node().path("security") : root.path("security");
    boolean secured = security.isArray() && !security.isEmpty()
        && java.util.stream.StreamSupport.stream(security.spliterator(), false).noneMatch(JsonNode::isEmpty);
    return new Operation(id, upper, path, locate(op.pointer()), List.copyOf(parameters), body(op),
        Map.copyOf(responses), secured);
  }

  private Optional<Operation.Body> body(Located op) {
    Located requestBody = resolve(op.at("requestBody"));
    Located content = requestBody.at("content");
    for (Map.Entry<String, JsonNode> media : content.node().properties()) {
      if (MediaTypes.isJson(media.getKey())) {
        Located mediaType = content.at(media.getKey());
        Located schema = resolve(mediaType.at("schema"));
        JsonNode example = mediaType.node().has("example") ? mediaType.node().path("example")
            : schema.node().path("example");
        return Optional.of(new Operation.Body(requestBody.node().path("required").asBoolean(false),
            media.getKey(), schema, example));
      }
    }
    return Optional.empty();
  }
}
