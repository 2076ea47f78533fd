package org.lfenergy.sogno.sdk.conformance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Shrinkable;

/**
 * Valid requests to one operation as jqwik {@link Shrinkable}s: every required parameter and the body
 * when required, optional ones sometimes. Headers the checker sets itself ({@code X-Request-ID},
 * {@code traceparent}, {@code Prefer}, {@code Authorization}, {@code Content-Type}, {@code Accept}) are
 * not generated.
 */
public final class RequestGenerator {
  private static final Set<String> OWN_HEADERS =
      Set.of("x-request-id", "traceparent", "prefer", "authorization", "content-type", "accept");
  private static final int GEN_SIZE = 100;

  private final RandomGenerator<RequestValues> generator;

  public RequestGenerator(SpecDocument document, Operation operation) {
    SchemaArbitraries params = new SchemaArbitraries(document, true);
    SchemaArbitraries bodies = new SchemaArbitraries(document, false);
    List<Arbitrary<Optional<Map.Entry<Operation.Parameter, JsonNode>>>> parts = new ArrayList<>();
    for (Operation.Parameter p : operation.parameters()) {
      if (p.in().equals("header") && OWN_HEADERS.contains(p.name().toLowerCase(java.util.Locale.ROOT))) {
        continue;
      }
      Arbitrary<Map.Entry<Operation.Parameter, JsonNode>> value = params.of(p.schema()).map(v -> Map.entry(p, v));
      parts.add(p.required() ? value.map(Optional::of) : value.optional(0.5));
    }
    Arbitrary<Optional<JsonNode>> body = operation.body()
        .map(b -> b.required() ? bodies.of(b.schema()).map(Optional::of) : bodies.of(b.schema()).optional(0.8))
        .orElse(Arbitraries.just(Optional.empty()));
    Arbitrary<List<Optional<Map.Entry<Operation.Parameter, JsonNode>>>> all = parts.isEmpty()
        ? Arbitraries.just(List.of()) : Combinators.combine(parts).as(list -> list);
    this.generator = Combinators.combine(all, body).as(RequestGenerator::values).generator(GEN_SIZE);
  }

  /** The next generated request. */
  public Shrinkable<RequestValues> next(Random random) {
    return generator.next(random);
  }

  private static RequestValues values(List<Optional<Map.Entry<Operation.Parameter, JsonNode>>> parameters,
      Optional<JsonNode> body) {
    RequestValues values = new RequestValues(Map.of(), Map.of(), Map.of(), body.orElse(null));
    for (Optional<Map.Entry<Operation.Parameter, JsonNode>> p : parameters) {
      if (p.isPresent()) {
        values = values.withParameter(p.get().getKey().in(), p.get().getKey().name(), p.get().getValue());
      }
    }
    return values;
  }
}
