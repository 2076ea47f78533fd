package org.lfenergy.sogno.sdk.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.lint.SpecLoader;

/** What start-up settles for each parameter so that requests do only the checks that can fail. */
class ParameterChecksTest {

  @Test
  void aSchemaWithATypeOfStringAndAnnotationsOnlyRefusesNoString() {
    assertThat(SchemaRegistry.refusesNoString(tree(new Schema<>()))).isTrue();
    assertThat(SchemaRegistry.refusesNoString(tree(new Schema<>().type("string").description("The meter")
        .example("m-1")))).isTrue();
  }

  @Test
  void anyConstraintOrReferenceOrOtherTypeCountsAsOne() {
    assertThat(SchemaRegistry.refusesNoString(tree(new Schema<>().type("string").maxLength(10)))).isFalse();
    assertThat(SchemaRegistry.refusesNoString(tree(new Schema<>().type("string").minLength(1)))).isFalse();
    assertThat(SchemaRegistry.refusesNoString(tree(new Schema<>().type("string").pattern("^a$")))).isFalse();
    assertThat(SchemaRegistry.refusesNoString(tree(new Schema<>().type("string").format("uuid")))).isFalse();
    assertThat(SchemaRegistry.refusesNoString(tree(new Schema<String>().type("string")._enum(List.of("a"))))).isFalse();
    assertThat(SchemaRegistry.refusesNoString(tree(new Schema<>().$ref("#/components/schemas/Color")))).isFalse();
    assertThat(SchemaRegistry.refusesNoString(tree(new Schema<>().type("integer")))).isFalse();
    assertThat(SchemaRegistry.refusesNoString(tree(new Schema<>().type("string").minimum(BigDecimal.ONE)))).isFalse();
  }

  @Test
  void requestIdAndTraceparentAreNeverCheckedAndPointersAreEscaped() {
    Operation.Parameter requestId = new Operation.Parameter("X-Request-ID", "header", false, 0, "string", null, false);
    Operation.Parameter traceparent = new Operation.Parameter("traceparent", "header", false, 0, "string", null, false);
    Operation.Parameter query = new Operation.Parameter("a/b~c", "query", false, 0, "string", null, true);

    assertThat(requestId.checked()).isFalse();
    assertThat(traceparent.checked()).isFalse();
    assertThat(query.checked()).isTrue();
    assertThat(query.pointer()).isEqualTo("#/query/a~1b~0c");
  }

  @Test
  void onlyStringOrUntypedParametersWithoutConstraintsSkipTheValidator() {
    assertThat(new Operation.Parameter("q", "query", false, 0, "string", null, true).takesEveryString()).isTrue();
    assertThat(new Operation.Parameter("q", "query", false, 0, null, null, true).takesEveryString()).isTrue();
    assertThat(new Operation.Parameter("q", "query", false, 0, "integer", null, true).takesEveryString()).isFalse();
    assertThat(new Operation.Parameter("q", "query", false, 0, "array", "string", true).takesEveryString()).isFalse();
    assertThat(new Operation.Parameter("q", "query", false, 0, "string", null, false).takesEveryString()).isFalse();
  }

  @Test
  void theSpecsConstrainedParametersAreValidatedAndItsIgnoredHeadersAreNot() throws URISyntaxException {
    SpecModel model = SpecModel.of(SpecLoader.defaults().load(
        Path.of(ParameterChecksTest.class.getResource("/things.yaml").toURI())));
    Map<String, Operation.Parameter> listThings = parameters(model, "listThings");
    Map<String, Operation.Parameter> createThing = parameters(model, "createThing");

    assertThat(listThings.get("X-Tenant").takesEveryString()).isFalse(); // maxLength
    assertThat(listThings.get("color").takesEveryString()).isFalse(); // $ref to an enum
    assertThat(parameters(model, "getThing").get("thingId").takesEveryString()).isFalse(); // format uuid
    assertThat(createThing.get("X-Request-ID").checked()).isFalse();
    assertThat(createThing.get("Idempotency-Key").checked()).isTrue();
  }

  private static Map<String, Operation.Parameter> parameters(SpecModel model, String operationId) {
    Operation operation = model.operations().stream().filter(o -> o.id().equals(operationId)).findFirst().orElseThrow();
    return operation.parameters().stream().collect(java.util.stream.Collectors.toMap(Operation.Parameter::name, p -> p));
  }

  private static com.fasterxml.jackson.databind.JsonNode tree(Schema<?> schema) {
    return Json.mapper().valueToTree(schema);
  }
}
