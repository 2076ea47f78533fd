package org.lfenergy.sogno.sdk.codegen;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The base spec's schemas that the SDK implements by hand, with the class each maps to. A service spec
 * that references them (through the base spec's stable URL) gets clients using these classes, never a
 * regenerated copy, so a {@code Job} from one service is the same type as a {@code Job} from another and
 * the SDK's behaviour (extensible job status, problems keeping unknown members) applies everywhere.
 */
final class BaseSchemas {
  static final String JOB = "org.lfenergy.sogno.sdk.async.Job";

  static final Map<String, String> SDK_CLASSES =
      Map.of(
          "Problem", "org.lfenergy.sogno.sdk.core.Problem",
          "ValidationProblem", "org.lfenergy.sogno.sdk.core.Problem",
          "FieldError", "org.lfenergy.sogno.sdk.core.Problem.FieldError",
          "Job", JOB,
          "JobStatus", "org.lfenergy.sogno.sdk.async.JobStatus",
          "JobProgress", "org.lfenergy.sogno.sdk.async.JobProgress",
          "Link", "org.lfenergy.sogno.sdk.async.Link");

  /** Where {@code sogno-platform-client} keeps the models generated from the base spec. */
  static final String PLATFORM_MODEL_PACKAGE = "org.lfenergy.sogno.sdk.platform.model";

  /** Base schemas without a hand-written class (string aliases such as {@code Cursor} need none). */
  static final Set<String> PLATFORM_MODELS = Set.of("Health", "HealthCheck", "HealthStatus", "Page");

  private static final Pattern SCHEMA_REF = Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/components/schemas/([^\"]+)\"");

  private BaseSchemas() {}

  /**
   * Maps the base schemas among {@code baseSchemaNames} to the SDK's hand-written classes and, if
   * {@code platformModels}, the others to the models of {@code sogno-platform-client} (generated once
   * from the base spec). Mappings the caller set already win.
   */
  static void mapTo(Set<String> baseSchemaNames, boolean platformModels,
      Map<String, String> schemaMapping, Map<String, String> importMapping) {
    for (String schema : baseSchemaNames) {
      String javaClass = SDK_CLASSES.get(schema);
      if (javaClass == null && platformModels && PLATFORM_MODELS.contains(schema)) {
        javaClass = PLATFORM_MODEL_PACKAGE + "." + schema;
      }
      if (javaClass != null) {
        schemaMapping.putIfAbsent(schema, javaClass);
        importMapping.putIfAbsent(schema, javaClass);
      }
    }
  }

  /**
   * Removes the schemas that only mapped schemas use, such as the base spec's {@code JobLinks} under
   * {@code Job}: the SDK class already covers them, and a generated copy would be dead code. Schemas
   * nothing references stay, as the stock generator keeps them.
   */
  @SuppressWarnings("rawtypes")
  static void pruneCoveredByMapped(OpenAPI openAPI, Set<String> mapped) {
    Map<String, Schema> schemas = openAPI.getComponents() == null ? null : openAPI.getComponents().getSchemas();
    if (schemas == null) {
      return;
    }
    Set<String> covered = closure(schemas, referencedBy(schemas.entrySet().stream()
        .filter(e -> mapped.contains(e.getKey())).map(Map.Entry::getValue).toArray()), Set.of());
    covered.removeAll(mapped);
    Components rest = new Components()
        .responses(openAPI.getComponents().getResponses())
        .parameters(openAPI.getComponents().getParameters())
        .requestBodies(openAPI.getComponents().getRequestBodies())
        .headers(openAPI.getComponents().getHeaders());
    Set<String> roots = referencedBy(openAPI.getPaths(), rest);
    schemas.keySet().stream()
        .filter(name -> !mapped.contains(name) && !covered.contains(name))
        .forEach(roots::add);
    Set<String> used = closure(schemas, roots, mapped);
    covered.removeAll(used);
    covered.forEach(schemas::remove);
  }

  @SuppressWarnings("rawtypes")
  /** The schemas reachable from {@code start}, not looking inside those in {@code opaque}. */
  private static Set<String> closure(Map<String, Schema> schemas, Set<String> start, Set<String> opaque) {
    Set<String> seen = new HashSet<>();
    Deque<String> pending = new ArrayDeque<>(start);
    while (!pending.isEmpty()) {
      String name = pending.pop();
      if (seen.add(name) && schemas.containsKey(name) && !opaque.contains(name)) {
        pending.addAll(referencedBy(schemas.get(name)));
      }
    }
    return seen;
  }

  private static Set<String> referencedBy(Object... parts) {
    Set<String> names = new HashSet<>();
    for (Object part : parts) {
      if (part == null) {
        continue;
      }
      try {
        Matcher matcher = SCHEMA_REF.matcher(Json.mapper().writeValueAsString(part));
        while (matcher.find()) {
          names.add(matcher.group(1));
        }
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("Cannot inspect the spec's references", e);
      }
    }
    return names;
  }

  /** True when {@code javaType} (as the generator renders it) is the SDK's job resource. */
  static boolean isJob(String javaType) {
    return JOB.equals(javaType) || "Job".equals(javaType);
  }
}
