package org.lfenergy.sogno.sdk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /docs} in a real browser: Debian's {@code chromium}, headless, loads the page, runs Swagger UI's
 * JavaScript (which fetches the spec from the service) and dumps the DOM it built. The operations it
 * renders ({@code id="operations-<tag>-<operationId>"}, the paths) exist only after that JavaScript ran,
 * so the page works offline with the assets served from the jar. {@code .ci/run} installs chromium; where
 * none is on the {@code PATH} (or in {@code SOGNO_CHROMIUM}) the test is skipped with that reason.
 */
class ApiDocsInBrowserTest extends BothAdapters {
  private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");

  @TempDir Path profile;

  @Test
  void swaggerUiRendersEveryOperationOfTheSpec() throws Exception {
    Optional<String> browser = browser();
    assumeTrue(browser.isPresent(), "No chromium on the PATH (nor SOGNO_CHROMIUM): install it (apt-get install -y chromium) to run this test");

    String dom = dumpDom(browser.get(), http(Adapter.JDK).uri("/docs").toString());

    assertThat(dom).doesNotContain("ERR_");
    for (String operationId : List.of("createThing", "listThings", "getThing", "deleteThing", "startCalculation")) {
      assertThat(dom).as("rendered operation " + operationId).containsPattern("id=\"operations-[^\"]*-" + operationId + "\"");
    }
    assertThat(dom).contains("/v1/things").contains("opblock-summary-path");
  }

  private String dumpDom(String browser, String url) throws IOException, InterruptedException {
    Path out = profile.resolve("dom.html");
    Process chromium = new ProcessBuilder(browser, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--no-proxy-server", "--no-first-run", "--user-data-dir=" + profile.resolve("user"),
        "--virtual-time-budget=30000", "--dump-dom", url)
        .redirectOutput(out.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    if (!chromium.waitFor(3, TimeUnit.MINUTES)) {
      chromium.destroyForcibly();
      throw new IllegalStateException("chromium did not finish dumping " + url);
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  private static Optional<String> browser() {
    String configured = System.getenv("SOGNO_CHROMIUM");
    if (configured != null && !configured.isBlank()) {
      return Optional.of(configured);
    }
    String path = System.getenv().getOrDefault("PATH", "");
    return BROWSERS.stream()
        .flatMap(name -> Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, name)))
        .filter(Files::isExecutable)
        .map(Path::toString)
        .findFirst();
  }
}
