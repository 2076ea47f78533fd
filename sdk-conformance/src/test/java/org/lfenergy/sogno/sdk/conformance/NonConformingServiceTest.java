package org.lfenergy.sogno.sdk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lfenergy.sogno.sdk.conformance.internal.CurlReplay;

/**
 * The deliberately non-conforming {@link LegacyThingsService} yields exactly the findings its
 * breaches call for, and each finding's {@code curl} line, run as a process against the service,
 * shows the same breach again.
 */
class NonConformingServiceTest {
  static final Path SPEC = Path.of(System.getProperty("sogno.conformance.basedir", "."))
      .resolve("src/test/resources/legacy-things.yaml");

  static LegacyThingsService service;
  static ConformanceReport report;

  @BeforeAll
  static void check() throws IOException {
    service = new LegacyThingsService();
    report = ConformanceChecker.builder()
        .baseUrl(service.baseUri().toString())
        .spec(SPEC)
        .config(ConformanceConfig.builder().seed(7).validRequestsPerOperation(10).build())
        .build()
        .check();
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void yieldsExactlyTheExpectedRules() {
    assertThat(report.ruleIds()).as(report.format())
        .containsExactlyInAnyOrder("SOGNO-300", "SOGNO-301", "SOGNO-305", "SOGNO-600", "SOGNO-603");
    assertThat(report.findings()).extracting(ConformanceFinding::check).as(report.format())
        .containsOnly(ConformanceCheck.WRONG_METHOD_IS_405, ConformanceCheck.ERRORS_ARE_PROBLEMS,
            ConformanceCheck.INVALID_REQUEST_REJECTED, ConformanceCheck.REQUEST_ID_ECHOED,
            ConformanceCheck.LONG_RUNNING_IS_JOB, ConformanceCheck.PREFER_WAIT_HONOURED)
        .contains(ConformanceCheck.INVALID_REQUEST_REJECTED, ConformanceCheck.ERRORS_ARE_PROBLEMS);
    assertThat(report.failed()).isTrue();
    assertThat(report.stoppedEarly()).isEmpty();
  }

  @Test
  void findingsNameExpectedAndActual() {
    assertThat(report.findings()).filteredOn(f -> f.check() == ConformanceCheck.INVALID_REQUEST_REJECTED)
        .anySatisfy(f -> assertThat(f.actual()).startsWith("500"))
        .anySatisfy(f -> assertThat(f.actual()).startsWith("200"));
    assertThat(report.findings()).filteredOn(f -> f.check() == ConformanceCheck.WRONG_METHOD_IS_405)
        .allSatisfy(f -> assertThat(f.actual()).startsWith("404").contains("without Allow"));
    assertThat(report.findings()).filteredOn(f -> f.check() == ConformanceCheck.REQUEST_ID_ECHOED)
        .allSatisfy(f -> assertThat(f.actual()).startsWith("2 "));
  }

  @Test
  void everyCurlReproductionShowsItsFindingAgain() throws Exception {
    assertThat(report.findings()).isNotEmpty().allSatisfy(finding -> {
      Process curl = new ProcessBuilder("sh", "-c", finding.curl()).redirectErrorStream(true).start();
      byte[] output = curl.getInputStream().readAllBytes();
      assertThat(curl.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(curl.exitValue()).as(new String(output, StandardCharsets.UTF_8)).isZero();
      assertThat(CurlReplay.reproduces(finding, output)).as(finding.format()).isTrue();
    });
  }

  @Test
  void shrinksAFailingGeneratedRequestToAMinimalOne(@TempDir Path dir) throws IOException {
    String withoutExample = Files.readString(SPEC).replaceAll("(?s)\\n      example:.*", "\n");
    Path spec = Files.writeString(dir.resolve("no-example.yaml"), withoutExample);

    ConformanceReport generatedOnly = ConformanceChecker.builder().baseUrl(service.baseUri().toString()).spec(spec)
        .config(ConformanceConfig.builder().seed(11).validRequestsPerOperation(5).build()).build().check();

    assertThat(generatedOnly.findings()).filteredOn(f -> f.check() == ConformanceCheck.LONG_RUNNING_IS_JOB)
        .singleElement().satisfies(f -> {
          String body = f.curl().replaceAll("(?s).*--data-binary '(.*)'$", "$1");
          JsonNode thing = new ObjectMapper().readTree(body);
          assertThat(thing.size()).as(body).isEqualTo(2);
          assertThat(thing.path("name").asText()).as(body).hasSize(1);
          assertThat(thing.path("size").asInt()).as(body).isEqualTo(1);
          assertThat(f.curl()).doesNotContain("Idempotency-Key");
        });
  }
}
