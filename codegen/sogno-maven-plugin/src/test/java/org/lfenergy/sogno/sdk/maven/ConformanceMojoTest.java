package org.lfenergy.sogno.sdk.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sogno:conformance against a loopback service that answers every error as plain application/json. */
class ConformanceMojoTest {
  private static final File SAMPLE_SPEC = new File("../../samples/powerflow-service/src/main/resources/openapi.yaml");

  @TempDir Path target;
  private final MojoFixture.RecordingLog log = new MojoFixture.RecordingLog();
  private HttpServer service;

  @BeforeEach
  void start() throws IOException {
    service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    service.createContext("/", exchange -> {
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        boolean health = exchange.getRequestURI().getPath().startsWith("/health/");
        byte[] body = (health ? "{\"status\":\"up\"}" : "{\"error\":\"bad\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(health ? 200 : 400, body.length);
        exchange.getResponseBody().write(body);
      }
    });
    service.start();
  }

  @AfterEach
  void stop() {
    service.stop(0);
  }

  @Test
  void mustFindingsFailTheBuildWithCurlReproductionsAndASarifReport() throws IOException {
    ConformanceMojo mojo = conformance(url(), 200);

    assertThatThrownBy(mojo::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("MUST finding(s) checking " + url());
    assertThat(log.lines).anyMatch(line -> line.startsWith("[ERROR] SOGNO-301 MUST ") && line.contains("reproduce: curl"));
    assertThat(Files.readString(target.resolve("conformance.sarif"))).contains("\"sogno-conformance\"", "SOGNO-301");
  }

  @Test
  void nothingAnsweringIsAnExecutionError() {
    String closed = url();
    service.stop(0);

    assertThatThrownBy(conformance(closed, 10)::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("Nothing answers at " + closed);
  }

  @Test
  void invalidSettingsAreRejectedNamingThem() {
    assertThatThrownBy(conformance(url(), 0)::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("requestBudget must be at least 1: 0");
  }

  private String url() {
    return "http://127.0.0.1:" + service.getAddress().getPort();
  }

  private ConformanceMojo conformance(String url, int budget) {
    ConformanceMojo mojo = new ConformanceMojo();
    MojoFixture.with(mojo, "url", url);
    MojoFixture.with(mojo, "spec", SAMPLE_SPEC);
    MojoFixture.with(mojo, "budget", budget);
    MojoFixture.with(mojo, "timeLimit", "PT1M");
    MojoFixture.with(mojo, "seed", 1L);
    MojoFixture.with(mojo, "report", target.resolve("conformance.sarif").toFile());
    mojo.setLog(log);
    return mojo;
  }
}
