package org.lfenergy.sogno.sdk.codegen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Overlay files: partial documents merged onto a spec before it is read, so a user can add what a spec
 * they do not own lacks (an {@code x-sogno-job-dialect}, an {@code operationId}, …) in a file beside it.
 * Each overlay is a JSON Merge Patch (RFC 7396) in YAML or JSON, applied in the given order: an object
 * merges member by member, {@code null} removes the member, anything else replaces it.
 *
 * <pre>{@code
 * paths:
 *   /analysis:
 *     post:
 *       x-sogno-job-dialect: dpsim-service
 * }</pre>
 */
final class SpecOverlays {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private SpecOverlays() {}

  /**
   * The spec's text with the overlays merged, or empty when the spec itself is not a YAML or JSON
   * object (the loader then reports why).
   *
   * @throws GenerationException if an overlay cannot be read or is not a YAML or JSON object
   */
  static Optional<String> apply(Path spec, List<Path> overlays) {
    JsonNode merged;
    try {
      merged = YAML.readTree(Files.readString(spec, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    if (!(merged instanceof ObjectNode)) {
      return Optional.empty();
    }
    for (Path overlay : overlays) {
      merged = merge(merged, read(overlay));
    }
    try {
      return Optional.of(YAML.writeValueAsString(merged));
    } catch (JsonProcessingException e) {
      throw new GenerationException(spec + ": cannot write the spec with its overlays: " + e.getOriginalMessage(), e);
    }
  }

  private static ObjectNode read(Path overlay) {
    JsonNode tree;
    try {
      tree = YAML.readTree(Files.readString(overlay, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      throw new GenerationException(overlay + ": not a readable YAML or JSON overlay: " + firstLine(e), e);
    }
    if (!(tree instanceof ObjectNode)) {
      throw new GenerationException(overlay + ": an overlay must be a YAML or JSON object (a JSON Merge Patch)", null);
    }
    return (ObjectNode) tree;
  }

  /** RFC 7396 section 2, on trees: returns the patched target (which may be {@code target} changed). */
  static JsonNode merge(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode result = target != null && target.isObject() ? (ObjectNode) target : YAML.createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> members = patch.fields(); members.hasNext(); ) {
      Map.Entry<String, JsonNode> member = members.next();
      if (member.getValue().isNull()) {
        result.remove(member.getKey());
      } else {
        result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
      }
    }
    return result;
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
