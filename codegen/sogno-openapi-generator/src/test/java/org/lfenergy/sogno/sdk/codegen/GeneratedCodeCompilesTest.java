package org.lfenergy.sogno.sdk.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Clients and server sides generated from the test specs (polymorphic models included) and from the real
 * DPsim API spec (OpenAPI 3.0)
 * compile with every lint warning turned into an error. (The real Swagger 2.0 file service spec has loading problems and is
 * refused: {@code GeneratorRefusalTest}.)
 */
class GeneratedCodeCompilesTest {

  @ParameterizedTest
  @ValueSource(strings = {"specs/grid.yaml", "specs/polymorphism.yaml", "platform-specs/dpsim-api.openapi.json"})
  void generatedClientCompilesUnderXlintAllWerror(String spec, @TempDir Path output) throws IOException {
    List<File> files = SognoGenerator.builder()
        .basePackage("org.example.client")
        .outputDirectory(output.resolve("src"))
        .build()
        .generate(Path.of("src/test/resources", spec));

    List<File> sources = files.stream().filter(f -> f.getName().endsWith(".java")).collect(Collectors.toList());
    assertThat(sources).isNotEmpty();
    assertThat(compile(sources, output.resolve("classes"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"specs/grid.yaml", "specs/polymorphism.yaml", "platform-specs/dpsim-api.openapi.json"})
  void generatedServerCompilesUnderXlintAllWerror(String spec, @TempDir Path output) throws IOException {
    List<File> files = SognoGenerator.builder()
        .server()
        .basePackage("org.example.service")
        .outputDirectory(output.resolve("src"))
        .build()
        .generate(Path.of("src/test/resources", spec));

    List<File> sources = files.stream().filter(f -> f.getName().endsWith(".java")).collect(Collectors.toList());
    assertThat(sources).anyMatch(f -> f.getName().endsWith("Handler.java"));
    assertThat(compile(sources, output.resolve("classes"))).isEmpty();
  }

  @Test
  void anOperationWithSeveralTagsIsInItsFirstTagsHandlerOnly(@TempDir Path output) throws IOException {
    Path spec = java.nio.file.Files.writeString(output.resolve("tagged.yaml"), String.join("\n",
        "openapi: 3.0.3",
        "info: {title: Tagged, version: 1.0.0}",
        "paths:",
        "  /v1/things:",
        "    get:",
        "      tags: [things, inventory]",
        "      operationId: listThings",
        "      responses: {'204': {description: none}}",
        "  /v1/stock:",
        "    get:",
        "      tags: [inventory]",
        "      operationId: countStock",
        "      responses: {'204': {description: none}}",
        ""));

    List<File> files = SognoGenerator.builder().server().basePackage("org.example.tagged")
        .outputDirectory(output.resolve("src")).build().generate(spec);

    Path server = output.resolve("src/org/example/tagged/server");
    assertThat(java.nio.file.Files.readString(server.resolve("ThingsHandler.java"))).contains("listThings(");
    assertThat(java.nio.file.Files.readString(server.resolve("InventoryHandler.java")))
        .contains("countStock(").doesNotContain("listThings");
    assertThat(compile(files.stream().filter(f -> f.getName().endsWith(".java")).collect(Collectors.toList()),
        output.resolve("classes"))).isEmpty();
  }

  /** Compiles with the test class path (sdk-core, sdk-async, Jackson) and returns the diagnostics. */
  static List<String> compile(List<File> sources, Path classes) throws IOException {
    return compile(sources, classes, List.of("-Xlint:all", "-Werror"));
  }

  /** Compiles with {@code lint} options and the test class path and returns the diagnostics. */
  static List<String> compile(List<File> sources, Path classes, List<String> lint) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      classes.toFile().mkdirs();
      List<String> options = new java.util.ArrayList<>(lint);
      options.addAll(List.of("-proc:none", "--release", "17",
          "-classpath", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
          "-d", classes.toString()));
      compiler.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromFiles(sources)).call();
    }
    return diagnostics.getDiagnostics().stream().map(Object::toString).collect(Collectors.toList());
  }
}
