package org.lfenergy.sogno.samples.powerflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, as an operator runs it: {@code java -jar target/<artifactId>-<version>.jar} with
 * {@code SOGNO_HTTP_PORT} in a child JVM. It logs where it listens, prints no SLF4J warning (the service
 * brings its logging binding) and answers as the runtime does.
 */
class RunnableJarIT {
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dir;

  @Test
  void theJarStartsOnTheConfiguredPortAndAnswersThroughTheRuntime() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path log = dir.resolve("service.log");
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", System.getProperty("powerflow.jar")).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SOGNO_HTTP_PORT", String.valueOf(port));
    builder.environment().put("SOGNO_HTTP_HOST", "127.0.0.1");
    builder.environment().put("SOGNO_AUTH_DISABLED", "true"); // development mode: loopback only
    Process service = builder.start();
    try {
      URI base = URI.create("http://127.0.0.1:" + port);
      await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
          .until(() -> send(HttpRequest.newBuilder(base.resolve("/health/ready"))).statusCode() == 200);

      HttpResponse<String> wrongMethod = send(HttpRequest.newBuilder(base.resolve("/v1/powerflows")).PUT(
          HttpRequest.BodyPublishers.noBody()));
      HttpResponse<String> docs = send(HttpRequest.newBuilder(base.resolve("/docs")));

      assertThat(wrongMethod.statusCode()).isEqualTo(405);
      assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
      assertThat(wrongMethod.headers().allValues("X-Request-ID")).hasSize(1);
      assertThat(docs.statusCode()).isEqualTo(200);
    } finally {
      service.destroy();
      service.waitFor();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(output).contains("power-flow service listening on http://127.0.0.1:" + port + "/")
        .doesNotContain("SLF4J(W)").doesNotContain("SLF4J: ");
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
