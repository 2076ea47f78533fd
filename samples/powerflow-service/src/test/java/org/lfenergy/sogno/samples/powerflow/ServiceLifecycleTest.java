package org.lfenergy.sogno.samples.powerflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceLifecycleTest {
  @TempDir Path jobsDir;

  private ServiceConfig loopback() {
    return ServiceConfig.fromEnvironment(Map.of(
        "SOGNO_HTTP_HOST", "127.0.0.1", "SOGNO_HTTP_PORT", "0",
        "SOGNO_AUTH_DISABLED", "true", "SOGNO_SHUTDOWN_GRACE", "PT2S", "SOGNO_JOBS_DIR", jobsDir.toString()));
  }

  @Test
  void closingStopsServingAndIsIdempotent() {
    PowerFlowService service = PowerFlowService.start(loopback());
    HttpTestClient client = new HttpTestClient(service.baseUri());
    assertThat(client.get("/health/ready").status()).isEqualTo(200);

    service.close();
    service.close();

    assertThatThrownBy(() -> client.get("/health/live")).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void refusesBodiesLargerThanConfiguredWithAProblem() {
    ServiceConfig small = ServiceConfig.fromEnvironment(Map.of("SOGNO_HTTP_HOST", "127.0.0.1",
        "SOGNO_HTTP_PORT", "0", "SOGNO_AUTH_DISABLED", "true", "SOGNO_MAX_REQUEST_BYTES", "1000",
        "SOGNO_JOBS_DIR", jobsDir.toString()));
    try (PowerFlowService service = PowerFlowService.start(small)) {
      HttpTestClient.Response answer = new HttpTestClient(service.baseUri())
          .postJson("/v1/powerflows", Ieee14.requestBody());

      assertThat(answer.status()).isEqualTo(413);
      assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
      assertThat(answer.json().get("code")).isEqualTo("content-too-large");
    }
  }

  @Test
  void refusesToStartWithoutAnIssuerOrDevelopmentModeNamingTheVariables() {
    ServiceConfig unsecured = ServiceConfig.fromEnvironment(Map.of("SOGNO_HTTP_HOST", "127.0.0.1", "SOGNO_HTTP_PORT", "0",
        "SOGNO_JOBS_DIR", jobsDir.toString()));

    assertThatThrownBy(() -> PowerFlowService.start(unsecured))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SOGNO_AUTH_ISSUER").hasMessageContaining("SOGNO_AUTH_AUDIENCE")
        .hasMessageContaining("SOGNO_AUTH_DISABLED").hasMessageContaining("startPowerFlow");
  }

  @Test
  void developmentModeRefusesToStartOnANonLoopbackAddress() {
    ServiceConfig everywhere = ServiceConfig.fromEnvironment(Map.of("SOGNO_HTTP_HOST", "0.0.0.0", "SOGNO_HTTP_PORT", "0",
        "SOGNO_AUTH_DISABLED", "true", "SOGNO_JOBS_DIR", jobsDir.toString()));

    assertThatThrownBy(() -> PowerFlowService.start(everywhere))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("SOGNO_AUTH_DISABLED");
  }

  @Test
  void refusesToStartOnAPortInUseAndLeavesNothingRunning(@TempDir Path otherJobs) {
    try (PowerFlowService first = PowerFlowService.start(loopback())) {
      ServiceConfig samePort = loopback().withPort(first.port()).withJobStore(JobStoreConfig.embedded(otherJobs));

      assertThatThrownBy(() -> PowerFlowService.start(samePort))
          .hasMessageContaining(Integer.toString(first.port()));
      assertThat(new HttpTestClient(first.baseUri()).get("/health/live").status()).isEqualTo(200);
    }
  }
}
