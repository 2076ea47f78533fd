package org.lfenergy.sogno.sdk.conformance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.lfenergy.sogno.sdk.lint.SpecLoader;

/**
 * The generators honour the schemas (every generated body and parameter validates against its schema:
 * types, formats, enums, bounds, lengths, required), and every body mutation breaks its schema.
 */
class GeneratedRequestsPropertyTest {
  private static final Path BASEDIR = Path.of(System.getProperty("sogno.conformance.basedir", "."));
  private static final SpecDocument SAMPLE = SpecDocument.of(SpecLoader.defaults()
      .load(BASEDIR.resolve("../samples/powerflow-service/src/main/resources/openapi.yaml").normalize()));
  private static final SpecDocument LEGACY = SpecDocument.of(SpecLoader.defaults()
      .load(BASEDIR.resolve("src/test/resources/legacy-things.yaml")));

  @Property(tries = 60)
  void generatedRequestsAreValidAgainstTheirSchemas(@ForAll("operations") OperationOf op, @ForAll long seed) {
    RequestValues values = new RequestGenerator(op.document(), op.operation()).next(new Random(seed)).value();
    SchemaValidator validator = new SchemaValidator(op.document().root());

    op.operation().body().ifPresent(body -> {
      if (values.body() != null) {
        assertThat(validator.violations(body.schema(), values.body())).as(values.body().toString()).isEmpty();
      }
    });
    for (Operation.Parameter p : op.operation().parameters()) {
      JsonNode value = p.in().equals("path") ? values.path().get(p.name())
          : p.in().equals("query") ? values.query().get(p.name()) : values.headers().get(p.name());
      if (value != null) {
        assertThat(validator.violations(p.schema(), value)).as(p.name() + "=" + value).isEmpty();
      }
    }
    assertThat(values.toProbe(URI.create("http://127.0.0.1:1/prefix"), op.operation()).uri().getPath())
        .startsWith("/prefix/").doesNotContain("{", "}");
  }

  @Property(tries = 30)
  void everyBodyMutationBreaksTheSchema(@ForAll("operations") OperationOf op, @ForAll long seed) {
    RequestValues valid = new RequestGenerator(op.document(), op.operation()).next(new Random(seed)).value();
    SchemaValidator validator = new SchemaValidator(op.document().root());
    URI base = URI.create("http://127.0.0.1:1");

    for (Mutation mutation : Mutations.of(op.document(), op.operation(), valid)) {
      if (!mutation.describe().startsWith("body #")) {
        continue;
      }
      mutation.apply(valid, base, op.operation()).ifPresent(probe -> {
        JsonNode broken = ResponseChecks.parse(probe.body());
        assertThat(validator.violations(op.operation().body().orElseThrow().schema(), broken))
            .as(mutation.describe() + ": " + broken).isNotEmpty();
      });
    }
  }

  record OperationOf(SpecDocument document, Operation operation) {
    @Override
    public String toString() {
      return operation.id();
    }
  }

  @Provide
  Arbitrary<OperationOf> operations() {
    List<OperationOf> all = new java.util.ArrayList<>();
    SAMPLE.operations().forEach(o -> all.add(new OperationOf(SAMPLE, o)));
    LEGACY.operations().forEach(o -> all.add(new OperationOf(LEGACY, o)));
    return Arbitraries.of(all);
  }
}
