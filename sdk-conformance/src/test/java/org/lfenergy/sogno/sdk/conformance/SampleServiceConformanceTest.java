package org.lfenergy.sogno.sdk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.conformance.testing.SampleService;
import org.lfenergy.sogno.sdk.server.ServerConfig;
import org.lfenergy.sogno.sdk.server.auth.AuthConfig;
import org.lfenergy.sogno.sdk.server.jdk.JdkServer;
import org.lfenergy.sogno.sdk.testkit.auth.TestIssuer;

/**
 * The sample power-flow service's spec ({@code samples/powerflow-service}), served by sdk-server on
 * the JDK server with response validation on and a job answering a fixed converged result, checked
 * end to end: the SDK's server side conforms to the spec and the guidelines.
 */
class SampleServiceConformanceTest {
  static final Path SAMPLE_SPEC = SampleService.spec(Path.of(System.getProperty("sogno.conformance.basedir", ".")));

  @Test
  void sampleSpecWithoutSecurityHasNoMustFindings(@TempDir Path dir) {
    Path spec = withoutSecurity(dir);

    ConformanceReport report = withSampleService(spec, url -> ConformanceChecker.builder().baseUrl(url).spec(spec)
        .config(ConformanceConfig.builder().seed(19).build()).build().check());

    assertThat(report.failures()).as(report.format()).isEmpty();
    assertThat(report.stoppedEarly()).isEmpty();
    assertThat(report.requestsSent()).isGreaterThan(50);
  }

  /**
   * The spec as written, with its global bearer security enforced by sdk-server against a test
   * issuer's keys: the checker calls with a valid token, and sends its requests without one to see
   * the 401 challenge.
   */
  @Test
  void sampleSpecAsWrittenWithAuthenticationHasNoMustFindings() {
    try (TestIssuer issuer = TestIssuer.forAudience("powerflow")) {
      ServerConfig secured = ServerConfig.builder().host("127.0.0.1").port(0).validateResponses(true)
          .auth(AuthConfig.fromEnvironment(issuer.environment())).build();
      String token = issuer.token("conformance-check").scopes("powerflow.read", "powerflow.write").sign();

      ConformanceReport report = withSampleService(SAMPLE_SPEC, secured, url -> ConformanceChecker.builder()
          .baseUrl(url).spec(SAMPLE_SPEC).bearerToken(token)
          .config(ConformanceConfig.builder().seed(20).validRequestsPerOperation(5).build()).build().check());

      assertThat(report.failures()).as(report.format()).isEmpty();
      assertThat(report.stoppedEarly()).isEmpty();
    }
  }

  static Path withoutSecurity(Path dir) {
    return SampleService.withoutSecurity(SAMPLE_SPEC, dir.resolve("powerflow-without-security.yaml"));
  }

  /** Serves {@code spec} with the sample's operation while {@code check} runs against its base URL. */
  static <T> T withSampleService(Path spec, Function<String, T> check) {
    return withSampleService(spec, ServerConfig.builder().host("127.0.0.1").port(0).validateResponses(true).build(), check);
  }

  static <T> T withSampleService(Path spec, ServerConfig config, Function<String, T> check) {
    try (JobManager jobs = JobManager.builder().build();
        JdkServer running = JdkServer.start(SampleService.server(spec, config, jobs))) {
      return check.apply(running.baseUri().toString());
    }
  }
}
