package org.lfenergy.sogno.sdk.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.codegen.CodegenConfigLoader;

class SognoJavaClientCodegenTest {

  @Test
  void openApiGeneratorFindsTheGeneratorByName() {
    assertThat(CodegenConfigLoader.forName("sogno-java")).isInstanceOf(SognoJavaClientCodegen.class);
  }

  @Test
  void baseSchemasAreMappedToSdkClassesNotGenerated(@TempDir Path output) throws Exception {
    List<File> files = generateGrid(output);

    assertThat(files).extracting(File::getName)
        .contains("Grid.java", "GridKind.java", "GridsApi.java", "PowerflowsApi.java")
        .doesNotContain("Job.java", "JobStatus.java", "JobLinks.java", "Link.java", "Problem.java",
            "ApiClient.java", "ApiException.java", "pom.xml", "README.md");
    String powerflows = Files.readString(output.resolve("org/example/client/api/PowerflowsApi.java"));
    assertThat(powerflows).contains("org.lfenergy.sogno.sdk.async.Job.class");
  }

  @Test
  void enumsAreClassesThatKeepUnknownValues(@TempDir Path output) throws Exception {
    generateGrid(output);

    String kind = Files.readString(output.resolve("org/example/client/model/GridKind.java"));
    assertThat(kind).contains("public final class GridKind", "public static GridKind of(String value)",
        "return new GridKind(value, false);").doesNotContain("enum GridKind");
  }

  @Test
  void generationPrintsNoBannerToStandardOutput(@TempDir Path output) throws Exception {
    PrintStream standardOut = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      generateGrid(output);
    } finally {
      System.setOut(standardOut);
    }

    assertThat(output.resolve("org/example/client/api/PowerflowsApi.java")).exists();
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void missingSpecIsAGenerationErrorNamingThePath(@TempDir Path output) {
    SognoGenerator generator = SognoGenerator.builder().basePackage("org.example").outputDirectory(output).build();

    assertThatThrownBy(() -> generator.generate(output.resolve("nowhere.yaml")))
        .isInstanceOf(GenerationException.class)
        .hasMessageContaining("nowhere.yaml");
  }

  @Test
  void packageMustBeAJavaPackageName() {
    assertThatThrownBy(() -> SognoGenerator.builder().basePackage("com.acme-grid"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("com.acme-grid");
  }

  private static List<File> generateGrid(Path output) {
    return SognoGenerator.builder()
        .basePackage("org.example.client")
        .outputDirectory(output)
        .build()
        .generate(Path.of("src/test/resources/specs/grid.yaml"));
  }
}
