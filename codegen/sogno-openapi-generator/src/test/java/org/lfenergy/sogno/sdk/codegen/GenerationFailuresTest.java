package org.lfenergy.sogno.sdk.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GenerationFailuresTest {

  private static final String DUMP = "{Grid=class Schema {\n    type: object\n" + "    x\n".repeat(5000) + "}}";

  /** The shape DefaultGenerator.processOperation wraps a failure in (OpenAPI Generator 7.25). */
  private static RuntimeException operationFailure(Throwable cause) {
    return new RuntimeException("Could not process operation:\n  Tag: class Tag {\n    name: grids\n}\n"
        + "  Operation: listGrids\n  Resource: get /v1/grids\n  Schemas: " + DUMP + "\n  Exception: "
        + cause.getMessage(), cause);
  }

  @Test
  void anOperationFailureBecomesOneLocatedLineWithTheRootCauseAndNoModelDump() {
    NullPointerException root = new NullPointerException("Cannot invoke \"String.equals(Object)\" because \"property.baseName\" is null");

    GenerationException summary = GenerationFailures.summarise(new IllegalStateException("wrapped", operationFailure(root)),
        "grid.yaml", pointer -> "grid.yaml at " + pointer);

    assertThat(summary.getMessage())
        .isEqualTo("Could not generate a client from grid.yaml. grid.yaml at /paths/~1v1~1grids/get: operation 'listGrids' (get /v1/grids): "
            + "NullPointerException: " + root.getMessage())
        .doesNotContain("Schemas");
    assertThat(summary.getCause()).isSameAs(root);
  }

  @Test
  void aModelFailureNamesTheSchemaAtItsPointer() {
    RuntimeException failure = new RuntimeException("Could not process model 'Grid'.Please make sure that your schema is correct!",
        new IllegalArgumentException("bad\nsecond line " + DUMP));

    GenerationException summary = GenerationFailures.summarise(failure, "grid.yaml", pointer -> "at " + pointer);

    assertThat(summary.getMessage()).isEqualTo("Could not generate a client from grid.yaml. at /components/schemas/Grid: "
        + "schema 'Grid': IllegalArgumentException: bad");
  }

  @Test
  void anUnrecognisedFailureStillNamesTheSpecAndKeepsOnlyTheFirstLineOfItsReason() {
    GenerationException summary = GenerationFailures.summarise(new IllegalStateException("boom\n" + DUMP), "x.yaml", p -> "x.yaml:1");

    assertThat(summary.getMessage()).isEqualTo("Could not generate a client from x.yaml. x.yaml:1: generation failed: "
        + "IllegalStateException: boom");
  }
}
