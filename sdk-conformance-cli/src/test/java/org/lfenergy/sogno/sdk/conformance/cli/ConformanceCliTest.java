package org.lfenergy.sogno.sdk.conformance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line in-process: exit statuses, formats, the token from the environment. */
class ConformanceCliTest {
  record Run(int status, String out, String err) {
  }

  static Run run(Map<String, String> env, Object... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> list = new ArrayList<>();
    for (Object arg : args) {
      list.add(arg.toString());
    }
    int status = ConformanceCli.run(list.toArray(String[]::new), env,
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void exitsZeroForTheSampleSpecOnSdkServer(@TempDir Path dir) {
    Path spec = Services.sampleSpecWithoutSecurity(dir);
    try (Services.Running sample = Services.sample(spec)) {
      Run run = run(Map.of(), "--url", sample.url(), "--spec", spec, "--seed", "1");

      assertThat(run.status()).as(run.out() + run.err()).isEqualTo(ConformanceCli.OK);
      assertThat(run.out()).doesNotContain(" MUST ");
      assertThat(run.err()).contains(": 0 MUST, ");
    }
  }

  @Test
  void exitsOneWithProblemFindingsAndCurlLinesWhenErrorsAreApplicationJson(@TempDir Path dir) {
    Path spec = Services.sampleSpecWithoutSecurity(dir);
    try (Services.Running service = Services.jsonErrors()) {
      Run run = run(Map.of(), "--url", service.url(), "--spec", spec, "--seed", "2");

      assertThat(run.status()).as(run.err()).isEqualTo(ConformanceCli.FINDINGS);
      assertThat(run.out()).contains("SOGNO-301 MUST", "actual 400 application/json",
          "reproduce: curl -sS -i -X POST '" + service.url() + "/v1/powerflows'");
    }
  }

  @Test
  void anIgnoredRuleIsLeftOutOfTheReportAndANameThatIsNoRuleIsAUsageError(@TempDir Path dir) {
    Path spec = Services.sampleSpecWithoutSecurity(dir);
    try (Services.Running service = Services.jsonErrors()) {
      Run ignoring = run(Map.of(), "--url", service.url(), "--spec", spec, "--seed", "2", "--ignore", "sogno-301");

      assertThat(ignoring.out()).as(ignoring.err()).doesNotContain("SOGNO-301").contains("SOGNO-");
      assertThat(run(Map.of(), "--url", service.url(), "--spec", spec, "--ignore", "no-rule").status())
          .isEqualTo(ConformanceCli.USAGE);
    }
  }

  @Test
  void writesJsonWithTheToolAndRedactsTheTokenFromTheEnvironment(@TempDir Path dir) throws Exception {
    Path spec = Services.sampleSpecWithoutSecurity(dir);
    Path report = dir.resolve("out/report.json");
    try (Services.Running service = Services.jsonErrors()) {
      Run run = run(Map.of("SOGNO_TOKEN", "s3cr3t"), "--url=" + service.url(), "--spec=" + spec, "--format", "json",
          "--output", report, "--budget", "200");

      assertThat(run.status()).isEqualTo(ConformanceCli.FINDINGS);
      String json = Files.readString(report);
      JsonNode root = new ObjectMapper().readTree(json);
      assertThat(root.path("tool").asText()).isEqualTo("sogno-conformance");
      assertThat(root.path("failed").asBoolean()).isTrue();
      assertThat(root.path("specs").path(0).path("findings").size()).isPositive();
      assertThat(json).doesNotContain("s3cr3t").contains("Bearer $SOGNO_TOKEN");
      assertThat(run.out()).isEmpty();
    }
  }

  @Test
  void fetchesAnOauth2TokenWithTheSecretFromTheEnvironment(@TempDir Path dir) throws Exception {
    Path spec = Services.sampleSpecWithoutSecurity(dir);
    java.util.concurrent.atomic.AtomicInteger tokenRequests = new java.util.concurrent.atomic.AtomicInteger();
    com.sun.net.httpserver.HttpServer tokens = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    tokens.createContext("/token", exchange -> {
      try (exchange) {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        tokenRequests.incrementAndGet();
        byte[] body = (form.contains("scope=powerflow.read")
            ? "{\"access_token\":\"tok-9\",\"token_type\":\"Bearer\",\"expires_in\":600}"
            : "{\"error\":\"invalid_scope\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(form.contains("scope=powerflow.read") ? 200 : 400, body.length);
        exchange.getResponseBody().write(body);
      }
    });
    tokens.start();
    try (Services.Running service = Services.jsonErrors()) {
      Run run = run(Map.of("SOGNO_CLIENT_SECRET", "client-secret"), "--url", service.url(), "--spec", spec,
          "--token-url", "http://127.0.0.1:" + tokens.getAddress().getPort() + "/token", "--client-id", "checker",
          "--scope", "powerflow.read", "--budget", "50");

      assertThat(run.status()).as(run.err()).isEqualTo(ConformanceCli.FINDINGS);
      assertThat(tokenRequests).hasValue(1);
      assertThat(run.out() + run.err()).doesNotContain("tok-9", "client-secret").contains("Bearer $SOGNO_TOKEN");
    } finally {
      tokens.stop(0);
    }
  }

  @Test
  void exitsTwoOnUsageErrorsNamingThem() {
    assertThat(run(Map.of())).satisfies(r -> {
      assertThat(r.status()).isEqualTo(ConformanceCli.USAGE);
      assertThat(r.err()).contains("--url and --spec are required");
    });
    assertThat(run(Map.of(), "--url", "http://127.0.0.1:1", "--spec", "x.yaml", "--format", "xml").err())
        .contains("unknown format 'xml'");
    assertThat(run(Map.of(), "--url", "http://127.0.0.1:1", "--spec", "x.yaml", "--budget", "0").err())
        .contains("requestBudget must be at least 1: 0");
    assertThat(run(Map.of(), "--url", "http://127.0.0.1:1", "--spec", "no-such.yaml"))
        .satisfies(r -> assertThat(r.status()).isEqualTo(ConformanceCli.USAGE))
        .satisfies(r -> assertThat(r.err()).contains("Cannot read the spec no-such.yaml"));
    assertThat(run(Map.of(), "--url", "ftp://host", "--spec", "x.yaml").err()).contains("http or https");
    assertThat(run(Map.of(), "--help").out()).contains("--url URL");
    assertThat(run(Map.of(), "--url", "http://127.0.0.1:1", "--spec", "x.yaml", "--token-url", "http://127.0.0.1:2/t"))
        .satisfies(r -> assertThat(r.status()).isEqualTo(ConformanceCli.USAGE))
        .satisfies(r -> assertThat(r.err()).contains("--token-url needs --client-id and SOGNO_CLIENT_SECRET"));
  }

  @Test
  void exitsTwoWhenNothingAnswersOrTheSpecDoesNotLoad(@TempDir Path dir) throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "openapi: 3.0.3\npaths: [\n");
    Run nothing = run(Map.of(), "--url", "http://127.0.0.1:1", "--spec", Services.SAMPLE_SPEC);
    Run unusable;
    try (Services.Running service = Services.jsonErrors()) {
      unusable = run(Map.of(), "--url", service.url(), "--spec", broken);
    }

    assertThat(nothing.status()).isEqualTo(ConformanceCli.USAGE);
    assertThat(nothing.err()).contains("Nothing answers at http://127.0.0.1:1");
    assertThat(unusable.status()).isEqualTo(ConformanceCli.USAGE);
    assertThat(unusable.out()).contains("SOGNO-101 MUST " + broken + ":");
  }
}
