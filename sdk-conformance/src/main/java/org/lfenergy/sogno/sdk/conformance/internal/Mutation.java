package org.lfenergy.sogno.sdk.conformance.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One way to make a valid request invalid, breaking exactly one constraint. Applied to a shrunk
 * request it may no longer apply (the value it breaks is gone): then it yields nothing, so a shrunk
 * request is never mistaken for an invalid one.
 *
 * @param describe what the mutation breaks, e.g. {@code body #/grid/buses: required member missing}
 */
public record Mutation(String describe, Change change) {

  /** Makes the invalid request from a valid one, or nothing when it does not apply. */
  @FunctionalInterface
  public interface Change {
    /** The invalid request, or empty. */
    Optional<Probe> apply(RequestValues valid, URI base, Operation operation);
  }

  /** The invalid request made from {@code valid}, or empty when the mutation does not apply to it. */
  public Optional<Probe> apply(RequestValues valid, URI base, Operation operation) {
    return change.apply(valid, base, operation);
  }

  /** Sets the body value at {@code pointer} to {@code replacement} (or removes it when null). */
  static Mutation bodyValue(String describe, String pointer, JsonNode replacement) {
    return values(describe, valid -> {
      if (valid.body() == null) {
        return null;
      }
      JsonNode copy = valid.body().deepCopy();
      JsonPointer at = JsonPointer.compile(pointer);
      if (at.matches()) {
        return replacement == null ? null : valid.withBody(replacement);
      }
      JsonNode parent = copy.at(at.head());
      String last = at.last().getMatchingProperty();
      if (parent instanceof ObjectNode object && object.has(last)) {
        if (replacement == null) {
          object.remove(last);
        } else {
          object.set(last, replacement);
        }
        return valid.withBody(copy);
      }
      if (parent instanceof ArrayNode array && at.last().getMatchingIndex() >= 0
          && at.last().getMatchingIndex() < array.size() && replacement != null) {
        array.set(at.last().getMatchingIndex(), replacement);
        return valid.withBody(copy);
      }
      return null;
    });
  }

  /** Sets parameter {@code name} to {@code replacement} (or removes it when null). */
  static Mutation parameter(String describe, Operation.Parameter parameter, JsonNode replacement) {
    return values(describe, valid -> valid.withParameter(parameter.in(), parameter.name(), replacement));
  }

  /** Changes the written request: the body's bytes or its content type. */
  static Mutation probe(String describe, UnaryOperator<Probe> change) {
    return new Mutation(describe, (valid, base, operation) -> valid.body() == null ? Optional.empty()
        : Optional.of(change.apply(valid.toProbe(base, operation))));
  }

  /** The body as JSON with its last character cut off. */
  static Probe truncated(Probe probe) {
    String text = probe.bodyText();
    String cut = text.isEmpty() ? "{" : text.substring(0, text.length() - 1);
    return probe.withBody(cut.getBytes(StandardCharsets.UTF_8), probe.header("Content-Type").orElse("application/json"));
  }

  private static Mutation values(String describe, UnaryOperator<RequestValues> change) {
    return new Mutation(describe, (valid, base, operation) -> Optional.ofNullable(change.apply(valid))
        .map(v -> v.toProbe(base, operation)));
  }
}
