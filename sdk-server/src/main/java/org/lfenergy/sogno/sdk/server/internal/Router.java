package org.lfenergy.sogno.sdk.server.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Finds the operation for a method and raw path. A path that matches no template is unknown (404);
 * one that matches templates but none with the method is a wrong method (405, with every method the
 * path allows; {@code HEAD} wherever {@code GET} is). Literal segments win over template segments.
 * The request path is split once and matched against the templates of its length only.
 */
final class Router {
  /** The operations by the number of segments of their path, most literal segments first. */
  private final Operation[][] bySegments;
  private static final Operation[] NONE = new Operation[0];

  Router(List<Operation> operations) {
    List<Operation> sorted = operations.stream()
        .sorted(Comparator.comparingInt((Operation op) -> -op.path().literalCount()))
        .toList();
    int longest = sorted.stream().mapToInt(op -> op.path().segmentCount()).max().orElse(0);
    bySegments = new Operation[longest + 1][];
    for (int count = 0; count <= longest; count++) {
      int segments = count;
      bySegments[count] = sorted.stream().filter(op -> op.path().segmentCount() == segments).toArray(Operation[]::new);
    }
  }

  /**
   * The routing outcome: an operation and its path parameters, or (when no operation has the method)
   * the methods the path allows. Immutable.
   */
  static final class Match {
    private final Operation operation;
    private final Map<String, String> pathParams;
    private final Operation[] candidates;
    private final String[] parts;

    private Match(Operation operation, Map<String, String> pathParams, Operation[] candidates, String[] parts) {
      this.operation = operation;
      this.pathParams = pathParams;
      this.candidates = candidates;
      this.parts = parts;
    }

    boolean found() {
      return operation != null;
    }

    /** The operation; null when none has the method. */
    Operation operation() {
      return operation;
    }

    /** The decoded path parameters by name; empty when no operation has the method. */
    Map<String, String> pathParams() {
      return pathParams;
    }

    /** Every method the path allows, sorted (worked out when asked: only a 405 needs it). */
    TreeSet<String> allowed() {
      TreeSet<String> allowed = new TreeSet<>();
      for (Operation candidate : candidates) {
        if (candidate.path().matches(parts)) {
          allowed.add(candidate.method());
          if (candidate.method().equals("GET")) {
            allowed.add("HEAD");
          }
        }
      }
      return allowed;
    }
  }

  /** Empty when no template matches the path at all. {@code HEAD} is served by a {@code GET} operation. */
  Optional<Match> route(String method, String rawPath) {
    String[] parts = PathTemplate.segments(rawPath);
    Optional<Match> match = exact(method, parts);
    if (method.equals("HEAD") && match.isPresent() && !match.get().found() && match.get().allowed().contains("GET")) {
      return exact("GET", parts);
    }
    return match;
  }

  private Optional<Match> exact(String method, String[] parts) {
    Operation[] candidates = parts.length < bySegments.length ? bySegments[parts.length] : NONE;
    boolean pathKnown = false;
    for (Operation operation : candidates) {
      if (!operation.path().matches(parts)) {
        continue;
      }
      if (operation.method().equals(method)) {
        return Optional.of(new Match(operation, operation.path().parameters(parts), candidates, parts));
      }
      pathKnown = true;
    }
    return pathKnown ? Optional.of(new Match(null, Map.of(), candidates, parts)) : Optional.empty();
  }
}
