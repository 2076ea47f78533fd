package org.lfenergy.sogno.sdk.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenAPI 3.1 end to end: the FastAPI-style spec the linter's tests read (type arrays with
 * {@code 'null'}, {@code anyOf} nullable unions, {@code const}, {@code examples}, a {@code $ref} with
 * siblings, a webhook, FastAPI's {@code HTTPValidationError}) generates a client that compiles with
 * every lint warning an error, and whose models read nullable members as the types they stand for.
 */
class OpenApi31Test {
  private static final Path SPEC = Path.of("../sogno-lint/src/test/resources/specs/fastapi-3.1.yaml");

  @TempDir static Path dir;
  private static List<File> sources;

  @BeforeAll
  static void generate() throws IOException {
    List<File> written = SognoGenerator.builder().basePackage("org.example.forecast")
        .outputDirectory(dir.resolve("src")).build().generate(SPEC);
    sources = written.stream().filter(f -> f.getName().endsWith(".java")).collect(Collectors.toList());
  }

  @Test
  void theClientCompilesWithoutWarnings() throws IOException {
    assertThat(GeneratedCodeCompilesTest.compile(sources, dir.resolve("classes"), List.of("-Xlint:all", "-Werror")))
        .isEmpty();
  }

  @Test
  void nullableUnionsBecomeTheTypesTheyStandFor() throws IOException {
    String forecast = source("Forecast.java");
    String request = source("ForecastRequest.java");

    assertThat(forecast).contains("private OffsetDateTime createdAt").contains("private List<Double> values");
    assertThat(request).contains("private Double quantile").contains("private Integer retries")
        .contains("private Integer horizonHours");
  }

  @Test
  void fastApisValidationErrorIsAModel() throws IOException {
    assertThat(source("HTTPValidationError.java")).contains("List<ValidationError> detail");
    assertThat(source("ForecastsApi.java")).contains("listForecasts(").contains("createForecast(");
  }

  private static String source(String name) throws IOException {
    File file = sources.stream().filter(f -> f.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError(name + " not generated; generated: " + sources));
    return Files.readString(file.toPath());
  }
}
