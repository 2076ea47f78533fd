package org.lfenergy.sogno.sdk.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code x-sogno-job-result} names a schema; the {@code begin…} method's result type is that schema's
 * model, or what the schema stands for when it is an alias, for which no model class exists.
 */
class JobResultTypeTest {

  @TempDir Path dir;

  @Test
  void aResultSchemaThatIsAnObjectBecomesItsModel() throws IOException {
    String api = generateAndCompile("type: object\n      properties:\n        converged: {type: boolean}");

    assertThat(api).contains("JobHandle<PowerflowResult> beginRunPowerflow(")
        .contains("import org.example.jobs.model.PowerflowResult;");
  }

  @Test
  void aResultSchemaThatAliasesAStringBecomesStringAndImportsNoModel() throws IOException {
    // a spec with a duplicate key: the later `type: string` wins, so no model class is generated
    String api = generateAndCompile("type: object\n      properties:\n        converged: {type: boolean}\n      type: string");

    assertThat(api).contains("JobHandle<String> beginRunPowerflow(").doesNotContain("model.PowerflowResult");
  }

  @Test
  void aResultNamingNoSchemaIsRefusedWithALocatedMessage() throws IOException {
    Path spec = Files.writeString(dir.resolve("jobs.yaml"), spec("type: object").replace(
        "x-sogno-job-result: PowerflowResult", "x-sogno-job-result: NoSuchSchema"));

    assertThatThrownBy(() -> generator().generate(spec))
        .isInstanceOf(GenerationException.class)
        .hasMessageContaining(spec.toString())
        .hasMessageContaining("x-sogno-job-result names 'NoSuchSchema'")
        .hasMessageNotContaining("\n");
  }

  private String generateAndCompile(String resultSchema) throws IOException {
    Path spec = Files.writeString(dir.resolve("jobs.yaml"), spec(resultSchema));
    List<File> written = generator().generate(spec);
    List<File> sources = written.stream().filter(f -> f.getName().endsWith(".java")).collect(Collectors.toList());
    assertThat(GeneratedCodeCompilesTest.compile(sources, dir.resolve("classes"), List.of("-nowarn")))
        .noneMatch(diagnostic -> diagnostic.contains("error:"));
    File api = sources.stream().filter(f -> f.getName().equals("PowerflowsApi.java")).findFirst().orElseThrow();
    return Files.readString(api.toPath());
  }

  private SognoGenerator generator() {
    return SognoGenerator.builder().basePackage("org.example.jobs").outputDirectory(dir.resolve("src")).build();
  }

  private static String spec(String resultSchema) {
    return "openapi: 3.0.3\n"
        + "info: {title: Jobs, version: 1.0.0}\n"
        + "paths:\n"
        + "  /v1/powerflows:\n"
        + "    post:\n"
        + "      tags: [powerflows]\n"
        + "      operationId: runPowerflow\n"
        + "      x-sogno-job-result: PowerflowResult\n"
        + "      responses:\n"
        + "        '202':\n"
        + "          description: Accepted; follow the job.\n"
        + "          content:\n"
        + "            application/json:\n"
        + "              schema: {$ref: 'https://sogno-platform.github.io/sogno-api/base/v1/openapi.yaml#/components/schemas/Job'}\n"
        + "components:\n"
        + "  schemas:\n"
        + "    PowerflowResult:\n"
        + "      " + resultSchema + "\n";
  }
}
