package org.lfenergy.sogno.sdk.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * OpenAPI 3.1 as FastAPI writes it: the rules read 3.1's shapes (type arrays, {@code anyOf} nullable
 * unions, {@code const}, webhooks) as they read 3.0's, and 3.1 itself is no finding.
 */
class OpenApi31LintTest {
  private static final Path SPEC = Path.of("src/test/resources/specs/fastapi-3.1.yaml");
  private final LintReport report = Linter.defaults().lint(SPEC);

  @Test
  void openApi31IsAllowed() {
    assertThat(report.ruleIds()).doesNotContain("SOGNO-100", "SOGNO-101");
  }

  @Test
  void anIntegerInATypeArrayOrAUnionNeedsAFormat() {
    assertThat(pointers("SOGNO-404")).containsExactlyInAnyOrder(
        "/components/schemas/ForecastRequest/properties/retries",
        "/components/schemas/ValidationError/properties/loc/items/anyOf/1");
  }

  @Test
  void aPointInTimeInANullableUnionNeedsDateTime() {
    assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("SOGNO-403")).singleElement()
        .satisfies(f -> {
          assertThat(f.pointer()).isEqualTo("/components/schemas/Forecast/properties/updatedAt/anyOf/0");
          assertThat(f.message()).contains("'updatedAt'");
        });
  }

  @Test
  void aConstIsAOneValueEnum() {
    assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("SOGNO-402")).singleElement()
        .satisfies(f -> {
          assertThat(f.pointer()).isEqualTo("/components/schemas/ForecastRequest/properties/unit/const");
          assertThat(f.message()).startsWith("Constant [kW] is not lowercase kebab-case");
        });
  }

  @Test
  void webhookSchemasFollowTheNamingRulesOnceEach() {
    assertThat(pointers("SOGNO-400")).containsExactly(
        "/webhooks/forecastReady/post/requestBody/content/application~1json/schema/properties/forecast_id");
  }

  @Test
  void aNullableUnionReportsItsPropertyOnceNotPerBranch() {
    assertThat(report.findings()).filteredOn(f -> f.pointer().contains("/quantile")).isEmpty();
    assertThat(report.findings()).filteredOn(f -> f.pointer().contains("/updatedAt")).hasSize(1);
  }

  private List<String> pointers(String ruleId) {
    return report.findings().stream().filter(f -> f.ruleId().equals(ruleId)).map(Finding::pointer).toList();
  }
}
