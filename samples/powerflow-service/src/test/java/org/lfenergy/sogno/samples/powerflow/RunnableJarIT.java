package org.lfenergy.sogno.samples.powerflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, as an operator runs it: {@code java -jar target/<artifactId>-<version>.jar} with
 * {@code SOGNO_HTTP_PORT} in a child JVM. It logs where it listens, prints no SLF4J warning (the service
 * brings its logging binding) and answers as the runtime does.
 */
class RunnableJarIT {
  @TempDir Path dir;

  @Test
  void theJarStartsOnTheConfiguredPortAndAnswersThroughTheRuntime() throws Exception {
    int port = ServiceJar.freePort();
    ServiceJar service = ServiceJar.start(port, Map.of("SOGNO_AUTH_DISABLED", "true", // development mode: loopback only
        "SOGNO_JOBS_DIR", dir.resolve("jobs").toString()), dir.resolve("service.log"));
    try {
      HttpTestClient client = new HttpTestClient(service.baseUri());
      HttpTestClient.Response wrongMethod = client.send("/v1/powerflows", "PUT", null, null);
      HttpTestClient.Response docs = client.get("/docs");

      assertThat(wrongMethod.status()).isEqualTo(405);
      assertThat(wrongMethod.header("Allow")).isEqualTo("POST");
      assertThat(wrongMethod.headers().entrySet()).filteredOn(h -> h.getKey().equalsIgnoreCase("X-Request-ID"))
          .singleElement().satisfies(h -> assertThat(h.getValue()).hasSize(1));
      assertThat(docs.status()).isEqualTo(200);
    } finally {
      service.stop();
    }
    assertThat(service.output()).contains("power-flow service listening on http://127.0.0.1:" + port + "/")
        .contains("jobs in JobStoreConfig[embedded in " + dir.resolve("jobs") + "]")
        .doesNotContain("SLF4J(W)").doesNotContain("SLF4J: ");
  }

  @Test
  void aBadVariableStopsTheJarWithOneLineNamingIt() throws Exception {
    Path log = dir.resolve("refused.log");
    int exit = ServiceJar.runToExit(ServiceJar.freePort(), Map.of("SOGNO_HTTP_PORT", "http", "SOGNO_AUTH_DISABLED", "true",
        "SOGNO_JOBS_DIR", dir.resolve("jobs").toString()), log);

    assertThat(exit).isEqualTo(1);
    assertThat(Files.readString(log))
        .contains("power-flow service did not start: SOGNO_HTTP_PORT must be an integer, got 'http'")
        .as("no stack trace").doesNotContain("\tat ");
  }
}
