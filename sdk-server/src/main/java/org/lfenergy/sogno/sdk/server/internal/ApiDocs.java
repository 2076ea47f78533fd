package org.lfenergy.sogno.sdk.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service's API documentation: the spec at {@code /openapi.yaml} and {@code /openapi.json}, and
 * Swagger UI at {@code /docs}, its assets read from the {@code org.webjars:swagger-ui} jar on the
 * class path (no CDN: works offline). Only a fixed list of asset names is served. Every URL in the
 * page is relative, so it works behind a proxy that adds a path prefix.
 */
final class ApiDocs {
  private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
  private static final Map<String, String> ASSETS = Map.of(
      "swagger-ui.css", "text/css; charset=utf-8",
      "index.css", "text/css; charset=utf-8",
      "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
      "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8",
      "favicon-32x32.png", "image/png",
      "favicon-16x16.png", "image/png");
  private static final String PAGE = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
        <meta charset="utf-8">
        <title>API documentation</title>
        <link rel="stylesheet" href="docs/swagger-ui.css">
        <link rel="stylesheet" href="docs/index.css">
        <link rel="icon" type="image/png" href="docs/favicon-32x32.png" sizes="32x32">
      </head>
      <body>
        <div id="swagger-ui"></div>
        <script src="docs/swagger-ui-bundle.js" charset="UTF-8"></script>
        <script src="docs/swagger-ui-standalone-preset.js" charset="UTF-8"></script>
        <script src="docs/swagger-initializer.js" charset="UTF-8"></script>
      </body>
      </html>
      """;
  private static final String INITIALIZER = """
      window.onload = function () {
        window.ui = SwaggerUIBundle({
          url: new URL("openapi.yaml", document.baseURI).href,
          dom_id: "#swagger-ui",
          deepLinking: true,
          presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
          plugins: [SwaggerUIBundle.plugins.DownloadUrl],
          layout: "StandaloneLayout"
        });
      };
      """;

  /** A static file: its bytes and media type. */
  record Asset(byte[] body, String contentType) {}

  private final Map<String, Asset> cache = new ConcurrentHashMap<>();
  private final String version;

  ApiDocs(String yaml, String json) {
    this.version = webjarVersion();
    cache.put("/openapi.yaml", new Asset(yaml.getBytes(StandardCharsets.UTF_8), "application/yaml; charset=utf-8"));
    cache.put("/openapi.json", new Asset(json.getBytes(StandardCharsets.UTF_8), "application/json"));
    cache.put("/docs", new Asset(PAGE.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8"));
    cache.put("/docs/swagger-initializer.js",
        new Asset(INITIALIZER.getBytes(StandardCharsets.UTF_8), "text/javascript; charset=utf-8"));
  }

  /** The asset at {@code path}, if this serves one there. */
  Optional<Asset> find(String path) {
    Asset known = cache.get(path);
    if (known != null) {
      return Optional.of(known);
    }
    if (!path.startsWith("/docs/") || !ASSETS.containsKey(path.substring("/docs/".length()))) {
      return Optional.empty();
    }
    String name = path.substring("/docs/".length());
    return Optional.of(cache.computeIfAbsent(path, p -> new Asset(read(WEBJAR + version + "/" + name), ASSETS.get(name))));
  }

  private static String webjarVersion() {
    Properties properties = new Properties();
    try (InputStream in = resource("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the swagger-ui webjar's version", e);
    }
    return properties.getProperty("version");
  }

  private static byte[] read(String name) {
    try (InputStream in = resource(name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + name, e);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = ApiDocs.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IOException(name + " is not on the class path (is org.webjars:swagger-ui missing?)");
    }
    return in;
  }
}
