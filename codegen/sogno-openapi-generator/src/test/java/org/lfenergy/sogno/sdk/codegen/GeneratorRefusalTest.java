package org.lfenergy.sogno.sdk.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A spec the loader reports anything for is refused with the loader's located findings; nothing
 * from inside OpenAPI Generator, no model dump, no file written, no URL fetched.
 */
class GeneratorRefusalTest {

  @TempDir Path dir;

  @Test
  void swagger2ParametersWithoutANameAreRefusedWithTheLoaderFindings() throws IOException {
    Path spec = malformedSwagger2();

    assertThatThrownBy(() -> generate(spec))
        .isInstanceOf(GenerationException.class)
        .hasMessageMatching("(?s).*SOGNO-101 MUST " + java.util.regex.Pattern.quote(spec.toString()) + ":\\d+ attribute.*")
        .hasMessageContaining(".name is missing")
        .hasMessageNotContaining("Schemas:")
        .hasMessageNotContaining("Exception")
        .hasNoCause();
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void whatStillEscapesOpenApiGeneratorIsOneLineNamingTheOperationWithoutTheModelDump() throws IOException {
    Path spec = malformedSwagger2();
    io.swagger.v3.oas.models.OpenAPI model = org.lfenergy.sogno.sdk.lint.SpecLoader.defaults().load(spec).openApi()
        .orElseThrow(); // bypasses the refusal: the model OpenAPI Generator crashed on in issue #21

    assertThatThrownBy(() -> SognoGenerator.builder().basePackage("org.example.refused")
        .outputDirectory(dir.resolve("out")).build().generate(model, spec))
        .isInstanceOf(GenerationException.class)
        .hasMessageStartingWith("Could not generate a client from " + spec + ". " + spec
            + ": operation 'replaceUpload' (put /v1/uploads/{uploadId}): NullPointerException: ")
        .hasMessageNotContaining("Schemas")
        .hasMessageNotContaining("\n")
        .cause().isInstanceOf(NullPointerException.class);
  }

  @Test
  void theRealFileServiceSpecIsRefusedWithItsLocatedLoadingProblems() {
    Path spec = Path.of("src/test/resources/platform-specs/file-service.swagger.yaml");

    assertThatThrownBy(() -> generate(spec))
        .isInstanceOf(GenerationException.class)
        .hasMessageMatching("(?s).*SOGNO-101 MUST " + java.util.regex.Pattern.quote(spec.toString()) + ":\\d+ .*");
  }

  @ParameterizedTest
  @ValueSource(strings = {"openapi: 3.0.3", "swagger: '2.0'"})
  void specsReferringToUrlsAreRefusedWithoutASingleRequest(String version) throws IOException {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      requests.incrementAndGet();
      exchange.sendResponseHeaders(500, -1);
      exchange.close();
    });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/grid.yaml#/Grid";
      String schemas = version.startsWith("swagger") ? "definitions:" : "components:\n  schemas:";
      Path spec = Files.writeString(dir.resolve("remote.yaml"), version + "\n"
          + "info: {title: Grids, version: 1.0.0}\npaths: {}\n" + schemas + "\n    Grid:\n      $ref: '" + url + "'\n");

      assertThatThrownBy(() -> generate(spec))
          .isInstanceOf(GenerationException.class)
          .hasMessageContaining("SOGNO-101 MUST " + spec + ":")
          .hasMessageContaining("Remote reference '" + url + "' is not fetched");
      assertThat(requests).hasValue(0);
    } finally {
      server.stop(0);
    }
  }

  private Path malformedSwagger2() throws IOException {
    return Files.writeString(dir.resolve("malformed.swagger.yaml"), """
        swagger: '2.0'
        info: {title: Uploads, version: 2.1.0}
        basePath: /api
        paths:
          /v1/uploads/{uploadId}:
            parameters:
              - {in: path, required: true, type: string}
            put:
              operationId: replaceUpload
              parameters:
                - {in: header, type: string}
                - {in: body, schema: {type: string}}
              responses:
                '200': {description: ok, schema: {type: string}}
        """);
  }

  private void generate(Path spec) {
    SognoGenerator.builder().basePackage("org.example.refused").outputDirectory(dir.resolve("out")).build()
        .generate(spec);
  }
}
