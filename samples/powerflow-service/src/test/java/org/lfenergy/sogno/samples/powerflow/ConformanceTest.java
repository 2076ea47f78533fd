package org.lfenergy.sogno.samples.powerflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lfenergy.sogno.sdk.conformance.ConformanceChecker;
import org.lfenergy.sogno.sdk.conformance.ConformanceConfig;
import org.lfenergy.sogno.sdk.conformance.ConformanceReport;
import org.lfenergy.sogno.sdk.testkit.auth.TestIssuer;

/**
 * The running service keeps its spec and the API guidelines: sdk-conformance sends generated valid
 * and invalid requests (and some without a token) and finds nothing at MUST level.
 */
class ConformanceTest {
  @TempDir Path jobsDir;

  @Test
  void theRunningServiceHasNoMustFindings() {
    try (TestIssuer issuer = TestIssuer.forAudience(ServiceConfig.DEFAULT_AUDIENCE)) {
      Map<String, String> env = new HashMap<>(issuer.environment());
      env.putAll(Map.of("SOGNO_HTTP_HOST", "127.0.0.1", "SOGNO_HTTP_PORT", "0", "SOGNO_JOBS_DIR", jobsDir.toString()));
      try (PowerFlowService service = PowerFlowService.start(ServiceConfig.fromEnvironment(env))) {
        ConformanceReport report = ConformanceChecker.builder()
            .baseUrl(service.baseUri().toString())
            .spec(Path.of("src/main/resources/openapi.yaml"))
            .bearerToken(issuer.token("conformance").scopes("powerflow.read", "powerflow.write").sign())
            .config(ConformanceConfig.builder().seed(11).requestBudget(600).build())
            .build()
            .check();

        assertThat(report.failures()).as(report.format()).isEmpty();
        assertThat(report.requestsSent()).isGreaterThan(50);
      }
    }
  }
}
