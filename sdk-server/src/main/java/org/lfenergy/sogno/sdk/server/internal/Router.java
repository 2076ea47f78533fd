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
 */
final class Router {
  private final List<Operation> operations;

  Router(List<Operation> operations) {
    this.operations = operations.stream()
        .sorted(Comparator.comparingInt((Operation op) -> -op.path().literalCount()))
        .toList();
  }

  /** The routing outcome: an operation and its path parameters, or the methods the path allows. */
  record Match(Operation operation, Map<String, String> pathParams, TreeSet<String> allowed) {
    boolean found() {
      return operation != null;
    }
  }

  /** Empty when no template matches the path at all. {@code HEAD} is served by a {@code GET} operation. */
  Optional<Match> route(String method, String rawPath) {
    Optional<Match> match = exact(method, rawPath);
    if (method.equals("HEAD") && match.isPresent() && !match.get().found() && match.get().allowed().contains("GET")) {
      return exact("GET", rawPath);
    }
    return match;
  }

  private Optional<Match> exact(String method, String rawPath) {
    TreeSet<String> allowed = new TreeSet<>();
    Match best = null;
    for (Operation operation : operations) {
      Optional<Map<String, String>> params = operation.path().match(rawPath);
      if (params.isEmpty()) {
        continue;
      }
      allowed.add(operation.method());
      if (operation.method().equals("GET")) {
        allowed.add("HEAD");
      }
      if (best == null && operation.method().equals(method)) {
        best = new Match(operation, params.get(), allowed);
      }
    }
    if (allowed.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(best != null ? best : new Match(null, Map.of(), allowed));
  }
}
