package org.lfenergy.sogno.sdk.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The spec and Swagger UI, served from the class path (no CDN), over a socket on both adapters. */
class ApiDocsOverSocketTest extends BothAdapters {

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void servesTheSelfContainedSpecAsYamlAndJson(Adapter adapter) {
    HttpResponse<byte[]> yaml = http(adapter).get("/openapi.yaml");
    HttpResponse<byte[]> json = http(adapter).get("/openapi.json");

    assertThat(yaml.statusCode()).isEqualTo(200);
    assertContentType(yaml, "application/yaml; charset=utf-8");
    assertThat(Http.text(yaml)).contains("operationId: createThing", "Job:").doesNotContain("sogno-platform.github.io/sogno-api");
    assertThat(json.statusCode()).isEqualTo(200);
    assertContentType(json, "application/json");
    assertThat(Http.json(json)).containsKey("paths");
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void servesSwaggerUiWithItsAssetsPointedAtTheSpec(Adapter adapter) {
    HttpResponse<byte[]> page = http(adapter).get("/docs");

    assertThat(page.statusCode()).isEqualTo(200);
    assertContentType(page, "text/html; charset=utf-8");
    assertThat(Http.text(page)).contains("docs/swagger-ui-bundle.js").doesNotContain("http://", "https://");
    assertAsset(adapter, "/docs/swagger-ui-bundle.js", "text/javascript; charset=utf-8", "SwaggerUIBundle");
    assertAsset(adapter, "/docs/swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8", "SwaggerUIStandalonePreset");
    assertAsset(adapter, "/docs/swagger-ui.css", "text/css; charset=utf-8", ".swagger-ui");
    assertAsset(adapter, "/docs/swagger-initializer.js", "text/javascript; charset=utf-8", "\"openapi.yaml\"");
    assertContentType(http(adapter).get("/docs/favicon-32x32.png"), "image/png");
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void servesNoOtherFileOfTheClassPath(Adapter adapter) {
    assertThat(http(adapter).get("/docs/../META-INF/MANIFEST.MF").statusCode()).isEqualTo(404);
    assertThat(http(adapter).get("/docs/swagger-ui.js.map").statusCode()).isEqualTo(404);
    assertThat(http(adapter).get("/docs/oauth2-redirect.html").statusCode()).isEqualTo(404);
  }

  /** Jetty writes {@code text/html;charset=utf-8}, the JDK server what it was given: compare without spaces. */
  private static void assertContentType(HttpResponse<byte[]> response, String expected) {
    assertThat(response.headers().firstValue("Content-Type").map(type -> type.replace(" ", "")))
        .as(response.uri().getPath()).hasValue(expected.replace(" ", ""));
  }

  private void assertAsset(Adapter adapter, String path, String contentType, String content) {
    HttpResponse<byte[]> asset = http(adapter).get(path);
    assertThat(asset.statusCode()).as(path).isEqualTo(200);
    assertContentType(asset, contentType);
    assertThat(Http.text(asset)).as(path).contains(content);
  }
}
